"""Stored shapes of the safety room: screenings, clinician approvals, the mat status."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    StrictBool,
    StrictInt,
    StringConstraints,
)

from acumat.diary.schemas import about
from acumat.safety.levels import Urgency, Verdict
from acumat.safety.permission import MatPermission
from acumat.safety.result import ReasonOut, RefusedAnswer, TriageOut
from acumat.timecheck import PastDay, instant_in_window, instant_not_future
from acumat.validation import Identity, NoNul

# ReasonOut and RefusedAnswer are re-exported for callers that import them from here.
__all__ = [
    "CLEARED",
    "ApprovalIn",
    "ApprovalOut",
    "ApprovalRecord",
    "MatStatus",
    "ReasonOut",
    "RefusedAnswer",
    "ScreeningOut",
    "ScreeningRecord",
]

CLEARED = "ok-with-clinician-approval"


class ScreeningOut(TriageOut):
    """A stored triage result (full questionnaire or daily re-check): the result, plus what
    identifies it, when and how it was taken, the answers it judged, and whether it is demo
    data (demo results are labelled as such everywhere).

    ``refused`` is never stored: it lists answers refused when the result was saved from the
    valid ones because one of those was urgent.
    """

    id: int
    uuid: str
    taken_at: datetime
    origin: str
    answers: dict[str, Any]
    is_demo: bool = False

    @property
    def stored_id(self) -> int | None:
        return self.id


class ApprovalIn(BaseModel):
    """A clinician said mat use is fine: who, and on which day."""

    # The titles and descriptions are the words people meet: the web form's labels and
    # hints, and the OpenAPI document (read by acumat.present.fields.field_info).
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    clinician: Annotated[
        str,
        StringConstraints(min_length=2, max_length=200),
        NoNul,
        about(
            "Who said so (name and role)",
            "The doctor, nurse or physiotherapist who said a mat is fine for you.",
            example="Dr Lee, GP",
        ),
    ]
    approved_on: Annotated[
        PastDay,
        about("When they said so", "The day they said so: today or earlier.", example="2026-03-14"),
    ]
    note: Annotated[
        str,
        StringConstraints(max_length=2000),
        NoNul,
        about(
            "Anything they added", "Anything the clinician added, such as how long to start with."
        ),
    ] = ""


class ApprovalOut(ApprovalIn):
    model_config = ConfigDict(from_attributes=True)

    id: int
    uuid: str
    screening_id: int
    created_at: datetime
    approved_on: date


class MatStatus(BaseModel):
    """What the latest screening allows now, after any clinician approval.

    ``permission`` is the decision (:func:`acumat.safety.permission.mat_permission`);
    ``may_use_mat`` follows from it, and ``verdict`` is the verdict as worded for people
    (``ok-with-clinician-approval`` once an approval clears ``caution-consult``).
    """

    screening: ScreeningOut | None
    approval: ApprovalOut | None
    verdict: str | None
    permission: MatPermission
    may_use_mat: bool
    message: str


# --- records: the safety history as an export file holds it ------------------------------

LEVEL_NAMES = frozenset({*(str(u) for u in Urgency), *(str(v) for v in Verdict), ""})

Name = Annotated[str, StringConstraints(min_length=1, max_length=80), NoNul]
Wording = Annotated[str, StringConstraints(max_length=2000), NoNul]
MAX_ANSWER = 200


def _answer_value(value: object) -> str | int:
    """An answer as it was given: text (``yes``, ``"35"``) or a whole number, never a bool."""
    if isinstance(value, str) and len(value) <= MAX_ANSWER:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise ValueError(f"must be a text answer of at most {MAX_ANSWER} characters or a whole number")


AnswerValue = Annotated[str | int, PlainValidator(_answer_value)]


def _known_level(value: str) -> str:
    if value not in LEVEL_NAMES:
        allowed = ", ".join(sorted(name for name in LEVEL_NAMES if name))
        raise ValueError(f"must be one of: {allowed} (or empty)")
    return value


class ReasonRecord(BaseModel):
    """A stored reason, exactly as it was decided (``level`` may be empty, as in
    :class:`ReasonOut`)."""

    model_config = ConfigDict(extra="forbid")

    rule: Name
    text: Wording
    action: Wording
    sources: Annotated[list[Name], Field(max_length=50)]
    level: Annotated[str, AfterValidator(_known_level)]


class ScreeningRecord(BaseModel):
    """One screening as an export holds it: the decision as it was made, never re-judged.

    Strict, because whatever is imported is later shown as a safety result: unknown
    urgency, verdict or level names, naive or future times and stray fields are refused.
    ``uuid`` is ``None`` in files from before version 3: the screening is then new.
    The answers are kept as given, unchecked against today's questions, since the rule
    set that decided them may have changed since.
    """

    model_config = ConfigDict(extra="forbid", use_enum_values=True)

    uuid: Identity | None = None
    taken_at: Annotated[AwareDatetime, AfterValidator(instant_not_future)]
    origin: Literal["screening", "checkin"]
    complete: StrictBool
    answers: Annotated[dict[Name, AnswerValue], Field(max_length=200)]
    urgency: Urgency
    verdict: Verdict
    reasons: Annotated[list[ReasonRecord], Field(max_length=200)]
    ruleset_version: Name
    is_demo: StrictBool = False


class ApprovalRecord(ApprovalIn):
    """One clinician approval as an export holds it.

    ``screening`` is the 1-based position, in the same file, of the screening it clears;
    the file reader checks that it points at a ``caution-consult`` screening there.
    ``uuid`` is ``None`` in files from before version 3: the approval is then new.
    """

    uuid: Identity | None = None
    screening: Annotated[StrictInt, Field(ge=1)]
    created_at: Annotated[AwareDatetime, AfterValidator(instant_in_window)]
