"""``/api/v1/screenings``, ``/clinician-approvals`` and ``/mat-status``: the safety room."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr

from acumat.api.v1.responses import mark_created, reads, refusals, writes
from acumat.http.deps import ActorDep, DbDep
from acumat.safety import Urgency, Verdict, screening_items
from acumat.safety.schemas import ApprovalIn, ApprovalOut, MatStatus, RefusedAnswer, ScreeningOut
from acumat.services import screening

router = APIRouter(tags=["safety"])
# Taken as sent (true stays true, never the number 1), so the safety room refuses a wrong
# answer by its question, with what is allowed.
Answers = dict[str, StrictStr | StrictInt | StrictBool]


class AnswersIn(BaseModel):
    """Answers keyed by question id (see ``GET /screenings/items``)."""

    model_config = ConfigDict(extra="forbid")

    answers: Answers = Field(max_length=500)


class ReasonContract(BaseModel):
    """One reason as the result contract gives it: the rule, why, what to do, the sources."""

    rule: str
    text: str
    action: str
    sources: list[str]


class ResultOut(BaseModel):
    """A result that was evaluated but not saved: the same object as
    ``acumat check --answers FILE --dry-run --json``.

    ``complete`` is false when the answers stopped short or held refused answers (only the
    urgent part is judged then); ``refused``, present only then, lists answers that were not
    accepted beside an urgent result they did not hide.
    """

    urgency: Urgency
    mat: Verdict
    reasons: list[ReasonContract]
    ruleset_version: str
    complete: bool
    refused: list[RefusedAnswer] | None = None


class RecheckOut(BaseModel):
    """The new triage a re-check raised, or ``null`` when nothing urgent was reported."""

    triage: ScreeningOut | None


@router.get("/screenings/items", name="list_screening_items", responses=refusals(400))
def list_items() -> list[dict[str, object]]:
    """Every question: id, text, kind, allowed answers, group, help and whether required."""
    return [item.to_dict() for item in screening_items()]


@router.post("/screenings", status_code=201, name="create_screening", responses=writes(422))
def create_screening(
    body: AnswersIn, db: DbDep, actor: ActorDep, request: Request, response: Response
) -> ScreeningOut:
    """Triage a complete set of answers and save it; missing questions are named (422)."""
    saved = screening.record_screening(db, actor, body.answers)
    mark_created(request, response, "get_latest_screening")
    return saved


@router.post(
    "/screenings/evaluate",
    name="evaluate_screening",
    responses=refusals(400, 403, 413, 422),
    response_model=ResultOut,
    response_model_exclude_none=True,
)
def evaluate_screening(body: AnswersIn, actor: ActorDep) -> dict[str, Any]:
    """Triage without saving (a dry run), in the words of your region."""
    return screening.judge(body.answers, actor.region).contract()


@router.get("/screenings/latest", name="get_latest_screening", responses=reads(404))
def get_latest(db: DbDep, actor: ActorDep) -> ScreeningOut:
    """Your most recent triage, from the questionnaire or a daily re-check."""
    return screening.require_screening(db, actor)


@router.post("/screenings/recheck", name="recheck_red_flags", responses=writes(422))
def recheck(body: AnswersIn, db: DbDep, actor: ActorDep) -> RecheckOut:
    """Daily safety netting: re-ask the red-flag set; a new "yes" re-triages at once.

    A refused answer never hides an urgent one: the urgent result is saved and returned with
    the refused answers in ``triage.refused``; with nothing urgent, refused answers are 422.
    """
    return RecheckOut(triage=screening.recheck(db, actor, body.answers))


@router.post(
    "/clinician-approvals",
    status_code=201,
    name="create_clinician_approval",
    responses=writes(409, 422),
)
def approve(body: ApprovalIn, db: DbDep, actor: ActorDep) -> ApprovalOut:
    """Record that a clinician approved mat use, clearing a caution-consult verdict."""
    return screening.record_approval(db, actor, body)


@router.get("/mat-status", name="get_mat_status", responses=reads())
def get_mat_status(db: DbDep, actor: ActorDep) -> MatStatus:
    """Whether a mat may be used now, after the latest screening and any approval."""
    return screening.mat_status(db, actor)
