"""Screening service on SQLite and PostgreSQL: stored results, re-checks, approvals."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from acumat.actor import Actor
from acumat.errors import Conflict, InvalidInput
from acumat.safety import ScreeningIncomplete
from acumat.safety.schemas import CLEARED
from acumat.services import screening
from acumat.store.engine import Database
from acumat.store.models import ClinicianApproval, Screening
from tests.safety.kit import complete

pytestmark = pytest.mark.usefixtures("frozen_clock")
APPROVAL = {"clinician": "Dr Rivera, GP", "approved_on": "2026-03-14"}


def screenings(db: Database) -> int:
    with db.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(Screening)) or 0)


def test_a_screening_is_stored_with_its_ruleset_version(db: Database, actor: Actor) -> None:
    saved = screening.record_screening(db, actor, complete({}))
    assert (saved.urgency, saved.mat, saved.complete) == ("SELF_CARE", "ok", True)
    assert saved.ruleset_version.startswith("sha256-")
    assert screening.latest_screening(db, actor) == saved


def test_missing_answers_are_named_and_nothing_is_stored(db: Database, actor: Actor) -> None:
    with pytest.raises(ScreeningIncomplete, match="saddle_numbness"):
        screening.record_screening(db, actor, {"age": 40, "pain_now": 5, "episode_days": 2})
    assert screenings(db) == 0


def test_an_emergency_stop_is_stored_as_incomplete_and_blocks_the_mat(
    db: Database, actor: Actor
) -> None:
    saved = screening.record_emergency_stop(db, actor, {"saddle_numbness": "unsure"})
    assert saved is not None
    assert (saved.urgency, saved.mat, saved.complete) == ("EMERGENCY", "do-not-use", False)
    assert saved.reasons[0].rule == "RF-01"


def test_no_emergency_answer_means_no_stop(db: Database, actor: Actor) -> None:
    assert screening.record_emergency_stop(db, actor, {"saddle_numbness": "no"}) is None
    assert screenings(db) == 0


def test_a_new_red_flag_at_checkin_overrides_a_self_care_result(db: Database, actor: Actor) -> None:
    screening.record_screening(db, actor, complete({}))
    rechecked = screening.recheck(db, actor, {"both_legs": "yes"})
    assert rechecked is not None
    assert (rechecked.origin, rechecked.urgency, rechecked.mat) == (
        "checkin",
        "EMERGENCY",
        "do-not-use",
    )
    assert screening.mat_status(db, actor).may_use_mat is False


def test_a_recheck_without_any_screening_still_catches_an_emergency(
    db: Database, actor: Actor
) -> None:
    assert screening.recheck(db, actor, {"chest_pain": "no"}) is None
    caught = screening.recheck(db, actor, {"chest_pain": "yes"})
    assert caught is not None
    assert caught.urgency == "EMERGENCY"


def test_a_recheck_refuses_unknown_items(db: Database, actor: Actor) -> None:
    with pytest.raises(InvalidInput, match="not one of the daily red-flag questions"):
        screening.recheck(db, actor, {"headache": "yes"})


def test_a_recheck_cannot_change_answers_outside_the_daily_signs(
    db: Database, actor: Actor
) -> None:
    screening.record_screening(db, actor, complete({"anticoagulant": "yes"}))
    with pytest.raises(InvalidInput, match="anticoagulant"):
        screening.recheck(db, actor, {"anticoagulant": "no"})
    assert screening.mat_status(db, actor).verdict == "do-not-use"


def test_caution_consult_is_cleared_only_by_a_recorded_approval(db: Database, actor: Actor) -> None:
    screening.record_screening(db, actor, complete({"heart_condition": "yes"}))
    before = screening.mat_status(db, actor)
    assert (before.verdict, before.may_use_mat) == ("caution-consult", False)
    approval = screening.record_approval(db, actor, APPROVAL)
    after = screening.mat_status(db, actor)
    assert (after.verdict, after.may_use_mat, after.approval) == (CLEARED, True, approval)
    assert "Dr Rivera" in after.message


def test_an_approval_carries_over_to_rechecks_with_no_new_caution(
    db: Database, actor: Actor
) -> None:
    screening.record_screening(db, actor, complete({"heart_condition": "yes"}))
    screening.record_approval(db, actor, APPROVAL)
    screening.recheck(db, actor, {"fever": "no"})
    assert screening.mat_status(db, actor).verdict == CLEARED
    screening.record_screening(
        db, actor, complete({"heart_condition": "yes", "blood_pressure": "yes"})
    )
    assert screening.mat_status(db, actor).verdict == "caution-consult"


def test_an_approval_does_not_cover_a_new_reason_behind_the_same_caution(
    db: Database, actor: Actor
) -> None:
    screening.record_screening(db, actor, complete({"age": 55, "first_episode": "yes"}))
    assert screening.mat_status(db, actor).verdict == "caution-consult"
    screening.record_approval(db, actor, APPROVAL)
    assert screening.mat_status(db, actor).verdict == CLEARED
    later = complete({"age": 55, "first_episode": "yes", "leg_numb_one_side": "yes"})
    screening.record_screening(db, actor, later)
    assert screening.mat_status(db, actor).verdict == "caution-consult"


def test_an_approval_needs_a_caution_consult_verdict(db: Database, actor: Actor) -> None:
    screening.record_screening(db, actor, complete({}))
    with pytest.raises(Conflict, match="caution-consult"):
        screening.record_approval(db, actor, APPROVAL)


def test_an_approval_cannot_clear_do_not_use(db: Database, actor: Actor) -> None:
    screening.record_screening(db, actor, complete({"anticoagulant": "yes"}))
    with pytest.raises(Conflict):
        screening.record_approval(db, actor, APPROVAL)
    assert screening.mat_status(db, actor).may_use_mat is False


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"clinician": "", "approved_on": "2026-03-14"}, "clinician"),
        ({"clinician": "Dr Lee", "approved_on": "2026-03-16"}, "approved_on"),
        ({"clinician": "Dr Lee"}, "approved_on"),
    ],
)
def test_bad_approvals_name_the_field_and_write_nothing(
    db: Database, actor: Actor, raw: dict[str, str], field: str
) -> None:
    screening.record_screening(db, actor, complete({"heart_condition": "yes"}))
    with pytest.raises(InvalidInput) as caught:
        screening.record_approval(db, actor, raw)
    assert caught.value.problems[0].field == field
    with db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(ClinicianApproval)) == 0


def test_no_screening_means_no_mat_yet(db: Database, actor: Actor) -> None:
    status = screening.mat_status(db, actor)
    assert (status.verdict, status.may_use_mat) == (None, False)


def test_a_quick_recheck_never_clears_an_urgent_result(db: Database, actor: Actor) -> None:
    urgent = screening.record_screening(db, actor, complete({"fever": "yes"}))
    assert urgent.urgency == "URGENT_SAME_DAY"
    assert screening.recheck(db, actor, {"fever": "no"}) == urgent
    assert screening.latest_screening(db, actor) == urgent
    assert screening.mat_status(db, actor).may_use_mat is False


def test_a_quick_recheck_can_still_escalate_an_urgent_result(db: Database, actor: Actor) -> None:
    screening.record_screening(db, actor, complete({"fever": "yes"}))
    raised = screening.recheck(db, actor, {"chest_pain": "yes"})
    assert raised is not None
    assert raised.urgency == "EMERGENCY"


def test_an_emergency_stop_stays_until_the_questions_are_answered_again(
    db: Database, actor: Actor
) -> None:
    stop = screening.record_emergency_stop(db, actor, {"chest_pain": "yes"})
    assert screening.recheck(db, actor, {"chest_pain": "no"}) is None
    assert screening.latest_screening(db, actor) == stop


@pytest.mark.parametrize("sign", ["bladder_change", "bowel_change", "sexual_change"])
@pytest.mark.parametrize("answer", ["yes", "unsure"])
def test_a_bladder_bowel_or_sex_change_at_checkin_counts_as_new(
    db: Database, actor: Actor, sign: str, answer: str
) -> None:
    screening.record_screening(db, actor, complete({}))
    raised = screening.recheck(db, actor, {sign: answer})
    assert raised is not None
    assert raised.urgency == "EMERGENCY"


def test_a_new_bladder_change_is_caught_even_before_any_screening(
    db: Database, actor: Actor
) -> None:
    raised = screening.recheck(db, actor, {"bladder_change": "yes"})
    assert raised is not None
    assert raised.reasons[0].rule == "RF-02"


def test_an_incomplete_screening_with_an_emergency_is_saved_and_returned(
    db: Database, actor: Actor
) -> None:
    saved = screening.record_screening(db, actor, {"age": 40, "saddle_numbness": "yes"})
    assert (saved.urgency, saved.mat, saved.complete) == ("EMERGENCY", "do-not-use", False)
    assert screening.latest_screening(db, actor) == saved


def test_an_incomplete_screening_with_an_urgent_answer_is_saved(db: Database, actor: Actor) -> None:
    saved = screening.record_screening(db, actor, {"age": 40, "fever": "yes"})
    assert (saved.urgency, saved.complete) == ("URGENT_SAME_DAY", False)


def test_a_dry_run_of_an_incomplete_emergency_still_says_so(db: Database) -> None:
    result = screening.judge({"chest_pain": "unsure"})
    assert (result.urgency, result.mat, result.complete) == ("EMERGENCY", "do-not-use", False)
    assert screenings(db) == 0


@pytest.mark.parametrize(
    ("sign", "level"), [("fever", "URGENT_SAME_DAY"), ("chest_pain", "EMERGENCY")]
)
def test_a_recheck_before_any_screening_keeps_urgent_signs(
    db: Database, actor: Actor, sign: str, level: str
) -> None:
    caught = screening.recheck(db, actor, {sign: "yes"})
    assert caught is not None
    assert (caught.urgency, caught.mat, caught.origin) == (level, "do-not-use", "checkin")


def test_a_refused_checkin_shows_and_keeps_its_urgent_sign_but_not_the_checkin(
    db: Database, actor: Actor
) -> None:
    from acumat.services import daily, diary

    diary.add_checkin(db, actor, {"day": "2026-03-15", "pain": 3})
    with pytest.raises(daily.CheckInConflict) as refused:
        daily.check_in(db, actor, {"day": "2026-03-15", "pain": 4}, {"chest_pain": "yes"})
    assert refused.value.triage is not None
    assert refused.value.triage.urgency == "EMERGENCY"  # shown before the error
    assert refused.value.kept
    latest = screening.latest_screening(db, actor)  # and saved: never lost with the check-in
    assert latest is not None
    assert (latest.id, latest.urgency) == (refused.value.triage.id, "EMERGENCY")
    assert diary.get_checkin(db, actor, date(2026, 3, 15)).pain == 3


def test_a_refused_checkin_with_a_calm_sign_writes_nothing(db: Database, actor: Actor) -> None:
    from acumat.services import daily, diary

    diary.add_checkin(db, actor, {"day": "2026-03-15", "pain": 3})
    with pytest.raises(daily.CheckInConflict) as refused:
        daily.check_in(db, actor, {"day": "2026-03-15", "pain": 4}, {"chest_pain": "no"})
    assert not refused.value.kept
    assert screening.latest_screening(db, actor) is None


def test_an_age_under_16_is_refused_naming_the_doctor_of_the_persons_region(
    db: Database, actor: Actor
) -> None:
    from acumat.services.settings import change_settings

    us = change_settings(db, actor, {"region": "US"})
    with pytest.raises(InvalidInput) as caught:
        screening.record_screening(db, us, {**complete({}), "age": 12})
    (problem,) = caught.value.problems
    assert problem.code == "below_minimum_age"
    assert problem.message.endswith("should be seen by their doctor")
    assert problem.params["doctor"] == "doctor"
    assert screening.latest_screening(db, us) is None


# --- one result, in the person's words ---------------------------------------------------

EMERGENCY = {"age": 40, "chest_pain": "yes"}


@pytest.mark.parametrize(
    ("region", "number", "absent"),
    [("GB", "999", "911"), ("US", "911", "999"), ("EU", "112", "999")],
)
def test_the_same_emergency_names_each_regions_number(
    db: Database, actor: Actor, region: str, number: str, absent: str
) -> None:
    from acumat.services.settings import change_settings

    person = change_settings(db, actor, {"region": region})
    saved = screening.record_screening(db, person, EMERGENCY)
    assert f"Call {number} now." in saved.reasons[0].action
    assert absent not in saved.reasons[0].action
    assert screening.latest_screening(db, person) == saved
    assert screening.urgent_now(db, person) == saved
    assert screening.mat_status(db, person).screening == saved


def test_stored_results_keep_the_rules_placeholders(db: Database, actor: Actor) -> None:
    screening.record_screening(db, actor, EMERGENCY)
    with db.transaction() as session:
        row = session.scalars(select(Screening)).one()
        assert row.reasons[0]["action"] == "Call {emergency_number} now."


def test_a_result_follows_a_change_of_region(db: Database, actor: Actor) -> None:
    from acumat.services.settings import change_settings

    screening.record_screening(db, actor, EMERGENCY)
    moved = change_settings(db, actor, {"region": "US"})
    latest = screening.latest_screening(db, moved)
    assert latest is not None
    assert latest.reasons[0].action == "Call 911 now."


def test_a_dry_run_speaks_the_region_asked_for() -> None:
    assert screening.judge(EMERGENCY, "US").reasons[0].action == "Call 911 now."
    assert screening.judge(EMERGENCY).reasons[0].action == "Call 999 now."


def test_the_dry_run_and_the_saved_result_share_one_contract(db: Database, actor: Actor) -> None:
    dry = screening.judge(EMERGENCY, actor.region).contract()
    saved = screening.record_screening(db, actor, EMERGENCY).contract()
    assert saved == {**dry, "screening_id": saved["screening_id"]}


def test_a_stored_result_has_typed_levels_and_says_it_is_not_demo(
    db: Database, actor: Actor
) -> None:
    from acumat.safety import Urgency, Verdict

    saved = screening.record_screening(db, actor, complete({}))
    assert saved.urgency is Urgency.SELF_CARE
    assert saved.mat is Verdict.OK
    assert saved.is_demo is False


def test_an_emergency_stop_is_explained_by_the_rules(db: Database, actor: Actor) -> None:
    stop = screening.record_emergency_stop(db, actor, {"chest_pain": "yes", "fever": "yes"})
    assert stop is not None
    assert [r.rule for r in stop.reasons] == ["RF-08", "RF-11", "MAT-D1", "MAT-D2"]
    assert {r.level for r in stop.reasons} >= {"EMERGENCY", "do-not-use"}


def test_mat_status_gives_the_permission(db: Database, actor: Actor) -> None:
    from acumat.safety import MatPermission

    assert screening.mat_status(db, actor).permission is MatPermission.NOT_SCREENED
    screening.record_screening(db, actor, complete({"heart_condition": "yes"}))
    assert screening.mat_status(db, actor).permission is MatPermission.NEEDS_CLINICIAN
    screening.record_approval(db, actor, APPROVAL)
    status = screening.mat_status(db, actor)
    assert (status.permission, status.may_use_mat) == (MatPermission.CLEARED_BY_CLINICIAN, True)
    screening.record_screening(db, actor, complete({"epilepsy": "yes"}))
    status = screening.mat_status(db, actor)
    assert (status.permission, status.may_use_mat) == (MatPermission.DO_NOT_USE, False)


def test_a_recheck_with_a_refused_answer_still_saves_an_urgent_one(
    db: Database, actor: Actor
) -> None:
    screening.record_screening(db, actor, complete({}))
    raised = screening.recheck(db, actor, {"chest_pain": "yes", "fever": "maybe", "mood": "low"})
    assert raised is not None
    assert raised.urgency == "EMERGENCY"
    assert [r.field for r in raised.refused] == ["fever", "mood"]
    latest = screening.latest_screening(db, actor)
    assert latest is not None
    assert latest.urgency == "EMERGENCY"
    assert "fever" not in latest.answers or latest.answers["fever"] == "no"


def test_a_recheck_with_a_refused_answer_and_nothing_urgent_writes_nothing(
    db: Database, actor: Actor
) -> None:
    screening.record_screening(db, actor, complete({}))
    with pytest.raises(InvalidInput) as caught:
        screening.recheck(db, actor, {"chest_pain": "no", "fever": "maybe"})
    assert [p.field for p in caught.value.problems] == ["fever"]
    assert screenings(db) == 1


def test_a_change_in_both_legs_at_a_checkin_counts_as_new_after_a_long_standing_one(
    db: Database, actor: Actor
) -> None:
    calm = screening.record_screening(
        db, actor, complete({"both_legs": "yes", "both_legs_new": "no"})
    )
    assert calm.urgency == "SELF_CARE"
    raised = screening.recheck(db, actor, {"both_legs": "yes"})
    assert raised is not None
    assert raised.urgency == "EMERGENCY"
    assert raised.reasons[0].rule == "RF-05"


def test_the_demo_never_fakes_a_safety_result(db: Database, actor: Actor) -> None:
    from acumat.services.demo import load_demo

    load_demo(db, actor)
    assert screening.latest_screening(db, actor) is None
    assert screening.mat_status(db, actor).permission == "not_screened"


def test_a_demo_result_from_an_older_demo_is_labelled_as_demo(db: Database, actor: Actor) -> None:
    from acumat.store.repos import SafetyRepo

    judged = screening.judge(complete({}))
    values = screening.screening_values(complete({}), judged, origin="screening")
    with db.transaction() as session:
        SafetyRepo(session, actor.user_id).add_screening({**values, "is_demo": True})
    latest = screening.latest_screening(db, actor)
    assert latest is not None
    assert latest.is_demo is True
    assert screening.mat_status(db, actor).screening == latest
