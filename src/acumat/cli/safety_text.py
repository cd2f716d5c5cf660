"""Safety results in the terminal, worded and coloured with Rich: the urgent part first.

Urgency and verdict are shown by their labels, never their codes; reasons by their text,
what to do and their sources' titles. Rule and source ids only with ``--verbose``. An
EMERGENCY or URGENT_SAME_DAY result is a bold red panel with what to do now. Rich leaves
out colour when the output is not a terminal or NO_COLOR is set.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from acumat.safety.schemas import MatStatus, ScreeningOut

URGENT_STYLE = "bold red"
CALM_STYLES = {"SEE_CLINICIAN_DAYS": "bold yellow", "SELF_CARE": "bold green"}
VERDICT_STYLES = {"do-not-use": "red", "caution-consult": "yellow"}
DEMO = "Demo: a made-up result from `acumat demo`, not yours."
STAYS = (
    "This result is saved. It will show first on every acumat command until you answer the "
    "questions again with `acumat check`, once a clinician has seen you."
)
AGAIN = "Answer the questions again with `acumat check` whenever anything changes."


def console(*, err: bool = False) -> Console:
    """A console on stdout (or stderr) that never reads the person's text as markup."""
    from rich.console import Console

    return Console(stderr=err, highlight=False, markup=False, emoji=False)


def is_urgent(urgency: str) -> bool:
    from acumat.safety import Urgency

    return Urgency(urgency).is_urgent


def print_result(
    result: Mapping[str, Any],
    *,
    region: str | None,
    verbose: bool = False,
    saved: bool = True,
    demo: bool = False,
    answers: Mapping[str, object] | None = None,
) -> None:
    """A triage result as ``acumat check`` returns it (its ``--json`` form), in the words
    of the person's ``region`` (who to call, and on which number)."""
    out = console()
    parts = result_parts(
        result, region=region, verbose=verbose, saved=saved, demo=demo, answers=answers
    )
    for part in parts:
        out.print(part)


def result_parts(
    result: Mapping[str, Any],
    *,
    region: str | None,
    verbose: bool,
    saved: bool,
    demo: bool,
    answers: Mapping[str, object] | None = None,
) -> list[RenderableType]:
    """What :func:`print_result` prints, in order: any urgent action first, then the mat
    verdict and, when a mat must not be used, what to do instead."""
    from rich.text import Text

    urgency, reasons = str(result["urgency"]), list(result["reasons"])
    parts: list[RenderableType] = [Text(DEMO, style="bold")] if demo else []
    if is_urgent(urgency):
        parts.append(urgent_panel(urgency, reasons, STAYS if saved else "", region=region))
    else:
        parts.append(headline(urgency, region))
    parts.append(verdict_line(str(result["mat"]), region))
    parts += instead_parts(str(result["mat"]), region, answers)
    parts += [Text(""), Text("Why:", style="bold")]
    parts += [reason_text(r, verbose=verbose) for r in reasons]
    if result["mat"] == "ok":
        parts.append(checklist_text())
    refused = result.get("refused") or []
    if refused:
        parts.append(refused_text(refused))
    if not saved:
        parts.append(Text("\nNot saved (--dry-run)."))
    elif not is_urgent(urgency):
        parts.append(Text(f"\nSaved. {AGAIN}"))
    return parts


def urgent_panel(
    urgency: str, reasons: Sequence[Mapping[str, Any]], tail: str, *, region: str | None
) -> RenderableType:
    """The bold red box: what to do now, first."""
    from rich.panel import Panel
    from rich.text import Text

    from acumat.safety.loader import urgency_label

    body = Text(urgency_label(urgency, region) + ".", style=URGENT_STYLE)
    if reasons:
        body.append(f"\nDo this now: {reasons[0]['action']}")
    if tail:
        body.append(f"\n\n{tail}")
    return Panel(
        body, title=short_label(urgency, region), title_align="left", border_style=URGENT_STYLE
    )


def short_label(urgency: str, region: str | None) -> str:
    """The urgency's short name for a panel title, in the region's words."""
    from acumat.safety.loader import load_wording
    from acumat.safety.regions import localise

    return localise(str(load_wording()["urgency"][urgency]["short"]), region)


def headline(urgency: str, region: str | None) -> RenderableType:
    from rich.text import Text

    from acumat.safety.loader import urgency_label

    return Text(urgency_label(urgency, region) + ".", style=CALM_STYLES.get(urgency, "bold"))


def verdict_line(verdict: str, region: str | None) -> RenderableType:
    from rich.text import Text

    from acumat.safety.loader import verdict_label

    line = Text("Mat: ", style="bold")
    line.append(verdict_label(verdict, region) + ".", style=VERDICT_STYLES.get(verdict, ""))
    return line


def instead_parts(
    verdict: str, region: str | None, answers: Mapping[str, object] | None = None
) -> list[RenderableType]:
    """What the person can do instead of the mat, only when it must not be used; it comes
    after the verdict, so after any urgent action. Steps the ``answers`` do not allow are
    left out (no warmth unless numb skin was answered "no")."""
    if verdict != "do-not-use":
        return []
    from rich.text import Text

    from acumat.safety import verdict_instead

    advice = verdict_instead(verdict, region, answers)
    if advice is None:
        return []
    text = Text(f"\n{advice.title}:", style="bold")
    for step in advice.steps:
        text.append(f"\n  - {step.text}", style="")
    return [text]


def reason_text(reason: Mapping[str, Any], *, verbose: bool) -> RenderableType:
    """One reason: what was found, what to do, and where that advice comes from."""
    from rich.text import Text

    text = Text(f"• {reason['text']}\n")
    text.append(f"  What to do: {reason['action']}\n")
    text.append(f"  Sources: {source_titles(reason['sources'])}", style="dim")
    if verbose:
        text.append(f"\n  Rule {reason['rule']}; sources {', '.join(reason['sources'])}")
    return text


def source_titles(ids: Sequence[str]) -> str:
    from acumat.safety import load_ruleset

    register = load_ruleset().sources
    return "; ".join(register[sid].name if sid in register else sid for sid in ids)


def checklist_text() -> RenderableType:
    from rich.text import Text

    from acumat.safety import load_checklist

    checklist = load_checklist()
    text = Text(f"\n{checklist.title}:", style="bold")
    for entry in checklist.entries:
        text.append(f"\n  - {entry.text}", style="")
    return text


def refused_text(refused: Sequence[Mapping[str, Any]]) -> RenderableType:
    """Answers not accepted beside an urgent result, named by their question."""
    from rich.text import Text

    text = Text("\nThese answers were not accepted; fix them and check again:", style="bold")
    for problem in refused:
        text.append(f"\n  - {question_text(str(problem['field']))}: {problem['message']}")
    return text


def question_text(item_id: str) -> str:
    """The question a person read for ``item_id`` (the id itself only if there is none)."""
    from acumat.safety import load_ruleset

    items = load_ruleset().items
    return items[item_id].text if item_id in items else item_id


def print_status(
    current: MatStatus,
    zone: tzinfo,
    *,
    region: str | None,
    verbose: bool = False,
    answers: Mapping[str, object] | None = None,
) -> None:
    """The latest result: when it was given, what it says, and what to do now if urgent."""
    from rich.text import Text

    out = console()
    screening = current.screening
    if screening is None:
        out.print(Text(current.message + " Run `acumat check`."))
        return
    if is_demo(screening):
        out.print(Text(DEMO, style="bold"))
    out.print(Text(f"Latest safety check: {when(screening.taken_at, zone)}.", style="bold"))
    if screening.is_urgent:
        reasons = [r.model_dump() for r in screening.reasons]
        out.print(urgent_panel(screening.urgency, reasons, STAYS, region=region))
    else:
        out.print(headline(screening.urgency, region))
    line = Text("Mat: ", style="bold")
    line.append(current.message, style=VERDICT_STYLES.get(current.verdict or "", ""))
    out.print(line)
    for part in instead_parts(current.verdict or "", region, answers):
        out.print(part)
    if verbose:
        out.print(Text("\nWhy:", style="bold"))
        for reason in screening.reasons:
            out.print(reason_text(reason.model_dump(), verbose=True))


def print_triage(triage: ScreeningOut, *, region: str | None, verbose: bool = False) -> None:
    """A check-in's re-check: in full when urgent, else one line plus any reasons."""
    from rich.text import Text

    if triage.is_urgent:
        print_result(triage.contract(), region=region, verbose=verbose)
        return
    from acumat.safety.loader import urgency_label

    out = console()
    out.print(Text(f"Safety re-check: {urgency_label(triage.urgency, region)}."))
    for reason in triage.reasons:
        if reason.level not in ("SELF_CARE", "ok"):
            out.print(reason_text(reason.model_dump(), verbose=verbose))


def print_urgent_first(screening: ScreeningOut, zone: tzinfo, region: str | None) -> None:
    """The active urgent result, briefly, on stderr: before anything a command shows."""
    from rich.panel import Panel
    from rich.text import Text

    from acumat.safety.loader import urgency_label

    body = Text(urgency_label(screening.urgency, region) + ".", style=URGENT_STYLE)
    if screening.reasons:
        body.append(f"\nDo this now: {screening.reasons[0].action}")
    body.append(
        f"\nFrom your answers on {when(screening.taken_at, zone)}. Once a clinician has seen "
        "you, answer the questions again: acumat check"
    )
    short = short_label(screening.urgency, region)
    title = f"Demo: {short}" if is_demo(screening) else short
    console(err=True).print(Panel(body, title=title, title_align="left", border_style=URGENT_STYLE))


def is_demo(screening: ScreeningOut) -> bool:
    """Whether a stored result is made-up demo data (older demos stored one)."""
    return bool(getattr(screening, "is_demo", False))


def when(moment: datetime, zone: tzinfo) -> str:
    """``Fri 27 Nov 2026, 15:48`` in the person's own zone."""
    local = moment.astimezone(zone)
    return f"{local:%a} {local.day} {local:%b %Y, %H:%M}"


FEELINGS = {"better": "Better", "same": "The same", "worse": "Worse"}


def print_mat_advice(screening: ScreeningOut, *, ask: bool) -> None:
    """A gentle word when a mat session is logged against "do not use a mat"; at a terminal,
    one question about how the person feels. It never stops the session being saved."""
    from rich.text import Text

    err = console(err=True)
    action = screening.reasons[0].action if screening.reasons else ""
    err.print(
        Text(
            "Your latest safety result says not to use a mat for now. What you did is "
            "saved all the same.",
            style="bold",
        )
    )
    if not ask:
        err.print(Text(f"If anything feels worse, please do this: {action}"))
        return
    import typer

    from acumat.cli import input as typed

    answer = typer.prompt("How do you feel now? better, same or worse", default="same", err=True)
    try:
        feeling = typed.choice(answer, FEELINGS)
    except typed.Refused:
        feeling = "worse"  # when unsure, give the advice rather than hold it back
    if feeling == "worse":
        err.print(Text(f"Please do this now: {action}", style=URGENT_STYLE))
    else:
        err.print(Text(f"Thank you. Until the questions say otherwise: {action}"))
