"""The road map of commitments: stages, horizons and the history of every change of stage.

An :class:`~encounter_desk.storage.models.records.Initiative` is a commitment of the road
map: its instrument is its ``kind``, and it carries a ``stage`` (announced → … → enacted,
or withdrawn), a ``horizon`` (short term ≤ 6 months, medium term ≤ 18 months), an
indicator, a focal point and its text in Spanish and English. Every change of stage is a
row of ``initiative_stage_change`` — kept, never overwritten — with the date the change
happened, where the news came from (the app, a form returned by a parliament…) and who
entered it.

The old register ``status`` (pledged, drafted, tabled, adopted, withdrawn) follows the
stage: :data:`STATUS_OF_STAGE` is the one place that says which status a stage means.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from encounter_desk.core.i18n import QT_TRANSLATE_NOOP
from encounter_desk.storage.models.base import Base, UTCDateTime, Vocabulary, utcnow


class Stage(Vocabulary):
    ANNOUNCED = "announced", QT_TRANSLATE_NOOP("Roadmap", "Announced")
    DRAFTED = "drafted", QT_TRANSLATE_NOOP("Roadmap", "Drafted")
    FILED = "filed", QT_TRANSLATE_NOOP("Roadmap", "Filed")
    IN_COMMITTEE = "in_committee", QT_TRANSLATE_NOOP("Roadmap", "In committee")
    REPORTED = "reported", QT_TRANSLATE_NOOP("Roadmap", "Reported")
    APPROVED = "approved", QT_TRANSLATE_NOOP("Roadmap", "Approved")
    ENACTED = "enacted", QT_TRANSLATE_NOOP("Roadmap", "Enacted")
    WITHDRAWN = "withdrawn", QT_TRANSLATE_NOOP("Roadmap", "Withdrawn")


STAGE_LABELS = Stage.labels()
STAGE_ORDER = {stage: index for index, stage in enumerate(Stage)}

# the register's status for each stage (the status list is coarser)
STATUS_OF_STAGE = {
    Stage.ANNOUNCED: "pledged",
    Stage.DRAFTED: "drafted",
    Stage.FILED: "tabled",
    Stage.IN_COMMITTEE: "tabled",
    Stage.REPORTED: "tabled",
    Stage.APPROVED: "adopted",
    Stage.ENACTED: "adopted",
    Stage.WITHDRAWN: "withdrawn",
}
# and the stage a status set in the register stands for
STAGE_OF_STATUS = {
    "pledged": Stage.ANNOUNCED,
    "drafted": Stage.DRAFTED,
    "tabled": Stage.FILED,
    "adopted": Stage.APPROVED,
    "withdrawn": Stage.WITHDRAWN,
}


class Horizon(Vocabulary):
    SHORT = "short", QT_TRANSLATE_NOOP("Roadmap", "Short term (6 months)")
    MEDIUM = "medium", QT_TRANSLATE_NOOP("Roadmap", "Medium term (18 months)")


HORIZON_LABELS = Horizon.labels()
HORIZON_MONTHS = {Horizon.SHORT: 6, Horizon.MEDIUM: 18}


class StageSource(Vocabulary):
    APP = "app", QT_TRANSLATE_NOOP("Roadmap", "Entered in the app")
    FORM = "form", QT_TRANSLATE_NOOP("Roadmap", "Follow-up form")
    ENCOUNTER = "encounter", QT_TRANSLATE_NOOP("Roadmap", "Pledged at the encounter")


STAGE_SOURCE_LABELS = StageSource.labels()


class InitiativeStageChange(Base):
    __tablename__ = "initiative_stage_change"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    initiative_id: Mapped[int] = mapped_column(ForeignKey("initiative.id", ondelete="CASCADE"), index=True)
    stage: Mapped[str] = mapped_column(String(20))
    previous_stage: Mapped[str] = mapped_column(String(20), default="")
    """The stage before this change ("" for the first entry)."""
    changed_on: Mapped[dt.date] = mapped_column(Date)
    """When the change happened in the parliament (as reported), not when it was typed."""
    source: Mapped[str] = mapped_column(String(20), default=StageSource.APP.value)
    source_detail: Mapped[str] = mapped_column(String(300), default="")
    """The file a form came back as, or a reference (gazette, committee report…)."""
    entered_by: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
