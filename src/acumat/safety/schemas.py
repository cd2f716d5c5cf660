"""Stored shapes of the safety room: screenings, clinician approvals, the mat status."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from acumat import clock

CLEARED = "ok-with-clinician-approval"


def _not_future(value: date) -> date:
    if value > clock.today():
        raise ValueError(f"must be today ({clock.today().isoformat()}) or earlier")
    return value


class ReasonOut(BaseModel):
    """One triggered rule: why, what to do, and the sources behind it."""

    rule: str
    text: str
    action: str
    sources: list[str]
    level: str = ""


class ScreeningOut(BaseModel):
    """A stored triage result (full questionnaire or daily re-check)."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    taken_at: datetime
    origin: str
    complete: bool
    urgency: str
    mat: str = Field(validation_alias="verdict")
    reasons: list[ReasonOut]
    answers: dict[str, Any]
    ruleset_version: str

    @property
    def is_urgent(self) -> bool:
        """EMERGENCY or URGENT_SAME_DAY: shown before anything else, everywhere."""
        return self.urgency in ("EMERGENCY", "URGENT_SAME_DAY")


class ApprovalIn(BaseModel):
    """A clinician said mat use is fine: who, and on which day."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    clinician: Annotated[str, StringConstraints(min_length=2, max_length=200)]
    approved_on: Annotated[date, AfterValidator(_not_future)]
    note: Annotated[str, StringConstraints(max_length=2000)] = ""


class ApprovalOut(ApprovalIn):
    model_config = ConfigDict(from_attributes=True)

    id: int
    screening_id: int
    created_at: datetime
    approved_on: date


class MatStatus(BaseModel):
    """What the latest screening allows now, after any clinician approval."""

    screening: ScreeningOut | None
    approval: ApprovalOut | None
    verdict: str | None
    may_use_mat: bool
    message: str
