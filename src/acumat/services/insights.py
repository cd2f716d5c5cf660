"""Insights from the acting person's diary: the pain trend with a smoothed line, and what the
diary shows about mat sessions, spasm triggers, sleep and care — each with a 95% interval and
one line that says what was seen without claiming a cause.

The numbers come from :mod:`acumat.insights.observed`; this service only gathers the person's
days (in their time zone) and words each finding. One read transaction, nothing written.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from acumat.actor import Actor
from acumat.diary.vocabulary import CARE_KINDS, TRIGGERS
from acumat.insights.observed import (
    MIN_EACH,
    Estimate,
    correlation,
    difference_of_means,
    mean_change,
    rate,
    smoothed,
)
from acumat.services.diary import diary_range, list_diary
from acumat.store.engine import Database

DEFAULT_DAYS = 90
CARE_COMPARED = ("heat", "cold", "stretching")
NOT_A_TEST = "You chose those days, so this is not a fair test"
FIND_OUT = "A personal trial, with the days chosen at random, can find out properly."


@dataclass(frozen=True)
class Finding:
    """One thing the diary shows: ``key`` names it for programs, ``title`` for people;
    ``estimate`` is ``None`` while there is not enough data, and ``reading`` says so."""

    key: str
    title: str
    unit: str
    estimate: Estimate | None
    reading: str


class TrendPoint(NamedTuple):
    """A check-in's pain and the smoothed line's value on its day."""

    day: date
    pain: int
    smoothed: float


@dataclass(frozen=True)
class Insights:
    """The person's insights from ``start`` to ``end`` (their days, inclusive)."""

    start: date
    end: date
    trend: list[TrendPoint]
    findings: list[Finding] = field(default_factory=list)


def insights(db: Database, actor: Actor, days: int = DEFAULT_DAYS) -> Insights:
    """The insights over the person's last ``days`` days."""
    start, end = diary_range(actor, days)
    diary = list_diary(db, actor, start, end)
    pain = {c.day: c.pain for c in diary.checkins}
    session_days = {s.started_at.astimezone(actor.zone).date() for s in diary.sessions}
    care_days: dict[str, set[date]] = defaultdict(set)
    for care in diary.care:
        care_days[care.kind].add(care.started_at.astimezone(actor.zone).date())
    points = sorted(pain.items())
    trend = [TrendPoint(d, p, s) for (d, p), (_, s) in zip(points, smoothed(points), strict=True)]
    pairs = [
        (float(s.pain_before), float(s.pain_after))
        for s in diary.sessions
        if s.pain_before is not None and s.pain_after is not None
    ]
    found = [
        session_change(pairs),
        days_compared(
            "session_days", "Days with a mat session", pain, session_days, "a mat session"
        ),
        sleep_and_pain(
            [
                (float(c.sleep_quality), float(c.pain))
                for c in diary.checkins
                if c.sleep_quality is not None
            ]
        ),
    ]
    found += [
        days_compared(
            f"care_{kind}",
            f"Days with {CARE_KINDS[kind].lower()}",
            pain,
            care_days[kind],
            CARE_KINDS[kind].lower(),
        )
        for kind in CARE_COMPARED
    ]
    episode_days = {e.started_at.astimezone(actor.zone).date() for e in diary.episodes}
    logged = [
        *pain,
        *session_days,
        *episode_days,
        *(d for days in care_days.values() for d in days),
    ]
    span = (end - min(logged)).days + 1 if logged else 0
    triggers = Counter(t for e in diary.episodes for t in e.triggers)
    found += [trigger_rate(code, triggers[code], span) for code in TRIGGERS if triggers[code]]
    return Insights(start, end, trend, found)


def session_change(pairs: list[tuple[float, float]]) -> Finding:
    found = mean_change(pairs)
    title = "Pain just before and just after a mat session"
    if found is None:
        reading = f"Not enough yet: this needs pain before and after at least {MIN_EACH} sessions."
        return Finding("session_change", title, "points", None, reading)
    reading = (
        f"Right after a session your pain was on average {_points(found)} than just before "
        f"({_interval(found)}; {found.n} sessions). Lying down to rest, expecting relief and "
        "starting when the pain is bad all play a part: this is not a controlled comparison. "
        + FIND_OUT
    )
    return Finding("session_change", title, "points", found, reading)


def days_compared(
    key: str, title: str, pain: dict[date, int], chosen: set[date], what: str
) -> Finding:
    """Pain on days with ``what`` against days without, among days with a check-in."""
    with_it = [float(p) for d, p in pain.items() if d in chosen]
    without = [float(p) for d, p in pain.items() if d not in chosen]
    found = difference_of_means(with_it, without)
    if found is None:
        reading = (
            f"Not enough yet: this needs check-ins on at least {MIN_EACH} days with {what} "
            f"and {MIN_EACH} without."
        )
        return Finding(key, title, "points", None, reading)
    reading = (
        f"On days with {what} your pain was on average {_points(found)} than on days without "
        f"({_interval(found)}; {found.n} and {found.n_other} days). {NOT_A_TEST}: "
        "pain may decide what you do as much as the other way round. " + FIND_OUT
    )
    return Finding(key, title, "points", found, reading)


def sleep_and_pain(pairs: list[tuple[float, float]]) -> Finding:
    """Last night's sleep against the pain of the day that followed (one check-in holds both)."""
    found = correlation(pairs)
    title = "Sleep and the next day's pain"
    if found is None:
        reading = (
            "Not enough yet: this needs at least 4 check-ins with your sleep, and some change "
            "in both."
        )
        return Finding("sleep_pain", title, "correlation", None, reading)
    if found.excludes_zero:
        direction = "lower" if found.value < 0 else "higher"
        seen = f"after better nights your pain tended to be {direction}"
    else:
        seen = "your diary shows no clear link between sleep and the next day's pain"
    reading = (
        f"So far {seen} (r = {found.value:.2f}, {_interval(found, 2)}; {found.n} days). "
        "A link is not a cause: pain spoils sleep as much as poor sleep may raise pain."
    )
    return Finding("sleep_pain", title, "correlation", found, reading)


def trigger_rate(code: str, count: int, days: int) -> Finding:
    """Spasms put down to ``code`` per 30 days, over the ``days`` from the first entry of
    any kind to the last day shown (the days the diary was being kept)."""
    found = rate(count, days)
    title = f"Spasms you put down to: {TRIGGERS[code].lower()}"
    if found is None:
        return Finding(f"trigger_{code}", title, "per 30 days", None, "No days in the diary yet.")
    reading = (
        f"{found.value:.1f} spasms per 30 days ({_interval(found)}; {count} in {days} days). "
        "What you noted as the trigger, not proof of what causes your spasms."
    )
    return Finding(f"trigger_{code}", title, "per 30 days", found, reading)


def _points(found: Estimate) -> str:
    size = abs(found.value)
    if round(size, 1) == 0:
        return "about the same"
    return f"{size:.1f} points {'lower' if found.value < 0 else 'higher'}"


def _interval(found: Estimate, places: int = 1) -> str:
    return f"95% interval {_number(found.low, places)} to {_number(found.high, places)}"


def _number(value: float, places: int) -> str:
    """``value`` to ``places`` decimals, never "-0.0"."""
    shown = f"{value:.{places}f}"
    return shown[1:] if shown.startswith("-") and float(shown) == 0 else shown


def as_data(found: Insights) -> dict[str, Any]:
    """The insights as plain JSON data, the same for ``acumat insights --json`` and the API."""
    return {
        "start": found.start.isoformat(),
        "end": found.end.isoformat(),
        "trend": [
            {"day": p.day.isoformat(), "pain": p.pain, "smoothed": p.smoothed} for p in found.trend
        ],
        "findings": [_finding_data(f) for f in found.findings],
    }


def _finding_data(finding: Finding) -> dict[str, object]:
    estimate = finding.estimate
    numbers: dict[str, object] = {"value": None, "low": None, "high": None, "n": 0}
    if estimate is not None:
        numbers = {
            "value": round(estimate.value, 3),
            "low": round(estimate.low, 3),
            "high": round(estimate.high, 3),
            "n": estimate.n,
        }
    return {
        "key": finding.key,
        "title": finding.title,
        "unit": finding.unit,
        **numbers,
        "reading": finding.reading,
    }
