"""Reading typed values: exact or refused, never guessed (hypothesis over the pure readers)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from acumat.cli import input as typed
from acumat.diary.vocabulary import BACK_LOCATIONS, CARE_KINDS, TRIGGERS

TODAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 15, 49, tzinfo=UTC)
VOCABULARIES = st.sampled_from([BACK_LOCATIONS, CARE_KINDS, TRIGGERS])


@given(st.integers(0, 10))
def test_a_whole_number_in_range_is_taken_exactly(n: int) -> None:
    assert typed.whole_number(f" {n} ", 0, 10) == n


@given(st.integers(-1000, 100_000).filter(lambda n: not 16 <= n <= 120))
def test_a_whole_number_out_of_range_is_refused_never_completed(n: int) -> None:
    with pytest.raises(typed.Refused, match="from 16 to 120"):
        typed.whole_number(str(n), 16, 120)


@given(st.text(max_size=12).filter(lambda t: not t.strip().isascii() or not t.strip().isdigit()))
def test_anything_but_digits_is_not_a_whole_number(text: str) -> None:
    with pytest.raises(typed.Refused):
        typed.whole_number(text, 0, 10**9)


def test_twelve_is_never_read_as_a_hundred_and_twenty() -> None:
    with pytest.raises(typed.Refused, match=r"got 12\)"):
        typed.whole_number("12", 16, 120)


@given(st.decimals(min_value=0, max_value=24, places=2))
def test_a_decimal_in_range_is_read(value: object) -> None:
    assert typed.decimal_number(str(value), 0, 24) == pytest.approx(float(str(value)))


@pytest.mark.parametrize("text", ["nan", "inf", "1e3", "-1", "7,5", "", "seven"])
def test_nonsense_decimals_are_refused(text: str) -> None:
    with pytest.raises(typed.Refused):
        typed.decimal_number(text, 0, 60)


def test_above_low_refuses_the_low_end_itself() -> None:
    with pytest.raises(typed.Refused, match="more than 0"):
        typed.decimal_number("0", 0, 240, above_low=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("today", TODAY), ("Yesterday", TODAY - timedelta(days=1)), ("2026-03-14", date(2026, 3, 14))],
)
def test_days_are_read_in_the_persons_today(text: str, expected: date) -> None:
    assert typed.day(text, TODAY) == expected


@pytest.mark.parametrize("text", ["26/11/2026", "2026-02-30", "tomorrow", "", "20261126"])
def test_other_days_are_refused_with_the_forms(text: str) -> None:
    with pytest.raises(typed.Refused):
        typed.day(text, TODAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("now", NOW),
        ("9:30", datetime(2026, 11, 27, 9, 30)),
        ("09:30", datetime(2026, 11, 27, 9, 30)),
        ("today 09:30", datetime(2026, 11, 27, 9, 30)),
        ("yesterday 22:15", datetime(2026, 11, 26, 22, 15)),
        ("2026-03-14 09:30", datetime(2026, 3, 14, 9, 30)),
        ("2026-03-14T09:30", datetime(2026, 3, 14, 9, 30)),
    ],
)
def test_times_are_read_in_every_documented_form(text: str, expected: datetime) -> None:
    assert typed.moment(text).resolve(NOW) == expected


def test_a_time_with_an_offset_keeps_it() -> None:
    found = typed.moment("2026-03-14T09:30+01:00").resolve(NOW)
    assert found == datetime(2026, 3, 14, 8, 30, tzinfo=UTC)


@pytest.mark.parametrize("text", ["2026-03-14", "today", "yesterday"])
def test_a_day_without_a_time_is_refused_with_an_example(text: str) -> None:
    with pytest.raises(typed.Refused, match="needs a time of day as well, such as"):
        typed.moment(text)


@given(st.integers(0, 23), st.integers(0, 59), st.sampled_from(["", "today ", "yesterday "]))
def test_every_clock_time_is_read_exactly(hour: int, minute: int, day: str) -> None:
    found = typed.moment(f"{day}{hour}:{minute:02d}").resolve(NOW)
    assert found.time() == time(hour, minute)
    assert found.date() == TODAY - timedelta(days=1 if day == "yesterday " else 0)


@pytest.mark.parametrize("text", ["24:00", "9:60", "1591000000", "soon", "9.30pm"])
def test_impossible_times_are_refused(text: str) -> None:
    with pytest.raises(typed.Refused):
        typed.moment(text)


@given(VOCABULARIES, st.data())
def test_a_choice_is_found_by_code_label_or_number_in_any_case(
    vocabulary: dict[str, str], data: st.DataObject
) -> None:
    number, code = data.draw(st.sampled_from(list(enumerate(vocabulary, 1))))
    spellings = [code, code.upper(), vocabulary[code], vocabulary[code].lower(), str(number)]
    for spelling in spellings:
        assert typed.choice(spelling, vocabulary) == code


@given(VOCABULARIES, st.data())
def test_several_choices_read_alike_from_commas_and_repeats(
    vocabulary: dict[str, str], data: st.DataObject
) -> None:
    codes = data.draw(st.lists(st.sampled_from(list(vocabulary)), min_size=1, unique=True))
    labels = [vocabulary[c] for c in codes]  # labels may hold commas themselves
    assert typed.choices([", ".join(labels)], vocabulary) == codes
    assert typed.choices(codes, vocabulary) == codes


@pytest.mark.parametrize("text", ["0", "99", "knee", "lower"])
def test_an_unknown_choice_is_refused_listing_the_allowed_ones(text: str) -> None:
    with pytest.raises(typed.Refused, match="1 neck"):
        typed.choice(text, BACK_LOCATIONS)
