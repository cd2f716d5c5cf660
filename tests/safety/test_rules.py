"""One or more tests per rule, written from the knowledge base; the rule id is in each test id.

Each case names only the answers that matter; every other question is answered "no" and the
person is 35, on day 2, with pain 4 (see kit.BASE). Each case states the whole expected result.
"""

from __future__ import annotations

import pytest

from acumat.safety import Urgency, Verdict, load_ruleset
from tests.safety.kit import fired, triage

E, U, D, S = (
    Urgency.EMERGENCY,
    Urgency.URGENT_SAME_DAY,
    Urgency.SEE_CLINICIAN_DAYS,
    Urgency.SELF_CARE,
)
NO, CAUTION, OK = Verdict.DO_NOT_USE, Verdict.CAUTION_CONSULT, Verdict.OK
Y = "yes"

FIRES = [
    pytest.param("RF-01", {"saddle_numbness": Y}, E, NO, id="RF-01"),
    pytest.param("RF-02", {"bladder_change": Y, "bladder_new": Y}, E, NO, id="RF-02"),
    pytest.param("RF-03", {"bowel_change": Y, "bowel_new": Y}, E, NO, id="RF-03"),
    pytest.param("RF-04", {"sexual_change": Y, "sexual_new": Y}, E, NO, id="RF-04"),
    pytest.param("RF-05", {"both_legs": Y, "both_legs_new": Y}, E, NO, id="RF-05"),
    pytest.param("RF-06", {"leg_weakness_severe": Y}, E, NO, id="RF-06"),
    pytest.param("RF-07", {"major_trauma": Y}, E, NO, id="RF-07"),
    pytest.param("RF-08", {"chest_pain": Y}, E, NO, id="RF-08"),
    pytest.param("RF-09", {"sudden_severe_pain": Y, "faint_or_clammy": Y}, E, NO, id="RF-09"),
    pytest.param("RF-10", {"fever": Y, "one_leg_weakness": Y}, E, NO, id="RF-10-fever-weak-leg"),
    pytest.param("RF-10", {"very_unwell": Y}, E, NO, id="RF-10-very-unwell"),
    pytest.param("RF-10", {"fever": Y, "bowel_change": Y, "bowel_new": Y}, E, NO, id="RF-10-bowel"),
    pytest.param("RF-11", {"fever": Y}, U, NO, id="RF-11"),
    pytest.param("RF-12", {"injects_drugs": Y}, U, NO, id="RF-12-injecting"),
    pytest.param("RF-12", {"recent_spine_procedure": Y}, U, NO, id="RF-12-spinal-injection"),
    pytest.param("RF-12", {"immunosuppressed": Y}, U, NO, id="RF-12-immune"),
    pytest.param("RF-12", {"recent_infection": Y}, U, NO, id="RF-12-recent-infection"),
    pytest.param("RF-13", {"cancer_history": Y}, U, NO, id="RF-13"),
    pytest.param("RF-14", {"weight_loss": Y}, U, NO, id="RF-14"),
    pytest.param("RF-15", {"night_pain": Y}, U, NO, id="RF-15"),
    pytest.param("RF-16", {"lump_or_shape": Y}, U, NO, id="RF-16"),
    pytest.param("RF-17", {"minor_injury": Y, "age": 72}, U, NO, id="RF-17-age-70-plus"),
    pytest.param("RF-17", {"minor_injury": Y, "osteoporosis": Y}, U, NO, id="RF-17-thin-bones"),
    pytest.param("RF-17", {"minor_injury": Y, "long_term_steroids": Y}, U, NO, id="RF-17-steroids"),
    pytest.param("RF-18", {"upper_back_pain": Y}, U, NO, id="RF-18"),
    pytest.param("RF-19", {"cough_sneeze_worse": Y}, U, NO, id="RF-19"),
    pytest.param("RF-20", {"one_leg_weakness": Y}, U, NO, id="RF-20"),
    pytest.param("RF-21", {"pulsing_tummy": Y}, U, NO, id="RF-21"),
    pytest.param("RF-22", {"generally_unwell": Y}, U, NO, id="RF-22"),
    pytest.param("RF-23", {"first_episode": Y, "age": 50}, D, CAUTION, id="RF-23"),
    pytest.param(
        "RF-24",
        {"long_term_back_pain": Y, "age": 30, "buttock_pain": Y, "better_with_movement": Y},
        D,
        OK,
        id="RF-24-young-onset-counts",
    ),
    pytest.param(
        "RF-24",
        {
            "episode_days": 120,
            "not_improving": "no",
            "age": 52,
            "onset_before_45": Y,
            "wakes_late_night": Y,
            "psoriasis": Y,
            "tendon_pain": Y,
        },
        D,
        OK,
        id="RF-24-older-asked-onset",
    ),
    pytest.param("RF-25", {"leg_pain_one_side": Y, "episode_days": 10}, D, CAUTION, id="RF-25"),
    pytest.param(
        "RF-25", {"leg_pain_one_side": Y, "getting_worse": Y}, D, CAUTION, id="RF-25-worse"
    ),
    pytest.param("RF-25", {"leg_numb_one_side": Y}, D, CAUTION, id="RF-25-new-numbness-day-1"),
    pytest.param("RF-26", {"pregnancy_possible": Y, "pregnant": Y}, D, NO, id="RF-26"),
    pytest.param("RV-01", {"episode_days": 21, "not_improving": Y}, D, OK, id="RV-01-3-weeks"),
    pytest.param("RV-01", {"episode_days": 42}, D, OK, id="RV-01-6-weeks"),
    pytest.param("RV-02", {"pain_now": 8}, D, OK, id="RV-02-pain-8"),
    pytest.param("RV-02", {"stops_daily_life": Y}, D, OK, id="RV-02-daily-life"),
    pytest.param("RV-02", {"struggling_to_cope": Y}, D, OK, id="RV-02-coping"),
    pytest.param("RV-02", {"cannot_walk": Y}, D, OK, id="RV-02-cannot-walk"),
    pytest.param("RV-02", {"sudden_severe_pain": Y}, D, OK, id="RV-02-sudden-severe-pain"),
    pytest.param("RV-03", {"age": 60, "episode_days": 35, "not_improving": Y}, D, OK, id="RV-03"),
    pytest.param("RV-04", {}, S, OK, id="RV-04"),
    pytest.param("SEED-01", {"episode_days": 8, "not_improving": Y}, D, OK, id="SEED-01"),
    pytest.param("SEED-03", {"arm_symptoms": Y}, D, CAUTION, id="SEED-03"),
    pytest.param("SKIN-04", {"used_mat_before": Y, "mat_skin_marks": Y}, S, NO, id="SKIN-04"),
    pytest.param("SKIN-05", {"used_mat_before": Y, "skin_infection_signs": Y}, D, NO, id="SKIN-05"),
    pytest.param(
        "AC-01", {"minor_injury": Y, "osteoporosis": Y, "cannot_walk": Y}, E, NO, id="AC-01"
    ),
    pytest.param("AC-02", {"faint_or_clammy": Y}, U, NO, id="AC-02"),
    pytest.param("MAT-D1", {"weight_loss": Y}, U, NO, id="MAT-D1-urgent"),
    pytest.param("MAT-D1", {"chest_pain": Y}, E, NO, id="MAT-D1-emergency"),
    pytest.param("MAT-D2", {"ill_now": Y}, S, NO, id="MAT-D2"),
    pytest.param("MAT-D3", {"pregnancy_possible": Y, "pregnant": Y}, D, NO, id="MAT-D3"),
    pytest.param("MAT-D4", {"anticoagulant": Y}, S, NO, id="MAT-D4-anticoagulant"),
    pytest.param("MAT-D4", {"bleeding_disorder": Y}, S, NO, id="MAT-D4-bleeding"),
    pytest.param("MAT-D5", {"epilepsy": Y}, S, NO, id="MAT-D5"),
    pytest.param("MAT-D6", {"clot_or_phlebitis": Y}, S, NO, id="MAT-D6"),
    pytest.param("MAT-D7", {"skin_damage": Y}, S, NO, id="MAT-D7"),
    pytest.param("MAT-D8", {"diabetes": Y}, S, NO, id="MAT-D8-diabetes"),
    pytest.param("MAT-D8", {"numb_skin": Y}, S, NO, id="MAT-D8-numb-skin"),
    pytest.param("MAT-D8", {"fragile_skin_or_circulation": Y}, S, NO, id="MAT-D8-fragile"),
    pytest.param("MAT-C1", {"heart_condition": Y}, S, CAUTION, id="MAT-C1"),
    pytest.param("MAT-C2", {"blood_pressure": Y}, S, CAUTION, id="MAT-C2"),
    pytest.param("MAT-C3", {"antiplatelet": Y}, S, CAUTION, id="MAT-C3"),
    pytest.param("MAT-C4", {"cancer_history": Y, "active_cancer": Y}, U, NO, id="MAT-C4"),
    pytest.param("MAT-C5", {"osteoporosis": Y}, S, CAUTION, id="MAT-C5"),
    pytest.param("MAT-C6", {"long_term_steroids": Y}, U, NO, id="MAT-C6"),
    pytest.param("MAT-C7", {"spine_surgery_year": Y}, S, CAUTION, id="MAT-C7"),
    pytest.param("MAT-C8", {"nerve_or_mind_condition": Y}, S, CAUTION, id="MAT-C8"),
    pytest.param("MAT-C9", {"sensitive_skin_conditions": Y}, S, CAUTION, id="MAT-C9"),
    pytest.param("MAT-C10", {"first_episode": Y, "age": 64}, D, CAUTION, id="MAT-C10-RF-23"),
    pytest.param("MAT-C10", {"leg_numb_one_side": Y}, D, CAUTION, id="MAT-C10-RF-25"),
    pytest.param("MAT-OK", {}, S, OK, id="MAT-OK"),
]

QUIET = [
    pytest.param(
        "RF-02", {"bladder_change": Y, "bladder_new": "no"}, id="RF-02-old-unchanged-leak"
    ),
    pytest.param("RF-03", {"bowel_change": Y, "bowel_new": "no"}, id="RF-03-old-unchanged"),
    pytest.param("RF-04", {"sexual_change": Y, "sexual_new": "no"}, id="RF-04-old-unchanged"),
    pytest.param("RF-09", {"sudden_severe_pain": Y}, id="RF-09-sudden-pain-alone"),
    pytest.param("RF-10", {"fever": Y}, id="RF-10-fever-alone"),
    pytest.param("RF-17", {"minor_injury": Y, "age": 69}, id="RF-17-age-69"),
    pytest.param("RF-17", {"osteoporosis": Y}, id="RF-17-no-injury"),
    pytest.param("AC-01", {"minor_injury": Y, "age": 72}, id="AC-01-no-nerve-signs"),
    pytest.param("RF-23", {"first_episode": Y, "age": 49}, id="RF-23-age-49"),
    pytest.param("RF-23", {"first_episode": "no", "age": 60}, id="RF-23-not-first"),
    pytest.param(
        "RF-24",
        {"long_term_back_pain": Y, "age": 30, "buttock_pain": Y},
        id="RF-24-two-features",
    ),
    pytest.param(
        "RF-24",
        {"age": 30, "long_term_back_pain": "no", "buttock_pain": Y, "wakes_late_night": Y},
        id="RF-24-not-long-term",
    ),
    pytest.param(
        "RF-24",
        {
            "long_term_back_pain": Y,
            "age": 50,
            "onset_before_45": "no",
            "buttock_pain": Y,
            "better_with_movement": Y,
            "psoriasis": Y,
        },
        id="RF-24-began-after-45",
    ),
    pytest.param("RF-25", {"leg_pain_one_side": Y, "episode_days": 7}, id="RF-25-leg-pain-day-7"),
    pytest.param("RV-01", {"episode_days": 20, "not_improving": Y}, id="RV-01-day-20"),
    pytest.param("RV-01", {"episode_days": 41, "not_improving": "no"}, id="RV-01-easing-day-41"),
    pytest.param("RV-02", {"pain_now": 7}, id="RV-02-pain-7"),
    pytest.param("RV-03", {"age": 49, "episode_days": 35, "not_improving": Y}, id="RV-03-age-49"),
    pytest.param("SEED-01", {"episode_days": 7}, id="SEED-01-day-7"),
    pytest.param("SEED-01", {"episode_days": 14, "not_improving": "no"}, id="SEED-01-easing"),
    pytest.param("MAT-D1", {"pain_now": 9}, id="MAT-D1-L3-only"),
    pytest.param("MAT-C10", {"stops_daily_life": Y}, id="MAT-C10-L3-from-RV-02"),
    pytest.param("RV-04", {"fever": Y}, id="RV-04-flag-present"),
    pytest.param("MAT-OK", {"epilepsy": Y}, id="MAT-OK-contraindication"),
    pytest.param(
        "SKIN-04", {"used_mat_before": "no", "skin_damage": "no"}, id="SKIN-04-no-mat-yet"
    ),
]


@pytest.mark.parametrize(("rule_id", "answers", "urgency", "verdict"), FIRES)
def test_rule_fires_and_gives_the_expected_result(
    rule_id: str, answers: dict[str, str | int], urgency: Urgency, verdict: Verdict
) -> None:
    result = triage(**answers)
    assert rule_id in fired(result)
    assert (result.urgency, result.mat) == (urgency, verdict)


@pytest.mark.parametrize(("rule_id", "answers"), QUIET)
def test_rule_stays_quiet_just_short_of_its_condition(
    rule_id: str, answers: dict[str, str | int]
) -> None:
    assert rule_id not in fired(triage(**answers))


def test_every_rule_has_a_firing_case() -> None:
    tested = {case.values[0] for case in FIRES}
    assert tested == {rule.id for rule in load_ruleset().rules}


def test_rf_17_escalates_to_emergency_with_a_nerve_sign_after_minor_injury() -> None:
    result = triage(minor_injury=Y, age=75, leg_numb_one_side=Y)
    assert result.urgency is Urgency.EMERGENCY
    assert fired(result)[:2] == ["AC-01", "RF-17"]


def test_rf_25_and_seed_03_new_one_sided_numbness_counts_from_day_one() -> None:
    result = triage(leg_numb_one_side=Y, episode_days=0)
    assert {"RF-25", "SEED-03", "MAT-C10"} <= set(fired(result))
    assert result.urgency is Urgency.SEE_CLINICIAN_DAYS
