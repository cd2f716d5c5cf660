"""The safety questions in the browser: one group per page, the result, a clinician's approval.

Question pages are GET forms carrying the answers so far, so the browser's Back button
walks back through them; nothing is stored until the person asks for the result (POST).
An answer that needs help straight away interrupts the questions at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from acumat.errors import InvalidInput
from acumat.safety import load_checklist, load_ruleset, missing_items
from acumat.safety.flow import Step, next_step
from acumat.safety.schemas import MatStatus
from acumat.services import screening
from acumat.web.deps import DbDep, UserDep
from acumat.web.pages.guard import SameOrigin
from acumat.web.render import render

router = APIRouter()
CONTROL = frozenset({"group", "shown"})


@router.get("/check")
def question_page(request: Request, db: DbDep, user_id: UserDep) -> Response:
    """The next group of questions, an interruption for an emergency, or 'ready'.

    An emergency answer is stored at once (only once), so it reaches the Today page even
    if the person closes this one.
    """
    answers = answers_from(request.query_params)
    try:
        step = next_step(answers, request.query_params.get("group"))
    except InvalidInput as exc:
        return _render_step(request, _first_step(), answers, _errors(exc), 422)
    stop = screening.stop_at_emergency(db, user_id, answers)
    if stop is not None:
        return render(request, "check_stop.html", _stop_context(stop.reasons))
    if step is None:
        return render(request, "check_ready.html", {"answers": answers, "nav": "check"})
    return _render_step(request, step, answers, _unanswered(request, step, answers))


@router.post("/check", dependencies=[SameOrigin])
async def save_screening(request: Request, db: DbDep, user_id: UserDep) -> Response:
    """Save the answers: a full screening, or a stop at an emergency answer."""
    form = await request.form()
    screening.record_screening(db, user_id, answers_from(form))
    return RedirectResponse("/check/result?saved=screening", status_code=303)


@router.get("/check/result")
def result_page(request: Request, db: DbDep, user_id: UserDep) -> Response:
    """The latest result: anything urgent first, then the mat verdict and every reason."""
    return _render_result(request, screening.mat_status(db, user_id))


@router.post("/check/approval", dependencies=[SameOrigin])
async def save_approval(request: Request, db: DbDep, user_id: UserDep) -> Response:
    """Record that a clinician approved mat use."""
    form = await request.form()
    raw = {k: str(v) for k, v in form.items() if k in ("clinician", "approved_on", "note")}
    try:
        screening.record_approval(db, user_id, raw)
    except InvalidInput as exc:
        refused = {"values": raw, "errors": _errors(exc)}
        return _render_result(request, screening.mat_status(db, user_id), refused, 422)
    return RedirectResponse("/check/result?saved=approval", status_code=303)


def answers_from(params: Mapping[str, Any]) -> dict[str, str]:
    """Question answers among form fields; blanks are unanswered."""
    return {k: str(v) for k, v in params.items() if k not in CONTROL and str(v).strip()}


def sources_for(reasons: list[Any]) -> dict[str, Any]:
    """The register entries the shown reasons cite, for names and links."""
    register = load_ruleset().sources
    return {sid: register[sid] for reason in reasons for sid in reason.sources}


def _first_step() -> Step:
    step = next_step({})
    assert step is not None
    return step


def _errors(exc: InvalidInput) -> dict[str, str]:
    return {p.field: p.message for p in exc.problems}


def _unanswered(request: Request, step: Step, answers: Mapping[str, str]) -> dict[str, str]:
    """Required questions that were on the submitted page and still have no answer."""
    shown = set(request.query_params.get("shown", "").split(","))
    gaps = set(missing_items(answers)) & shown
    return {item.id: "Please choose an answer." for item in step.items if item.id in gaps}


def _render_step(
    request: Request,
    step: Step,
    answers: Mapping[str, str],
    errors: Mapping[str, str],
    status: int | None = None,
) -> Response:
    here = {item.id for item in step.items}
    carried = {k: v for k, v in answers.items() if k not in here}
    context = {
        "step": step,
        "answers": answers,
        "carried": carried,
        "errors": errors,
        "nav": "check",
    }
    return render(request, "check.html", context, status or (422 if errors else 200))


def _stop_context(reasons: list[Any]) -> dict[str, Any]:
    return {"reasons": reasons, "sources": sources_for(reasons), "nav": "check"}


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
