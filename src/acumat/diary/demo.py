"""Ten weeks of made-up diary entries, so a newcomer sees every feature with data in it.

Pure and deterministic: the same ``seed`` and ``now`` give the same entries, and nothing
is read from the clock or the disk. The story is plausible rather than clinical: pain
drifts around a slowly improving level, is a little lower on mat days and higher with
stress, long sitting and spasm episodes; sleep is worse on painful days. Each mat session
is the one the mat planner (:mod:`acumat.plan`) plans from the sessions before it — short
and on a fabric layer at first, longer after sessions that went well, up to the cap — and
the person mostly does what was planned; one session is stopped early (so the plan steps
back), one leaves redness that fades, one itching and one dizziness on getting up (so the
plan holds and then steps back), and a few end a little short. The story agrees with
itself: today's check-in
counts the spasm that is still going on, an episode's note tells of its first trigger,
and minutes are whole or, for a mat session cut a little short, half. Every entry passes
the ``…In`` schemas; the service stores them with ``is_demo`` set, which every view shows,
so the notes read like a person's own.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from acumat.diary.schemas import CareIn, CheckInIn, EntryKind, EpisodeIn, MatSessionIn
from acumat.plan import PastSession, PlannedSession, plan
from acumat.safety.permission import MatPermission

DEMO_DAYS = 70
DEFAULT_SEED = 2026
REDNESS_SESSION = 1
AFTER_EFFECTS_OF = {6: ["itching"], 17: ["dizzy_getting_up"]}
"""0-based indexes of sessions that left something behind, and what (the plan holds, then
steps back, for them)."""  # 0-based index of the session that leaves redness
STOPPED_SESSION = 11  # 0-based index of the session stopped early

CHECKIN_NOTES = (
    "long day at the desk",
    "quiet day, some gardening",
    "back felt stiff in the morning",
    "busy week, tight shoulders",
    "good walk at lunch",
    "slept badly, sore on waking",
)
SPASM_NOTES = {
    "lifting": "came on while lifting a box",
    "sitting_posture": "started after a long meeting",
    "stress": "came on during a stressful day",
    "overuse": "after a long afternoon in the garden",
    "poor_sleep": "woke up with it after a bad night",
    "other": "caught me getting out of the car",
}
"""What a person would write about an episode, by the trigger they would name first."""
TRIGGER_WEIGHTS = {
    "sitting_posture": 5,
    "lifting": 3,
    "stress": 3,
    "overuse": 2,
    "poor_sleep": 2,
    "other": 1,
}
SIDE_LOCATIONS = ("hip_left", "hip_right", "middle_left", "middle_right")

DemoModel = CheckInIn | EpisodeIn | MatSessionIn | CareIn


@dataclass(frozen=True)
class DemoEntry:
    """One generated entry and the moment it was (supposedly) logged."""

    kind: EntryKind
    entry: DemoModel
    logged_at: datetime


def generate_demo(now: datetime, seed: int = DEFAULT_SEED) -> list[DemoEntry]:
    """Entries for the 70 local days ending on ``now``'s day, none later than ``now``.

    ``now`` must be timezone-aware; its zone is the person's local zone.
    """
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    story = _Story(random.Random(seed), now)
    story.tell()
    return story.entries


def note(text: str) -> str:
    """A note as a person would write it: a capital letter and a full stop."""
    return f"{text[0].upper()}{text[1:]}."


def _clamp(value: float, low: float = 0, high: float = 10) -> int:
    return int(max(low, min(high, round(value))))


@dataclass
class _Day:
    """What the story decided for one day before writing its entries."""

    day: date
    index: int
    mat: bool
    spasm: bool
    stress: int
    sitting: float
    pain: int = 0
    ongoing: bool = False  # the last day: a spasm that has not ended yet


@dataclass
class _Story:
    rng: random.Random
    now: datetime
    entries: list[DemoEntry] = field(default_factory=list)
    sessions: list[PastSession] = field(default_factory=list)
    sessions_done: int = 0
    level: float = 5.6

    def tell(self) -> None:
        first = self.now.date() - timedelta(days=DEMO_DAYS - 1)
        spasm_days = self._spasm_days()
        for index in range(DEMO_DAYS):
            self._live(self._plan_day(first + timedelta(days=index), index, spasm_days))

    # --- deciding ----------------------------------------------------------------------

    def _spasm_days(self) -> set[int]:
        """8-15 episodes in all: the earlier ones on random days, the last still ongoing."""
        count = self.rng.randint(8, 15) - 1
        return set(self.rng.sample(range(2, DEMO_DAYS - 3), count))

    def _plan_day(self, day: date, index: int, spasm_days: set[int]) -> _Day:
        weekday = day.weekday() < 5
        wave = 1.5 * math.sin(2 * math.pi * index / 23)
        stress = _clamp(5 + wave + (1 if weekday else -1.5) + self.rng.gauss(0, 1.2))
        sitting = max(0.0, min(16.0, self.rng.gauss(7.5 if weekday else 3.0, 1.2)))
        mat = self.rng.random() < 0.7 and self._at(day, 21, 15) <= self.now  # ends by now
        last = index == DEMO_DAYS - 1
        spasm = last or index in spasm_days
        return _Day(day, index, mat, spasm, stress, round(sitting * 2) / 2, ongoing=last)

    def _daily_pain(self, plan: _Day) -> int:
        self.level += 0.2 * (5.6 - self.level) + self.rng.gauss(0, 0.35)
        improvement = 1.5 * plan.index / DEMO_DAYS
        pain = (
            self.level
            - improvement
            - (0.9 if plan.mat else 0)
            + 0.3 * (plan.stress - 5)
            + 0.1 * (plan.sitting - 6)
            + (2.0 if plan.spasm else 0)
            + self.rng.gauss(0, 0.5)
        )
        return _clamp(pain, 1, 9)

    # --- writing -----------------------------------------------------------------------

    def _live(self, plan: _Day) -> None:
        plan.pain = self._daily_pain(plan)
        self._care(plan)
        if plan.ongoing:
            self._ongoing_episode(plan)
        elif plan.spasm:
            self._episode(plan)
        if plan.mat:
            self._session(plan)
        if self.rng.random() >= 0.07:  # now and then a day goes unrecorded
            self._checkin(plan)

    def _checkin(self, plan: _Day) -> None:
        pain = plan.pain
        self._add(
            "checkin",
            CheckInIn(
                day=plan.day,
                pain=pain,
                peg_enjoyment=_clamp(pain - 0.5 + self.rng.gauss(0, 1)),
                peg_activity=_clamp(pain + self.rng.gauss(0, 1)),
                sleep_quality=_clamp(8.5 - 0.6 * pain + self.rng.gauss(0, 1)),
                spasm_count=self._spasm_count(plan),
                stress=plan.stress,
                hours_sitting=plan.sitting,
                took_pain_relief=self._took_relief(pain),
                note=note(self.rng.choice(CHECKIN_NOTES)),
            ),
            min(self._at(plan.day, 21, 30), self.now),
        )

    def _spasm_count(self, plan: _Day) -> int:
        if plan.ongoing:
            return 1  # the one still going on
        if plan.spasm:
            return self.rng.randint(2, 4)
        return 1 if self.rng.random() < plan.pain / 14 else 0

    def _took_relief(self, pain: int) -> bool | None:
        if self.rng.random() < 0.1:
            return None  # left blank, as people sometimes do
        return pain >= 6 and self.rng.random() < 0.6

    def _episode(self, plan: _Day) -> None:
        start = self._at(plan.day, self.rng.randint(7, 18), self.rng.randint(0, 59))
        end = start + timedelta(minutes=self.rng.randint(15, 180))
        self._add("episode", self._episode_in(start, end, plan.pain), end)
        self._after_spasm(start, plan)

    def _ongoing_episode(self, plan: _Day) -> None:
        start = self.now - timedelta(minutes=self.rng.randint(60, 360))
        self._add(
            "episode", self._episode_in(start, None, plan.pain), start + timedelta(minutes=20)
        )

    def _episode_in(self, start: datetime, end: datetime | None, pain: int) -> EpisodeIn:
        locations = {self.rng.choice(("lower_left", "lower_right"))}
        if self.rng.random() < 0.5:
            locations.add(self.rng.choice(SIDE_LOCATIONS))
        words = list(TRIGGER_WEIGHTS)
        picked = self.rng.choices(words, weights=list(TRIGGER_WEIGHTS.values()), k=2)
        return EpisodeIn(
            started_at=start,
            ended_at=end,
            peak_intensity=_clamp(pain + self.rng.randint(1, 3), 3, 10),
            locations=sorted(locations),
            triggers=sorted(set(picked)),
            note=note(SPASM_NOTES[picked[0]]),
        )

    def _after_spasm(self, start: datetime, plan: _Day) -> None:
        heat_start = start + timedelta(minutes=30)
        self._care_entry(heat_start, "heat", self.rng.choice((15.0, 18.0, 20.0)), "heat pad")
        if self.rng.random() < 0.5:
            cold_start = self._at(plan.day + timedelta(days=1), 8, 15)
            self._care_entry(cold_start, "cold", self.rng.choice((10.0, 12.0, 15.0)), "cold pack")

    def _care(self, plan: _Day) -> None:
        if self.rng.random() < 0.45:
            minutes = self.rng.choice((8.0, 10.0, 12.0, 15.0))
            self._care_entry(self._at(plan.day, 7, 30), "stretching", minutes, "morning stretches")
        if self.rng.random() < 0.5:
            minutes = float(self.rng.randint(15, 45))
            self._care_entry(self._at(plan.day, 12, 30), "walking", minutes, "lunchtime walk")

    def _care_entry(self, start: datetime, kind: str, minutes: float, text: str) -> None:
        end = start + timedelta(minutes=minutes)
        if end <= self.now:
            self._add(
                "care", CareIn(started_at=start, kind=kind, minutes=minutes, note=note(text)), end
            )

    def _planned(self, day: date) -> PlannedSession | None:
        """Today's session as the planner plans it from the sessions so far (the story's
        person may use a mat: the demo never makes up a safety result of theirs)."""
        planned = plan(MatPermission.OK, "ok", self.sessions, day).sessions
        return planned[0] if planned and planned[0].date == day else None

    def _session(self, day_plan: _Day) -> None:
        planned = self._planned(day_plan.day)
        if planned is None:
            return
        index = self.sessions_done
        start = self._at(day_plan.day, 20, self.rng.randint(0, 30))
        before = _clamp(day_plan.pain + self.rng.choice((-1, 0, 0, 1)))
        if index == STOPPED_SESSION:
            session = self._stopped_session(start, planned, before)
        else:
            session = self._full_session(start, planned, before, index)
        self.sessions_done += 1
        self.sessions.append(PastSession.of(session, day_plan.day))
        self._add("session", session, start + timedelta(minutes=session.actual_minutes + 2))

    def _full_session(
        self, start: datetime, planned: PlannedSession, before: int, index: int
    ) -> MatSessionIn:
        return MatSessionIn(
            started_at=start,
            planned_minutes=planned.minutes,
            actual_minutes=planned.minutes - self.rng.choice((0.0, 0.0, 0.0, 0.5, 1.0)),
            pain_before=before,
            pain_after=_clamp(before - self.rng.choice((0, 1, 1, 2, 2, 3))),
            fabric_layer=planned.fabric_layer,
            skin_reaction="redness" if index == REDNESS_SESSION else "none",
            effects=AFTER_EFFECTS_OF.get(index, []),
            note=note("evening session" if index else "first time on the mat, on a towel"),
        )

    def _stopped_session(
        self, start: datetime, planned: PlannedSession, before: int
    ) -> MatSessionIn:
        return MatSessionIn(
            started_at=start,
            planned_minutes=planned.minutes,
            actual_minutes=float(round(planned.minutes * 0.4)),
            pain_before=before,
            pain_after=_clamp(before + 1),
            fabric_layer=planned.fabric_layer,
            stopped_early=True,
            stop_reason="more_pain",
            note=note("pain got worse, so I stopped and got up slowly"),
        )

    # --- helpers -----------------------------------------------------------------------

    def _at(self, day: date, hour: int, minute: int) -> datetime:
        return datetime.combine(day, time(hour, minute), tzinfo=self.now.tzinfo)

    def _add(self, kind: EntryKind, entry: DemoModel, logged_at: datetime) -> None:
        self.entries.append(DemoEntry(kind, entry, min(logged_at, self.now)))
