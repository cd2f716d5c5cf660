"""The triage engine: answers in, urgency, mat verdict and reasons out. Pure; no I/O.

How a result is reached (knowledge base section 1, principles P1-P7):
1. Answers are checked against the item bank; "unsure" then reads as "yes" for every yes/no
   question (P3, generalised: over-triage is accepted, under-triage is a bug).
2. Required questions that apply (after skip logic) must all be answered, otherwise
   :class:`ScreeningIncomplete` names them: never a silent SELF_CARE. An answer to a skipped
   question is still used, so a volunteered "yes" is never thrown away.
3. Urgency rules are judged on the answers; the most urgent wins (P1), and RV-04 (SELF_CARE)
   fires only when none did.
4. Verdict rules are judged on the answers plus the urgency outcome (MAT-D1 blocks the mat at
   L1/L2, MAT-C10 reads RF-23/RF-25); the strictest verdict wins (MAT-W1), MAT-OK otherwise.
Every rule only ever asks for a "yes" or a threshold, so a further "yes" can only make the
result more cautious; the property tests hold the engine to that.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from acumat.safety.answers import applies, facts_from, unanswered, validated
from acumat.safety.conditions import Facts, items_read
from acumat.safety.errors import ScreeningIncomplete
from acumat.safety.levels import Urgency, Verdict
from acumat.safety.loader import load_ruleset
from acumat.safety.model import Item, Reason, Rule, TriageResult


def evaluate(answers: Mapping[str, object]) -> TriageResult:
    """Triage a complete screening.

    Raises InvalidInput naming unknown items or refused values, and ScreeningIncomplete
    naming required questions that apply but are unanswered.
    """
    ruleset = load_ruleset()
    clean = validated(answers, ruleset)
    missing = unanswered(ruleset, clean)
    if missing:
        raise ScreeningIncomplete(missing)
    facts = facts_from(clean)
    urgent = _fire([r for r in ruleset.rules if r.urgency is not None], facts)
    urgency = min((r.urgency for r in urgent if r.urgency), key=lambda u: u.rank)
    verdict_facts = Facts(facts.answers, frozenset(r.id for r in urgent), urgency)
    limits = _fire([r for r in ruleset.rules if r.verdict is not None], verdict_facts)
    verdict = min((r.verdict for r in limits if r.verdict), key=lambda v: v.rank)
    return TriageResult(urgency, verdict, _reasons(urgent + limits), ruleset.version)


def missing_items(answers: Mapping[str, object]) -> list[str]:
    """Required questions that apply given the answers so far, in asking order.

    Asking these one by one (re-checking after each answer) walks the skip logic.
    """
    ruleset = load_ruleset()
    return unanswered(ruleset, validated(answers, ruleset))


def emergency_reasons(answers: Mapping[str, object]) -> list[Reason]:
    """EMERGENCY reasons that the answers given so far already trigger; may be partial.

    Lets an interactive form stop at the first emergency answer. An empty list means only
    "no emergency yet", never "safe": use :func:`evaluate` on the full screening for that.
    """
    return urgent_reasons(answers, at_least=Urgency.EMERGENCY)


def urgent_reasons(
    answers: Mapping[str, object], at_least: Urgency = Urgency.URGENT_SAME_DAY
) -> list[Reason]:
    """Reasons at ``at_least`` or more urgent that partial answers already trigger.

    Rules only ever ask for a "yes" or a threshold, so what fires on part of the answers
    fires on all of them: a partial result can be trusted upwards, never downwards.
    """
    ruleset = load_ruleset()
    facts = facts_from(validated(answers, ruleset))
    urgent = [r for r in ruleset.rules if r.when and r.urgency and r.urgency.rank <= at_least.rank]
    return _reasons([r for r in urgent if r.when and r.when.holds(facts)])


def partial_result(answers: Mapping[str, object]) -> TriageResult | None:
    """The urgent part of an incomplete screening, or ``None`` when nothing urgent fired yet.

    MAT-D1: any EMERGENCY or URGENT_SAME_DAY result blocks the mat.
    """
    reasons = urgent_reasons(answers)
    if not reasons:
        return None
    urgency = min((Urgency(r.level) for r in reasons), key=lambda u: u.rank)
    return TriageResult(urgency, Verdict.DO_NOT_USE, reasons, load_ruleset().version)


def as_new_signs(answers: Mapping[str, object]) -> dict[str, object]:
    """Daily re-check answers with their "is that new?" follow-ups answered.

    The daily question asks what was noticed since the last check-in, so a sign reported
    there is new by definition (P4): each re-check follow-up that now applies and has no
    answer takes its parent's answer. Without this a new bladder or bowel change would
    wait for a follow-up nobody asked, which is under-triage.
    """
    ruleset = load_ruleset()
    filled = dict(answers)
    for item in recheck_items():
        if item.ask_if is None or item.id in filled:
            continue
        parents = [i for i in items_read(item.ask_if) if i in filled]
        facts = facts_from(validated(filled, ruleset))
        if parents and applies(item, facts):
            filled[item.id] = "unsure" if "unsure" in (filled[p] for p in parents) else "yes"
    return filled


def recheck_items() -> list[Item]:
    """The short red-flag set re-asked at every daily check-in (P6), in asking order."""
    return [item for item in load_ruleset().items.values() if item.recheck]


def daily_signs() -> list[Item]:
    """The re-check questions asked at a check-in; their follow-ups are filled by
    :func:`as_new_signs`, since a sign noticed since the last check-in is new."""
    return [item for item in recheck_items() if item.ask_if is None]


def screening_items() -> list[Item]:
    """Every screening question, in asking order."""
    return list(load_ruleset().items.values())


def _fire(rules: Sequence[Rule], facts: Facts) -> list[Rule]:
    fired = [r for r in rules if r.when is not None and r.when.holds(facts)]
    return fired or [r for r in rules if r.fallback]


def _reasons(rules: Sequence[Rule]) -> list[Reason]:
    ordered = sorted(rules, key=lambda r: r.severity)  # stable: file order within a level
    return [Reason(r.id, r.reason, r.action, r.sources, r.level) for r in ordered]
