"""``acumat diary``: recent entries as tables, or the service's DiaryPage as JSON."""

from __future__ import annotations

from datetime import tzinfo
from typing import TYPE_CHECKING, Annotated, Any

import typer

from acumat.cli.options import Whole, option
from acumat.cli.output import safe_text
from acumat.cli.state import open_diary
from acumat.diary.vocabulary import (
    AFTER_EFFECTS,
    BACK_LOCATIONS,
    CARE_KINDS,
    SKIN_REACTIONS,
    STOP_REASONS,
    TRIGGERS,
)

if TYPE_CHECKING:
    from rich.table import Table

    from acumat.diary.schemas import DiaryPage

DEMO_MARK = "demo"


def register(app: typer.Typer) -> None:
    """Add the ``diary`` command to ``app``."""
    app.command(name="diary")(diary)


def diary(
    ctx: typer.Context,
    days: Annotated[
        int,
        option(
            "--days",
            kind=Whole(0, 10**9, 30),
            metavar="N",
            help="How many days back, today included.",
        ),
    ] = 14,
    as_json: Annotated[bool, typer.Option("--json", help="Print the entries as JSON.")] = False,
) -> None:
    """Show your recent check-ins, spasm episodes, mat sessions and care, newest first.

    Ids in the first column are what `acumat log … --edit ID` and `acumat log delete` take.
    Rows marked "demo" are sample data from `acumat demo`, not yours.

    Example: acumat diary --days 30
    """
    from acumat.services import diary as service

    db, actor = open_diary(ctx)
    start, end = service.diary_range(actor, days)
    page = service.list_diary(db, actor, start, end)
    if as_json:
        from acumat.cli.output import emit_json

        emit_json(page)
    else:
        show(page, actor.zone)


def show(page: DiaryPage, zone: tzinfo) -> None:
    """Print one table per kind that has entries, or a hint when there are none."""
    from rich.console import Console

    tables = [
        t
        for t in (checkins(page), episodes(page, zone), sessions(page, zone), care(page, zone))
        if t
    ]
    if not tables:
        typer.echo(
            f"No entries from {page.start} to {page.end}. "
            "Add one with `acumat log checkin --pain N`."
        )
        return
    console = Console(markup=False, highlight=False)  # notes are the person's text, not markup
    for grid in tables:
        console.print(grid)
        console.print()
    if has_demo(page):
        typer.echo(f'Rows marked "[{DEMO_MARK}]" are sample data from `acumat demo`, not yours.')


def has_demo(page: DiaryPage) -> bool:
    groups: tuple[list[Any], ...] = (page.checkins, page.episodes, page.sessions, page.care)
    return any(entry.is_demo for group in groups for entry in group)


def labels(codes: list[str], vocabulary: dict[str, str]) -> str:
    """Stored codes as the words a person reads (``lower_left`` is "Lower back, left")."""
    return "; ".join(vocabulary.get(code, code) for code in codes)


def table(title: str, *columns: str) -> Table:
    from rich.table import Table

    grid = Table(title=title, title_justify="left", show_edge=False)
    for column in columns:
        grid.add_column(column, overflow="fold")
    return grid


def mark(entry: Any, first: str) -> str:
    """The first cell, tagged so demo rows cannot pass for the person's own data."""
    return f"{first} [{DEMO_MARK}]" if entry.is_demo else first


def pain_change(before: int | None, after: int | None) -> str:
    from acumat.cli.output import number

    if before is None and after is None:
        return ""
    return f"{number(before) or '?'} → {number(after) or '?'}"


def checkins(page: DiaryPage) -> Table | None:
    from acumat.cli.output import number

    if not page.checkins:
        return None
    grid = table(
        "Check-ins", "day", "pain", "PEG", "sleep", "spasms", "stress", "sitting h", "note"
    )
    for c in page.checkins:
        grid.add_row(
            mark(c, c.day.isoformat()),
            str(c.pain),
            number(c.peg_score),
            number(c.sleep_quality),
            number(c.spasm_count),
            number(c.stress),
            number(c.hours_sitting),
            safe_text(c.note),
        )
    return grid


def episodes(page: DiaryPage, zone: tzinfo) -> Table | None:
    from acumat.cli.output import local_time

    if not page.episodes:
        return None
    grid = table("Spasm episodes", "id", "start", "end", "peak", "where", "triggers", "note")
    for e in page.episodes:
        grid.add_row(
            mark(e, str(e.id)),
            local_time(e.started_at, zone),
            local_time(e.ended_at, zone, "ongoing"),
            str(e.peak_intensity),
            labels(e.locations, BACK_LOCATIONS),
            labels(e.triggers, TRIGGERS),
            safe_text(e.note),
        )
    return grid


def sessions(page: DiaryPage, zone: tzinfo) -> Table | None:
    from acumat.cli.output import local_time, number

    if not page.sessions:
        return None
    grid = table(
        "Mat sessions", "id", "start", "min", "planned", "pain", "fabric", "stopped", "afterwards"
    )
    for s in page.sessions:
        grid.add_row(
            mark(s, str(s.id)),
            local_time(s.started_at, zone),
            number(s.actual_minutes),
            number(s.planned_minutes),
            pain_change(s.pain_before, s.pain_after),
            "yes" if s.fabric_layer else "no",
            labels([s.stop_reason] if s.stop_reason else [], STOP_REASONS),
            "; ".join(
                part
                for part in (
                    "" if s.skin_reaction == "none" else labels([s.skin_reaction], SKIN_REACTIONS),
                    labels(s.effects, AFTER_EFFECTS),
                )
                if part
            ),
        )
    return grid


def care(page: DiaryPage, zone: tzinfo) -> Table | None:
    from acumat.cli.output import local_time, number

    if not page.care:
        return None
    grid = table("Care", "id", "start", "kind", "min", "note")
    for c in page.care:
        grid.add_row(
            mark(c, str(c.id)),
            local_time(c.started_at, zone),
            labels([c.kind], CARE_KINDS),
            number(c.minutes),
            safe_text(c.note),
        )
    return grid
