"""Writers racing for the same day, on SQLite and PostgreSQL.

Eight threads are released together by a barrier and each tries to write the same day's
check-in. The database's unique key must decide: one check-in remains, and every loser
gets acumat's own answer (a ``Conflict``, or a replacement when replacing was asked for),
never a driver error.

Each race runs twice: as the threads happen to interleave, and with every racer held after
its first look for the day until all have looked (none found it), so every loser meets the
unique key rather than the existing row: the interleaving a busy server eventually produces.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any, NoReturn

import pytest
from sqlalchemy import func, select

from acumat.actor import Actor
from acumat.errors import Conflict
from acumat.safety import missing_items, recheck_items
from acumat.services import daily, diary, screening
from acumat.services.daily import CheckInConflict
from acumat.store.engine import Database
from acumat.store.models import CheckIn, Screening
from acumat.store.repos import DiaryRepo

pytestmark = pytest.mark.usefixtures("frozen_clock")

WRITERS = 8
DAY = "2026-03-14"

Outcome = tuple[str, Any]


def race(work: Callable[[int], Any]) -> list[Outcome]:
    """Run ``work(i)`` for each writer at the same moment; ("ok", result) or ("raised", exc)."""
    start = threading.Barrier(WRITERS, timeout=30)

    def one(i: int) -> Outcome:
        start.wait()
        try:
            return "ok", work(i)
        except Exception as exc:  # noqa: BLE001 - every outcome is inspected by the test
            return "raised", exc

    with ThreadPoolExecutor(max_workers=WRITERS) as pool:
        return list(pool.map(one, range(WRITERS), timeout=120))


@pytest.fixture(params=["as-it-comes", "all-read-first"])
def interleaving(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "all-read-first":
        hold_racers_after_first_read(monkeypatch)
    return str(request.param)


def hold_racers_after_first_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each racing thread waits after its first look for the day until every racer has looked."""
    everyone_looked = threading.Barrier(WRITERS, timeout=30)
    looked = threading.local()
    real = DiaryRepo.checkin_on

    def checkin_on(self: DiaryRepo, day: date) -> CheckIn | None:
        found = real(self, day)
        racing = threading.current_thread() is not threading.main_thread()
        if racing and not getattr(looked, "done", False):
            looked.done = True
            everyone_looked.wait()
        return found

    monkeypatch.setattr(DiaryRepo, "checkin_on", checkin_on)


def skip_if_sqlite_serialises(db: Database, interleaving: str) -> None:
    if interleaving == "all-read-first" and db.engine.dialect.name == "sqlite":
        pytest.skip(
            "on SQLite the re-check's insert takes the write lock before the day is read, "
            "so racers cannot all read first: SQLite serialises these check-ins"
        )


def wins(outcomes: list[Outcome]) -> list[Any]:
    return [value for kind, value in outcomes if kind == "ok"]


def losses(outcomes: list[Outcome]) -> list[BaseException]:
    return [value for kind, value in outcomes if kind == "raised"]


def count(db: Database, model: type) -> int:
    with db.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def checkin(pain: int) -> dict[str, Any]:
    return {"day": DAY, "pain": pain}


def screen_completely(db: Database, actor: Actor) -> None:
    """A complete screening, so each daily re-check is judged and stored as a new one."""
    answers: dict[str, object] = {"age": 41, "pain_now": 4, "episode_days": 2}
    while gaps := missing_items(answers):
        answers.update(dict.fromkeys(gaps, "no"))
    screening.record_screening(db, actor, answers)


def red_flags(answer: str) -> dict[str, str]:
    return {item.id: answer for item in recheck_items()}


def test_racing_additions_of_one_day_leave_one_checkin_and_conflict_the_rest(
    db: Database, actor: Actor, interleaving: str
) -> None:
    outcomes = race(lambda i: diary.add_checkin(db, actor, checkin(pain=i)))

    (winner,) = wins(outcomes)
    assert [type(exc) for exc in losses(outcomes)] == [Conflict] * (WRITERS - 1)
    assert all(DAY in str(exc) for exc in losses(outcomes))
    assert count(db, CheckIn) == 1
    assert diary.get_checkin(db, actor, date.fromisoformat(DAY)).pain == winner.pain


def test_racing_replacements_of_a_new_day_all_succeed_and_leave_one_checkin(
    db: Database, actor: Actor, interleaving: str
) -> None:
    outcomes = race(lambda i: diary.put_checkin(db, actor, checkin(pain=i)))

    assert losses(outcomes) == []
    created = [entry for entry, is_new in wins(outcomes) if is_new]
    assert len(created) == 1
    assert count(db, CheckIn) == 1
    kept = diary.get_checkin(db, actor, date.fromisoformat(DAY))
    assert kept.id == created[0].id
    assert kept.pain in range(WRITERS)


def test_racing_daily_checkins_leave_one_and_the_refused_ones_store_no_recheck(
    db: Database, actor: Actor, interleaving: str
) -> None:
    skip_if_sqlite_serialises(db, interleaving)
    screen_completely(db, actor)
    screenings_before = count(db, Screening)

    outcomes = race(
        lambda i: daily.check_in(db, actor, checkin(pain=i), red_flags("no"), replace=False)
    )

    (winner,) = wins(outcomes)
    assert [type(exc) for exc in losses(outcomes)] == [CheckInConflict] * (WRITERS - 1)
    assert count(db, CheckIn) == 1
    assert winner.created
    assert winner.triage is not None
    assert count(db, Screening) == screenings_before + 1, "only the stored check-in's re-check"


def test_every_refused_racer_still_carries_the_urgent_result_of_its_red_flags(
    db: Database, actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    skip_if_sqlite_serialises(db, "all-read-first")
    hold_racers_after_first_read(monkeypatch)
    screen_completely(db, actor)
    flags = {**red_flags("no"), "saddle_numbness": "yes"}

    outcomes = race(lambda i: daily.check_in(db, actor, checkin(pain=i), flags, replace=False))

    refused = losses(outcomes)
    assert [type(exc) for exc in refused] == [CheckInConflict] * (WRITERS - 1)
    triages = [getattr(exc, "triage", None) for exc in refused]
    assert all(triage is not None and triage.is_urgent for triage in triages), triages


def test_a_checkin_that_comes_second_is_refused_but_keeps_its_urgent_result(
    db: Database, actor: Actor
) -> None:
    """The sequential twin of the race above: the behaviour the racers should match. The
    check-in is refused; the new urgent result its sign raised is saved all the same."""
    screen_completely(db, actor)
    daily.check_in(db, actor, checkin(pain=3), red_flags("no"))
    screenings_before = count(db, Screening)

    with pytest.raises(CheckInConflict) as refused:
        daily.check_in(db, actor, checkin(pain=9), {**red_flags("no"), "saddle_numbness": "yes"})

    assert refused.value.triage is not None
    assert refused.value.triage.is_urgent
    assert refused.value.kept
    assert count(db, Screening) == screenings_before + 1
    latest = screening.latest_screening(db, actor)
    assert latest is not None
    assert (latest.id, latest.urgency) == (refused.value.triage.id, "EMERGENCY")
    assert diary.get_checkin(db, actor, date.fromisoformat(DAY)).pain == 3
    assert count(db, CheckIn) == 1


def test_a_checkin_that_comes_second_with_a_calm_recheck_stores_nothing(
    db: Database, actor: Actor
) -> None:
    screen_completely(db, actor)
    daily.check_in(db, actor, checkin(pain=3), red_flags("no"))
    screenings_before = count(db, Screening)

    with pytest.raises(CheckInConflict) as refused:
        daily.check_in(db, actor, checkin(pain=9), red_flags("no"))

    assert not refused.value.kept
    assert count(db, Screening) == screenings_before


def test_a_refused_checkin_never_calms_an_urgent_result_in_force(
    db: Database, actor: Actor
) -> None:
    """A refused check-in whose signs are calm leaves the urgent result in force, shown."""
    screen_completely(db, actor)
    daily.check_in(db, actor, checkin(pain=3), red_flags("no"))
    with pytest.raises(CheckInConflict) as urgent:
        daily.check_in(db, actor, checkin(pain=9), {**red_flags("no"), "chest_pain": "yes"})
    with pytest.raises(CheckInConflict) as calm:
        daily.check_in(db, actor, checkin(pain=9), red_flags("no"))
    assert not calm.value.kept
    assert calm.value.triage is not None
    assert urgent.value.triage is not None
    assert calm.value.triage.id == urgent.value.triage.id
    latest = screening.latest_screening(db, actor)
    assert latest is not None
    assert latest.urgency == "EMERGENCY"


def test_racing_daily_checkins_that_replace_all_succeed_each_storing_one_recheck(
    db: Database, actor: Actor, interleaving: str
) -> None:
    skip_if_sqlite_serialises(db, interleaving)
    screen_completely(db, actor)
    screenings_before = count(db, Screening)

    outcomes = race(
        lambda i: daily.check_in(db, actor, checkin(pain=i), red_flags("no"), replace=True)
    )

    assert losses(outcomes) == []
    assert sum(result.created for result in wins(outcomes)) == 1
    assert count(db, CheckIn) == 1
    assert count(db, Screening) == screenings_before + WRITERS


def test_racing_daily_checkins_without_red_flags_leave_one_and_conflict_the_rest(
    db: Database, actor: Actor, interleaving: str
) -> None:
    outcomes = race(lambda i: daily.check_in(db, actor, checkin(pain=i), None, replace=False))

    (winner,) = wins(outcomes)
    assert [type(exc) for exc in losses(outcomes)] == [CheckInConflict] * (WRITERS - 1)
    assert winner.triage is None
    assert count(db, CheckIn) == 1


def test_racing_additions_for_different_days_all_succeed(db: Database, actor: Actor) -> None:
    outcomes = race(
        lambda i: diary.add_checkin(db, actor, {"day": f"2026-03-{i + 1:02d}", "pain": i})
    )

    assert losses(outcomes) == []
    assert count(db, CheckIn) == WRITERS
    assert sorted(entry.day.day for entry in wins(outcomes)) == list(range(1, WRITERS + 1))


def test_a_day_that_keeps_changing_under_a_writer_is_a_conflict_not_a_crash(
    db: Database, actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import IntegrityError

    from acumat.services import diary as diary_service

    def always_taken(*_: object, **__: object) -> NoReturn:
        raise IntegrityError("INSERT", {}, Exception("unique"))

    monkeypatch.setattr(diary_service, "_put_checkin_once", always_taken)
    with pytest.raises(Conflict, match="kept changing; try again"):
        diary_service.put_checkin(db, actor, {"day": "2026-03-14", "pain": 4})
