"""Safety use cases: screen, re-check at each check-in, record a clinician's approval.

Every result is stored with the rule-set version that decided it. Evaluation happens before
the transaction opens, so a refused screening writes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from acumat import clock
from acumat.actor import Actor
from acumat.errors import Conflict, InvalidInput, NotFound, Problem
from acumat.safety import (
    ScreeningIncomplete,
    TriageResult,
    Urgency,
    Verdict,
    as_new_signs,
    emergency_reasons,
    evaluate,
    load_ruleset,
    partial_result,
    recheck_items,
)
from acumat.safety.answers import split_valid
from acumat.safety.loader import verdict_label
from acumat.safety.schemas import (
    CLEARED,
    ApprovalIn,
    ApprovalOut,
    MatStatus,
    RefusedAnswer,
    ScreeningOut,
)
from acumat.store.engine import Database
from acumat.store.repos import SafetyRepo
from acumat.validation import parse

NOT_SCREENED = "Answer the safety questions before using a mat."
MAX_ANSWERS_BYTES = 256 * 1024


def read_answers_file(path: Path) -> dict[str, object]:
    """The answers in a JSON file mapping question ids to answers, read strictly.

    A file that is too big, not UTF-8 (a byte-order mark is fine), not JSON, nested absurdly
    deep, holding NaN or a number too long to read, or naming a question twice is refused
    as :class:`InvalidInput` on ``answers`` with what to fix: a "yes" must never be lost to
    a later "no" for the same question.
    """
    try:
        if path.stat().st_size > MAX_ANSWERS_BYTES:
            raise InvalidInput.single("answers", "the file is larger than 256 KB")
        text = path.read_text(encoding="utf-8-sig")
    except OSError:
        raise InvalidInput.single("answers", f"cannot read the file {path.name}") from None
    except UnicodeDecodeError:
        raise InvalidInput.single("answers", "the file is not UTF-8 text") from None
    loaded = _strict_json(text)
    if not isinstance(loaded, dict):
        raise InvalidInput.single(
            "answers", "must be a JSON object mapping question ids to answers"
        )
    return loaded


def _strict_json(text: str) -> object:
    def unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
        seen: dict[str, object] = {}
        for key, value in pairs:
            if key in seen:
                raise InvalidInput.single(key, "is answered twice in the file; keep one answer")
            seen[key] = value
        return seen

    def no_constants(name: str) -> object:
        raise InvalidInput.single("answers", f"{name} is not an answer; use a number or text")

    try:
        return json.loads(text, object_pairs_hook=unique_keys, parse_constant=no_constants)
    except json.JSONDecodeError as exc:
        message = f"is not valid JSON (line {exc.lineno}, column {exc.colno})"
        raise InvalidInput.single("answers", message) from None
    except (RecursionError, ValueError):
        raise InvalidInput.single(
            "answers", "the file is nested too deeply or holds a number too long to read"
        ) from None


@dataclass(frozen=True)
class Judgement:
    """A triage of a set of answers: the result, whether the set was complete, and the
    answers that were refused (only ever non-empty beside an urgent result)."""

    result: TriageResult
    complete: bool
    refused: list[Problem] = field(default_factory=list)

    def contract(self) -> dict[str, Any]:
        """``acumat check --dry-run --json`` and ``POST /screenings/evaluate``."""
        found = {**self.result.to_dict(), "complete": self.complete}
        if self.refused:
            found["refused"] = [{"field": p.field, "message": p.message} for p in self.refused]
        return found


def judge(answers: Mapping[str, object]) -> Judgement:
    """Triage ``answers`` without saving; an invalid answer never hides an urgent one.

    With refused answers, the urgent rules are judged on the valid ones: an urgent result is
    returned beside the refused answers; with nothing urgent, :class:`InvalidInput` names
    them. Without refused answers see :func:`triage_what_we_can`.
    """
    valid, refused = split_valid(answers, load_ruleset())
    if not refused:
        result, complete = triage_what_we_can(answers)
        return Judgement(result, complete)
    partial = partial_result(valid)
    if partial is None:
        raise InvalidInput(refused)
    return Judgement(partial, False, refused)


def triage_what_we_can(answers: Mapping[str, object]) -> tuple[TriageResult, bool]:
    """The full result and ``True``, or for an incomplete set its urgent part and ``False``.

    Never lets missing answers hide an urgent one: only when nothing urgent fired does an
    incomplete set raise :class:`ScreeningIncomplete` naming what is missing.
    """
    try:
        return evaluate(answers), True
    except ScreeningIncomplete:
        partial = partial_result(answers)
        if partial is None:
            raise
        return partial, False


def record_screening(db: Database, actor: Actor, answers: Mapping[str, object]) -> ScreeningOut:
    """Evaluate the questionnaire and store it with its rule-set version.

    An incomplete set is refused, unless an answer already needs urgent help: then that
    urgent result is stored (``complete`` false) and returned, so it is shown first.
    """
    with db.transaction() as session:
        return record_screening_in(session, actor, answers)


def record_screening_in(
    session: Session, actor: Actor, answers: Mapping[str, object]
) -> ScreeningOut:
    """:func:`record_screening` in the caller's transaction."""
    judged = judge(answers)
    valid = {k: v for k, v in answers.items() if k not in {p.field for p in judged.refused}}
    values = screening_values(valid, judged.result, origin="screening", complete=judged.complete)
    saved = ScreeningOut.model_validate(SafetyRepo(session, actor.user_id).add_screening(values))
    return saved.model_copy(update={"refused": [RefusedAnswer.of(p) for p in judged.refused]})


def record_emergency_stop(
    db: Database, actor: Actor, answers: Mapping[str, object], origin: str = "screening"
) -> ScreeningOut | None:
    """Store answers cut short by an emergency answer; ``None`` if none is an emergency."""
    with db.transaction() as session:
        return emergency_stop_in(session, actor, answers, origin=origin)


def emergency_stop_in(
    session: Session,
    actor: Actor,
    answers: Mapping[str, object],
    *,
    origin: str = "screening",
    once: bool = False,
) -> ScreeningOut | None:
    """:func:`record_emergency_stop` in the caller's transaction.

    MAT-D1: an emergency always blocks the mat, so the verdict is ``do-not-use``. With
    ``once``, answers the latest result already stopped on are not stored a second time.
    """
    reasons = emergency_reasons(answers)
    if not reasons:
        return None
    repo = SafetyRepo(session, actor.user_id)
    latest = repo.latest_screening() if once else None
    if latest is not None and not latest.complete and latest.answers == dict(answers):
        return ScreeningOut.model_validate(latest)
    result = TriageResult(Urgency.EMERGENCY, Verdict.DO_NOT_USE, reasons, load_ruleset().version)
    values = screening_values(answers, result, origin=origin, complete=False)
    return ScreeningOut.model_validate(repo.add_screening(values))


def recheck_answers(red_flags: Mapping[str, object]) -> dict[str, str]:
    """Only daily re-check items, only yes/no/unsure; anything else is refused by name."""
    allowed = {item.id for item in recheck_items()}
    problems = [
        Problem(key, f"is not one of the daily red-flag questions: {', '.join(sorted(allowed))}")
        for key in red_flags
        if key not in allowed
    ]
    problems += [
        Problem(key, "must be yes, no or unsure")
        for key, value in red_flags.items()
        if key in allowed and str(value).lower() not in ("yes", "no", "unsure")
    ]
    if problems:
        raise InvalidInput(problems)
    return {key: str(value).lower() for key, value in red_flags.items()}


def recheck(db: Database, actor: Actor, answers: Mapping[str, object]) -> ScreeningOut | None:
    """Daily safety netting (P6) on its own transaction; see :func:`recheck_in`."""
    with db.transaction() as session:
        return recheck_in(session, actor, answers)


def recheck_in(
    session: Session, actor: Actor, answers: Mapping[str, object]
) -> ScreeningOut | None:
    """Re-ask the red-flag set and re-triage on the latest answers, in the caller's transaction.

    With an earlier complete screening the new answers replace its old ones and the whole
    set is re-evaluated; otherwise the urgent part of what is known is judged, and ``None``
    means nothing urgent was reported (the full questionnaire is still due). A quick
    re-check may raise the urgency but never clears an urgent result: that takes the full
    questions again, so the earlier result is returned unchanged.
    """
    repo = SafetyRepo(session, actor.user_id)
    fresh = as_new_signs(recheck_answers(answers))
    row = repo.latest_screening()
    previous = None if row is None else ScreeningOut.model_validate(row)
    known = {**previous.answers, **fresh} if previous and previous.complete else fresh
    try:
        result, complete = triage_what_we_can(known)
    except ScreeningIncomplete:
        return None
    calmer = previous is not None and result.urgency.rank > Urgency(previous.urgency).rank
    if previous is not None and previous.is_urgent and calmer:
        return previous
    values = screening_values(known, result, origin="checkin", complete=complete)
    return ScreeningOut.model_validate(repo.add_screening(values))


def latest_screening(db: Database, actor: Actor) -> ScreeningOut | None:
    with db.transaction() as session:
        row = SafetyRepo(session, actor.user_id).latest_screening()
        return None if row is None else ScreeningOut.model_validate(row)


def record_approval(db: Database, actor: Actor, raw: dict[str, Any] | ApprovalIn) -> ApprovalOut:
    """Record that a clinician approved mat use, clearing the latest caution-consult verdict."""
    data = parse(ApprovalIn, raw, actor.context())
    with db.transaction() as session:
        repo = SafetyRepo(session, actor.user_id)
        screening = repo.latest_screening()
        if screening is None or screening.verdict != "caution-consult":
            raise Conflict(
                "a clinician's approval clears a 'caution-consult' mat verdict, and your latest "
                "safety check does not have one; answer the safety questions first"
            )
        return ApprovalOut.model_validate(repo.add_approval(screening.id, data.model_dump()))


def mat_status(db: Database, actor: Actor) -> MatStatus:
    """What the latest screening allows now, after any clinician approval.

    An approval keeps clearing later screenings (such as daily re-checks) as long as they
    raise no caution the clinician has not seen: their caution rules are a subset.
    """
    with db.transaction() as session:
        repo = SafetyRepo(session, actor.user_id)
        row = repo.latest_screening()
        screening = None if row is None else ScreeningOut.model_validate(row)
        approval, approved = None, None
        latest = repo.latest_approval()
        if latest is not None:
            approval = ApprovalOut.model_validate(latest)
            approved = ScreenedRules.of(
                ScreeningOut.model_validate(repo.screening(latest.screening_id))
            )
    return _status(screening, approval if _covers(approved, screening) else None)


def urgent_now(db: Database, actor: Actor) -> ScreeningOut | None:
    """The actor's latest result when it is EMERGENCY or URGENT_SAME_DAY: shown first everywhere."""
    latest = latest_screening(db, actor)
    return latest if latest is not None and latest.is_urgent else None


def require_screening(db: Database, actor: Actor) -> ScreeningOut:
    found = latest_screening(db, actor)
    if found is None:
        raise NotFound("screening", "yet; answer the questions with `acumat check`")
    return found


class ScreenedRules(frozenset[str]):
    """Every rule a screening fired, urgency rules included.

    Some caution rules stand for several reasons at once (MAT-C10 covers a first episode
    at 50+ and new one-sided nerve symptoms), so comparing caution ids alone would let an
    approval given for one reason clear another the clinician never heard about.
    """

    @classmethod
    def of(cls, screening: ScreeningOut) -> ScreenedRules:
        return cls(r.rule for r in screening.reasons)


def _covers(approved: ScreenedRules | None, screening: ScreeningOut | None) -> bool:
    if approved is None or screening is None or screening.mat != "caution-consult":
        return False
    return ScreenedRules.of(screening) <= approved


def _status(screening: ScreeningOut | None, approval: ApprovalOut | None) -> MatStatus:
    if screening is None:
        return MatStatus(
            screening=None, approval=None, verdict=None, may_use_mat=False, message=NOT_SCREENED
        )
    verdict = CLEARED if screening.mat == "caution-consult" and approval else screening.mat
    message = verdict_label(verdict) + "."
    if verdict == CLEARED and approval is not None:
        message += f" ({approval.clinician}, {approval.approved_on.isoformat()})"
    return MatStatus(
        screening=screening,
        approval=approval,
        verdict=verdict,
        may_use_mat=verdict in ("ok", CLEARED),
        message=message,
    )


def screening_values(
    answers: Mapping[str, object], result: TriageResult, *, origin: str, complete: bool
) -> dict[str, Any]:
    """The stored columns of a triage result, stamped now."""
    return {
        "taken_at": clock.utcnow(),
        "origin": origin,
        "complete": complete,
        "answers": dict(answers),
        "urgency": str(result.urgency),
        "verdict": str(result.mat),
        "reasons": [{**r.to_dict(), "level": r.level} for r in result.reasons],
        "ruleset_version": result.ruleset_version,
    }
