"""Per-user repositories: every query is scoped to the ``user_id`` they were built with."""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any, TypeVar

from sqlalchemy import insert, or_, select
from sqlalchemy.orm import Session

from acumat import clock
from acumat.errors import NotFound
from acumat.kinds import ENTRY_NAMES, MAX_ID
from acumat.store.models import (
    ENTRY_MODELS,
    CareActivity,
    CheckIn,
    ClinicianApproval,
    Episode,
    MatSession,
    Screening,
    ScreeningDraft,
    SessionUnderWay,
    User,
)

Timed = TypeVar("Timed", bound=Episode | MatSession | CareActivity)
Row = TypeVar("Row", bound=CheckIn | Episode | MatSession | CareActivity)

KIND_NAMES: dict[type, str] = {model: ENTRY_NAMES[kind] for kind, model in ENTRY_MODELS.items()}


def local_day_bounds(start: date, end: date, zone: tzinfo) -> tuple[datetime, datetime]:
    """UTC instants spanning the days ``start``..``end`` inclusive, as lived in ``zone``."""
    lo = datetime.combine(start, time.min, zone).astimezone(UTC)
    hi = datetime.combine(end + timedelta(days=1), time.min, zone).astimezone(UTC)
    return lo, hi


class DiaryRepo:
    """Reads and writes one user's diary inside the caller's transaction."""

    def __init__(self, session: Session, user_id: int) -> None:
        self.session = session
        self.user_id = user_id

    def add(self, model: type[Row], values: dict[str, Any], *, is_demo: bool = False) -> Row:
        now = clock.utcnow()
        row = model(user_id=self.user_id, is_demo=is_demo, created_at=now, updated_at=now)
        self._assign(row, values)
        self.session.add(row)
        self.session.flush()
        return row

    def restore(self, model: type[Row], values: dict[str, Any]) -> Row:
        """Insert a row exactly as exported, timestamps and demo flag included."""
        row = model(user_id=self.user_id)
        self._assign(row, values)
        self.session.add(row)
        self.session.flush()
        return row

    def insert_many(self, model: type[Row], rows: list[dict[str, Any]]) -> None:
        """Insert rows exactly as given (each with every column but the id and owner) in
        one statement; for imports, where one row at a time would take minutes."""
        if rows:
            self.session.execute(insert(model), [{**row, "user_id": self.user_id} for row in rows])

    def with_uuids(self, model: type[Row], uuids: Collection[str]) -> list[Row]:
        """This user's rows of one kind whose identity is among ``uuids``."""
        if not uuids:
            return []
        query = select(model).where(model.user_id == self.user_id, model.uuid.in_(uuids))
        return list(self.session.scalars(query))

    def update(self, row: Row, values: dict[str, Any]) -> Row:
        """Write the person's own ``values`` over ``row``: what they changed is no longer demo
        data, so ``acumat demo --remove`` keeps it."""
        self._assign(row, {**values, "is_demo": False})
        row.updated_at = clock.utcnow()
        self.session.flush()
        return row

    def get(self, model: type[Row], entry_id: int, *, for_update: bool = False) -> Row:
        """This user's entry ``entry_id``; :class:`NotFound` alike for a missing or a stranger's.

        ``for_update`` locks the row until the transaction ends (PostgreSQL; SQLite's one
        writer at a time needs no lock), so a read-merge-write edit cannot lose another's.
        """
        if not 1 <= entry_id <= MAX_ID:
            raise NotFound(KIND_NAMES[model], entry_id)
        row = self.session.get(model, entry_id, with_for_update=for_update)
        if row is None or row.user_id != self.user_id:
            raise NotFound(KIND_NAMES[model], entry_id)
        return row

    def delete(self, row: CheckIn | Episode | MatSession | CareActivity) -> None:
        self.session.delete(row)
        self.session.flush()

    def checkin_on(self, day: date, *, for_update: bool = False) -> CheckIn | None:
        """The check-in of ``day``, if any; ``for_update`` locks it as :meth:`get` does."""
        query = select(CheckIn).where(CheckIn.user_id == self.user_id, CheckIn.day == day)
        if for_update:
            query = query.with_for_update()
        return self.session.scalars(query).one_or_none()

    def checkins_between(self, start: date, end: date) -> list[CheckIn]:
        query = (
            select(CheckIn)
            .where(CheckIn.user_id == self.user_id, CheckIn.day.between(start, end))
            .order_by(CheckIn.day)
        )
        return list(self.session.scalars(query))

    def timed_between(
        self, model: type[Timed], start: date, end: date, zone: tzinfo
    ) -> list[Timed]:
        lo, hi = local_day_bounds(start, end, zone)
        query = (
            select(model)
            .where(model.user_id == self.user_id, model.started_at >= lo, model.started_at < hi)
            .order_by(model.started_at, model.created_at, model.id)
        )
        return list(self.session.scalars(query))

    def checkins_page(
        self, start: date, end: date, *, before: date | None, limit: int
    ) -> list[CheckIn]:
        """Up to ``limit`` check-ins of ``start``..``end`` on days before ``before``, newest first.

        One index range scan of ``(user_id, day)``: only the page is read.
        """
        query = select(CheckIn).where(
            CheckIn.user_id == self.user_id, CheckIn.day.between(start, end)
        )
        if before is not None:
            query = query.where(CheckIn.day < before)
        return list(self.session.scalars(query.order_by(CheckIn.day.desc()).limit(limit)))

    def timed_page(
        self,
        model: type[Timed],
        start: date,
        end: date,
        zone: tzinfo,
        *,
        before: tuple[datetime, int | None] | None,
        limit: int,
    ) -> list[Timed]:
        """Up to ``limit`` entries started on the days ``start``..``end`` (in ``zone``) whose
        ``(started_at, id)`` is below ``before``, newest first; a ``None`` id in ``before``
        lets in every entry that started at its instant.

        One index range scan of ``(user_id, started_at)``: only the page is read.
        """
        lo, hi = local_day_bounds(start, end, zone)
        query = select(model).where(
            model.user_id == self.user_id, model.started_at >= lo, model.started_at < hi
        )
        if before is not None:
            at, entry_id = before
            # Spelled as a range on started_at plus a tie-break, so both databases use the index.
            query = query.where(model.started_at <= at)
            if entry_id is not None:
                query = query.where(or_(model.started_at < at, model.id < entry_id))
        order = (model.started_at.desc(), model.id.desc())
        return list(self.session.scalars(query.order_by(*order).limit(limit)))

    def ongoing_episode(self) -> Episode | None:
        """The newest spasm episode when it has not ended (an older one left open is taken
        to have been forgotten once a newer one was logged)."""
        query = (
            select(Episode)
            .where(Episode.user_id == self.user_id)
            .order_by(Episode.started_at.desc(), Episode.created_at.desc(), Episode.id.desc())
            .limit(1)
        )
        latest = self.session.scalars(query).first()
        return latest if latest is not None and latest.ended_at is None else None

    def has_checkins(self) -> bool:
        query = select(CheckIn.id).where(CheckIn.user_id == self.user_id).limit(1)
        return self.session.scalars(query).first() is not None

    def checkin_days(self) -> set[date]:
        """Every day this user has a check-in for."""
        query = select(CheckIn.day).where(CheckIn.user_id == self.user_id)
        return set(self.session.scalars(query))

    def has_entries(self) -> bool:
        """Whether this user has any diary entry at all."""
        for model in (CheckIn, Episode, MatSession, CareActivity):
            query = select(model.id).where(model.user_id == self.user_id).limit(1)
            if self.session.scalar(query) is not None:
                return True
        return False

    def all_rows(self, model: type[Row]) -> list[Row]:
        """Every row of one kind in a stable order (export order)."""
        first = model.day if issubclass(model, CheckIn) else model.started_at
        query = (
            select(model)
            .where(model.user_id == self.user_id)
            .order_by(first, model.created_at, model.id)
        )
        return list(self.session.scalars(query))

    @staticmethod
    def _assign(row: object, values: dict[str, Any]) -> None:
        for name, value in values.items():
            setattr(row, name, value)


class UserRepo:
    """Accounts. The local single user is created on first use."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def local_user(self, timezone: str, region: str = "GB") -> User:
        """The single local user, created in ``timezone`` and ``region`` the first time."""
        query = select(User).where(User.is_local.is_(True)).order_by(User.id).limit(1)
        user = self.session.scalars(query).first()
        if user is None:
            user = User(is_local=True, created_at=clock.utcnow(), timezone=timezone, region=region)
            self.session.add(user)
            self.session.flush()
        return user

    def get(self, user_id: int) -> User:
        user = self.session.get(User, user_id)
        if user is None:
            raise NotFound("person", user_id)
        return user


class SafetyRepo:
    """One user's screenings and clinician approvals."""

    def __init__(self, session: Session, user_id: int) -> None:
        self.session = session
        self.user_id = user_id

    def add_screening(self, values: dict[str, Any]) -> Screening:
        row = Screening(user_id=self.user_id, **values)
        self.session.add(row)
        self.session.flush()
        return row

    def latest_screening(self) -> Screening | None:
        query = (
            select(Screening)
            .where(Screening.user_id == self.user_id)
            .order_by(Screening.taken_at.desc(), Screening.id.desc())
            .limit(1)
        )
        return self.session.scalars(query).first()

    def add_approval(self, screening_id: int, values: dict[str, Any]) -> ClinicianApproval:
        row = ClinicianApproval(
            user_id=self.user_id, screening_id=screening_id, created_at=clock.utcnow(), **values
        )
        self.session.add(row)
        self.session.flush()
        return row

    def screening(self, screening_id: int) -> Screening:
        row = self.session.get(Screening, screening_id) if 1 <= screening_id <= MAX_ID else None
        if row is None or row.user_id != self.user_id:
            raise NotFound("screening", screening_id)
        return row

    def latest_approval(self) -> ClinicianApproval | None:
        query = (
            select(ClinicianApproval)
            .where(ClinicianApproval.user_id == self.user_id)
            .order_by(ClinicianApproval.id.desc())
            .limit(1)
        )
        return self.session.scalars(query).first()

    def approvals(self) -> list[ClinicianApproval]:
        """Every approval this user recorded, newest first (reports show them)."""
        query = (
            select(ClinicianApproval)
            .where(ClinicianApproval.user_id == self.user_id)
            .order_by(ClinicianApproval.approved_on.desc(), ClinicianApproval.id.desc())
        )
        return list(self.session.scalars(query))

    def all_screenings(self) -> list[Screening]:
        """Every screening in export order: when taken, then the order stored."""
        query = (
            select(Screening)
            .where(Screening.user_id == self.user_id)
            .order_by(Screening.taken_at, Screening.id)
        )
        return list(self.session.scalars(query))

    def all_approvals(self) -> list[ClinicianApproval]:
        """Every approval in export order: when recorded, then the order stored."""
        query = (
            select(ClinicianApproval)
            .where(ClinicianApproval.user_id == self.user_id)
            .order_by(ClinicianApproval.created_at, ClinicianApproval.id)
        )
        return list(self.session.scalars(query))

    def screenings_with_uuids(self, uuids: Collection[str]) -> list[Screening]:
        """This user's screenings whose identity is among ``uuids``."""
        if not uuids:
            return []
        query = select(Screening).where(
            Screening.user_id == self.user_id, Screening.uuid.in_(uuids)
        )
        return list(self.session.scalars(query))

    def approval_with_uuid(self, uuid: str) -> ClinicianApproval | None:
        """This user's approval with identity ``uuid``, if there is one."""
        query = select(ClinicianApproval).where(
            ClinicianApproval.user_id == self.user_id, ClinicianApproval.uuid == uuid
        )
        return self.session.scalars(query).one_or_none()

    def restore_approval(self, screening_id: int, values: dict[str, Any]) -> ClinicianApproval:
        """Insert an approval exactly as exported, its ``created_at`` included.

        ``screening_id`` must be one of this user's screenings (:class:`NotFound` if not).
        """
        self.screening(screening_id)
        row = ClinicianApproval(user_id=self.user_id, screening_id=screening_id, **values)
        self.session.add(row)
        self.session.flush()
        return row


class DraftRepo:
    """One user's safety questions in progress."""

    def __init__(self, session: Session, user_id: int) -> None:
        self.session = session
        self.user_id = user_id

    def answers(self) -> dict[str, str]:
        row = self.session.get(ScreeningDraft, self.user_id)
        return {} if row is None else {str(k): str(v) for k, v in row.answers.items()}

    def save(self, answers: dict[str, str], when: datetime) -> None:
        row = self.session.get(ScreeningDraft, self.user_id)
        if row is None:
            self.session.add(ScreeningDraft(user_id=self.user_id, answers=answers, updated_at=when))
        else:
            row.answers, row.updated_at = dict(answers), when
        self.session.flush()

    def discard(self) -> None:
        row = self.session.get(ScreeningDraft, self.user_id)
        if row is not None:
            self.session.delete(row)
            self.session.flush()


class UnderWayRepo:
    """One user's mat session under way in the browser, if any."""

    def __init__(self, session: Session, user_id: int) -> None:
        self.session = session
        self.user_id = user_id

    def get(self, *, for_update: bool = False) -> SessionUnderWay | None:
        query = select(SessionUnderWay).where(SessionUnderWay.user_id == self.user_id)
        if for_update:
            query = query.with_for_update()
        return self.session.scalars(query).one_or_none()

    def start(self, values: dict[str, Any]) -> SessionUnderWay:
        row = SessionUnderWay(user_id=self.user_id, **values)
        self.session.add(row)
        self.session.flush()
        return row

    def end(self, row: SessionUnderWay) -> None:
        self.session.delete(row)
        self.session.flush()
