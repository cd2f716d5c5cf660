"""The schedule: drawn once from its seed, balanced, hashed, and extended without change."""

from __future__ import annotations

import dataclasses

import pytest

from acumat.trial.schedule import (
    MAT,
    MAX_PAIRS,
    NO_MAT,
    Scheme,
    draw_orders,
    extended,
    make_schedule,
    new_seed,
)

SEED = 0x1F2E3D4C5B6A79880123456789ABCDEF


def test_a_seed_gives_the_same_schedule_and_hash_every_time() -> None:
    first, again = make_schedule(SEED), make_schedule(SEED)
    assert first == again
    assert first.sha256 == again.sha256
    assert first.canonical() == again.canonical()


def test_the_hash_is_pinned_for_a_known_seed() -> None:
    # A change to the drawing or the serialisation must change SCHEDULE_VERSION too.
    schedule = make_schedule(SEED)
    assert [o[0] for o in schedule.orders] == ["mat"] + ["no_mat"] * 5
    assert schedule.sha256 == "12228eac9c9dcd68953e3521acea33b010cfaf39147cba6447f6d67479ac7abd"


def test_another_seed_or_design_changes_the_hash() -> None:
    base = make_schedule(SEED)
    assert make_schedule(SEED + 1).sha256 != base.sha256
    assert make_schedule(SEED, washout_days=2).sha256 != base.sha256
    assert make_schedule(SEED, period_days=5).sha256 != base.sha256


@pytest.mark.parametrize("scheme", list(Scheme))
def test_every_pair_holds_one_mat_and_one_no_mat_period(scheme: Scheme) -> None:
    for seed in range(50):
        schedule = make_schedule(seed, scheme=scheme)
        periods = schedule.periods
        assert len(periods) == 8
        for pair in range(4):
            conditions = {p.condition for p in periods if p.pair == pair}
            assert conditions == {MAT, NO_MAT}


def test_random_pairs_are_mat_first_half_the_time_over_ten_thousand_seeds() -> None:
    mat_first = sum(
        o[0] == MAT for seed in range(10_000) for o in draw_orders(seed, Scheme.RANDOM_PAIRS)[:4]
    )
    assert abs(mat_first / 40_000 - 0.5) <= 0.015


def test_counterbalanced_pairs_reverse_and_alternating_pairs_repeat() -> None:
    for seed in range(20):
        counter = draw_orders(seed, Scheme.COUNTERBALANCED)
        assert all(counter[i] == counter[i - 1][::-1] for i in range(1, MAX_PAIRS))
        alternating = draw_orders(seed, Scheme.ALTERNATING)
        assert len(set(alternating)) == 1


def test_the_default_design_is_a_week_of_run_in_then_four_pairs_of_weeks() -> None:
    schedule = make_schedule(SEED)
    days = schedule.days()
    assert schedule.total_days == len(days) == 63
    assert [d.condition for d in days[:7]] == ["run_in"] * 7
    assert all(d.period is None and not d.washout for d in days[:7])
    randomised = days[7:]
    assert [d.day_index for d in randomised] == list(range(7, 63))
    assert [d.day_in_period for d in randomised[:8]] == [0, 1, 2, 3, 4, 5, 6, 0]


def test_the_first_day_of_every_period_is_flagged_as_washout() -> None:
    schedule = make_schedule(SEED, washout_days=2)
    for day in schedule.days()[7:]:
        assert day.washout == (day.day_in_period is not None and day.day_in_period < 2)


def test_extending_to_six_pairs_keeps_the_first_four() -> None:
    schedule = make_schedule(SEED)
    longer = extended(schedule)
    assert longer.n_pairs == 6
    assert longer.periods[:8] == schedule.periods
    assert longer.total_days == 7 + 84
    assert longer.sha256 != schedule.sha256
    with pytest.raises(ValueError, match="at most 6"):
        extended(longer, 7)


def test_a_design_out_of_bounds_is_refused() -> None:
    with pytest.raises(ValueError, match="washout_days"):
        make_schedule(SEED, washout_days=7)
    with pytest.raises(ValueError, match="n_pairs"):
        make_schedule(SEED, n_pairs=0)
    with pytest.raises(ValueError, match="seed"):
        make_schedule(-1)
    schedule = make_schedule(SEED)
    with pytest.raises(ValueError, match="orders"):
        dataclasses.replace(schedule, orders=((MAT, MAT),) * MAX_PAIRS)


def test_new_seeds_are_128_bit_and_differ() -> None:
    seeds = {new_seed() for _ in range(20)}
    assert len(seeds) == 20
    assert all(0 <= s < 2**128 for s in seeds)
    assert max(seeds).bit_length() > 100
