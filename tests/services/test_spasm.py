"""Spasm now: one episode going on at a time, ended when it eases, checked after a week."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from acumat.actor import Actor
from acumat.diary.schemas import EpisodeOut
from acumat.errors import Conflict, InvalidInput
from acumat.services import diary
from acumat.services import spasm as service
from acumat.store.engine import Database

NOW = datetime(2026, 3, 15, 12, 0)
pytestmark = pytest.mark.usefixtures("frozen_clock")


def episodes(db: Database, actor: Actor) -> list[EpisodeOut]:
    day = NOW.date()
    return list(diary.list_diary(db, actor, day - timedelta(days=60), day).episodes)


def logged(db: Database, actor: Actor, days_ago: float, *, ended: bool = False) -> None:
    start = NOW.replace(tzinfo=actor.zone) - timedelta(days=days_ago)
    raw = {"started_at": start, "peak_intensity": 6}
    if ended:
        raw["ended_at"] = start + timedelta(hours=2)
    diary.add_entry(db, actor, "episode", raw)


def test_a_spasm_starts_now_with_its_worst_pain(db: Database, actor: Actor) -> None:
    started = service.start(db, actor, 7, ["lower_left"], ["lifting"])
    episode = started.episode
    assert episode.started_at == NOW.replace(tzinfo=actor.zone)
    assert (episode.ended_at, episode.peak_intensity) == (None, 7)
    assert (episode.locations, episode.triggers) == (["lower_left"], ["lifting"])
    assert (started.days, started.worth_checking) == (0, False)
    going = service.ongoing(db, actor)
    assert going is not None
    assert going.episode == episode


def test_a_second_spasm_while_one_goes_on_is_refused(db: Database, actor: Actor) -> None:
    first = service.start(db, actor, 5)
    with pytest.raises(service.SpasmOngoing) as refused:
        service.start(db, actor, 8)
    assert isinstance(refused.value, Conflict)
    assert refused.value.spasm.episode.id == first.episode.id
    assert len(episodes(db, actor)) == 1


def test_easing_ends_the_spasm_now(db: Database, actor: Actor) -> None:
    service.start(db, actor, 5)
    eased = service.ease(db, actor)
    assert eased.episode.ended_at == NOW.replace(tzinfo=actor.zone)
    assert service.ongoing(db, actor) is None


def test_easing_with_no_spasm_going_on_is_refused(db: Database, actor: Actor) -> None:
    logged(db, actor, 1, ended=True)
    with pytest.raises(service.NoSpasmOngoing):
        service.ease(db, actor)
    assert [e.ended_at is not None for e in episodes(db, actor)] == [True]


def test_only_the_latest_episode_can_be_going_on(db: Database, actor: Actor) -> None:
    logged(db, actor, 3)
    logged(db, actor, 1, ended=True)
    assert service.ongoing(db, actor) is None


def test_bad_values_are_refused_and_nothing_is_written(db: Database, actor: Actor) -> None:
    with pytest.raises(InvalidInput) as refused:
        service.start(db, actor, 11, ["elbow"])
    assert {p.field for p in refused.value.problems} == {"peak_intensity", "locations"}
    assert episodes(db, actor) == []


def test_the_days_worth_checking_come_from_the_seed_01_rule() -> None:
    assert service.days_worth_checking() == 8


@pytest.mark.parametrize(("days_ago", "worth"), [(7, False), (8, True), (20, True)])
def test_a_spasm_of_more_than_a_week_is_worth_checking(
    db: Database, actor: Actor, days_ago: int, worth: bool
) -> None:
    logged(db, actor, days_ago)
    going = service.ongoing(db, actor)
    assert going is not None
    assert (going.days, going.worth_checking) == (days_ago, worth)
    assert service.ease(db, actor).worth_checking is worth
