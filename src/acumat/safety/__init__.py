"""Safety: contraindication screening and red-flag triage, with the rules kept as sourced data.

The public surface: :func:`evaluate`, :func:`missing_items`, :func:`emergency_reasons`,
:func:`recheck_items`, :func:`screening_items`, :func:`load_ruleset`, :func:`load_checklist`,
and the result types. Pure code; the only files read are the package's own TOML data.
"""

from __future__ import annotations

from acumat.safety.engine import (
    as_new_signs,
    daily_signs,
    emergency_reasons,
    evaluate,
    missing_items,
    partial_result,
    recheck_items,
    screening_items,
    urgent_reasons,
)
from acumat.safety.errors import RuleDataError, ScreeningIncomplete
from acumat.safety.levels import Urgency, Verdict
from acumat.safety.loader import load_checklist, load_ruleset
from acumat.safety.model import Checklist, Item, Reason, TriageResult

__all__ = [
    "Checklist",
    "Item",
    "Reason",
    "RuleDataError",
    "ScreeningIncomplete",
    "TriageResult",
    "Urgency",
    "Verdict",
    "as_new_signs",
    "daily_signs",
    "emergency_reasons",
    "evaluate",
    "load_checklist",
    "load_ruleset",
    "missing_items",
    "partial_result",
    "recheck_items",
    "screening_items",
    "urgent_reasons",
]
