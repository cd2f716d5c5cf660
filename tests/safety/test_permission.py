"""Mat permission and "a quick re-check may raise but never clear an urgent result"."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from acumat.safety import MatPermission, TriageOut, Urgency, Verdict, escalate_only, mat_permission

VERDICTS = st.one_of(st.none(), st.sampled_from(list(Verdict)))


def result(urgency: Urgency, verdict: Verdict = Verdict.OK) -> TriageOut:
    return TriageOut(urgency=urgency, mat=verdict, reasons=[], complete=True)


RESULTS = st.builds(result, st.sampled_from(list(Urgency)), st.sampled_from(list(Verdict)))


@given(VERDICTS, st.booleans())
def test_the_mat_is_allowed_only_for_ok_or_a_cleared_caution(
    verdict: Verdict | None, approved: bool
) -> None:
    permission = mat_permission(verdict, approved)
    cleared = verdict is Verdict.CAUTION_CONSULT and approved
    assert permission.may_use_mat == (verdict is Verdict.OK or cleared)


@given(st.booleans())
def test_an_approval_never_clears_do_not_use(approved: bool) -> None:
    assert mat_permission(Verdict.DO_NOT_USE, approved) is MatPermission.DO_NOT_USE


@given(st.booleans())
def test_no_screening_means_no_mat_whatever_else(approved: bool) -> None:
    assert mat_permission(None, approved) is MatPermission.NOT_SCREENED


def test_a_caution_needs_a_clinician_until_one_approves() -> None:
    assert mat_permission(Verdict.CAUTION_CONSULT, False) is MatPermission.NEEDS_CLINICIAN
    assert mat_permission(Verdict.CAUTION_CONSULT, True) is MatPermission.CLEARED_BY_CLINICIAN
    assert mat_permission(Verdict.OK, False) is MatPermission.OK


@given(st.one_of(st.none(), RESULTS), RESULTS)
def test_a_recheck_keeps_one_of_the_two_results_and_never_calms_an_urgent_one(
    previous: TriageOut | None, fresh: TriageOut
) -> None:
    kept = escalate_only(previous, fresh)
    assert kept is fresh or kept is previous
    assert kept.urgency.rank <= fresh.urgency.rank
    if previous is not None and previous.is_urgent:
        assert kept.urgency.rank <= previous.urgency.rank
    else:
        assert kept is fresh


@given(RESULTS)
def test_a_recheck_after_an_urgent_result_can_still_escalate(previous: TriageOut) -> None:
    fresh = result(Urgency.EMERGENCY, Verdict.DO_NOT_USE)
    assert escalate_only(previous, fresh) is fresh


def test_a_calm_recheck_after_an_urgent_result_keeps_the_urgent_one() -> None:
    urgent = result(Urgency.URGENT_SAME_DAY, Verdict.DO_NOT_USE)
    assert escalate_only(urgent, result(Urgency.SELF_CARE)) is urgent
