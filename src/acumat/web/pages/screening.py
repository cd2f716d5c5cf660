"""The safety questions in the browser: one group per page, the result, a clinician's approval.

Each page of questions is a form posted to the server, which keeps the answers so far as a
draft: no answer ever travels in an address. ``GET /check?group=…`` shows a page again with
its answers, so Back and the "Change" links work; reading a page never writes anything. An
answer that needs help straight away is saved by the post that gave it, and interrupts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from acumat.actor import Actor
from acumat.errors import InvalidInput, Problem
from acumat.http.deps import ActorDep, DbDep
from acumat.http.guard import FormGuard
from acumat.present.fields import FieldInfo, field_info
from acumat.present.messages import for_person, on_screen, question_field
from acumat.present.sources import cited
from acumat.safety import load_checklist, load_ruleset
from acumat.safety.flow import Step, next_step
from acumat.safety.levels import Verdict
from acumat.safety.model import Advice, Item
from acumat.safety.permission import MatPermission
from acumat.safety.regions import localise
from acumat.safety.schemas import ApprovalIn, MatStatus, ReasonOut
from acumat.services import care, questionnaire, screening
from acumat.store.engine import Database
from acumat.web.forms import refuse_files
from acumat.web.pages.frame import safety_frame
from acumat.web.render import render

router = APIRouter()


@router.get("/check")
def question_page(request: Request, db: DbDep, actor: ActorDep) -> Response:
    """The next group of questions (or the one asked for), the emergency stop, or the review."""
    answers = questionnaire.draft_answers(db, actor)
    group = request.query_params.get("group")
    # The preview is in the person's words: a US stop page says 911, never 999.
    preview = screening.emergency_preview(actor, answers)
    stop = preview.reasons if preview is not None else []
    if stop and group is None:
        return render(request, "check_stop.html", _stop_context(stop, actor))
    step = next_step(answers, group)
    if step is not None and group != step.group.id:
        # Every page of questions has its own address, so the browser's Back walks them.
        return RedirectResponse(f"/check?group={step.group.id}", status_code=303)
    # Answering again is what the urgent banner asks for: it calms down, unless an answer
    # in these very questions is an emergency.
    frame = safety_frame(actor, retaking=not stop)
    if step is None:
        context = {"groups": questionnaire.review(answers), "nav": "check", **frame}
        return render(request, "check_ready.html", context)
    whole = request.query_params.get("all") == "1"
    return _render_step(request, step, answers, {}, frame, whole=whole)


@router.post("/check/answers", dependencies=[FormGuard])
async def save_page(request: Request, db: DbDep, actor: ActorDep) -> Response:
    """Keep one page's answers; interrupt for an emergency; else on to the next page.

    "Back" keeps what was ticked too (without asking for what is still blank), so coming
    forward again finds the page as it was left.
    """
    form = await request.form()
    refuse_files(form)
    shown = [name for name in str(form.get("shown", "")).split(",") if name]
    given = {k: str(v) for k, v in form.items() if k in shown and str(v).strip()}
    group, back = str(form.get("group", "")), form.get("go") == "back"
    outcome = questionnaire.answer_page(db, actor, shown, given)
    if outcome.stopped is None and outcome.problems and not back:
        step = next_step(outcome.answers, group) or next_step(outcome.answers)
        if step is not None:
            errors = _errors(outcome.problems)
            frame = safety_frame(actor, retaking=True)
            return _render_step(request, step, {**outcome.answers, **given}, errors, frame)
    return RedirectResponse(_where_next(outcome, group, back), status_code=303)


def _where_next(outcome: questionnaire.PageOutcome, group: str, back: bool) -> str:
    """Each page has its own address (a group name, never an answer), so Back walks them."""
    if outcome.stopped is not None:
        return "/check"
    step = next_step(outcome.answers, group) if back else next_step(outcome.answers)
    if back and step is not None:
        return f"/check?group={step.previous or step.group.id}"
    return f"/check?group={step.group.id}" if step else "/check"


@router.post("/check/restart", dependencies=[FormGuard])
def restart(db: DbDep, actor: ActorDep) -> Response:
    """Start the questions again from an empty page."""
    questionnaire.restart(db, actor)
    return RedirectResponse("/check", status_code=303)


@router.post("/check", dependencies=[FormGuard])
def save_screening(request: Request, db: DbDep, actor: ActorDep) -> Response:
    """Save the result of the answers given, and forget the draft.

    Answers that stop short (the draft changed in another tab) are refused on the page of
    the first question still unanswered, each saying what to give; nothing is saved.
    """
    try:
        questionnaire.finish(db, actor)
    except InvalidInput as exc:
        answers = questionnaire.draft_answers(db, actor)
        step = next_step(answers)
        if step is None:
            raise
        frame = safety_frame(actor, retaking=True)
        return _render_step(request, step, answers, _errors(exc.problems), frame)
    return RedirectResponse("/check/result?saved=screening", status_code=303)


@router.get("/check/result")
def result_page(request: Request, db: DbDep, actor: ActorDep) -> Response:
    """The latest result: anything urgent first, then the mat verdict and every reason."""
    return _render_result(request, db, actor, screening.mat_status(db, actor))


@router.post("/check/approval", dependencies=[FormGuard])
async def save_approval(request: Request, db: DbDep, actor: ActorDep) -> Response:
    """Record that a clinician approved mat use.

    A blank box is left out, so it is refused as missing (never as "too short"); each
    refusal names the label on screen and says what to do.
    """
    form = await request.form()
    refuse_files(form)
    values = {k: str(v) for k, v in form.items() if k in ApprovalIn.model_fields}
    raw = {k: v for k, v in values.items() if v.strip()}
    try:
        screening.record_approval(db, actor, raw)
    except InvalidInput as exc:
        refused = approval_form(values, exc.problems)
        return _render_result(request, db, actor, screening.mat_status(db, actor), refused, 422)
    return RedirectResponse("/check/result?saved=approval", status_code=303)


APPROVAL_INPUTS = {"day": "date"}
"""The input type of an approval field by its kind; every other field is a text box."""


def approval_form(
    values: Mapping[str, str] | None = None, problems: Sequence[Problem] = ()
) -> dict[str, Any]:
    """The clinician-approval form: each field's label, help and input type read from
    :class:`ApprovalIn`, the values typed, and each problem in the words on screen (next to
    its field, and in the list above the form with the label first)."""
    fields: dict[str, FieldInfo] = {
        name: field_info(ApprovalIn, name) for name in ApprovalIn.model_fields
    }
    errors: dict[str, str] = {}
    summary: list[tuple[str | None, str]] = []
    for problem in problems:
        info = fields.get(problem.field)
        if info is None:
            summary.append((None, on_screen(problem, None)))
            continue
        text = for_person(problem, info)
        errors.setdefault(problem.field, text[:1].upper() + text[1:])
        summary.append((problem.field, on_screen(problem, info)))
    inputs = {name: APPROVAL_INPUTS.get(info.kind, "text") for name, info in fields.items()}
    return {
        "fields": fields,
        "inputs": inputs,
        "values": dict(values or {}),
        "errors": errors,
        "summary": summary,
    }


def sources_for(reasons: list[Any]) -> dict[str, Any]:
    """The register entries the shown reasons cite, for names and links."""
    return cited(sid for reason in reasons for sid in reason.sources)


def instead_of_mat(db: Database, status: MatStatus, actor: Actor) -> Advice | None:
    """What the person can do instead of the mat under a do-not-use result (UX 33);
    ``None`` otherwise (a caution asks for a clinician instead, shown on its own)."""
    if status.permission is not MatPermission.DO_NOT_USE:
        return None
    return care.instead_of_mat(db, actor, Verdict.DO_NOT_USE)


def advice_sources(advice: Advice | None) -> dict[str, Any]:
    """The register entries the advice's steps cite, for names and links."""
    return cited(sid for step in (advice.steps if advice else ()) for sid in step.sources)


def _errors(problems: Sequence[Problem]) -> dict[str, str]:
    """What to do about each refused or missing answer, next to its question: worded by the
    catalogue from the question's own range or choices (the question itself is the label
    just above, so it is not repeated)."""
    items = load_ruleset().items
    errors: dict[str, str] = {}
    for problem in problems:
        item = items.get(problem.field)
        text = for_person(problem, question_field(item) if item else None)
        errors.setdefault(problem.field, text[:1].upper() + text[1:])
    return errors


def _render_step(
    request: Request,
    step: Step,
    answers: Mapping[str, str],
    errors: Mapping[str, str],
    frame: Mapping[str, Any],
    *,
    whole: bool = False,
) -> Response:
    followups = [] if whole or errors else _followups(step, answers)
    context = {
        "step": step,
        "items": followups or step.items,
        "followup": bool(followups),
        "answers": answers,
        "errors": errors,
        "choice_words": questionnaire.CHOICE_WORDS,
        "nav": "check",
        **frame,
    }
    return render(request, "check.html", context, 422 if errors else 200)


def _followups(step: Step, answers: Mapping[str, str]) -> list[Item]:
    """The questions an answer on this page has just switched on, when only they are left.

    Showing the whole page again under the same heading would look like nothing happened.
    """
    pending = [item for item in step.items if item.id not in answers]
    if len(pending) == len(step.items) or any(item.ask_if is None for item in pending):
        return []
    return pending


def _localised(reasons: list[ReasonOut], actor: Actor) -> list[ReasonOut]:
    """Reasons with the services and numbers of the person's region filled in."""
    return [
        reason.model_copy(
            update={
                "text": localise(reason.text, actor.region),
                "action": localise(reason.action, actor.region),
            }
        )
        for reason in reasons
    ]


def _stop_context(reasons: Sequence[object], actor: Actor) -> dict[str, Any]:
    """The emergency stop; ``reasons`` are the engine's (read by attribute, whatever type)."""
    stored = [ReasonOut.model_validate(reason, from_attributes=True) for reason in reasons]
    shown = _localised(stored, actor)
    return {
        "reasons": shown,
        "sources": sources_for(shown),
        "nav": "check",
    }


def _render_result(
    request: Request,
    db: Database,
    actor: Actor,
    status: MatStatus,
    filled: dict[str, Any] | None = None,
    code: int = 200,
) -> Response:
    reasons = _localised(status.screening.reasons if status.screening else [], actor)
    instead = instead_of_mat(db, status, actor)
    context = {
        "status": status,
        "reasons": reasons,
        "sources": {**sources_for(reasons), **advice_sources(instead)},
        "instead": instead,
        "checklist": load_checklist(),
        "approval_form": filled or approval_form(),
        "today": actor.today(),
        "nav": "check",
    }
    return render(request, "check_result.html", context, code)
