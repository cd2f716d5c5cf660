"""Property tests: every out-of-range value is refused with its field named, nothing written."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from acumat.actor import Actor
from acumat.diary.schemas import CareIn, CheckInIn, EpisodeIn, MatSessionIn
from acumat.diary.vocabulary import TRIGGERS
from acumat.errors import InvalidInput
from acumat.services import diary
from acumat.store.engine import Database
from acumat.store.models import CareActivity, CheckIn, Episode, MatSession
from acumat.validation import parse
from tests.conftest import UTC_TIME

pytestmark = pytest.mark.usefixtures("frozen_clock")
FIXTURE_OK = settings(
    suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=40, deadline=None
)

outside_score = st.one_of(st.integers(max_value=-1), st.integers(min_value=11))
SCORE_FIELDS = ["pain", "peg_enjoyment", "peg_activity", "sleep_quality", "stress"]
BASE_CHECKIN = {"day": "2026-03-14", "pain": 3}
BASE_SESSION = {"started_at": "2026-03-14T20:00:00Z", "actual_minutes": 10}
BASE_EPISODE = {"started_at": "2026-03-14T09:00:00Z", "peak_intensity": 5}


def refused_field(schema: type, raw: dict[str, Any]) -> str:
    with pytest.raises(InvalidInput) as caught:
        parse(schema, raw, UTC_TIME)
    return caught.value.problems[0].field


def write(db: Database, actor: Actor, kind: str, raw: dict[str, Any]) -> None:
    if kind == "checkin":
        diary.add_checkin(db, actor, raw)
    else:
        diary.add_entry(db, actor, kind, raw)


def total_rows(db: Database) -> int:
    with db.transaction() as session:
        models = (CheckIn, Episode, MatSession, CareActivity)
        return sum(session.scalar(select(func.count()).select_from(m)) or 0 for m in models)


@given(field=st.sampled_from(SCORE_FIELDS), value=outside_score)
def test_checkin_scores_outside_0_to_10_are_refused(field: str, value: int) -> None:
    assert refused_field(CheckInIn, {**BASE_CHECKIN, field: value}) == field


@given(value=st.integers(min_value=0, max_value=10))
def test_every_score_inside_0_to_10_is_accepted(value: int) -> None:
    assert (
        parse(CheckInIn, {**BASE_CHECKIN, "pain": value, "stress": value}, UTC_TIME).pain == value
    )


@given(days_ahead=st.integers(min_value=1, max_value=10_000))
def test_future_days_are_refused(days_ahead: int) -> None:
    day = date(2026, 3, 15) + timedelta(days=days_ahead)
    assert refused_field(CheckInIn, {"day": day.isoformat(), "pain": 2}) == "day"


@given(minutes=st.one_of(st.floats(max_value=-0.001), st.floats(min_value=60.001)))
def test_session_minutes_outside_0_to_60_are_refused(minutes: float) -> None:
    assert refused_field(MatSessionIn, {**BASE_SESSION, "actual_minutes": minutes}) == (
        "actual_minutes"
    )


@given(minutes=st.one_of(st.floats(max_value=0), st.floats(min_value=240.001)))
def test_care_minutes_must_be_positive_and_bounded(minutes: float) -> None:
    raw = {"started_at": "2026-03-14T08:00:00Z", "kind": "heat", "minutes": minutes}
    assert refused_field(CareIn, raw) == "minutes"


@given(word=st.text(min_size=1, max_size=20).filter(lambda w: w.strip() not in TRIGGERS))
def test_words_outside_the_trigger_vocabulary_are_refused(word: str) -> None:
    assert refused_field(EpisodeIn, {**BASE_EPISODE, "triggers": [word]}).startswith("triggers")


@given(length=st.integers(min_value=2001, max_value=20_000))
def test_notes_over_2000_characters_are_refused(length: int) -> None:
    assert refused_field(CheckInIn, {**BASE_CHECKIN, "note": "a" * length}) == "note"


@given(minutes_before=st.integers(min_value=1, max_value=100_000))
def test_an_episode_ending_before_it_starts_is_refused(minutes_before: int) -> None:
    start = datetime(2026, 3, 14, 9, 0, tzinfo=UTC)
    raw = {**BASE_EPISODE, "ended_at": (start - timedelta(minutes=minutes_before)).isoformat()}
    with pytest.raises(InvalidInput, match="ended_at must not be before started_at"):
        parse(EpisodeIn, raw, UTC_TIME)


@FIXTURE_OK
@given(
    kind=st.sampled_from(["checkin", "session", "episode"]),
    field_value=st.one_of(
        st.tuples(st.just("pain"), outside_score),
        st.tuples(st.just("actual_minutes"), st.integers(max_value=-1)),
        st.tuples(st.just("peak_intensity"), outside_score),
    ),
)
def test_refused_entries_write_nothing(
    db: Database, actor: Actor, kind: str, field_value: tuple[str, int]
) -> None:
    base = {"checkin": BASE_CHECKIN, "session": BASE_SESSION, "episode": BASE_EPISODE}[kind]
    raw = {**base, field_value[0]: field_value[1]}
    before = total_rows(db)
    with pytest.raises(InvalidInput):
        write(db, actor, kind, raw)
    assert total_rows(db) == before
