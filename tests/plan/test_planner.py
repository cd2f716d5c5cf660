"""The mat plan, rule by rule (named by rule id), and the promises no history may break."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from acumat.diary.vocabulary import AFTER_EFFECTS, SKIN_REACTIONS, STOP_REASONS
from acumat.plan import PastSession, Plan, load_rules, plan
from acumat.safety.permission import MatPermission

TODAY = date(2026, 3, 15)
RULES = load_rules()
OK = MatPermission.OK


def day(back: int) -> date:
    return TODAY - timedelta(days=back)


def went_well(back: int, minutes: float, *, fabric: bool = True) -> PastSession:
    return PastSession(day(back), minutes, minutes_or_none(minutes), 5, 4, fabric_layer=fabric)


def minutes_or_none(minutes: float) -> int | None:
    return int(minutes) if minutes >= 1 else None


def first(result: Plan) -> tuple[int, bool, str]:
    planned = result.sessions[0]
    return planned.minutes, planned.fabric_layer, planned.reason


# (rule id, permission, history, expected first minutes, fabric layer, words in the reason)
CASES = [
    ("PLAN-FIRST", OK, [], 5, True, "first sessions are short"),
    ("PLAN-GROW", OK, [went_well(1, 10)], 15, True, "went well"),
    (
        "PLAN-STEP-BACK",
        OK,
        [went_well(2, 10), PastSession(day(1), 15, 15, 4, 6)],
        10,
        True,
        "your pain was worse afterwards (4 before, 6 after)",
    ),
    (
        "PLAN-STEP-BACK",
        OK,
        [
            went_well(2, 10),
            PastSession(day(1), 3, 15, stopped_early=True, stop_reason="dizzy_or_sick"),
        ],
        10,
        True,
        "you stopped early (dizzy or sick)",
    ),
    (
        "PLAN-HOLD",
        OK,
        [PastSession(day(1), 4, 10, stopped_early=True, stop_reason="interrupted")],
        10,
        True,
        "interrupted",
    ),
    ("PLAN-HOLD", OK, [PastSession(day(1), 10, 10)], 10, True, "not recorded"),
    ("PLAN-CAP", OK, [went_well(1, 28, fabric=False)], 30, False, "your limit"),
    (
        "PLAN-FABRIC",
        OK,
        [went_well(3, 5), went_well(2, 10), went_well(1, 15)],
        20,
        False,
        "without the fabric layer now",
    ),
    ("PLAN-LONG-GAP", OK, [went_well(20, 25, fabric=False)], 5, True, "20 days since"),
    (
        "PLAN-LONG-GAP",
        OK,
        [went_well(40, 25, fabric=False), went_well(1, 5)],
        10,
        True,
        "went well",
    ),
    (
        "PLAN-SKIN-PAUSE",
        OK,
        [
            went_well(3, 20, fabric=False),
            PastSession(day(2), 20, 20, 4, 3, False, skin_reaction="bruising"),
        ],
        5,
        True,
        "your skin has healed",
    ),
    (
        "PLAN-GENTLE",
        MatPermission.CLEARED_BY_CLINICIAN,
        [went_well(3, 5), went_well(2, 7), went_well(1, 9)],
        11,
        True,
        "up to 2 minutes longer",
    ),
]


@pytest.mark.parametrize(
    ("rule", "permission", "history", "minutes", "fabric", "words"),
    CASES,
    ids=[f"{case[0]}-{n}" for n, case in enumerate(CASES)],
)
def test_each_rule_decides_the_next_session(
    rule: str,
    permission: MatPermission,
    history: list[PastSession],
    minutes: int,
    fabric: bool,
    words: str,
) -> None:
    result = plan(permission, "ok", history, TODAY, skin_healed_on=day(0))
    assert rule in result.rules
    got_minutes, got_fabric, reason = first(result)
    assert (got_minutes, got_fabric) == (minutes, fabric)
    assert words in reason


@pytest.mark.parametrize(
    ("permission", "rule", "words"),
    [
        (MatPermission.NOT_SCREENED, "PLAN-NOT-SCREENED", "answer the safety questions first"),
        (MatPermission.DO_NOT_USE, "PLAN-DO-NOT-USE", "says not to use a mat"),
        (MatPermission.NEEDS_CLINICIAN, "PLAN-NEEDS-CLINICIAN", "until a clinician"),
    ],
)
def test_no_mat_use_is_planned_without_permission(
    permission: MatPermission, rule: str, words: str
) -> None:
    result = plan(permission, "do-not-use", [went_well(1, 10)], TODAY)
    assert result.sessions == ()
    assert result.rules == (rule,)
    assert words in result.status
    assert result.contract()["sessions"] == []


def test_skin_damage_pauses_the_plan_until_it_has_healed() -> None:
    bruised = PastSession(day(1), 15, 15, 4, 3, skin_reaction="bruising")
    result = plan(OK, "ok", [went_well(2, 10), bruised], TODAY)
    assert result.sessions == ()
    assert result.rules == ("PLAN-SKIN-PAUSE",)
    assert "your skin showed bruising" in result.status
    healed_before = plan(OK, "ok", [bruised], TODAY, skin_healed_on=day(5))
    assert healed_before.sessions == ()  # healed from an earlier reaction, not this one


@pytest.mark.parametrize(
    ("effect", "minutes", "words"),
    [
        ("dizzy_getting_up", 10, "afterwards: dizzy or light-headed on getting up"),
        ("more_pain_later", 10, "afterwards: more back pain later on"),
        ("itching", 15, "afterwards: itching where the mat touched"),
    ],
)
def test_after_effects_step_back_or_hold(effect: str, minutes: int, words: str) -> None:
    session = PastSession(day(1), 15, 15, 5, 4, effects=(effect,))
    got_minutes, _, reason = first(plan(OK, "ok", [went_well(2, 10), session], TODAY))
    assert got_minutes == minutes
    assert words in reason


def test_signs_of_a_skin_infection_pause_the_plan_until_healed() -> None:
    infected = PastSession(day(2), 15, 15, 5, 4, effects=("infection_signs",))
    paused = plan(OK, "ok", [infected], TODAY)
    assert paused.sessions == ()
    assert "skin spreading red, warm, swollen or with pus" in paused.status
    restarted = plan(OK, "ok", [infected], TODAY, skin_healed_on=day(0))
    assert first(restarted)[:2] == (5, True)


def test_faded_redness_does_not_pause_the_plan() -> None:
    reddened = PastSession(day(1), 10, 10, 4, 3, skin_reaction="redness")
    assert first(plan(OK, "ok", [reddened], TODAY))[0] == 15


def test_a_session_today_moves_the_plan_to_tomorrow() -> None:
    result = plan(OK, "ok", [went_well(0, 10)], TODAY)
    assert result.sessions[0].date == TODAY + timedelta(days=1)
    assert plan(OK, "ok", [went_well(1, 10)], TODAY).sessions[0].date == TODAY


def test_a_missed_day_does_not_count_against_the_person() -> None:
    assert first(plan(OK, "ok", [went_well(5, 10)], TODAY))[0] == 15


def test_the_person_may_raise_the_cap_to_40_and_never_beyond() -> None:
    assert first(plan(OK, "ok", [went_well(1, 33, fabric=False)], TODAY, cap=40))[0] == 38
    assert first(plan(OK, "ok", [went_well(1, 38, fabric=False)], TODAY, cap=90))[0] == 40
    assert plan(OK, "ok", [], TODAY, cap=90).cap == 40


def test_the_contract_has_exactly_its_keys() -> None:
    result = plan(OK, "ok", [], TODAY).contract()
    assert set(result) == {"verdict", "status", "sessions"}
    assert set(result["sessions"][0]) == {"date", "minutes", "fabric_layer", "reason"}
    assert result["sessions"][0]["date"] == "2026-03-15"
    assert len(result["sessions"]) == RULES.horizon_days


sessions = st.builds(
    PastSession,
    day=st.integers(0, 60).map(day),
    minutes=st.floats(0, 60, allow_nan=False),
    planned_minutes=st.none() | st.integers(1, 60),
    pain_before=st.none() | st.integers(0, 10),
    pain_after=st.none() | st.integers(0, 10),
    fabric_layer=st.booleans(),
    stopped_early=st.booleans(),
    stop_reason=st.none() | st.sampled_from(list(STOP_REASONS)),
    skin_reaction=st.sampled_from(list(SKIN_REACTIONS)),
    effects=st.lists(st.sampled_from(list(AFTER_EFFECTS)), unique=True).map(tuple),
)
permissions = st.sampled_from(list(MatPermission))


@settings(max_examples=400, deadline=None)
@given(
    st.lists(sessions, max_size=12),
    permissions,
    st.none() | st.integers(0, 120),
    st.none() | st.integers(0, 60).map(day),
)
def test_no_plan_breaks_the_promises(
    history: list[PastSession], permission: MatPermission, cap: int | None, healed: date | None
) -> None:
    result = plan(permission, "ok", history, TODAY, cap=cap, skin_healed_on=healed)
    if not permission.may_use_mat:
        assert result.sessions == ()
        return
    limit = min(max(cap or 30, 5), 40)
    for planned in result.sessions:
        assert 1 <= planned.minutes <= limit <= 40
        assert planned.reason
    if result.sessions:
        opening = result.sessions[0]
        ordered = sorted(history, key=lambda s: s.day)
        if not history:
            assert opening.minutes <= 10
            assert opening.fabric_layer
        if ordered and _went_well(ordered[-1]):
            assert opening.minutes <= int(ordered[-1].minutes) + 5 or opening.minutes == 5
    for before, after in zip(result.sessions, result.sessions[1:], strict=False):
        assert after.minutes - before.minutes <= 5
    if permission is MatPermission.CLEARED_BY_CLINICIAN:
        assert all(planned.fabric_layer for planned in result.sessions)


def _went_well(session: PastSession) -> bool:
    return (
        not session.stopped_early
        and session.skin_reaction in ("none", "redness")
        and session.pain_before is not None
        and session.pain_after is not None
        and session.pain_after <= session.pain_before
    )
