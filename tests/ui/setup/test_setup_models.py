"""The Setup tables as Qt models: model tester, Spanish sorting, accent-blind filter, edits."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from sqlalchemy import select

from encounter_desk.event import delegations as delegation_admin
from encounter_desk.event import participants, sittings
from encounter_desk.storage.models import AuditEntry
from encounter_desk.ui.setup.delegations_model import DelegationsModel
from encounter_desk.ui.setup.participants_model import ParticipantsModel
from encounter_desk.ui.setup.sittings_model import AgendaModel, SittingsModel
from encounter_desk.ui.widgets.sort_proxy import CollatingProxy
from encounter_desk.ui.widgets.table_model import CHOICES_ROLE

pytestmark = pytest.mark.gui


def _loaded(model):
    model.refresh()
    return model


def _names(proxy, column):
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def _add(db, given, first, second="", code="MX"):
    by_code = {d.code: d.id for d in delegation_admin.list_delegations(db)}
    return participants.create_participant(
        db, given_names=given, first_surname=first, second_surname=second,
        delegation_id=by_code[code],
    )


def test_every_setup_model_passes_the_qt_model_tester(qtbot, qtmodeltester, event_db):
    sitting = sittings.create_sitting(event_db)
    sittings.create_agenda_item(event_db, sitting.id)
    agenda = AgendaModel(event_db)
    agenda.set_sitting(sitting.id)
    for model in (
        _loaded(ParticipantsModel(event_db)),
        _loaded(DelegationsModel(event_db)),
        _loaded(SittingsModel(event_db)),
        agenda,
    ):
        assert model.rowCount() > 0
        qtmodeltester.check(model, force_py=True)
        qtmodeltester.check(model)


def test_names_sort_in_spanish_order_through_the_proxy(qtbot, event_db):
    _add(event_db, "Luis", "Nunez", "Zapata")
    _add(event_db, "Chidi", "Nzeogwu", code="CA")
    _add(event_db, "Marta", "Obando", code="NI")
    _add(event_db, "Pedro", "Azcona", code="HN")
    model = _loaded(ParticipantsModel(event_db))
    proxy = CollatingProxy()
    proxy.setSourceModel(model)
    proxy.sort(ParticipantsModel.NAME, Qt.SortOrder.AscendingOrder)
    surnames = [name.split(",")[0] for name in _names(proxy, ParticipantsModel.NAME)]
    # Accents ignored (Álvarez with the A's), ñ after n and before o; plain code-point order
    # would put Álvarez, Ñandú and Núñez after Obando and Tremblay.
    assert surnames == [
        "Álvarez", "Azcona", "Castañeda Ruiz", "Nunez Zapata", "Nzeogwu",
        "Ñandú", "Obando", "Pérez Núñez", "Tremblay",
    ]


def test_delegation_column_sorts_in_the_canonical_rcm_order(qtbot, event_db):
    model = _loaded(ParticipantsModel(event_db))
    proxy = CollatingProxy()
    proxy.setSourceModel(model)
    proxy.sort(ParticipantsModel.DELEGATION, Qt.SortOrder.AscendingOrder)
    # Canada (2) before Costa Rica (3), El Salvador (4), Mexico (8), Panama (10).
    assert _names(proxy, ParticipantsModel.DELEGATION) == [
        "Canada", "Costa Rica", "El Salvador", "Mexico", "Panama",
    ]


def test_delegations_are_shown_in_canonical_order_and_numbers_sort_numerically(qtbot, event_db):
    model = _loaded(DelegationsModel(event_db))
    proxy = CollatingProxy()
    proxy.setSourceModel(model)
    proxy.sort(DelegationsModel.ORDER, Qt.SortOrder.AscendingOrder)
    codes = _names(proxy, DelegationsModel.CODE)
    assert codes[:11] == ["BZ", "CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO"]
    orders = [int(n) for n in _names(proxy, DelegationsModel.ORDER)]
    assert orders == sorted(orders)  # 2 < 10 < 20, not "10" < "2"


def test_filter_ignores_accents_and_case(qtbot, event_db):
    _add(event_db, "Luis", "Nunez", "Zapata")
    model = _loaded(ParticipantsModel(event_db))
    proxy = CollatingProxy()
    proxy.setSourceModel(model)
    proxy.set_filter_text("nunez")
    assert sorted(_names(proxy, ParticipantsModel.NAME)) == [
        "Nunez Zapata, Luis", "Pérez Núñez, Ana Lucía",
    ]
    proxy.set_filter_text("NÚÑEZ  ana")
    assert _names(proxy, ParticipantsModel.NAME) == ["Pérez Núñez, Ana Lucía"]
    proxy.set_filter_text("mexico")  # the delegation's cell matches too
    assert sorted(_names(proxy, ParticipantsModel.NAME)) == [
        "Castañeda Ruiz, Jorge", "Nunez Zapata, Luis",
    ]
    proxy.set_filter_text("")
    assert proxy.rowCount() == model.rowCount() == 6


def test_editing_a_participant_cell_saves_it_and_writes_the_audit_trail(qtbot, event_db):
    model = _loaded(ParticipantsModel(event_db))
    row = next(r for r in range(model.rowCount()) if model.row_at(r).first_surname == "Pérez")
    person_id = model.row_at(row).id
    index = model.index(row, ParticipantsModel.SECOND_SURNAME)
    with qtbot.waitSignal(model.dataChanged):
        assert model.setData(index, "Núñez de la Cruz", Qt.ItemDataRole.EditRole)

    saved = participants.get_participant(event_db, person_id)
    assert saved.second_surname == "Núñez de la Cruz"
    assert saved.sort_name == "Pérez Núñez de la Cruz, Ana Lucía"
    assert model.index(row, ParticipantsModel.NAME).data() == saved.sort_name
    with event_db.read() as session:
        entry = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.table_name == "participant", AuditEntry.action == "update")
            .order_by(AuditEntry.id.desc())
        ).first()
    assert entry is not None and entry.row_id == str(person_id)
    assert entry.actor == "tester@desk"
    assert json.loads(entry.changes)["second_surname"] == ["Núñez", "Núñez de la Cruz"]


def test_head_checkbox_and_delegation_combo_edit_through_the_model(qtbot, event_db):
    model = _loaded(ParticipantsModel(event_db))
    row = next(r for r in range(model.rowCount()) if model.row_at(r).first_surname == "Tremblay")
    person_id = model.row_at(row).id
    head = model.index(row, ParticipantsModel.HEAD)
    assert head.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert model.setData(head, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert participants.get_participant(event_db, person_id).is_head_of_delegation

    delegation = model.index(row, ParticipantsModel.DELEGATION)
    choices = dict((label, value) for label, value in delegation.data(CHOICES_ROLE))
    assert model.setData(delegation, choices["Belize"], Qt.ItemDataRole.EditRole)
    assert participants.get_participant(event_db, person_id).delegation_code == "BZ"
    assert delegation.data() == "Belize"


def test_a_refused_edit_says_why_and_changes_nothing(qtbot, event_db):
    model = _loaded(ParticipantsModel(event_db))
    person = model.row_at(0)
    with qtbot.waitSignal(model.error_raised) as blocker:
        ok = model.setData(model.index(0, ParticipantsModel.EMAIL), "not-an-address")
    assert not ok
    assert "not an email address" in blocker.args[0]
    assert participants.get_participant(event_db, person.id).email == person.email


def test_a_delegation_with_participants_cannot_be_deleted(qtbot, event_db):
    model = _loaded(DelegationsModel(event_db))
    row = next(r for r in range(model.rowCount()) if model.row_at(r).code == "MX")
    with qtbot.waitSignal(model.error_raised) as blocker:
        assert not model.remove_row(row)
    assert "México" in blocker.args[0] or "Mexico" in blocker.args[0]
    assert "1 participants" in blocker.args[0]
    assert model.rowCount() == 16
    empty = next(r for r in range(model.rowCount()) if model.row_at(r).code == "BZ")
    assert model.remove_row(empty)
    assert "BZ" not in {d.code for d in delegation_admin.list_delegations(event_db)}


def test_sittings_edit_dates_times_and_chair(qtbot, event_db):
    model = SittingsModel(event_db)
    model.refresh()
    row = model.add_row()
    assert row == 0
    assert model.setData(model.index(row, SittingsModel.DATE), QDate(2017, 9, 5))
    assert model.setData(model.index(row, SittingsModel.START), QTime(10, 30))
    assert model.setData(model.index(row, SittingsModel.END), QTime(13, 0))
    chair = dict(model.index(row, SittingsModel.CHAIR).data(CHOICES_ROLE))
    label = next(label for label in chair if label.startswith("Pérez Núñez"))
    assert model.setData(model.index(row, SittingsModel.CHAIR), chair[label])
    saved = sittings.list_sittings(event_db)[0]
    assert (saved.date, saved.scheduled_start, saved.scheduled_end) == (
        dt.date(2017, 9, 5), dt.time(10, 30), dt.time(13, 0))
    assert saved.chair_name == "Pérez Núñez, Ana Lucía"
    # Ending before it starts is refused.
    with qtbot.waitSignal(model.error_raised):
        assert not model.setData(model.index(row, SittingsModel.END), QTime(9, 0))
    assert sittings.list_sittings(event_db)[0].scheduled_end == dt.time(13, 0)


def test_headers_follow_the_language(qtbot, event_db, monkeypatch):
    from encounter_desk.core import i18n
    from encounter_desk.ui.shell.translations import Translators

    monkeypatch.setitem(i18n._catalogues, "es", {("ParticipantsModel", "Name"): "Nombre"})
    model = _loaded(ParticipantsModel(event_db))
    translators = Translators()
    try:
        translators.install("es")
        with qtbot.waitSignal(model.headerDataChanged):
            model.retranslate()
        assert model.headerData(ParticipantsModel.NAME, Qt.Orientation.Horizontal) == "Nombre"
        assert model.index(0, ParticipantsModel.GENDER).data() in {"Mujer", "Hombre", "Female", "Male"}
    finally:
        translators.install("en")
    assert model.headerData(ParticipantsModel.NAME, Qt.Orientation.Horizontal) == "Name"


def test_qt_calls_do_not_drain_references_to_none(qtbot):
    """PySide6 6.12.0 dropped a reference to None on every void call and on every call of a
    Python translator, until the app aborted ("deallocating None"); pyproject.toml pins it
    out. This guards the pin."""
    import sys

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QWidget

    from encounter_desk.ui.shell.translations import Translators

    translators = Translators()
    translators.install("en")
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(2000):
        QCoreApplication.translate("Nowhere", "Untranslated text")
        widget.setFixedWidth(5)
    assert abs(sys.getrefcount(None) - before) < 50
