"""What a result allows now: mat permission, and why a quick re-check can only raise urgency.

Both are small pure decisions that services, pages, the CLI and the planner share, so that no
interface re-derives them from strings. The verdict names what the rules decided; the
permission adds the one thing rules cannot know, whether a clinician has since approved.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from acumat.safety.levels import Verdict
from acumat.safety.result import TriageOut

Result = TypeVar("Result", bound=TriageOut)


class MatPermission(StrEnum):
    """Whether the mat may be used now, after the latest result and any clinician approval."""

    NOT_SCREENED = "not_screened"
    DO_NOT_USE = "do_not_use"
    NEEDS_CLINICIAN = "needs_clinician"
    CLEARED_BY_CLINICIAN = "cleared_by_clinician"
    OK = "ok"

    @property
    def may_use_mat(self) -> bool:
        """Only ``ok`` and ``cleared_by_clinician`` let a person use (or plan) the mat."""
        return self in (MatPermission.OK, MatPermission.CLEARED_BY_CLINICIAN)


def mat_permission(verdict: Verdict | None, approved: bool) -> MatPermission:
    """The permission for a verdict (``None``: never screened) and whether a clinician's
    approval covers it.

    An approval clears ``caution-consult`` only (MAT-W3); it never clears ``do-not-use``,
    which asks for the reason itself to go away, and an ``ok`` needs no approval.
    """
    if verdict is None:
        return MatPermission.NOT_SCREENED
    if verdict is Verdict.CAUTION_CONSULT:
        return MatPermission.CLEARED_BY_CLINICIAN if approved else MatPermission.NEEDS_CLINICIAN
    return MatPermission.DO_NOT_USE if verdict is Verdict.DO_NOT_USE else MatPermission.OK


def escalate_only(previous: Result | None, fresh: Result) -> Result:
    """The result to keep after a quick re-check: ``fresh``, unless it would calm an urgent
    ``previous``.

    A quick re-check asks only the red-flag set, so it may raise the urgency but never clears
    an urgent result: that takes the full questions again (P6). An equal or higher urgency,
    or any re-check after a non-urgent result, gives ``fresh``.
    """
    if previous is not None and previous.is_urgent and fresh.urgency.rank > previous.urgency.rank:
        return previous
    return fresh
