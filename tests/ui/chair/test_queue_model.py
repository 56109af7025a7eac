"""The waiting speakers' table model: Qt's model tester, the columns, drag and drop."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from encounter_desk.chair import commands as speakers
from encounter_desk.storage.models import SpeechKind
from encounter_desk.ui.chair.looks import kind_look
from encounter_desk.ui.chair.queue_model import (
    COL_DELEGATION,
    COL_KIND,
    COL_NOTE,
    COL_ORDER,
    COL_SPEAKER,
    COL_TIME,
    COLUMNS,
    MIME_TYPE,
    SPEECH_ID_ROLE,
    QueueModel,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def model(room, qtbot) -> QueueModel:
    room.add("ana")
    room.add("jorge", limit_seconds=None)  # the chair gave him no limit
    speakers.start_next(room.db, room.sitting, room.item)  # Ana speaks
    room.add("rosa")
    room.add("itzel", kind=SpeechKind.RIGHT_OF_REPLY)
    room.add("patricia", kind=SpeechKind.POINT_OF_ORDER)
    model = QueueModel()
    model.set_entries(room.snapshot().waiting)
    return model


def cell(model: QueueModel, row: int, col: int, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001
    return model.data(model.index(row, col), role)


def test_model_passes_qt_model_tester(model, qtmodeltester):
    qtmodeltester.check(model, force_py=True)
    model.set_entries([])
    qtmodeltester.check(model, force_py=True)


def test_columns_show_the_queue_in_order(model):
    assert model.rowCount() == 4 and model.columnCount() == COLUMNS
    assert [cell(model, r, COL_SPEAKER) for r in range(4)] == [
        "Hon. Patricia Tremblay", "H.D. Itzel Ñandú", "Sen. Jorge Castañeda Ruiz",
        "Dip. Rosa Álvarez"]
    assert [cell(model, r, COL_ORDER) for r in range(4)] == ["1", "2", "3", "4"]
    assert cell(model, 0, COL_KIND) == "! Point of order"
    assert cell(model, 1, COL_KIND) == "↩ Right of reply"
    assert cell(model, 2, COL_KIND) == "● Statement"
    assert cell(model, 1, COL_KIND, Qt.ItemDataRole.BackgroundRole).color().name() == (
        kind_look(SpeechKind.RIGHT_OF_REPLY).background)
    assert cell(model, 0, COL_DELEGATION) == "Canada"
    assert [cell(model, r, COL_TIME) for r in range(4)] == ["1:00", "1:30", "no limit", "3:00"]
    assert cell(model, 1, COL_NOTE) == "★ first · ↩ Dip. Ana Lucía Pérez Núñez"
    assert cell(model, 0, COL_NOTE) == ""  # a point of order is nobody's first speech
    assert "Answers Dip. Ana Lucía Pérez Núñez" in cell(model, 1, COL_NOTE,
                                                        Qt.ItemDataRole.ToolTipRole)
    assert cell(model, 2, COL_SPEAKER, SPEECH_ID_ROLE) == model.entry(2).id
    assert model.headerData(COL_SPEAKER, Qt.Orientation.Horizontal) == "Speaker"
    assert model.data(model.index(9, 0)) is None


def test_drag_and_drop_asks_for_a_move(model, qtbot):
    first = model.entry(0).id
    last = model.entry(3).id
    data = model.mimeData([model.index(0, COL_SPEAKER), model.index(0, COL_KIND)])
    assert data.hasFormat(MIME_TYPE)
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 2, 0, QModelIndex())
    assert not model.canDropMimeData(data, Qt.DropAction.CopyAction, 2, 0, QModelIndex())
    # dropped between rows 2 and 3: it leaves row 0 first, so it becomes the third
    with qtbot.waitSignal(model.move_requested) as blocker:
        assert model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex()) is False
    assert blocker.args == [first, 2]
    # dropped on a row: it takes that row's place
    data = model.mimeData([model.index(3, 0)])
    with qtbot.waitSignal(model.move_requested) as blocker:
        model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.index(1, 0))
    assert blocker.args == [last, 1]
    # dropped below the last row: the end
    data = model.mimeData([model.index(1, 0)])
    with qtbot.waitSignal(model.move_requested) as blocker:
        model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
    assert blocker.args == [model.entry(1).id, 3]
    # dropped where it already is: nothing to ask
    data = model.mimeData([model.index(2, 0)])
    with qtbot.assertNotEmitted(model.move_requested):
        model.dropMimeData(data, Qt.DropAction.MoveAction, 2, 0, QModelIndex())
    assert model.flags(QModelIndex()) & Qt.ItemFlag.ItemIsDropEnabled
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
