"""Learn and ask on the web: the topics, one page with its numbered sources, and the answers
to a question typed in the search box every page carries.

The question is sent in the body of a POST (with the form's CSRF token), never in the
address: a question can describe a person's health, and addresses end up in histories and
logs. Asking writes nothing.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from acumat.http.deps import ActorDep
from acumat.http.guard import FormGuard
from acumat.learn.ask import QuestionRefused
from acumat.present.learn import page_view
from acumat.present.sources import cited
from acumat.services import learn
from acumat.web.render import render

router = APIRouter()
QUESTION_FIELD = "q"
ASKING = {"nav": "learn", "asking": True}
"""The ask page has its own question box, so the header's is left out there."""


@router.get("/learn")
def learn_index(request: Request) -> Response:
    """Every topic in reading order, each with what it tells you."""
    return render(request, "learn.html", {"topics": learn.topics(), "nav": "learn"})


@router.get("/learn/{topic}")
def learn_page(request: Request, topic: str, actor: ActorDep) -> Response:
    """One topic, its sections, and its sources as numbered notes."""
    found = learn.page(topic)
    before, after = learn.neighbours(topic)
    context = {
        "view": page_view(found, actor.region),
        "before": before,
        "after": after,
        "nav": "learn",
    }
    return render(request, "learn_page.html", context)


@router.get("/ask")
def ask_form(request: Request) -> Response:
    """The search box on its own, for a person who came here by its address."""
    return render(request, "ask.html", {"question": "", "found": None, **ASKING})


@router.post("/ask", dependencies=[FormGuard])
async def ask(request: Request, actor: ActorDep) -> Response:
    """The answers to the question in the form: the safety guidance first when it describes
    a warning sign, then the passages, each with its sources and a link to its page."""
    form = await request.form()
    question = str(form.get(QUESTION_FIELD, ""))
    try:
        found = learn.ask(question, lambda: actor.region)
    except QuestionRefused as exc:
        refused = {"question": question[:600], "found": None, "problem": exc.reason, **ASKING}
        return render(request, "ask.html", refused, 422)
    sources = cited(s for a in found.answers for s in a.sources)
    context: dict[str, object] = {
        "question": question,
        "found": found,
        "sources": sources,
        **ASKING,
    }
    return render(request, "ask.html", context)
