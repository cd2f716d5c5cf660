"""Days, times and durations in the person's own zone."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from acumat.present.time import duration_text, local_time, long_day, minutes_text, time_span

BERLIN = ZoneInfo("Europe/Berlin")
MOMENT = datetime(2026, 11, 27, 14, 48, tzinfo=UTC)


def test_an_instant_is_shown_in_the_persons_zone() -> None:
    assert local_time(MOMENT, BERLIN) == "Fri 27 Nov, 15:48"
    assert local_time(MOMENT, UTC) == "Fri 27 Nov, 14:48"
    assert local_time(None, BERLIN) == ""


def test_a_day_has_its_weekday_and_year() -> None:
    assert long_day(date(2026, 11, 27)) == "Fri 27 Nov 2026"


@pytest.mark.parametrize(
    ("value", "shown"),
    [(20, "20 min"), (12.5, "12½ min"), (0.5, "½ min"), (28.75, "29 min"), (10.0, "10 min")],
)
def test_minutes_are_whole_or_a_half(value: float, shown: str) -> None:
    assert minutes_text(value) == shown


def test_no_minutes_show_nothing() -> None:
    assert minutes_text(None) == ""


@pytest.mark.parametrize(
    ("seconds", "shown"), [(1200, "20 min"), (3900, "1 h 5 min"), (7200, "2 h")]
)
def test_durations_use_hours_past_an_hour(seconds: float, shown: str) -> None:
    assert duration_text(seconds) == shown


def test_a_span_within_a_day_names_the_day_once() -> None:
    start = datetime(2026, 11, 27, 8, 30, tzinfo=UTC)
    end = datetime(2026, 11, 27, 8, 50, tzinfo=UTC)
    assert time_span(start, end, BERLIN) == "Fri 27 Nov, 09:30–09:50 (20 min)"


def test_a_span_across_midnight_names_both_days() -> None:
    start = datetime(2026, 11, 27, 22, 30, tzinfo=UTC)
    end = datetime(2026, 11, 27, 23, 10, tzinfo=UTC)
    assert time_span(start, end, BERLIN) == "Fri 27 Nov, 23:30 – Sat 28 Nov, 00:10 (40 min)"


def test_a_span_without_an_end_is_still_going_on() -> None:
    assert time_span(MOMENT, None, BERLIN) == "Fri 27 Nov, 15:48 (still going on)"
