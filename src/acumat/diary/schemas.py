"""Validated shapes of diary entries, shared by the CLI, the web pages and the API.

``…In`` models are what a person may submit (strict: unknown fields, out-of-range
numbers, future times and unknown vocabulary words are refused). ``…Out`` models add the
stored identity. Datetimes without a timezone are read as the person's local time, which
needs the acting person's clock in the validation context (see :mod:`acumat.timecheck`).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

from acumat.diary.vocabulary import (
    BACK_LOCATIONS,
    CARE_KINDS,
    SKIN_REACTIONS,
    STOP_REASONS,
    TRIGGERS,
)
from acumat.kinds import ENTRY_KINDS as ENTRY_KINDS
from acumat.kinds import EntryKind as EntryKind
from acumat.timecheck import PastDay, PastTime, context_of
from acumat.validation import AsDecimal, AsWholeNumber, Flag, NoNul

MAX_NOTE = 2000

Score = Annotated[int, Field(ge=0, le=10), AsWholeNumber]
Note = Annotated[str, StringConstraints(max_length=MAX_NOTE, strip_whitespace=True), NoNul]


def _enum(vocabulary: dict[str, str]) -> Any:
    """The vocabulary as an ``enum`` in the JSON schema; the validators keep the wording."""
    return Field(json_schema_extra={"enum": list(vocabulary)})


def _one_of(vocabulary: dict[str, str]) -> AfterValidator:
    def check(value: str) -> str:
        if value not in vocabulary:
            raise ValueError(f"must be one of: {', '.join(vocabulary)}")
        return value

    return AfterValidator(check)


def _unique_words(vocabulary: dict[str, str]) -> AfterValidator:
    def check(values: list[str]) -> list[str]:
        unknown = [v for v in values if v not in vocabulary]
        if unknown:
            raise ValueError(f"unknown {unknown[0]!r}; allowed: {', '.join(vocabulary)}")
        return sorted(set(values), key=list(vocabulary).index)

    return AfterValidator(check)


CareKind = Annotated[str, _enum(CARE_KINDS), _one_of(CARE_KINDS)]
StopReason = Annotated[str, _enum(STOP_REASONS), _one_of(STOP_REASONS)]
SkinReaction = Annotated[str, _enum(SKIN_REACTIONS), _one_of(SKIN_REACTIONS)]
Locations = Annotated[
    list[Annotated[str, _enum(BACK_LOCATIONS)]],
    Field(max_length=len(BACK_LOCATIONS)),
    _unique_words(BACK_LOCATIONS),
]
Triggers = Annotated[
    list[Annotated[str, _enum(TRIGGERS)]], Field(max_length=len(TRIGGERS)), _unique_words(TRIGGERS)
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, allow_inf_nan=False)


class CheckInIn(_Strict):
    """One day's check-in. ``pain`` is the day's average back pain and the PEG's P item."""

    day: PastDay
    pain: Score
    peg_enjoyment: Score | None = None
    peg_activity: Score | None = None
    sleep_quality: Score | None = None
    spasm_count: Annotated[int, Field(ge=0, le=50), AsWholeNumber] | None = None
    stress: Score | None = None
    hours_sitting: Annotated[float, Field(ge=0, le=24), AsDecimal] | None = None
    took_pain_relief: Flag | None = None
    note: Note = ""

    @property
    def peg_score(self) -> float | None:
        """PEG-3: the mean of pain, enjoyment and activity interference, when all three exist."""
        if self.peg_enjoyment is None or self.peg_activity is None:
            return None
        return round((self.pain + self.peg_enjoyment + self.peg_activity) / 3, 2)


class EpisodeIn(_Strict):
    """A spasm episode; ``ended_at`` is ``None`` while it is still going on."""

    started_at: PastTime
    ended_at: PastTime | None = None
    peak_intensity: Score
    locations: Locations = Field(default_factory=list)
    triggers: Triggers = Field(default_factory=list)
    note: Note = ""

    @field_validator("ended_at")
    @classmethod
    def _ends_after_start(cls, value: datetime | None, info: ValidationInfo) -> datetime | None:
        started = info.data.get("started_at")
        if value is None or started is None or context_of(info) is None:
            return value  # judged once both are read in the person's zone (with a context)
        if (value.tzinfo is None) != (started.tzinfo is None):
            return value  # judged again once both are read in the person's zone
        if value < started:
            raise ValueError("ended_at must not be before started_at")
        return value


class MatSessionIn(_Strict):
    """A mat session, finished or stopped early (an interrupted session is still a session)."""

    started_at: PastTime
    planned_minutes: Annotated[int, Field(ge=1, le=60), AsWholeNumber] | None = None
    actual_minutes: Annotated[float, Field(ge=0, le=60), AsDecimal]
    pain_before: Score | None = None
    pain_after: Score | None = None
    fabric_layer: Flag = False
    stopped_early: Flag = False
    stop_reason: StopReason | None = Field(default=None, validate_default=True)
    skin_reaction: SkinReaction = "none"
    note: Note = ""

    @field_validator("stop_reason")
    @classmethod
    def _reason_matches_stop(cls, value: str | None, info: ValidationInfo) -> str | None:
        stopped = info.data.get("stopped_early", False)
        if stopped and value is None:
            raise ValueError(
                f"is required when stopped_early is true; one of: {', '.join(STOP_REASONS)}"
            )
        if not stopped and value is not None:
            raise ValueError("is only allowed when stopped_early is true")
        return value


class CareIn(_Strict):
    """A complementary-care activity: heat, cold, stretching, walking or other."""

    started_at: PastTime
    kind: CareKind
    minutes: Annotated[float, Field(gt=0, le=240), AsDecimal]
    note: Note = ""


class _Stored(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    uuid: str
    created_at: datetime
    updated_at: datetime
    is_demo: bool = False


class CheckInOut(CheckInIn, _Stored):
    model_config = ConfigDict(from_attributes=True, extra="ignore")
    day: date  # stored: not re-checked against today


class EpisodeOut(EpisodeIn, _Stored):
    model_config = ConfigDict(from_attributes=True, extra="ignore")
    started_at: datetime
    ended_at: datetime | None = None


class MatSessionOut(MatSessionIn, _Stored):
    model_config = ConfigDict(from_attributes=True, extra="ignore")
    started_at: datetime


class CareOut(CareIn, _Stored):
    model_config = ConfigDict(from_attributes=True, extra="ignore")
    started_at: datetime


INPUT_SCHEMAS: dict[EntryKind, type[_Strict]] = {
    "checkin": CheckInIn,
    "episode": EpisodeIn,
    "session": MatSessionIn,
    "care": CareIn,
}


class DiaryPage(BaseModel):
    """Every entry between two days (inclusive), newest first within each kind."""

    start: date
    end: date
    checkins: list[CheckInOut]
    episodes: list[EpisodeOut]
    sessions: list[MatSessionOut]
    care: list[CareOut]


class PagedDiary(DiaryPage):
    """One page of entries between two days: at most ``limit`` of them in all, newest first
    within each kind; ``next_cursor`` asks for the entries after them (``None``: no more)."""

    limit: int
    next_cursor: str | None = None
