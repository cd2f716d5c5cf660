"""The safety questions in the browser: one group per page, the result, a clinician's approval.

Each page of questions is a form posted to the server, which keeps the answers so far as a
draft: no answer ever travels in an address. ``GET /check?group=…`` shows a page again with
its answers, so Back and the "Change" links work; reading a page never writes anything. An
answer that needs help straight away is saved by the post that gave it, and interrupts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from acumat.errors import InvalidInput, Problem
from acumat.http.deps import ActorDep, DbDep
from acumat.http.guard import FormGuard
from acumat.safety import emergency_reasons, load_checklist, load_ruleset
from acumat.safety.flow import Step, next_step
from acumat.safety.schemas import MatStatus
from acumat.services import questionnaire, screening
from acumat.web.forms import refuse_files
from acumat.web.render import render

router = APIRouter()


@router.get("/check")
def question_page(request: Request, db: DbDep, actor: ActorDep) -> Response:
    """The next group of questions (or the one asked for), the emergency stop, or 'ready'."""
    answers = questionnaire.draft_answers(db, actor)
    group = request.query_params.get("group")
    stop = emergency_reasons(answers)
    if stop and group is None:
        return render(request, "check_stop.html", _stop_context(stop))
    step = next_step(answers, group)
    if step is not None and group != step.group.id:
        # Every page of questions has its own address, so the browser's Back walks them.
        return RedirectResponse(f"/check?group={step.group.id}", status_code=303)
    if step is None:
        first = next(g.id for g in load_ruleset().groups)
        return render(request, "check_ready.html", {"first": first, "nav": "check"})
    return _render_step(request, step, answers, {})


@router.post("/check/answers", dependencies=[FormGuard])
async def save_page(request: Request, db: DbDep, actor: ActorDep) -> Response:
    """Keep one page's answers; interrupt for an emergency; else on to the next page."""
    form = await request.form()
    refuse_files(form)
    shown = [name for name in str(form.get("shown", "")).split(",") if name]
    given = {k: str(v) for k, v in form.items() if k in shown and str(v).strip()}
    outcome = questionnaire.answer_page(db, actor, shown, given)
    if outcome.stopped is None and outcome.problems:
        step = next_step(outcome.answers, str(form.get("group", ""))) or next_step(outcome.answers)
        if step is not None:
            errors = _errors(outcome.problems)
            return _render_step(request, step, {**outcome.answers, **given}, errors)
    # Each page has its own address (a group name, never an answer), so Back walks the pages.
    following = None if outcome.stopped else next_step(outcome.answers)
    where = f"/check?group={following.group.id}" if following else "/check"
    return RedirectResponse(where, status_code=303)


@router.post("/check/restart", dependencies=[FormGuard])
def restart(db: DbDep, actor: ActorDep) -> Response:
    """Start the questions again from an empty page."""
    questionnaire.restart(db, actor)
    return RedirectResponse("/check", status_code=303)


@router.post("/check", dependencies=[FormGuard])
def save_screening(db: DbDep, actor: ActorDep) -> Response:
    """Save the result of the answers given, and forget the draft."""
    questionnaire.finish(db, actor)
    return RedirectResponse("/check/result?saved=screening", status_code=303)


@router.get("/check/result")
def result_page(request: Request, db: DbDep, actor: ActorDep) -> Response:
    """The latest result: anything urgent first, then the mat verdict and every reason."""
    return _render_result(request, screening.mat_status(db, actor))


@router.post("/check/approval", dependencies=[FormGuard])
async def save_approval(request: Request, db: DbDep, actor: ActorDep) -> Response:
    """Record that a clinician approved mat use."""
    form = await request.form()
    refuse_files(form)
    raw = {k: str(v) for k, v in form.items() if k in ("clinician", "approved_on", "note")}
    try:
        screening.record_approval(db, actor, raw)
    except InvalidInput as exc:
        refused = {"values": raw, "errors": _errors(exc.problems)}
        return _render_result(request, screening.mat_status(db, actor), refused, 422)
    return RedirectResponse("/check/result?saved=approval", status_code=303)


def sources_for(reasons: list[Any]) -> dict[str, Any]:
    """The register entries the shown reasons cite, for names and links."""
    register = load_ruleset().sources
    return {sid: register[sid] for reason in reasons for sid in reason.sources}


def _errors(problems: list[Problem]) -> dict[str, str]:
    return {p.field: p.message for p in problems}


def _render_step(
    request: Request,
    step: Step,
    answers: Mapping[str, str],
    errors: Mapping[str, str],
    status: int | None = None,
) -> Response:
    context = {
        "step": step,
        "answers": answers,
        "errors": errors,
        "nav": "check",
    }
    return render(request, "check.html", context, status or (422 if errors else 200))


def _stop_context(reasons: list[Any]) -> dict[str, Any]:
    first = next(g.id for g in load_ruleset().groups)
    return {"reasons": reasons, "sources": sources_for(reasons), "nav": "check", "first": first}


def _render_result(
    request: Request,
    status: MatStatus,
    approval_form: dict[str, Any] | None = None,
    code: int = 200,
) -> Response:
    reasons = status.screening.reasons if status.screening else []
    context = {
        "status": status,
        "sources": sources_for(reasons),
        "checklist": load_checklist(),
        "approval_form": approval_form or {"values": {}, "errors": {}},
        "nav": "check",
    }
    return render(request, "check_result.html", context, code)
