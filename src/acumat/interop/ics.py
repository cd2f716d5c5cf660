"""The person's calendar as an RFC 5545 file: planned mat sessions, a daily check-in
reminder, movement breaks while they work, and the review days (built with ``icalendar``).

Pure: the service (:mod:`acumat.services.reminders`) gathers a :class:`CalendarSource` and
:func:`build_calendar` turns it into bytes. Every event has

- a UID made only of the kind of reminder, its day or slot, and the person's ``owner`` key
  (never health data), so the same reminder keeps its UID from one export to the next and
  importing the file again, or refreshing the feed, updates events instead of adding copies;
- an alarm (VALARM);
- times in the person's own zone, described by a VTIMEZONE, so a daily reminder at 20:00
  stays at 20:00 through the clock changes;
- plain words from ``reminders.toml``. No pain score, answer or symptom is ever written.

The words and numbers (every 30 minutes, reviews at 2 and 6 weeks …) are data in
``reminders.toml``, each with the facts it comes from.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from acumat import __version__
from acumat.plan import PlannedSession
from acumat.safety.regions import localise

if TYPE_CHECKING:
    from icalendar import Event

PRODID = f"-//acumat//acumat {__version__}//EN"
CALENDAR_NAME = "acumat"
REFRESH = timedelta(hours=6)
"""How often a subscribed calendar app is asked to fetch the feed again: the plan changes
with each session, so twice a day would leave it stale for too long."""
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR")
MEDIA_TYPE = "text/calendar; charset=utf-8"


@dataclass(frozen=True)
class ReminderWords:
    """``reminders.toml``, read once: what each reminder says and how often it comes."""

    raw: dict[str, Any]

    def __getitem__(self, section: str) -> dict[str, Any]:
        found: dict[str, Any] = self.raw[section]
        return found

    @property
    def movement_every(self) -> timedelta:
        return timedelta(minutes=int(self["movement"]["every_minutes"]))

    @property
    def review_weeks(self) -> tuple[int, ...]:
        return tuple(int(weeks) for weeks in self["review"]["weeks"])

    def review(self, weeks: int) -> dict[str, str]:
        words: dict[str, str] = self["review"]["words"][str(weeks)]
        return words


@cache
def reminder_words() -> ReminderWords:
    text = files("acumat.interop").joinpath("reminders.toml").read_text(encoding="utf-8")
    return ReminderWords(tomllib.loads(text))


@dataclass(frozen=True)
class MovementHours:
    """The working hours in which a movement break comes every 30 minutes (TR-07)."""

    start: time
    end: time
    every_day: bool = False

    def slots(self) -> tuple[time, ...]:
        """The break times: every interval after ``start``, before ``end``."""
        every = reminder_words().movement_every
        day = date(2000, 1, 3)  # any day: only the clock matters
        moment, last = datetime.combine(day, self.start) + every, datetime.combine(day, self.end)
        found = []
        while moment < last:
            found.append(moment.time())
            moment += every
        return tuple(found)

    def applies_on(self, day: date) -> bool:
        return self.every_day or day.weekday() < len(WEEKDAYS)

    def first_day(self, today: date) -> date:
        """The first day from ``today`` with breaks (a recurrence starts on one of its days)."""
        day = today
        while not self.applies_on(day):
            day += timedelta(days=1)
        return day


@dataclass(frozen=True)
class Review:
    """A review day: about ``weeks`` weeks after the person started (RV-04)."""

    day: date
    weeks: int


@dataclass(frozen=True)
class CalendarSource:
    """Everything the calendar holds, gathered by the service; no health data in here.

    ``owner`` is a stable key for the person (never derived from their entries); ``stamp``
    is when the calendar is made (DTSTAMP, in UTC).
    """

    owner: str
    zone: str
    region: str
    today: date
    stamp: datetime
    session_time: time
    sessions: Sequence[PlannedSession] = ()
    checkin_at: time | None = None
    movement: MovementHours | None = None
    reviews: Sequence[Review] = field(default_factory=tuple)


def uid(kind: str, key: str, owner: str) -> str:
    """The UID of one reminder: its kind and day or slot, and the person's owner key."""
    return f"{kind}-{key}-{owner}@acumat"


def build_calendar(source: CalendarSource) -> bytes:
    """The calendar file for ``source``, as RFC 5545 text (CRLF lines, UTF-8)."""
    from icalendar import Calendar, vDuration

    calendar = Calendar()
    for name, value in _calendar_properties(source.zone):
        calendar.add(name, value)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))  # the older name some apps read
    events = list(_events(source))
    timezone = _timezone(source, events)
    if timezone is not None:
        calendar.add_component(timezone)
    for event in events:
        calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical


def _calendar_properties(zone: str) -> Iterator[tuple[str, Any]]:
    yield "prodid", PRODID
    yield "version", "2.0"
    yield "calscale", "GREGORIAN"
    yield "method", "PUBLISH"
    yield "x-wr-calname", CALENDAR_NAME
    yield "x-wr-timezone", zone


def _events(source: CalendarSource) -> Iterator[Event]:
    zone = ZoneInfo(source.zone)
    for planned in source.sessions:
        yield _session(source, planned, zone)
    if source.checkin_at is not None:
        yield _checkin(source, source.checkin_at, zone)
    if source.movement is not None:
        yield from _movement(source, source.movement, zone)
    for review in source.reviews:
        yield _review(source, review)


def _event(source: CalendarSource, kind: str, key: str, summary: str, description: str) -> Event:
    from icalendar import Event

    event = Event()
    event.add("uid", uid(kind, key, source.owner))
    event.add("dtstamp", source.stamp.astimezone(UTC))
    event.add("summary", summary)
    event.add("description", description)
    return event


def _alarm(text: str, trigger: timedelta) -> Any:
    from icalendar import Alarm

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", text)
    alarm.add("trigger", trigger)
    return alarm


def _session(source: CalendarSource, planned: PlannedSession, zone: ZoneInfo) -> Event:
    words = reminder_words()["session"]
    name = "summary_fabric" if planned.fabric_layer else "summary"
    parts = [planned.reason, words["fabric"] if planned.fabric_layer else "", words["steps"]]
    description = "\n\n".join(part for part in (*parts, words["adapts"]) if part)
    event = _event(
        source,
        "mat-session",
        f"{planned.date:%Y%m%d}",
        words[name].format(minutes=planned.minutes),
        description,
    )
    event.add("dtstart", datetime.combine(planned.date, source.session_time, zone))
    event.add("duration", timedelta(minutes=planned.minutes))
    lead = int(words["alarm_minutes_before"])
    event.add_component(_alarm(words["alarm"].format(lead=lead), timedelta(minutes=-lead)))
    return event


def _checkin(source: CalendarSource, at: time, zone: ZoneInfo) -> Event:
    words = reminder_words()["checkin"]
    event = _event(source, "checkin", "daily", words["summary"], words["description"])
    event.add("dtstart", datetime.combine(source.today, at, zone))
    event.add("duration", timedelta(minutes=int(words["minutes"])))
    event.add("rrule", {"freq": "daily"})
    event.add("transp", "TRANSPARENT")
    event.add_component(_alarm(words["alarm"], timedelta(0)))
    return event


def _movement(source: CalendarSource, hours: MovementHours, zone: ZoneInfo) -> Iterator[Event]:
    """One recurring event per break slot: calendar apps repeat events daily or weekly well,
    but few support repeating every 30 minutes within some hours."""
    words = reminder_words()["movement"]
    first = hours.first_day(source.today)
    rule = {"freq": "daily"} if hours.every_day else {"freq": "weekly", "byday": list(WEEKDAYS)}
    for slot in hours.slots():
        event = _event(source, "movement", f"{slot:%H%M}", words["summary"], words["description"])
        event.add("dtstart", datetime.combine(first, slot, zone))
        event.add("duration", timedelta(minutes=int(words["minutes"])))
        event.add("rrule", rule)
        event.add("transp", "TRANSPARENT")
        event.add_component(_alarm(words["alarm"], timedelta(0)))
        yield event


def _review(source: CalendarSource, review: Review) -> Event:
    """An all-day event on the review day, its alarm in the morning of that day."""
    words = reminder_words()
    said = words.review(review.weeks)
    description = localise(said["description"], source.region)
    event = _event(source, "review", f"{review.weeks}w", said["summary"], description)
    event.add("dtstart", review.day)
    event.add("dtend", review.day + timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    hour = timedelta(hours=int(words["review"]["alarm_hour"]))
    event.add_component(_alarm(words["review"]["alarm"], hour))
    return event


def _timezone(source: CalendarSource, events: Sequence[Event]) -> Any:
    """The VTIMEZONE the events' times refer to (none when they are all in UTC)."""
    from icalendar import Timezone

    named = {e["dtstart"].params.get("TZID") for e in events if "dtstart" in e}
    named.discard(None)
    if not named:
        return None
    days = [_day_of(e.decoded("dtstart")) for e in events]
    first = min([source.today, *days]) - timedelta(days=1)
    return Timezone.from_tzinfo(
        ZoneInfo(source.zone),
        tzid=named.pop(),
        first_date=first,
        last_date=date(first.year + 11, 1, 1),
    )


def _day_of(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value
