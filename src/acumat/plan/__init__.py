"""The mat plan: how long the next sessions are, and why (pure; rules in ``rules.toml``)."""

from __future__ import annotations

from acumat.plan.planner import PastSession, Plan, PlannedSession, judge, plan
from acumat.plan.rules import PlanRules, PlanRulesError, load_rules, parse_rules

__all__ = [
    "PastSession",
    "Plan",
    "PlanRules",
    "PlanRulesError",
    "PlannedSession",
    "judge",
    "load_rules",
    "parse_rules",
    "plan",
]
