"""Setup → Event: the paper every PDF is printed on, chosen per event."""

from __future__ import annotations

import datetime as dt

from encounter_desk.core.paper import paper_of
from encounter_desk.event.event import EventDetails
from encounter_desk.ui.widgets.event_form import EventForm


def _details(**kw) -> EventDetails:  # noqa: ANN003
    return EventDetails(code="RCM-EP-2017", name_es="Encuentro", name_en="Encounter",
                        start_date=dt.date(2017, 9, 4), end_date=dt.date(2017, 9, 6),
                        country="México", **kw)


def test_the_paper_follows_the_country_until_chosen(qtbot):
    form = EventForm()
    qtbot.addWidget(form)
    form.set_details(_details())
    assert form.paper.currentData() == "" and "Letter in Mexico" in form.paper.currentText()
    details = form.details()
    assert details.paper == "" and paper_of(details.paper, details.country) == "letter"
    form.paper.setCurrentIndex(form.paper.findData("a4"))
    assert form.details().paper == "a4"
    form.set_details(_details(paper="letter"))
    assert form.paper.currentData() == "letter"
