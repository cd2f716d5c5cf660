"""The mat plan: from what the person may do and how their sessions went, the next sessions.

A pure function of its inputs (no clock, no database): the service passes the mat permission,
the sessions as the person lived them (days in their own zone) and their today. Every number
and sentence comes from ``plan/rules.toml`` (:mod:`acumat.plan.rules`).

How a plan is made:

1. No mat use is planned unless the permission allows it (``ok``, or ``cleared_by_clinician``,
   which gets the gentle plan: a fabric layer every time and smaller steps).
2. A skin reaction that needs healing (SKIN-04) pauses the plan until the person records the
   skin as healed; only sessions after that count, and the plan starts again from the first
   length on a fabric layer. A gap of two weeks or more does the same.
3. Each session since then moves the length: a well-tolerated one (not stopped early, no
   skin reaction, pain after no worse than before) lets the next be one step longer, up to
   the cap; one that hurt or was stopped early for a reason about the mat steps back one
   step; one that says nothing either way (an interruption, pain not recorded) holds it.
4. The next sessions, one a day from today (or tomorrow once today had one), each assume the
   one before goes well.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from acumat.diary.vocabulary import AFTER_EFFECTS, SKIN_REACTIONS, STOP_REASONS
from acumat.plan.rules import PlanRules, load_rules
from acumat.safety.permission import MatPermission

HOLD, GROW, BACK = "hold", "grow", "back"


@dataclass(frozen=True)
class PastSession:
    """A session as the planner needs it; ``day`` is the person's own calendar day."""

    day: date
    minutes: float
    planned_minutes: int | None = None
    pain_before: int | None = None
    pain_after: int | None = None
    fabric_layer: bool = True
    stopped_early: bool = False
    stop_reason: str | None = None
    skin_reaction: str = "none"
    effects: tuple[str, ...] = ()

    @classmethod
    def of(cls, entry: Any, day: date) -> PastSession:
        """A session as the diary holds it (a stored row, or a ``MatSessionIn``) on ``day``."""
        return cls(
            day=day,
            minutes=entry.actual_minutes,
            planned_minutes=entry.planned_minutes,
            pain_before=entry.pain_before,
            pain_after=entry.pain_after,
            fabric_layer=entry.fabric_layer,
            stopped_early=entry.stopped_early,
            stop_reason=entry.stop_reason,
            skin_reaction=entry.skin_reaction,
            effects=tuple(entry.effects or ()),
        )

    def pauses(self, rules: PlanRules) -> bool:
        """Whether this session left skin that must heal before the mat is used again."""
        return self.skin_reaction in rules.pausing_reactions or bool(
            set(self.effects) & rules.pausing_effects
        )

    def what_paused(self, rules: PlanRules) -> str:
        """What the skin showed, in words, for the pause's status."""
        if self.skin_reaction in rules.pausing_reactions:
            return SKIN_REACTIONS[self.skin_reaction].lower()
        effect = next(e for e in self.effects if e in rules.pausing_effects)
        return AFTER_EFFECTS[effect][:1].lower() + AFTER_EFFECTS[effect][1:]


@dataclass(frozen=True)
class PlannedSession:
    """One planned session: its day, whole minutes, fabric layer and why."""

    date: date
    minutes: int
    fabric_layer: bool
    reason: str


@dataclass(frozen=True)
class Plan:
    """A plan, or none with the reason in ``status``; ``rules`` names the rules that decided."""

    verdict: str | None
    status: str
    sessions: tuple[PlannedSession, ...]
    rules: tuple[str, ...]
    cap: int

    def contract(self) -> dict[str, Any]:
        """The one serialisation (``acumat plan --json``, ``GET /api/v1/plan``)."""
        return {
            "verdict": self.verdict,
            "status": self.status,
            "sessions": [
                {
                    "date": s.date.isoformat(),
                    "minutes": s.minutes,
                    "fabric_layer": s.fabric_layer,
                    "reason": s.reason,
                }
                for s in self.sessions
            ],
        }


@dataclass(frozen=True)
class _Level:
    """Where the plan stands after the sessions so far."""

    minutes: int
    fabric: bool
    streak: int  # well-tolerated sessions in a row on a fabric layer
    reason: str
    rules: tuple[str, ...]
    fabric_just_off: bool = False


def plan(
    permission: MatPermission,
    verdict: str | None,
    history: Sequence[PastSession],
    today: date,
    *,
    cap: int | None = None,
    skin_healed_on: date | None = None,
    rules: PlanRules | None = None,
) -> Plan:
    """The next sessions for a person with ``permission`` and these past sessions.

    ``cap`` is the person's own limit (default: the rules' default cap); it is kept between
    the first session's length and the hard cap whatever is asked. ``skin_healed_on`` is the
    day the person last said their skin had healed: it ends a pause for skin damage on or
    before that day.
    """
    rules = rules or load_rules()
    limit = min(max(cap or rules.default_cap, rules.first_minutes), rules.hard_cap)
    refused = _refusal(permission, rules)
    if refused is not None:
        return Plan(verdict, refused[0], (), refused[1:], limit)
    ordered = sorted(history, key=lambda s: s.day)
    paused = _skin_pause(ordered, skin_healed_on, rules)
    if paused is not None:
        return Plan(verdict, paused, (), (rules["skin_pause"].id,), limit)
    gentle = permission is MatPermission.CLEARED_BY_CLINICIAN
    level = _walk(_since_restart(ordered, today, rules), rules, limit, gentle=gentle)
    start = today + timedelta(days=1) if ordered and ordered[-1].day >= today else today
    sessions = _ahead(level, start, rules, limit, gentle=gentle)
    status = _planned_status(sessions[0], today, rules, gentle=gentle)
    used = level.rules + ((rules["gentle"].id,) if gentle else ()) + (rules["ahead"].id,)
    return Plan(verdict, status, sessions, tuple(dict.fromkeys(used)), limit)


def _refusal(permission: MatPermission, rules: PlanRules) -> tuple[str, str] | None:
    """The status and rule id when no mat use may be planned."""
    section = {
        MatPermission.NOT_SCREENED: "not_screened",
        MatPermission.DO_NOT_USE: "do_not_use",
        MatPermission.NEEDS_CLINICIAN: "needs_clinician",
    }.get(permission)
    if section is None:
        return None
    return rules[section].say("status"), rules[section].id


def _skin_pause(
    ordered: Sequence[PastSession], healed_on: date | None, rules: PlanRules
) -> str | None:
    """The pause status while the latest skin damage has not been recorded as healed."""
    for session in reversed(ordered):
        if session.pauses(rules):
            if healed_on is not None and healed_on >= session.day:
                return None
            what = session.what_paused(rules)
            return rules["skin_pause"].say("status", day=_day(session.day), what=what)
    return None


@dataclass(frozen=True)
class _Run:
    """The sessions that count, and why the plan (re)started where it did."""

    sessions: tuple[PastSession, ...]
    start: str  # the rules section that says why: first, skin_pause or long_gap
    gap_days: int = 0


def _since_restart(ordered: Sequence[PastSession], today: date, rules: PlanRules) -> _Run:
    """Only the sessions since the last restart: skin that has healed, or a long gap."""
    run, start, gap_days = list(ordered), "first", 0
    for index, session in enumerate(ordered):
        if session.pauses(rules):  # healed: else the plan is paused
            run, start = list(ordered[index + 1 :]), "skin_pause"
    gaps = [(run[i].day - run[i - 1].day).days for i in range(1, len(run))]
    cuts = [i + 1 for i, gap in enumerate(gaps) if gap >= rules.long_gap_days]
    if cuts:
        run, start, gap_days = run[cuts[-1] :], "long_gap", gaps[cuts[-1] - 1]
    if run and (today - run[-1].day).days >= rules.long_gap_days:
        return _Run((), "long_gap", (today - run[-1].day).days)
    return _Run(tuple(run), start, gap_days)


def _opening(run: _Run, rules: PlanRules) -> _Level:
    minutes = rules.first_minutes
    rule = rules[run.start]
    if run.start == "skin_pause":
        reason = rule.say("restart", minutes=minutes)
    elif run.start == "long_gap":
        reason = rule.say(minutes=minutes, days=run.gap_days)
    else:
        reason = rule.say(minutes=minutes)
    return _Level(minutes, True, 0, reason, (rules["first"].id, rule.id))


def _walk(run: _Run, rules: PlanRules, limit: int, *, gentle: bool) -> _Level:
    level = _opening(run, rules)
    for session in run.sessions:
        level = _after(level, session, rules, limit, gentle=gentle)
    return level


def judge(session: PastSession, rules: PlanRules) -> tuple[str, str]:
    """``grow``, ``back`` or ``hold`` for one session, with what happened in words."""
    if session.stopped_early and session.stop_reason not in rules.neutral_stops:
        why = STOP_REASONS.get(session.stop_reason or "", "something else").lower()
        return BACK, f"you stopped early ({why})"
    before, after = session.pain_before, session.pain_after
    if before is not None and after is not None and after > before:
        return BACK, f"your pain was worse afterwards ({before} before, {after} after)"
    backward = [e for e in session.effects if e in rules.step_back_effects]
    if backward:
        return BACK, f"afterwards: {AFTER_EFFECTS[backward[0]].lower()}"
    if session.stopped_early:
        return HOLD, "your last session was interrupted"
    if session.skin_reaction not in ("none", "redness"):
        return BACK, "your skin reacted"
    holding = [e for e in session.effects if e in rules.holding_effects]
    if holding:
        return HOLD, f"afterwards: {AFTER_EFFECTS[holding[0]].lower()}"
    if before is None or after is None:
        return HOLD, "your pain before and after it was not recorded"
    return GROW, "it went well"


def _after(
    level: _Level, session: PastSession, rules: PlanRules, limit: int, *, gentle: bool
) -> _Level:
    """The level after ``session``."""
    verdict, what = judge(session, rules)
    step = rules.gentle_step if gentle else rules.step
    done = int(session.minutes)  # whole minutes done, rounded down: growth stays within a step
    aimed = session.planned_minutes or done
    if verdict == GROW:
        streak = level.streak + 1 if session.fabric_layer else level.streak
        minutes = min(limit, max(done + step, rules.first_minutes))
        section = "cap" if minutes == limit and done + step >= limit else "grow"
        reason = rules[section].say(minutes=minutes, step=step)
        return _with_fabric(level, minutes, streak, session.fabric_layer, reason, section, rules)
    if verdict == BACK:
        minutes = min(limit, max(rules.first_minutes, aimed - step))
        # Already as short as a plan goes: not longer, but not "shorter" either.
        section = "step_back" if minutes < aimed else "hold"
        reason = rules[section].say(minutes=minutes, what=what)
        return _Level(minutes, True, 0, reason, (*level.rules, rules["step_back"].id))
    minutes = min(limit, max(rules.first_minutes, aimed))
    reason = rules["hold"].say(minutes=minutes, what=what)
    return replace(level, minutes=minutes, reason=reason, rules=(*level.rules, rules["hold"].id))


def _with_fabric(
    level: _Level,
    minutes: int,
    streak: int,
    was_on_fabric: bool,
    reason: str,
    section: str,
    rules: PlanRules,
) -> _Level:
    """The grown level; the fabric layer comes off once enough sessions on it went well (a
    session the person chose to have without it, and that went well, takes it off too)."""
    fabric = level.fabric and was_on_fabric and streak < rules.fabric_sessions
    just_off = level.fabric and was_on_fabric and not fabric
    used = (*level.rules, rules[section].id) + ((rules["fabric"].id,) if just_off else ())
    return _Level(minutes, fabric, streak, reason, used, just_off)


def _ahead(
    level: _Level, start: date, rules: PlanRules, limit: int, *, gentle: bool
) -> tuple[PlannedSession, ...]:
    """One session a day for the horizon, each assuming the one before went well.

    Only real sessions take the fabric layer off: the sessions ahead keep the first one's.
    """
    fabric = level.fabric or gentle
    reason = level.reason
    if level.fabric_just_off and not gentle:
        reason += " " + rules["fabric"].say(count=rules.fabric_sessions)
    planned = [PlannedSession(start, level.minutes, fabric, reason)]
    for offset in range(1, rules.horizon_days):
        assumed = PastSession(
            day=start + timedelta(days=offset - 1),
            minutes=level.minutes,
            pain_before=1,
            pain_after=1,
            fabric_layer=fabric,
        )
        level = _after(level, assumed, rules, limit, gentle=gentle)
        words = rules["ahead"].say(minutes=level.minutes)
        planned.append(PlannedSession(start + timedelta(days=offset), level.minutes, fabric, words))
    return tuple(planned)


def _planned_status(first: PlannedSession, today: date, rules: PlanRules, *, gentle: bool) -> str:
    layer = ", on a fabric layer" if first.fabric_layer else ""
    when = "today" if first.date == today else _day(first.date)
    words = f"Your next session: {first.minutes} minutes{layer}, {when}."
    return f"{rules['gentle'].say()} {words}" if gentle else words


def _day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"
