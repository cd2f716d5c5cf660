"""``acumat learn`` and ``acumat ask``: acumat's pages in the terminal, and the passages of
them that answer a question.

``ask`` is built to answer fast: it reads the cached index and looks up the person's region
only when an answer names a service or number, straight from the SQLite file
(:mod:`acumat.store.peek`; on any other database it opens the diary). ``--region`` saves even
that. Neither command writes anything.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Annotated

import typer

from acumat.cli.output import emit_json, safe_text
from acumat.cli.state import open_diary, state

if TYPE_CHECKING:
    from acumat.learn import Page
    from acumat.learn.ask import Answer, Found

SITE_LINK = re.compile(r"\[([^\]]+)\]\((/[^)\s]*)\)")
COMMANDS = {
    "/check": "acumat check",
    "/plan": "acumat plan",
    "/session": "acumat session",
    "/spasm": "acumat spasm",
    "/diary": "acumat diary",
    "/learn": "acumat learn",
    "/care": "acumat care",
    "/settings": "acumat settings",
    "/": "acumat",
}
"""The command that does in the terminal what a page does on the web, by the page's address."""
REGION_HELP = (
    "Word services and numbers for this region (GB, IE, EU, US, CA, AU or NZ) instead of yours."
)
OUTSIDE = (
    "That is outside what acumat knows about. It answers questions about back spasms, spike "
    "mats and caring for your back, from its own pages. These topics may help:"
)


def register(app: typer.Typer) -> None:
    """Add the ``learn`` and ``ask`` commands to ``app``."""
    app.command(name="learn")(learn)
    app.command(name="ask")(ask)


def command_for(link: str) -> str:
    """The terminal command for a page's address (``/care/heat`` → ``acumat care heat``)."""
    path = link.split("#", 1)[0].rstrip("/") or "/"
    if path in COMMANDS:
        return COMMANDS[path]
    parent, _, last = path.rpartition("/")
    return f"{COMMANDS[parent]} {last}" if parent in COMMANDS and last else "acumat"


def learn(
    ctx: typer.Context,
    topic: Annotated[
        str | None,
        typer.Argument(
            metavar="TOPIC",
            help="The topic to read, as the list names it (e.g. safe-use). Leave it out for "
            "the list.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Read acumat's pages: how mats are thought to work, what the research found, safe use,
    what is normal after a session, what else helps, and when to get help.

    Every fact carries a numbered note; the sources, with their addresses, follow each page.

    \b
    Examples:
      acumat learn
      acumat learn evidence
    """
    from acumat.errors import NotFound
    from acumat.services import learn as service

    if topic is None:
        show_topics(service.topics())
        return
    try:
        page = service.page(topic.casefold())
    except NotFound:
        topics = ", ".join(p.id for p in service.topics())
        typer.echo(f"Error: there is no topic called {safe_text(topic)!r}.", err=True)
        typer.echo(f"Topics: {topics}. See them all: acumat learn", err=True)
        raise typer.Exit(2) from None
    _db, actor = open_diary(ctx, urgent_first=False)
    show_page(page, actor.region)


def show_topics(pages: list[Page]) -> None:
    typer.echo("Topics, in reading order (two or three minutes each):\n")
    for page in pages:
        typer.echo(f"  acumat learn {page.id}")
        typer.echo(f"      {page.title}: {page.summary}")


def terminal_markdown(markdown: str, numbers: dict[str, int], region: str | None) -> str:
    """``markdown`` for the terminal: numbered notes for citations, commands for links."""
    from acumat.learn.citations import replace_citations
    from acumat.safety.regions import localise

    text = replace_citations(localise(markdown, region), lambda ids: _note_marks(ids, numbers))
    return SITE_LINK.sub(lambda m: f"{m.group(1)} (`{command_for(m.group(2))}`)", text)


def _note_marks(ids: list[str], numbers: dict[str, int]) -> str:
    return " [" + ",".join(str(numbers[sid]) for sid in dict.fromkeys(ids)) + "]"


def show_page(page: Page, region: str | None) -> None:
    """The page through Rich's Markdown, then its numbered sources with their addresses."""
    from rich.console import Console
    from rich.markdown import Markdown

    from acumat.learn.citations import numbered
    from acumat.present.sources import cited

    numbers = numbered(page.sources)
    parts = [f"# {page.title}", f"*{page.summary}*"]
    if page.intro:
        parts.append(terminal_markdown(page.intro.markdown, numbers, region))
    for section in page.sections:
        parts += [f"## {section.heading}", terminal_markdown(section.markdown, numbers, region)]
    out = Console(highlight=False)
    out.print(Markdown("\n\n".join(parts), hyperlinks=False))
    out.print("\nSources", style="bold")
    for sid, source in cited(page.sources).items():
        where = f" {source.urls[0]}" if source.urls else ""
        out.print(f"  {numbers[sid]}. {source.name}{where}", soft_wrap=True)


def ask(
    ctx: typer.Context,
    question: Annotated[
        list[str],
        typer.Argument(
            metavar="TEXT",
            help="Your question, in your own words (quotes are optional).",
            show_default=False,
        ),
    ],
    region: Annotated[
        str | None, typer.Option("--region", metavar="CODE", help=REGION_HELP)
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the answer as JSON: in_scope, safety, answers.")
    ] = False,
) -> None:
    """Ask a question; the answers are passages of acumat's own pages, best first, each with
    its sources and where to read more. Nothing is made up, and nothing is saved.

    If your question describes a warning sign (such as numbness around your bottom, or
    trouble peeing), what to do about it comes first, from the same rules as the safety
    check.

    \b
    Examples:
      acumat ask can I use it if I am pregnant
      acumat ask "how long should I lie on it?"
      acumat ask bed of nails bruises --json
    """
    from acumat.learn.ask import QuestionRefused
    from acumat.services import learn as service

    chosen = service.region_code(region) if region is not None else None

    def region_of() -> str | None:
        if chosen is not None:
            return chosen
        from acumat.store.peek import local_region

        found = local_region(state(ctx).database_url)
        return found if found is not None else open_diary(ctx, urgent_first=False)[1].region

    try:
        found = service.ask(" ".join(question), region_of)
    except QuestionRefused as exc:
        typer.echo(f"Error: TEXT: your question {exc.reason}.", err=True)
        raise typer.Exit(2) from exc
    if as_json:
        emit_json(found.contract())
    else:
        show_answer(found)


def show_answer(found: Answer) -> None:
    if found.safety is not None:
        heading = typer.style(f"! {found.safety.label}", fg="red", bold=True)
        typer.echo(f"{heading}\nWhat you describe can be a warning sign. {found.safety.text}")
        typer.echo("Answer the safety questions so acumat can say more exactly: acumat check\n")
    if not found.in_scope:
        typer.echo(OUTSIDE)
        for topic in found.answers:
            typer.echo(f"  acumat learn {topic.link.rsplit('/', 1)[-1]}  {topic.title}")
        return
    if not found.answers:
        typer.echo(
            "Nothing in acumat's pages matches those words. Try other words, or: acumat learn"
        )
    for number, passage in enumerate(found.answers, 1):
        show_passage(number, passage)


def show_passage(number: int, passage: Found) -> None:
    from acumat.present.sources import cited

    typer.echo(typer.style(f"{number}. {passage.title}", bold=True))
    for line in passage.glimpse():
        typer.echo(f"   {line}")
    if not passage.glimpsed_all:
        typer.echo("   …")
    names = [source.name for source in cited(passage.sources).values()]
    if names:
        typer.echo(f"   Sources: {'; '.join(names)}")
    typer.echo(f"   More: {command_for(passage.link)}\n")
