"""Each badge shows its category as a coloured band with a word in both languages."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader

from encounter_desk.desk import badge_pdf
from encounter_desk.desk.badges import CATEGORY_BANDS, load_badges
from encounter_desk.event import event as events
from encounter_desk.event import participants
from encounter_desk.storage.models import Category


def test_every_category_has_its_own_band():
    assert set(CATEGORY_BANDS) == {c.value for c in Category}
    assert len({colour for colour, _word in CATEGORY_BANDS.values()}) == len(CATEGORY_BANDS)
    words = [word for _colour, word in CATEGORY_BANDS.values()]
    assert "DELEGACIÓN / DELEGATE" in words and "PRENSA / PRESS" in words
    assert "ORGANIZACIÓN / STAFF" in words and "OBSERVADOR / OBSERVER" in words


def test_the_badge_carries_its_band_and_draws_it(db, tmp_path):
    events.create_event(db, events.EventDetails(
        code="B", name_es="Encuentro", name_en="Encounter",
        start_date=dt.date(2017, 9, 4), end_date=dt.date(2017, 9, 6)))
    press = participants.create_participant(db, given_names="María", first_surname="Peña",
                                            category="press").id
    with db.read() as session:
        [badge] = load_badges(session, [press], "es")
    assert (badge.category_colour, badge.category_word) == CATEGORY_BANDS["press"]
    out = tmp_path / "b.pdf"
    badge_pdf.render_badges([badge], out, layout="a6")
    page = PdfReader(out).pages[0]
    assert "PRENSA / PRESS" in page.extract_text()
    drawing = page.get_contents().get_data()
    assert b".776471 .156863 .156863 rg" in drawing  # the band's red, #c62828
