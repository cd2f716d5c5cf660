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
5. Answers that stop short, or that hold a refused answer, are judged the same way on what is
   known, without the fallbacks (RV-04, MAT-OK): nothing can be called safe on part of the
   answers. Such a partial result is returned only when it is urgent (never hide an
   EMERGENCY); otherwise the gaps or refusals are raised.
Every rule only ever asks for a "yes" or a threshold, so a further "yes" can only make the
result more cautious; the property tests hold the engine to that.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from acumat.errors import InvalidInput
from acumat.safety.answers import applies, facts_from, split_valid, unanswered, validated
from acumat.safety.conditions import Answer, Facts, items_read
from acumat.safety.errors import RuleDataError, ScreeningIncomplete
from acumat.safety.levels import Urgency
from acumat.safety.loader import load_ruleset
from acumat.safety.model import Item, Rule, RuleSet
from acumat.safety.result import ReasonOut, TriageOut


def triage(answers: Mapping[str, object], ruleset: RuleSet | None = None) -> TriageOut:
    """The one entry point: the result of ``answers``, judged by ``ruleset`` (default: the
    shipped rules).

    Complete, valid answers give the full result. Otherwise what the valid answers already
    show is judged: when that is urgent it is returned (``complete`` false, refused answers
    in ``refused``), so an invalid or missing answer never hides an urgent one. With nothing
    urgent, refused answers raise :class:`InvalidInput` and missing ones
    :class:`ScreeningIncomplete`, naming them.
    """
    rules = ruleset or load_ruleset()
    clean, refused = split_valid(answers, rules)
    missing = unanswered(rules, clean)
    if not refused and not missing:
        return _decide(rules, clean)
    partial = _decide_partial(rules, clean)
    if partial is None or not partial.is_urgent:
        raise InvalidInput(refused) if refused else ScreeningIncomplete(missing)
    return partial.with_refused(refused)


def evaluate(answers: Mapping[str, object], ruleset: RuleSet | None = None) -> TriageOut:
    """Triage a complete, valid screening, strictly.

    Raises InvalidInput naming unknown items or refused values, and ScreeningIncomplete
    naming required questions that apply but are unanswered, even beside an urgent answer:
    use :func:`triage` to act on an urgent answer in any case.
    """
    rules = ruleset or load_ruleset()
    clean = validated(answers, rules)
    missing = unanswered(rules, clean)
    if missing:
        raise ScreeningIncomplete(missing)
    return _decide(rules, clean)


def partial_result(
    answers: Mapping[str, object], ruleset: RuleSet | None = None
) -> TriageOut | None:
    """What incomplete answers already show when it is urgent, else ``None``.

    Its verdict comes from the verdict rules like a full result's (MAT-D1 blocks the mat at
    L1/L2, MAT-D2 when unwell), so each level is backed by a reason. Raises InvalidInput
    naming refused answers.
    """
    rules = ruleset or load_ruleset()
    found = _decide_partial(rules, validated(answers, rules))
    return found if found is not None and found.is_urgent else None


def emergency_stop(
    answers: Mapping[str, object], ruleset: RuleSet | None = None
) -> TriageOut | None:
    """The result to stop the questions on, when the valid answers so far are an EMERGENCY.

    Refused answers are left out (and listed in ``refused``) rather than raised: an
    interactive form stops at the first emergency answer whatever else is on the page.
    ``None`` means "no emergency yet", never "safe".
    """
    rules = ruleset or load_ruleset()
    clean, refused = split_valid(answers, rules)
    found = _decide_partial(rules, clean)
    if found is None or found.urgency is not Urgency.EMERGENCY:
        return None
    return found.with_refused(refused)


def missing_items(answers: Mapping[str, object]) -> list[str]:
    """Required questions that apply given the answers so far, in asking order.

    Asking these one by one (re-checking after each answer) walks the skip logic.
    """
    ruleset = load_ruleset()
    return unanswered(ruleset, validated(answers, ruleset))


def emergency_reasons(answers: Mapping[str, object], region: str | None = None) -> list[ReasonOut]:
    """EMERGENCY reasons that the answers given so far already trigger, worded for ``region``
    (default: the default region), for showing at once; may be partial.

    Lets an interactive form stop at the first emergency answer. An empty list means only
    "no emergency yet", never "safe": use :func:`triage` on the full screening for that, and
    :func:`emergency_stop` for the whole result to store.
    """
    return urgent_reasons(answers, at_least=Urgency.EMERGENCY, region=region)


def urgent_reasons(
    answers: Mapping[str, object],
    at_least: Urgency = Urgency.URGENT_SAME_DAY,
    region: str | None = None,
) -> list[ReasonOut]:
    """Reasons at ``at_least`` or more urgent that partial answers already trigger, worded
    for ``region``.

    Rules only ever ask for a "yes" or a threshold, so what fires on part of the answers
    fires on all of them: a partial result can be trusted upwards, never downwards.
    """
    return [reason.localised(region) for reason in urgency_reasons(answers, at_least)]


def urgency_reasons(
    answers: Mapping[str, object], at_least: Urgency = Urgency.SELF_CARE
) -> list[ReasonOut]:
    """Reasons at ``at_least`` or more urgent that partial answers already trigger, most
    urgent first, with their ``{placeholders}`` kept for a caller that words them for each
    region itself (``acumat ask`` does, for its index)."""
    ruleset = load_ruleset()
    facts = facts_from(validated(answers, ruleset))
    urgent = [r for r in ruleset.rules if r.when and r.urgency and r.urgency.rank <= at_least.rank]
    return _reasons([r for r in urgent if r.when and r.when.holds(facts)])


def as_new_signs(answers: Mapping[str, object]) -> dict[str, object]:
    """Daily re-check answers with their "is that new?" follow-ups answered.

    The daily question asks what was noticed since the last check-in, so a sign reported
    there is new by definition (P4): each re-check follow-up that now applies and has no
    answer takes its parent's answer. Without this a new bladder, bowel or both-legs change
    would wait for a follow-up nobody asked, which is under-triage.
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


def _decide(ruleset: RuleSet, clean: Mapping[str, Answer]) -> TriageOut:
    found = _judged(ruleset, clean, complete=True)
    if found is None:  # the loader guarantees a fallback of each kind
        raise RuleDataError("no urgency or verdict rule fired, not even a fallback")
    return found


def _decide_partial(ruleset: RuleSet, clean: Mapping[str, Answer]) -> TriageOut | None:
    return _judged(ruleset, clean, complete=False)


def _judged(ruleset: RuleSet, clean: Mapping[str, Answer], *, complete: bool) -> TriageOut | None:
    """Urgency rules on the answers, then verdict rules on the answers plus that outcome.

    Fallbacks fire only for ``complete`` answers; ``None`` when no rule of a kind fired.
    """
    facts = facts_from(clean)
    urgent = _fire([r for r in ruleset.rules if r.urgency is not None], facts, complete)
    if not urgent:
        return None
    urgency = min((r.urgency for r in urgent if r.urgency), key=lambda u: u.rank)
    verdict_facts = Facts(facts.answers, frozenset(r.id for r in urgent), urgency)
    limits = _fire([r for r in ruleset.rules if r.verdict is not None], verdict_facts, complete)
    if not limits:
        return None
    verdict = min((r.verdict for r in limits if r.verdict), key=lambda v: v.rank)
    return TriageOut(
        urgency=urgency,
        mat=verdict,
        reasons=_reasons(urgent + limits),
        complete=complete,
        ruleset_version=ruleset.version,
    )


def _fire(rules: Sequence[Rule], facts: Facts, fallback: bool) -> list[Rule]:
    fired = [r for r in rules if r.when is not None and r.when.holds(facts)]
    return fired or ([r for r in rules if r.fallback] if fallback else [])


def _reasons(rules: Sequence[Rule]) -> list[ReasonOut]:
    ordered = sorted(rules, key=lambda r: r.severity)  # stable: file order within a level
    return [
        ReasonOut(rule=r.id, text=r.reason, action=r.action, sources=list(r.sources), level=r.level)
        for r in ordered
    ]
