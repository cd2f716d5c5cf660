"""``/api/v1/ask``: the answers to a question from acumat's own pages, as ``acumat ask --json``
gives them (the same service, the same contract)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from acumat.api.v1.responses import reads
from acumat.http.deps import ActorDep
from acumat.learn.ask.answer import MAX_QUESTION
from acumat.services import learn

router = APIRouter(tags=["learn"])


class SafetyOut(BaseModel):
    """The safety guidance for a warning sign the question describes, from the safety rules."""

    urgency: Literal["EMERGENCY", "URGENT_SAME_DAY", "SEE_CLINICIAN_DAYS"]
    text: str = Field(description="The rule's reason and what to do, for your region.")


class PassageOut(BaseModel):
    """One passage of acumat's pages: never text written for the question."""

    title: str
    text: str
    sources: list[str] = Field(description="Ids in the source register (see the README).")
    link: str = Field(description="The page the passage comes from, on this server.")


class AskOut(BaseModel):
    """``in_scope`` false: the question is outside acumat's subject, and ``answers`` are the
    Learn topics. ``safety``, when present, is to be shown before any passage."""

    in_scope: bool
    safety: SafetyOut | None
    answers: list[PassageOut]


@router.get("/ask", name="ask", responses=reads(422))
def ask(
    actor: ActorDep,
    q: Annotated[
        str, Query(max_length=MAX_QUESTION, description="Your question, in your own words.")
    ],
) -> AskOut:
    """Answers to ``q``, best first; the safety guidance first when it describes a warning sign."""
    found = learn.ask(q, lambda: actor.region)
    return AskOut.model_validate(found.contract())
