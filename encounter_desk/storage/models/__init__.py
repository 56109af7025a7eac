"""The tables of an event file. Import from here: ``from encounter_desk.storage.models import Participant``."""

from sqlalchemy import event

from encounter_desk.core import names as text
from encounter_desk.storage.models.audit import AuditEntry
from encounter_desk.storage.models.base import Base, UTCDateTime, utcnow
from encounter_desk.storage.models.declaration import (
    ADOPTION_METHOD_LABELS,
    AMENDMENT_KIND_LABELS,
    AMENDMENT_STATUS_LABELS,
    STATEMENT_KIND_LABELS,
    VOTE_LABELS,
    AdoptionMethod,
    AmendmentKind,
    AmendmentSponsor,
    AmendmentStatus,
    Declaration,
    DeclarationAdoption,
    DeclarationAmendment,
    DeclarationDiscussion,
    DeclarationParagraph,
    DeclarationPart,
    DeclarationStatement,
    DeclarationVote,
    StatementKind,
    Vote,
)
from encounter_desk.storage.models.encounter import Event
from encounter_desk.storage.models.people import (
    CATEGORY_LABELS,
    DELEGATION_KIND_LABELS,
    GENDER_LABELS,
    Category,
    Delegation,
    DelegationKind,
    Gender,
    Participant,
)
from encounter_desk.storage.models.records import (
    ADOPTION_LABELS,
    ATTENDANCE_SOURCE_LABELS,
    ATTENDANCE_STATUS_LABELS,
    INITIATIVE_KIND_LABELS,
    INITIATIVE_STATUS_LABELS,
    Adoption,
    Agreement,
    Attendance,
    AttendanceSource,
    AttendanceStatus,
    Initiative,
    InitiativeKind,
    InitiativeSponsor,
    InitiativeStatus,
)
from encounter_desk.storage.models.roadmap import (
    HORIZON_LABELS,
    STAGE_LABELS,
    STAGE_SOURCE_LABELS,
    Horizon,
    InitiativeStageChange,
    Stage,
    StageSource,
)
from encounter_desk.storage.models.scans import CheckIn, Scan
from encounter_desk.storage.models.sittings import AgendaItem, Recess, Sitting
from encounter_desk.storage.models.speeches import (
    POINT_REASON_LABELS,
    REASON_TEXT_LENGTH,
    SPEECH_KIND_LABELS,
    SPEECH_STATE_LABELS,
    PointReason,
    SpeakerList,
    SpeakingBudget,
    Speech,
    SpeechKind,
    SpeechState,
)

__all__ = [
    "ADOPTION_METHOD_LABELS",
    "AMENDMENT_KIND_LABELS",
    "AMENDMENT_STATUS_LABELS",
    "STATEMENT_KIND_LABELS",
    "VOTE_LABELS",
    "AdoptionMethod",
    "AmendmentKind",
    "AmendmentSponsor",
    "AmendmentStatus",
    "Declaration",
    "DeclarationAdoption",
    "DeclarationAmendment",
    "DeclarationDiscussion",
    "DeclarationParagraph",
    "DeclarationPart",
    "DeclarationStatement",
    "DeclarationVote",
    "StatementKind",
    "Vote",
    "ADOPTION_LABELS",
    "ATTENDANCE_SOURCE_LABELS",
    "ATTENDANCE_STATUS_LABELS",
    "Adoption",
    "AgendaItem",
    "Agreement",
    "Attendance",
    "AttendanceSource",
    "AttendanceStatus",
    "INITIATIVE_KIND_LABELS",
    "INITIATIVE_STATUS_LABELS",
    "Initiative",
    "Recess",
    "InitiativeKind",
    "InitiativeSponsor",
    "InitiativeStatus",
    "HORIZON_LABELS",
    "Horizon",
    "InitiativeStageChange",
    "STAGE_LABELS",
    "STAGE_SOURCE_LABELS",
    "Stage",
    "StageSource",
    "AuditEntry",
    "Base",
    "CATEGORY_LABELS",
    "Category",
    "CheckIn",
    "DELEGATION_KIND_LABELS",
    "Delegation",
    "DelegationKind",
    "Event",
    "GENDER_LABELS",
    "Gender",
    "Participant",
    "Scan",
    "POINT_REASON_LABELS",
    "PointReason",
    "REASON_TEXT_LENGTH",
    "SPEECH_KIND_LABELS",
    "SPEECH_STATE_LABELS",
    "Sitting",
    "SpeakerList",
    "SpeakingBudget",
    "Speech",
    "SpeechKind",
    "SpeechState",
    "UTCDateTime",
    "utcnow",
]


def _refresh_names(mapper, connection, target: Participant) -> None:  # noqa: ANN001
    """Keep the derived name columns true to the name parts on every write."""
    target.given_names = text.clean(target.given_names)
    target.first_surname = text.clean(target.first_surname)
    target.second_surname = text.clean(target.second_surname)
    target.title = text.clean(target.title)
    target.display_name = text.full_name(
        target.given_names, target.first_surname, target.second_surname
    )
    target.sort_name = text.sort_name(
        target.given_names, target.first_surname, target.second_surname
    )
    target.sort_key = text.collation_key(target.sort_name)
    target.identity_key = text.fold(target.display_name)


event.listen(Participant, "before_insert", _refresh_names)
event.listen(Participant, "before_update", _refresh_names)
