"""Validated shapes of diary entries, shared by the CLI, the web pages and the API.

``…In`` models are what a person may submit (strict: unknown fields, out-of-range
numbers, future times and unknown vocabulary words are refused). ``…Out`` models add the
stored identity. Datetimes without a timezone are read as the person's local time.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

from acumat import clock
from acumat.diary.vocabulary import (
    BACK_LOCATIONS,
    CARE_KINDS,
    SKIN_REACTIONS,
    STOP_REASONS,
    TRIGGERS,
)

MAX_NOTE = 2000
FUTURE_SLACK = timedelta(minutes=5)

Score = Annotated[int, Field(ge=0, le=10, strict=False)]
Note = Annotated[str, StringConstraints(max_length=MAX_NOTE, strip_whitespace=True)]


def _not_in_future_day(value: date) -> date:
    if value > clock.today():
        raise ValueError(f"must be today ({clock.today().isoformat()}) or earlier")
    return value


def _aware_not_future(value: datetime) -> datetime:
    if value.tzinfo is None:
        value = value.replace(tzinfo=clock.local_zone())
    value = value.astimezone(UTC)
    if value > clock.utcnow() + FUTURE_SLACK:
        raise ValueError("must not be in the future")
    return value


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


PastDay = Annotated[date, AfterValidator(_not_in_future_day)]
PastTime = Annotated[datetime, AfterValidator(_aware_not_future)]
Trigger = Annotated[str, _one_of(TRIGGERS)]
CareKind = Annotated[str, _one_of(CARE_KINDS)]
StopReason = Annotated[str, _one_of(STOP_REASONS)]
SkinReaction = Annotated[str, _one_of(SKIN_REACTIONS)]
Locations = Annotated[
    list[str], Field(max_length=len(BACK_LOCATIONS)), _unique_words(BACK_LOCATIONS)
]
Triggers = Annotated[list[str], Field(max_length=len(TRIGGERS)), _unique_words(TRIGGERS)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class CheckInIn(_Strict):
    """One day's check-in. ``pain`` is the day's average back pain and the PEG's P item."""

    day: PastDay
    pain: Score
    peg_enjoyment: Score | None = None
    peg_activity: Score | None = None
    sleep_quality: Score | None = None
    spasm_count: Annotated[int, Field(ge=0, le=50)] | None = None
    stress: Score | None = None
    hours_sitting: Annotated[float, Field(ge=0, le=24)] | None = None
    took_pain_relief: bool | None = None
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
        if value is not None and started is not None and value < started:
            raise ValueError("ended_at must not be before started_at")
        return value


class MatSessionIn(_Strict):
    """A mat session, finished or stopped early (an interrupted session is still a session)."""

    started_at: PastTime
    planned_minutes: Annotated[int, Field(ge=1, le=60)] | None = None
    actual_minutes: Annotated[float, Field(ge=0, le=60)]
    pain_before: Score | None = None
    pain_after: Score | None = None
    fabric_layer: bool = False
    stopped_early: bool = False
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
    minutes: Annotated[float, Field(gt=0, le=240)]
    note: Note = ""


class _Stored(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
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


EntryKind = Literal["checkin", "episode", "session", "care"]
ENTRY_KINDS: tuple[EntryKind, ...] = ("checkin", "episode", "session", "care")

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
