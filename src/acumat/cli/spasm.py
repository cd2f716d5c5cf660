"""``acumat spasm``: a spasm is happening now (one command), and ``--eased`` when it has passed."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from acumat.cli.fields import field_option
from acumat.cli.options import codes
from acumat.cli.state import open_diary

if TYPE_CHECKING:
    from acumat.actor import Actor
    from acumat.services.spasm import Spasm

EASED = "acumat spasm --eased"
ASKED = ("peak_intensity", "locations", "triggers")
"""What a terminal asks for when no flags were given, in this order."""
CHECK = "acumat check"
WATCH_FOR = (
    "If anything new comes with it, such as numbness, weakness, a fever or trouble passing "
    f"urine, answer the safety questions now: {CHECK}"
)


def register(app: typer.Typer) -> None:
    """Add the ``spasm`` command to ``app``."""
    app.command(name="spasm")(spasm)


def spasm(
    ctx: typer.Context,
    peak: Annotated[
        int | None, field_option("episode", "peak_intensity", "--peak", "--peak-intensity")
    ] = None,
    location: Annotated[
        list[str] | None, field_option("episode", "locations", "--location", "--locations")
    ] = None,
    trigger: Annotated[
        list[str] | None, field_option("episode", "triggers", "--trigger", "--triggers")
    ] = None,
    eased: Annotated[
        bool, typer.Option("--eased", help="The spasm going on has eased: it ends now.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the episode as JSON.")] = False,
) -> None:
    """Note a back spasm that is happening now, and later that it has eased.

    It starts now; only the worst pain is needed. At a terminal with no flags, it asks for
    the worst pain, then where it is and what may have set it off (Enter skips those).
    One spasm goes on at a time: --eased ends it. A spasm that goes on for more than a
    week is worth having checked.

    \b
    Examples:
      acumat spasm --peak 7 --location lower_left --trigger lifting
      acumat spasm --eased
    """
    from acumat.services import spasm as service

    if eased:
        refuse_with_eased(peak=peak, location=location, trigger=trigger)
    db, actor = open_diary(ctx)
    if eased:
        try:
            done = service.ease(db, actor)
        except service.NoSpasmOngoing as exc:
            refuse("no spasm is going on, so there is none to end. To note one: acumat spasm")
            raise typer.Exit(2) from exc
        show(done, actor, "Noted: your spasm has eased.", as_json=as_json)
        return
    going = service.ongoing(db, actor)
    if going is not None:
        refuse_second(going, actor)
    raw = ask_missing(peak, codes(location), codes(trigger), actor)
    try:
        started = service.start(db, actor, **raw)
    except service.SpasmOngoing as exc:  # another window started one meanwhile
        refuse_second(exc.spasm, actor)
    show(started, actor, "Noted: a spasm, starting now.", as_json=as_json)


def refuse_with_eased(**given: Any) -> None:
    """--eased ends the spasm going on; values about a new one do not go with it (exit 2)."""
    flags = {"peak": "--peak", "location": "--location", "trigger": "--trigger"}
    for name, value in given.items():
        if value:
            refuse(
                f"{flags[name]} goes with a spasm that starts now, not with --eased. To change "
                "the one going on: acumat log episode --edit ID (ids: acumat diary)"
            )
            raise typer.Exit(2)


def refuse(message: str) -> None:
    typer.echo(f"Error: {message}", err=True)


def refuse_second(going: Spasm, actor: Actor) -> NoReturn:
    """Exit 2: a spasm is already going on; say since when and how to end or change it."""
    episode = going.episode
    refuse(
        f"a spasm is already going on, since {when(episode.started_at, actor)} (worst pain "
        f"{episode.peak_intensity}). When it has eased: {EASED}. If it got worse: acumat "
        f"log episode --edit {episode.id} --peak N"
    )
    if going.worth_checking:
        typer.echo(worth_checking(going), err=True)
    raise typer.Exit(2)


def ask_missing(
    peak: int | None, locations: list[str] | None, triggers: list[str] | None, actor: Actor
) -> dict[str, Any]:
    """The episode's values: those given, and at a terminal with no flags the rest asked
    for (the worst pain must be given; where and what set it off may be skipped)."""
    from acumat.errors import InvalidInput

    if peak is not None:
        return {"peak": peak, "locations": locations or [], "triggers": triggers or []}
    if not sys.stdin.isatty():
        raise InvalidInput.single("--peak", "is required when no one is at the terminal")
    if locations or triggers:
        raise InvalidInput.single("--peak", "is required with --location or --trigger")
    from acumat.cli.prompts import ask_until_valid, question_for

    answers: dict[str, Any] = {}
    for name in ASKED:
        question = question_for("episode", name)
        required = name == "peak_intensity"
        value = ask_until_valid(question, name, "episode", answers, actor, required=required)
        answers[name] = [] if value is None else value
    return {
        "peak": answers["peak_intensity"],
        "locations": answers["locations"],
        "triggers": answers["triggers"],
    }


def when(moment: Any, actor: Actor) -> str:
    from acumat.present.time import local_time

    return local_time(moment, actor.zone)


def show(done: Spasm, actor: Actor, headline: str, *, as_json: bool) -> None:
    """The episode as JSON, or in words: since when, how bad, what next."""
    if as_json:
        from acumat.cli.output import emit_json

        emit_json(done.episode)
    else:
        typer.echo(headline)
        typer.echo(describe(done, actor))
        if done.episode.ended_at is None:
            typer.echo(f"When it has eased: {EASED}\n{WATCH_FOR}")
    if done.worth_checking:
        typer.echo(worth_checking(done), err=as_json)


def describe(done: Spasm, actor: Actor) -> str:
    from acumat.present.time import time_span

    episode = done.episode
    span = time_span(episode.started_at, episode.ended_at, actor.zone)
    return f"Spasm {episode.id}: {span}, worst pain {episode.peak_intensity} out of 10."


def worth_checking(going: Spasm) -> str:
    """SEED-01 in words: a spasm of more than a week is worth having checked."""
    lasted = "has gone on" if going.episode.ended_at is None else "went on"
    return (
        f"This spasm {lasted} for {going.days} days. A spasm that lasts more than a few days "
        f"is worth having checked: answer the safety questions with {CHECK}."
    )
