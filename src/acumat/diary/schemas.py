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
    AFTER_EFFECTS,
    BACK_LOCATIONS,
    CARE_KINDS,
    SKIN_REACTIONS,
    STOP_REASONS,
    TRIGGERS,
)
from acumat.kinds import ENTRY_KINDS as ENTRY_KINDS
from acumat.kinds import EntryKind as EntryKind
from acumat.timecheck import PastDay, PastTime, context_of
from acumat.validation import AsDecimal, AsWholeNumber, Flag, NoNul, refusal

MAX_NOTE = 2000

Score = Annotated[int, Field(ge=0, le=10), AsWholeNumber]
Note = Annotated[str, StringConstraints(max_length=MAX_NOTE, strip_whitespace=True), NoNul]


def _enum(vocabulary: dict[str, str]) -> Any:
    """The vocabulary as an ``enum`` in the JSON schema; the validators keep the wording."""
    return Field(json_schema_extra={"enum": list(vocabulary)})


def _one_of(vocabulary: dict[str, str]) -> AfterValidator:
    def check(value: str) -> str:
        if value not in vocabulary:
            raise refusal("unknown_word", allowed=list(vocabulary))
        return value

    return AfterValidator(check)


def _unique_words(vocabulary: dict[str, str]) -> AfterValidator:
    def check(values: list[str]) -> list[str]:
        unknown = [v for v in values if v not in vocabulary]
        if unknown:
            raise refusal("unknown_word", given=unknown[0][:40], allowed=list(vocabulary))
        return sorted(set(values), key=list(vocabulary).index)

    return AfterValidator(check)


def about(
    title: str,
    description: str,
    *,
    unit: str | None = None,
    example: object = None,
    question: str | None = None,
) -> Any:
    """A field's words and unit: the label people see, its help, and what it is counted in.

    Web labels and hints, CLI help and prompts and the OpenAPI document all read these
    (see :func:`acumat.present.fields.field_info`). ``question`` is how a yes-or-no field is
    asked at a terminal, where its label (a checkbox's words) would not read as a question.
    """
    extra: dict[str, Any] = {}  # only what is given: an explicit None would drop an enum
    schema_extra = {k: v for k, v in {"unit": unit, "question": question}.items() if v}
    if schema_extra:
        extra["json_schema_extra"] = schema_extra
    if example is not None:
        extra["examples"] = [example]
    return Field(title=title, description=description, **extra)


SCALE = "0 no pain, 10 worst imaginable"


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
AfterEffects = Annotated[
    list[Annotated[str, _enum(AFTER_EFFECTS)]],
    Field(max_length=len(AFTER_EFFECTS)),
    _unique_words(AFTER_EFFECTS),
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, allow_inf_nan=False)


class CheckInIn(_Strict):
    """One day's check-in. ``pain`` is the day's average back pain and the PEG's P item."""

    day: Annotated[PastDay, about("Day", "The day this check-in is about: today or earlier.")]
    pain: Annotated[
        Score, about("Back pain today", f"Your back pain today: {SCALE}.", unit="score", example=4)
    ]
    peg_enjoyment: Annotated[
        Score | None,
        about(
            "Pain got in the way of enjoying life",
            "How much pain got in the way of enjoying life today: 0 not at all, 10 completely.",
            unit="score",
            example=3,
        ),
    ] = None
    peg_activity: Annotated[
        Score | None,
        about(
            "Pain got in the way of your usual activities",
            "How much pain got in the way of your usual activities today: 0 not at all, "
            "10 completely.",
            unit="score",
            example=3,
        ),
    ] = None
    sleep_quality: Annotated[
        Score | None,
        about(
            "Sleep last night",
            "How well you slept last night: 0 very poor, 10 very good.",
            unit="score",
            example=6,
        ),
    ] = None
    spasm_count: Annotated[
        Annotated[int, Field(ge=0, le=50), AsWholeNumber] | None,
        about("Spasms today", "How many back spasms you had today.", unit="count", example=1),
    ] = None
    stress: Annotated[
        Score | None,
        about(
            "Stress", "How stressed you felt today: 0 calm, 10 extreme.", unit="score", example=5
        ),
    ] = None
    hours_sitting: Annotated[
        Annotated[float, Field(ge=0, le=24), AsDecimal] | None,
        about("Hours sitting", "About how many hours you sat today.", unit="hours", example=6.5),
    ] = None
    took_pain_relief: Annotated[
        Flag | None,
        about(
            "Took pain relief",
            "Whether you took anything for the pain today (yes or no).",
            question="Did you take anything for the pain today?",
        ),
    ] = None
    note: Annotated[Note, about("Note", "Anything else worth remembering about the day.")] = ""

    @property
    def peg_score(self) -> float | None:
        """PEG-3: the mean of pain, enjoyment and activity interference, when all three exist."""
        if self.peg_enjoyment is None or self.peg_activity is None:
            return None
        return round((self.pain + self.peg_enjoyment + self.peg_activity) / 3, 2)


class EpisodeIn(_Strict):
    """A spasm episode; ``ended_at`` is ``None`` while it is still going on."""

    started_at: Annotated[PastTime, about("Started", "When the spasm began, in your own time.")]
    ended_at: Annotated[
        PastTime | None, about("Ended", "When it ended; leave it out while it is still going on.")
    ] = None
    peak_intensity: Annotated[
        Score,
        about(
            "Worst pain during it",
            f"Your pain at its worst: {SCALE}.",
            unit="score",
            example=7,
        ),
    ]
    locations: Annotated[
        Locations, about("Where in your back", "Every place you felt it; pick any that apply.")
    ] = Field(default_factory=list)
    triggers: Annotated[
        Triggers, about("What may have set it off", "Anything you think started it.")
    ] = Field(default_factory=list)
    note: Annotated[Note, about("Note", "Anything else worth remembering about it.")] = ""

    @field_validator("ended_at")
    @classmethod
    def _ends_after_start(cls, value: datetime | None, info: ValidationInfo) -> datetime | None:
        started = info.data.get("started_at")
        if value is None or started is None or context_of(info) is None:
            return value  # judged once both are read in the person's zone (with a context)
        if (value.tzinfo is None) != (started.tzinfo is None):
            return value  # judged again once both are read in the person's zone
        if value < started:
            raise refusal("ends_before_start")
        return value


class MatSessionIn(_Strict):
    """A mat session, finished or stopped early (an interrupted session is still a session)."""

    started_at: Annotated[PastTime, about("Started", "When you lay down on the mat.")]
    planned_minutes: Annotated[
        Annotated[int, Field(ge=1, le=60), AsWholeNumber] | None,
        about("Minutes planned", "How long you meant to stay on.", unit="minutes", example=10),
    ] = None
    actual_minutes: Annotated[
        Annotated[float, Field(ge=0, le=60), AsDecimal],
        about("Minutes on the mat", "How long you lay on it.", unit="minutes", example=10),
    ]
    pain_before: Annotated[
        Score | None,
        about("Pain before", f"Your pain just before: {SCALE}.", unit="score", example=5),
    ] = None
    pain_after: Annotated[
        Score | None,
        about("Pain after", f"Your pain just after: {SCALE}.", unit="score", example=4),
    ] = None
    fabric_layer: Annotated[
        Flag,
        about(
            "I used a fabric layer between me and the mat",
            "A towel or thin cloth between your skin and the spikes.",
            question="Did you lie on a fabric layer?",
        ),
    ] = False
    stopped_early: Annotated[
        Flag,
        about(
            "Stopped early",
            "Whether you got off before you meant to.",
            question="Did you stop early?",
        ),
    ] = False
    stop_reason: Annotated[
        StopReason | None,
        about("Why you stopped", "Only when you stopped early: what made you stop."),
    ] = Field(default=None, validate_default=True)
    skin_reaction: Annotated[
        SkinReaction, about("Skin afterwards", "How your skin looked after the session.")
    ] = "none"
    effects: Annotated[
        AfterEffects,
        about("Anything else afterwards", "Anything the session left you with; pick any."),
    ] = Field(default_factory=list)
    note: Annotated[Note, about("Note", "Anything else worth remembering about it.")] = ""

    @field_validator("stop_reason")
    @classmethod
    def _reason_matches_stop(cls, value: str | None, info: ValidationInfo) -> str | None:
        stopped = info.data.get("stopped_early", False)
        if stopped and value is None:
            raise refusal("reason_required", allowed=list(STOP_REASONS))
        if not stopped and value is not None:
            raise refusal("reason_not_allowed")
        return value


class CareIn(_Strict):
    """A complementary-care activity: heat, cold, stretching, walking or other."""

    started_at: Annotated[PastTime, about("Started", "When you began.")]
    kind: Annotated[CareKind, about("What you did", "Heat, cold, stretching, walking or other.")]
    minutes: Annotated[
        Annotated[float, Field(gt=0, le=240), AsDecimal],
        about("Minutes", "How long it lasted.", unit="minutes", example=15),
    ]
    note: Annotated[Note, about("Note", "Anything else worth remembering about it.")] = ""


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
