"""The tables. Every diary row belongs to a user, so server mode isolates by ``user_id``."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any
from uuid import uuid4

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from acumat.clock import utcnow
from acumat.store.types import UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: dict[Any, Any] = {datetime: UTCDateTime()}  # noqa: RUF012


NEVER_REUSE_IDS = {"sqlite_autoincrement": True}  # a deleted entry's id never names a new one


class User(Base):
    __tablename__ = "users"
    __table_args__ = (NEVER_REUSE_IDS,)

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str | None] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    is_local: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # IANA zone name: the person's "today", diary days and every time shown to them.
    timezone: Mapped[str] = mapped_column(String(64), default="UTC", server_default="UTC")
    # Chooses the emergency and urgent-care numbers and service names in every action.
    region: Mapped[str] = mapped_column(String(8), default="GB", server_default="GB")
    # The person's own limit for a planned mat session (None: the plan rules' default).
    mat_cap_minutes: Mapped[int | None] = mapped_column(Integer)
    # The day the person last said their skin had healed after a reaction to the mat: it
    # ends the plan's pause for skin damage from sessions on or before that day.
    skin_healed_on: Mapped[date | None] = mapped_column(Date)
    # Reminders and the calendar (acumat.services.reminders). None: the planned mat
    # sessions are at the default time of day; no daily check-in reminder; no movement breaks.
    session_time: Mapped[time | None] = mapped_column(Time)
    checkin_reminder_at: Mapped[time | None] = mapped_column(Time)
    movement_from: Mapped[time | None] = mapped_column(Time)
    movement_until: Mapped[time | None] = mapped_column(Time)
    movement_every_day: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The secret part of the person's calendar feed address; None: no feed.
    calendar_token: Mapped[str | None] = mapped_column(String(64), unique=True)


def new_uuid() -> str:
    return str(uuid4())


class _Entry:
    """Columns every diary entry shares."""

    id: Mapped[int] = mapped_column(primary_key=True)
    # The identity an entry keeps across exports and imports (ids are per database).
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    note: Mapped[str] = mapped_column(Text, default="")
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


def _identity(table: str) -> UniqueConstraint:
    return UniqueConstraint("user_id", "uuid", name=f"uq_{table}_user_uuid")


def _by_user_and_time(table: str, column: str = "started_at") -> Index:
    """The per-user, time-ordered index every growing list query uses."""
    return Index(f"ix_{table}_user_{column}", "user_id", column)


def _score(column: str) -> CheckConstraint:
    return CheckConstraint(
        f"{column} IS NULL OR ({column} BETWEEN 0 AND 10)", name=f"{column}_0_10"
    )


class CheckIn(_Entry, Base):
    __tablename__ = "checkins"
    __table_args__ = (
        UniqueConstraint("user_id", "day", name="uq_checkins_user_day"),
        _identity("checkins"),
        _score("pain"),
        _score("peg_enjoyment"),
        _score("peg_activity"),
        _score("sleep_quality"),
        _score("stress"),
        NEVER_REUSE_IDS,
    )

    day: Mapped[date] = mapped_column(Date)
    pain: Mapped[int] = mapped_column(Integer)
    peg_enjoyment: Mapped[int | None] = mapped_column(Integer)
    peg_activity: Mapped[int | None] = mapped_column(Integer)
    sleep_quality: Mapped[int | None] = mapped_column(Integer)
    spasm_count: Mapped[int | None] = mapped_column(Integer)
    stress: Mapped[int | None] = mapped_column(Integer)
    hours_sitting: Mapped[float | None] = mapped_column(Float)
    took_pain_relief: Mapped[bool | None] = mapped_column(Boolean)


class Episode(_Entry, Base):
    __tablename__ = "episodes"
    __table_args__ = (
        _score("peak_intensity"),
        _identity("episodes"),
        _by_user_and_time("episodes"),
        NEVER_REUSE_IDS,
    )

    started_at: Mapped[datetime] = mapped_column()
    ended_at: Mapped[datetime | None] = mapped_column()
    peak_intensity: Mapped[int] = mapped_column(Integer)
    locations: Mapped[list[str]] = mapped_column(JSON, default=list)
    triggers: Mapped[list[str]] = mapped_column(JSON, default=list)


class MatSession(_Entry, Base):
    __tablename__ = "mat_sessions"
    __table_args__ = (
        _score("pain_before"),
        _score("pain_after"),
        CheckConstraint("actual_minutes >= 0", name="actual_minutes_non_negative"),
        _identity("mat_sessions"),
        _by_user_and_time("mat_sessions"),
        NEVER_REUSE_IDS,
    )

    started_at: Mapped[datetime] = mapped_column()
    planned_minutes: Mapped[int | None] = mapped_column(Integer)
    actual_minutes: Mapped[float] = mapped_column(Float)
    pain_before: Mapped[int | None] = mapped_column(Integer)
    pain_after: Mapped[int | None] = mapped_column(Integer)
    fabric_layer: Mapped[bool] = mapped_column(Boolean, default=False)
    stopped_early: Mapped[bool] = mapped_column(Boolean, default=False)
    stop_reason: Mapped[str | None] = mapped_column(String(32))
    skin_reaction: Mapped[str] = mapped_column(String(32), default="none")
    effects: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")


class CareActivity(_Entry, Base):
    __tablename__ = "care_activities"
    __table_args__ = (
        CheckConstraint("minutes > 0", name="minutes_positive"),
        _identity("care_activities"),
        _by_user_and_time("care_activities"),
        NEVER_REUSE_IDS,
    )

    started_at: Mapped[datetime] = mapped_column()
    kind: Mapped[str] = mapped_column(String(32))
    minutes: Mapped[float] = mapped_column(Float)


ENTRY_MODELS: dict[str, type[CheckIn | Episode | MatSession | CareActivity]] = {
    "checkin": CheckIn,
    "episode": Episode,
    "session": MatSession,
    "care": CareActivity,
}


class Screening(Base):
    """A triage result with the answers and rule-set version it was decided on.

    ``origin`` is ``screening`` for the full questionnaire and ``checkin`` for the daily
    red-flag re-check; ``complete`` is false when the questionnaire stopped at an emergency.
    """

    __tablename__ = "screenings"
    __table_args__ = (
        _identity("screenings"),
        _by_user_and_time("screenings", "taken_at"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    taken_at: Mapped[datetime] = mapped_column()
    origin: Mapped[str] = mapped_column(String(16))
    complete: Mapped[bool] = mapped_column(Boolean)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    urgency: Mapped[str] = mapped_column(String(24))
    verdict: Mapped[str] = mapped_column(String(24))
    reasons: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    ruleset_version: Mapped[str] = mapped_column(String(80))
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)


class ClinicianApproval(Base):
    """A clinician's go-ahead for mat use, clearing one ``caution-consult`` screening."""

    __tablename__ = "clinician_approvals"
    __table_args__ = (_identity("clinician_approvals"), NEVER_REUSE_IDS)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    screening_id: Mapped[int] = mapped_column(
        ForeignKey("screenings.id", ondelete="CASCADE"), index=True
    )
    clinician: Mapped[str] = mapped_column(String(200))
    approved_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ScreeningDraft(Base):
    """The safety questions answered so far, kept on the server so no answer rides in a URL.

    One per user: starting the questions again replaces it, saving the result removes it.
    """

    __tablename__ = "screening_drafts"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column()


class SessionUnderWay(Base):
    """A mat session started in the browser and not yet ended: the server keeps when it
    began, so a reload or a locked phone never loses the count.

    One per user: ending it stores the session in the diary and removes this row.
    """

    __tablename__ = "sessions_under_way"
    __table_args__ = (
        CheckConstraint("minutes > 0", name="minutes_positive"),
        _score("pain_before"),
    )

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    started_at: Mapped[datetime] = mapped_column()
    minutes: Mapped[float] = mapped_column(Float)
    fabric_layer: Mapped[bool] = mapped_column(Boolean, default=False)
    pain_before: Mapped[int] = mapped_column(Integer)
