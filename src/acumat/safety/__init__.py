"""Safety: contraindication screening and red-flag triage, with the rules kept as sourced data.

The public surface: :func:`triage` (the one entry point, returning :class:`TriageOut`),
:func:`evaluate` (strict), :func:`emergency_stop`, :func:`missing_items`,
:func:`emergency_reasons`, :func:`urgency_reasons`, :func:`recheck_items`,
:func:`screening_items`, :func:`load_ruleset`, :func:`load_checklist`, :func:`verdict_instead`,
mat permission (:mod:`.permission`) and the result types. Pure code; the only files read
are the package's own TOML data.
"""

from __future__ import annotations

from acumat.safety.engine import (
    as_new_signs,
    daily_signs,
    emergency_reasons,
    emergency_stop,
    evaluate,
    missing_items,
    partial_result,
    recheck_items,
    screening_items,
    triage,
    urgency_reasons,
    urgent_reasons,
)
from acumat.safety.errors import RuleDataError, ScreeningIncomplete
from acumat.safety.levels import Urgency, Verdict
from acumat.safety.loader import load_checklist, load_ruleset, verdict_instead
from acumat.safety.model import Advice, Checklist, Item
from acumat.safety.permission import MatPermission, escalate_only, mat_permission
from acumat.safety.result import ReasonOut, RefusedAnswer, TriageOut

Reason = ReasonOut
"""The older name of :class:`ReasonOut`."""
TriageResult = TriageOut
"""The older name of :class:`TriageOut`."""

__all__ = [
    "Advice",
    "Checklist",
    "Item",
    "MatPermission",
    "Reason",
    "ReasonOut",
    "RefusedAnswer",
    "RuleDataError",
    "ScreeningIncomplete",
    "TriageOut",
    "TriageResult",
    "Urgency",
    "Verdict",
    "as_new_signs",
    "daily_signs",
    "emergency_reasons",
    "emergency_stop",
    "escalate_only",
    "evaluate",
    "load_checklist",
    "load_ruleset",
    "mat_permission",
    "missing_items",
    "partial_result",
    "recheck_items",
    "screening_items",
    "triage",
    "urgency_reasons",
    "urgent_reasons",
    "verdict_instead",
]
