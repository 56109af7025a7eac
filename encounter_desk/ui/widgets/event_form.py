"""The event's details as a form: used to create an event and in Setup → Event."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QLabel, QLineEdit, QWidget

from encounter_desk.core import names as text
from encounter_desk.core.errors import Refusal
from encounter_desk.event.event import EventDetails
from encounter_desk.ui.widgets.retranslating import Retranslating


class EventForm(Retranslating, QWidget):
    """Names in Spanish and English, reference code, dates, venue, city, country, paper."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_es = QLineEdit()
        self.name_en = QLineEdit()
        self.short_name_es = QLineEdit()
        self.short_name_en = QLineEdit()
        self.code = QLineEdit()
        self.code.setMaxLength(40)
        self.start_date = QDateEdit()
        self.end_date = QDateEdit()
        for edit in (self.start_date, self.end_date):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate.currentDate())
        self.venue = QLineEdit()
        self.city = QLineEdit()
        self.country = QLineEdit()
        self.paper = QComboBox()  # "" follows the country: Letter in Mexico and the region
        self.paper.setObjectName("eventPaper")
        for value in ("", "letter", "a4"):
            self.paper.addItem("", value)
        self._base: EventDetails | None = None

        self._labels: dict[str, QLabel] = {}
        layout = QFormLayout(self)
        for key in ("name_es", "name_en", "short_name_es", "short_name_en", "code",
                    "start_date", "end_date", "venue", "city", "country", "paper"):
            label = QLabel()
            label.setBuddy(getattr(self, key))
            self._labels[key] = label
            layout.addRow(label, getattr(self, key))
        self.retranslate()

    def retranslate(self) -> None:
        texts = {
            "name_es": self.tr("Name in Spanish"),
            "name_en": self.tr("Name in English"),
            "short_name_es": self.tr("Short name in Spanish"),
            "short_name_en": self.tr("Short name in English"),
            "code": self.tr("Reference code"),
            "start_date": self.tr("First day"),
            "end_date": self.tr("Last day"),
            "venue": self.tr("Venue"),
            "city": self.tr("City"),
            "country": self.tr("Country"),
            "paper": self.tr("Paper"),
        }
        for key, value in texts.items():
            self._labels[key].setText(value + ":")
        self.code.setPlaceholderText(self.tr("printed on badges and minutes, e.g. RCM-EP-2017"))
        for index, text_ in enumerate((self.tr("As the country prints (Letter in Mexico)"),
                                       self.tr("Letter"), self.tr("A4"))):
            self.paper.setItemText(index, text_)

    def set_details(self, details: EventDetails) -> None:
        self._base = details
        for key in ("name_es", "name_en", "short_name_es", "short_name_en", "code",
                    "venue", "city", "country"):
            getattr(self, key).setText(getattr(details, key))
        self.start_date.setDate(_qdate(details.start_date))
        self.end_date.setDate(_qdate(details.end_date))
        self.paper.setCurrentIndex(max(0, self.paper.findData(details.paper)))

    def details(self) -> EventDetails:
        """The form's values; a :class:`Refusal` says which one is missing or wrong."""
        values = {
            key: text.clean(getattr(self, key).text())
            for key in ("name_es", "name_en", "short_name_es", "short_name_en", "code",
                        "venue", "city", "country")
        }
        if not values["name_es"] or not values["name_en"]:
            raise Refusal(self.tr("Give the event a name in Spanish and in English."),
                          "event.names")
        if not values["code"]:
            raise Refusal(self.tr("Give the event a reference code (it is printed on badges)."),
                          "event.code")
        start = _pydate(self.start_date.date())
        end = _pydate(self.end_date.date())
        if end < start:
            raise Refusal(self.tr("The last day cannot come before the first day."),
                          "event.dates")
        paper = self.paper.currentData() or ""
        if self._base is not None:
            return dataclasses.replace(self._base, start_date=start, end_date=end, paper=paper,
                                       **values)
        return EventDetails(start_date=start, end_date=end, paper=paper, **values)


def _qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())
