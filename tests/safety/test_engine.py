"""The engine's principles P1-P7, its errors, and its helper functions."""

from __future__ import annotations

import pytest

from acumat.errors import InvalidInput
from acumat.safety import (
    ScreeningIncomplete,
    Urgency,
    Verdict,
    emergency_reasons,
    emergency_stop,
    evaluate,
    load_ruleset,
    missing_items,
    partial_result,
    screening_items,
)
from acumat.safety import triage as triage_answers
from tests.safety.kit import BASE, complete, fired, triage


def test_all_no_answers_give_self_care_and_an_ok_mat() -> None:
    result = triage()
    assert (result.urgency, result.mat) == (Urgency.SELF_CARE, Verdict.OK)
    assert fired(result) == ["RV-04", "MAT-OK"]


def test_highest_level_wins_when_several_rules_fire() -> None:
    result = triage(saddle_numbness="yes", fever="yes", pain_now=9, pregnancy_possible="yes",
                    pregnant="yes")  # fmt: skip
    assert result.urgency is Urgency.EMERGENCY
    assert fired(result)[0] == "RF-01"


def test_reasons_are_sorted_most_urgent_first() -> None:
    result = triage(chest_pain="yes", fever="yes", pain_now=9, heart_condition="yes")
    assert fired(result) == ["RF-08", "RF-11", "RV-02", "MAT-D1", "MAT-D2", "MAT-C1"]


def test_unsure_saddle_numbness_is_emergency() -> None:
    assert triage(saddle_numbness="unsure").urgency is Urgency.EMERGENCY


def test_unsure_whether_a_bladder_change_is_new_is_emergency() -> None:
    result = triage(bladder_change="yes", bladder_new="unsure")
    assert result.urgency is Urgency.EMERGENCY


def test_long_standing_unchanged_leak_alone_stays_self_care() -> None:
    result = triage(bladder_change="yes", bladder_new="no")
    assert result.urgency is Urgency.SELF_CARE


def test_long_standing_unchanged_feeling_in_both_legs_alone_stays_self_care() -> None:
    result = triage(both_legs="yes", both_legs_new="no")
    assert result.urgency is Urgency.SELF_CARE


@pytest.mark.parametrize("new", ["yes", "unsure"])
def test_new_or_maybe_new_feeling_in_both_legs_is_emergency(new: str) -> None:
    result = triage(both_legs="yes", both_legs_new=new)
    assert result.urgency is Urgency.EMERGENCY
    assert fired(result)[0] == "RF-05"


def test_a_yes_to_both_legs_asks_whether_it_is_new() -> None:
    answers = complete({})
    answers["both_legs"] = "yes"
    with pytest.raises(ScreeningIncomplete) as caught:
        evaluate(answers)
    assert caught.value.missing == ["both_legs_new"]


@pytest.mark.parametrize(
    ("rule", "answers"),
    [
        ("RF-10", {"fever": "yes"}),
        ("AC-01", {"minor_injury": "yes", "osteoporosis": "yes"}),
    ],
)
def test_old_unchanged_feeling_in_both_legs_is_no_nerve_sign_for_other_rules(
    rule: str, answers: dict[str, str]
) -> None:
    old = triage(**answers, both_legs="yes", both_legs_new="no")
    new = triage(**answers, both_legs="yes", both_legs_new="yes")
    assert rule not in fired(old)
    assert rule in fired(new)


@pytest.mark.parametrize("pain", range(11))
def test_pain_score_alone_never_gives_emergency_or_urgent(pain: int) -> None:
    expected = Urgency.SEE_CLINICIAN_DAYS if pain >= 8 else Urgency.SELF_CARE
    assert triage(pain_now=pain).urgency is expected


@pytest.mark.parametrize(
    "flags",
    [["fever"], ["weight_loss"], ["night_pain"], ["chest_pain"], ["both_legs", "both_legs_new"]],
)
def test_every_emergency_or_urgent_result_blocks_the_mat(flags: list[str]) -> None:
    result = triage(**dict.fromkeys(flags, "yes"))
    assert result.urgency.rank <= Urgency.URGENT_SAME_DAY.rank
    assert result.mat is Verdict.DO_NOT_USE
    assert "MAT-D1" in fired(result)


def test_a_week_without_improvement_needs_a_clinician_seed_01() -> None:
    assert triage(episode_days=8, not_improving="yes").urgency is Urgency.SEE_CLINICIAN_DAYS
    assert triage(episode_days=7).urgency is Urgency.SELF_CARE


def test_improvement_is_only_asked_once_a_week_has_passed() -> None:
    assert "not_improving" not in missing_items({**BASE, "episode_days": 7})
    assert "not_improving" in missing_items({**BASE, "episode_days": 8})


def test_missing_required_answers_raise_screening_incomplete_naming_them() -> None:
    answers = complete({})
    del answers["saddle_numbness"], answers["age"]
    with pytest.raises(ScreeningIncomplete) as caught:
        evaluate(answers)
    assert caught.value.missing == ["age", "saddle_numbness"]
    assert isinstance(caught.value, InvalidInput)
    assert "saddle_numbness: is required: one of yes, no, unsure" in str(caught.value)
    assert {p.code for p in caught.value.problems} == {"required"}


def test_an_empty_screening_is_incomplete_not_self_care() -> None:
    with pytest.raises(ScreeningIncomplete) as caught:
        evaluate({})
    assert caught.value.missing == missing_items({})
    assert caught.value.missing[:3] == ["age", "pain_now", "episode_days"]


def test_a_yes_makes_its_follow_up_required() -> None:
    answers = complete({})
    answers["bowel_change"] = "yes"
    with pytest.raises(ScreeningIncomplete) as caught:
        evaluate(answers)
    assert caught.value.missing == ["bowel_new"]


def test_pregnancy_is_asked_only_when_it_could_apply() -> None:
    answers = complete({})
    assert "pregnant" not in answers
    answers["pregnancy_possible"] = "unsure"
    assert missing_items(answers) == ["pregnant"]


def test_a_volunteered_yes_to_a_skipped_question_still_counts() -> None:
    answers = {**complete({}), "pregnant": "yes"}
    assert answers["pregnancy_possible"] == "no"
    assert evaluate(answers).mat is Verdict.DO_NOT_USE


def test_unknown_items_are_refused_by_name() -> None:
    with pytest.raises(InvalidInput) as caught:
        evaluate({**complete({}), "tummy_ache": "yes"})
    assert [p.field for p in caught.value.problems] == ["tummy_ache"]
    assert not isinstance(caught.value, ScreeningIncomplete)


@pytest.mark.parametrize(
    ("item", "value", "message"),
    [
        ("pain_now", 11, "from 0 to 10"),
        ("pain_now", -1, "from 0 to 10"),
        ("age", 15, "aged 16 and over"),
        ("episode_days", 3651, "from 0 to 3650"),
        ("age", True, "whole number"),
        ("age", 40.5, "whole number"),
        ("age", "forty", "whole number"),
        ("fever", "maybe", "yes, no, unsure"),
        ("fever", 1, "yes, no, unsure"),
        ("fever", None, "yes, no, unsure"),
    ],
)
def test_values_outside_an_items_answers_are_refused_by_name(
    item: str, value: object, message: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        evaluate({**complete({}), item: value})
    assert [p.field for p in caught.value.problems] == [item]
    assert message in caught.value.problems[0].message


def test_form_style_values_are_accepted() -> None:
    answers: dict[str, object] = {**complete({}), "age": " 52 ", "fever": " YES "}
    assert evaluate(answers).urgency is Urgency.URGENT_SAME_DAY


def test_emergency_reasons_stop_early_on_a_partial_screening() -> None:
    assert [r.rule for r in emergency_reasons({"chest_pain": "yes"})] == ["RF-08"]
    assert emergency_reasons({"age": 40, "fever": "yes"}) == []


def test_result_json_follows_the_contract() -> None:
    data = triage(epilepsy="yes").to_dict()
    assert data["urgency"] == "SELF_CARE"
    assert data["mat"] == "do-not-use"
    assert str(data["ruleset_version"]).startswith("sha256-")
    reasons = data["reasons"]
    assert isinstance(reasons, list)
    assert set(reasons[0]) == {"rule", "text", "action", "sources"}
    assert reasons[0]["rule"] == "MAT-D5"


def test_items_json_follows_the_contract() -> None:
    by_id = {item.id: item.to_dict() for item in screening_items()}
    assert by_id["fever"]["answers"] == ["yes", "no", "unsure"]
    assert by_id["age"]["answers"] == {"min": 16, "max": 120}
    assert by_id["pain_now"]["answers"] == {"min": 0, "max": 10}
    assert {"id", "text", "kind", "answers"} <= set(by_id["saddle_numbness"])


def test_the_result_records_the_ruleset_version() -> None:
    assert triage().ruleset_version == triage(fever="yes").ruleset_version


def test_as_new_signs_answers_the_follow_up_of_a_daily_sign() -> None:
    from acumat.safety import as_new_signs

    assert as_new_signs({"bowel_change": "unsure"})["bowel_new"] == "unsure"
    assert as_new_signs({"bladder_change": "yes"})["bladder_new"] == "yes"
    assert "bladder_new" not in as_new_signs({"bladder_change": "no"})
    assert as_new_signs({"bladder_change": "yes", "bladder_new": "no"})["bladder_new"] == "no"
    assert as_new_signs({"both_legs": "yes"})["both_legs_new"] == "yes"
    assert as_new_signs({"both_legs": "unsure"})["both_legs_new"] == "unsure"


# --- the facade: triage() ----------------------------------------------------------------


def test_triage_of_complete_answers_is_the_full_result() -> None:
    answers = complete({"heart_condition": "yes"})
    result = triage_answers(answers)
    assert result == evaluate(answers)
    assert result.complete
    assert result.refused == []


def test_a_partial_result_takes_its_verdict_from_the_rules() -> None:
    result = partial_result({"fever": "yes"})
    assert result is not None
    assert (result.urgency, result.mat, result.complete) == (
        Urgency.URGENT_SAME_DAY,
        Verdict.DO_NOT_USE,
        False,
    )
    assert fired(result) == ["RF-11", "MAT-D1", "MAT-D2"]


def test_a_partial_result_never_calls_anything_safe() -> None:
    assert partial_result({"age": 40, "heart_condition": "yes"}) is None
    stop = emergency_stop({"chest_pain": "yes", "heart_condition": "yes"})
    assert stop is not None
    assert "MAT-OK" not in fired(stop)
    assert "RV-04" not in fired(stop)
    assert fired(stop) == ["RF-08", "MAT-D1", "MAT-C1"]


def test_triage_raises_for_gaps_and_refusals_when_nothing_is_urgent() -> None:
    with pytest.raises(ScreeningIncomplete):
        triage_answers({"age": 40})
    with pytest.raises(InvalidInput) as caught:
        triage_answers({"age": "forty", "fever": "no"})
    assert not isinstance(caught.value, ScreeningIncomplete)
    assert [p.field for p in caught.value.problems] == ["age"]


def test_triage_acts_on_an_urgent_answer_beside_a_refused_one() -> None:
    result = triage_answers({**complete({"weight_loss": "yes"}), "age": 300})
    assert (result.urgency, result.mat, result.complete) == (
        Urgency.URGENT_SAME_DAY,
        Verdict.DO_NOT_USE,
        False,
    )
    assert [r.field for r in result.refused] == ["age"]
    assert result.contract()["refused"] == [
        {
            "field": "age",
            "code": "too_big",
            "message": "must be a whole number from 16 to 120 (got 300)",
        }
    ]


def test_triage_judges_with_the_rule_set_it_is_given() -> None:
    import dataclasses

    rules = load_ruleset()
    without_fever = dataclasses.replace(
        rules, rules=tuple(r for r in rules.rules if r.id != "RF-11")
    )
    assert triage_answers({"fever": "yes"}).urgency is Urgency.URGENT_SAME_DAY
    with pytest.raises(ScreeningIncomplete):
        triage_answers({"fever": "yes"}, without_fever)


def test_a_rule_set_that_would_let_an_urgent_partial_result_go_unexplained_is_refused() -> None:
    import dataclasses

    from acumat.safety.loader import reference_problems

    rules = load_ruleset()
    no_d1 = dataclasses.replace(rules, rules=tuple(r for r in rules.rules if r.id != "MAT-D1"))
    assert reference_problems(no_d1) == [
        "no verdict rule holds on an urgent result alone, as MAT-D1 does"
    ]


def test_the_contract_has_the_product_fields_and_completeness() -> None:
    data = triage_answers({"chest_pain": "yes"}).contract()
    assert set(data) == {"urgency", "mat", "reasons", "ruleset_version", "complete"}
    assert (data["urgency"], data["mat"], data["complete"]) == ("EMERGENCY", "do-not-use", False)
    assert all(set(r) == {"rule", "text", "action", "sources"} for r in data["reasons"])


def test_emergency_reasons_for_showing_are_worded_for_a_region() -> None:
    assert emergency_reasons({"chest_pain": "yes"})[0].action == "Call 999 now."
    assert emergency_reasons({"chest_pain": "yes"}, "US")[0].action == "Call 911 now."
