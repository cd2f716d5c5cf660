"""Safety use cases: screen, re-check at each check-in, record a clinician's approval.

Every result is stored with the rule-set version that decided it, and with the rules' own
words, ``{placeholders}`` included; every result returned is localised for the acting
person's region (so their region can change later). A refused screening writes nothing.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from acumat import clock
from acumat.actor import Actor
from acumat.errors import Conflict, InvalidInput, NotFound, Problem
from acumat.files import read_text_file
from acumat.safety import (
    ScreeningIncomplete,
    TriageOut,
    Verdict,
    as_new_signs,
    emergency_stop,
    escalate_only,
    mat_permission,
    recheck_items,
    triage,
)
from acumat.safety.loader import verdict_label
from acumat.safety.permission import MatPermission
from acumat.safety.regions import localise
from acumat.safety.regions import region as region_of
from acumat.safety.schemas import (
    CLEARED,
    ApprovalIn,
    ApprovalOut,
    MatStatus,
    ScreeningOut,
)
from acumat.store.engine import Database
from acumat.store.repos import SafetyRepo
from acumat.validation import parse

NOT_SCREENED = "Answer the safety questions before using a mat."
MAX_ANSWERS_BYTES = 256 * 1024
R = TypeVar("R", bound=TriageOut)


def in_their_words(problems: list[Problem], region_code: str | None) -> list[Problem]:
    """``problems`` in the words of the person's region: a sentence naming their doctor
    (``{doctor}``, as in an under-16 age) says GP, family doctor … as their region does, and
    the params carry that word for the catalogue's person-facing wording."""
    doctor = region_of(region_code).doctor
    return [
        dataclasses.replace(
            problem,
            message=localise(problem.message, region_code),
            params={**problem.params, "doctor": doctor},
        )
        if problem.code == "below_minimum_age"
        else problem
        for problem in problems
    ]


@contextmanager
def _refusals_in_words_of(region_code: str | None) -> Iterator[None]:
    """Re-raise a refusal of answers in the words of the person's region (see
    :func:`in_their_words`); a refusal without region words passes unchanged."""
    try:
        yield
    except InvalidInput as exc:
        worded = in_their_words(exc.problems, region_code)
        if [p.message for p in worded] == [p.message for p in exc.problems]:
            raise
        raise InvalidInput(worded) from exc


def _result_in_words_of(result: R, region_code: str | None) -> R:
    """``result`` with its reasons and any refused answers in the words of the region."""
    refused = [
        answer.model_copy(update={"message": localise(answer.message, region_code)})
        for answer in result.refused
    ]
    return result.localised(region_code).model_copy(update={"refused": refused})


def read_answers_file(path: Path) -> dict[str, object]:
    """The answers in a JSON file mapping question ids to answers, read strictly.

    A file that is too big, not UTF-8 (a byte-order mark is fine), not JSON, nested absurdly
    deep, holding NaN or a number too long to read, or naming a question twice is refused
    as :class:`InvalidInput` on ``answers`` with what to fix: a "yes" must never be lost to
    a later "no" for the same question.
    """
    loaded = _strict_json(read_text_file(path, "answers", MAX_ANSWERS_BYTES))
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


def judge(answers: Mapping[str, object], region: str | None = None) -> TriageOut:
    """Triage ``answers`` without saving, in the words of ``region``.

    An invalid or missing answer never hides an urgent one (see :func:`acumat.safety.triage`):
    the urgent result comes back with ``complete`` false and the refused answers listed; with
    nothing urgent, :class:`InvalidInput` or :class:`ScreeningIncomplete` names them.
    """
    with _refusals_in_words_of(region):
        return _result_in_words_of(triage(answers), region)


def record_screening(db: Database, actor: Actor, answers: Mapping[str, object]) -> ScreeningOut:
    """Evaluate the questionnaire and store it with its rule-set version.

    An incomplete or partly refused set is refused, unless an answer already needs urgent
    help: then that urgent result is stored from the valid answers (``complete`` false) and
    returned with the refused answers beside it, so it is shown first.
    """
    with db.transaction() as session:
        return record_screening_in(session, actor, answers)


def record_screening_in(
    session: Session, actor: Actor, answers: Mapping[str, object]
) -> ScreeningOut:
    """:func:`record_screening` in the caller's transaction."""
    with _refusals_in_words_of(actor.region):
        result = triage(answers)
    values = screening_values(_without_refused(answers, result), result, origin="screening")
    saved = ScreeningOut.model_validate(SafetyRepo(session, actor.user_id).add_screening(values))
    return _result_in_words_of(saved.model_copy(update={"refused": result.refused}), actor.region)


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

    The stored result is the rules' judgement of the answers so far, verdict included (MAT-D1
    blocks the mat), each level with its reason. With ``once``, answers the latest result
    already stopped on are not stored a second time.
    """
    stop = emergency_stop(answers)
    if stop is None:
        return None
    repo = SafetyRepo(session, actor.user_id)
    kept = _without_refused(answers, stop)
    latest = repo.latest_screening() if once else None
    if latest is not None and not latest.complete and latest.answers == kept:
        return _shown(ScreeningOut.model_validate(latest), actor)
    values = screening_values(kept, stop, origin=origin)
    return _shown(ScreeningOut.model_validate(repo.add_screening(values)), actor)


def emergency_preview(actor: Actor, answers: Mapping[str, object]) -> TriageOut | None:
    """The emergency result the answers so far already give, in the actor's words, without
    storing it; ``None`` means "no emergency yet", never "safe"."""
    stop = emergency_stop(answers)
    return None if stop is None else stop.localised(actor.region)


def split_recheck_answers(
    red_flags: Mapping[str, object],
) -> tuple[dict[str, str], list[Problem]]:
    """The daily re-check answers that are fine (yes/no/unsure to a daily red-flag question,
    lower-cased), and a problem naming each one that is not."""
    allowed = {item.id for item in recheck_items()}
    valid: dict[str, str] = {}
    problems: list[Problem] = []
    for key, value in red_flags.items():
        answer = value.strip().lower() if isinstance(value, str) else None
        if key not in allowed:
            names = ", ".join(sorted(allowed))
            problems.append(Problem(key, f"is not one of the daily red-flag questions: {names}"))
        elif answer not in ("yes", "no", "unsure"):
            problems.append(Problem(key, "must be yes, no or unsure"))
        else:
            valid[key] = answer
    return valid, problems


def recheck_answers(red_flags: Mapping[str, object]) -> dict[str, str]:
    """Only daily re-check items, only yes/no/unsure; anything else is refused by name."""
    valid, problems = split_recheck_answers(red_flags)
    if problems:
        raise InvalidInput(problems)
    return valid


def recheck(db: Database, actor: Actor, answers: Mapping[str, object]) -> ScreeningOut | None:
    """Daily safety netting (P6) on its own transaction; see :func:`recheck_in`.

    A refused answer never hides an urgent one: the valid answers are judged, and an urgent
    result is saved and returned with the refused answers listed beside it. With nothing
    urgent, :class:`InvalidInput` names the refused answers and nothing is written.
    """
    valid, refused = split_recheck_answers(answers)
    with db.transaction() as session:
        return recheck_in(session, actor, valid, refused=refused)


def recheck_in(
    session: Session,
    actor: Actor,
    answers: Mapping[str, object],
    *,
    refused: list[Problem] | None = None,
) -> ScreeningOut | None:
    """Re-ask the red-flag set and re-triage on the latest answers, in the caller's transaction.

    With an earlier complete screening the new answers replace its old ones and the whole
    set is re-evaluated; otherwise the urgent part of what is known is judged, and ``None``
    means nothing urgent was reported (the full questionnaire is still due). A quick
    re-check may raise the urgency but never clears an urgent result
    (:func:`acumat.safety.escalate_only`): the earlier result is then returned unchanged.
    ``refused`` answers were left out by the caller; unless the result is urgent they are
    raised as :class:`InvalidInput` before anything is written.
    """
    return judge_recheck_in(session, actor, answers, refused=refused).result


@dataclasses.dataclass(frozen=True)
class Recheck:
    """What a daily re-check gave: the result to show (``None``: nothing urgent is known
    yet), and whether it is a new result written in the caller's transaction."""

    result: ScreeningOut | None
    stored: bool

    @property
    def raised_urgent(self) -> bool:
        """A new urgent result: one that must be kept even when what came with it is not."""
        return self.stored and self.result is not None and self.result.is_urgent


def judge_recheck_in(
    session: Session,
    actor: Actor,
    answers: Mapping[str, object],
    *,
    refused: list[Problem] | None = None,
) -> Recheck:
    """:func:`recheck_in`, saying whether a new result was stored."""
    problems = refused or []
    repo = SafetyRepo(session, actor.user_id)
    fresh = as_new_signs(answers)
    row = repo.latest_screening()
    previous = None if row is None else ScreeningOut.model_validate(row)
    known = {**previous.answers, **fresh} if previous and previous.complete else fresh
    try:
        result = triage(known)
    except ScreeningIncomplete:
        result = None
    if problems and (result is None or not result.is_urgent):
        raise InvalidInput(problems)
    if result is None:
        return Recheck(None, stored=False)
    if previous is not None and escalate_only(previous, result) is previous:
        return Recheck(_shown(previous, actor).with_refused(problems), stored=False)
    values = screening_values(known, result, origin="checkin")
    saved = ScreeningOut.model_validate(repo.add_screening(values))
    return Recheck(_shown(saved, actor).with_refused(problems), stored=True)


def latest_screening(db: Database, actor: Actor) -> ScreeningOut | None:
    """The actor's latest result, in their words; ``None`` before any."""
    with db.transaction() as session:
        row = SafetyRepo(session, actor.user_id).latest_screening()
        return None if row is None else _shown(ScreeningOut.model_validate(row), actor)


def record_approval(db: Database, actor: Actor, raw: dict[str, Any] | ApprovalIn) -> ApprovalOut:
    """Record that a clinician approved mat use, clearing the latest caution-consult verdict."""
    data = parse(ApprovalIn, raw, actor.context())
    with db.transaction() as session:
        repo = SafetyRepo(session, actor.user_id)
        screening = repo.latest_screening()
        if screening is None or screening.verdict != Verdict.CAUTION_CONSULT:
            raise Conflict(
                "a clinician's approval clears a 'caution-consult' mat verdict, and your latest "
                "safety check does not have one; answer the safety questions first"
            )
        return ApprovalOut.model_validate(repo.add_approval(screening.id, data.model_dump()))


def mat_status(db: Database, actor: Actor) -> MatStatus:
    """What the latest screening allows now, after any clinician approval, in the actor's words.

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
    return _status(screening, approval if _covers(approved, screening) else None, actor)


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
    if approved is None or screening is None or screening.mat is not Verdict.CAUTION_CONSULT:
        return False
    return ScreenedRules.of(screening) <= approved


def _status(
    screening: ScreeningOut | None, approval: ApprovalOut | None, actor: Actor
) -> MatStatus:
    permission = mat_permission(None if screening is None else screening.mat, approval is not None)
    if screening is None:
        return MatStatus(
            screening=None,
            approval=None,
            verdict=None,
            permission=permission,
            may_use_mat=permission.may_use_mat,
            message=NOT_SCREENED,
        )
    verdict = CLEARED if permission is MatPermission.CLEARED_BY_CLINICIAN else str(screening.mat)
    message = verdict_label(verdict, actor.region) + "."
    if approval is not None:
        message += f" ({approval.clinician}, {approval.approved_on.isoformat()})"
    return MatStatus(
        screening=_shown(screening, actor),
        approval=approval,
        verdict=verdict,
        permission=permission,
        may_use_mat=permission.may_use_mat,
        message=message,
    )


def _shown(screening: ScreeningOut, actor: Actor) -> ScreeningOut:
    """A stored result as the actor reads it: their region's services and numbers."""
    return screening.localised(actor.region)


def _without_refused(answers: Mapping[str, object], result: TriageOut) -> dict[str, object]:
    refused = {r.field for r in result.refused}
    return {key: value for key, value in answers.items() if key not in refused}


def screening_values(
    answers: Mapping[str, object],
    result: TriageOut,
    *,
    origin: str,
    complete: bool | None = None,
) -> dict[str, Any]:
    """The stored columns of a triage result, stamped now; the words stay as the rules
    have them (with placeholders). ``complete`` defaults to the result's own."""
    return {
        "taken_at": clock.utcnow(),
        "origin": origin,
        "complete": result.complete if complete is None else complete,
        "answers": dict(answers),
        "urgency": str(result.urgency),
        "verdict": str(result.mat),
        "reasons": [reason.model_dump() for reason in result.reasons],
        "ruleset_version": result.ruleset_version,
    }
