"""The command classes every acumat command uses: errors in the person's words.

A service names what it refused by its field key (``sleep_quality``); the person typed a
flag (``--sleep``). The map from one to the other is read off the command's own options,
so it cannot drift from them: each option's long names, without dashes, are its field
keys (``--sleep-quality`` is ``sleep_quality``), and the first name is the one shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import typer
from typer import _click
from typer.core import TyperGroup, TyperOption

from acumat.cli.options import EXAMPLES
from acumat.cli.output import safe_text
from acumat.errors import AcumatError, Conflict, InvalidInput, NotFound, Problem

BAD_INPUT = (InvalidInput, NotFound, Conflict)
STOPPED = "Stopped. Nothing was saved."
INTERRUPTED = 130  # the shell's code for Ctrl+C
NEWCOMER_ORDER = (
    "check",
    "plan",
    "session",
    "spasm",
    "care",
    "log",
    "diary",
    "insights",
    "learn",
    "ask",
    "trial",
    "settings",
    "serve",
    "export",
    "import",
    "backup",
    "restore",
    "demo",
    "db",
)
EXAMPLE_LINE = re.compile(r"acumat .*")


def flags_of(params: Iterable[_click.Parameter]) -> dict[str, str]:
    """Field key (and parameter name) → the flag a person types, from ``params``."""
    found: dict[str, str] = {}
    for param in params:
        if not isinstance(param, TyperOption) or not param.opts:
            continue
        shown = param.opts[0]
        for name in (*param.opts, *param.secondary_opts):
            if name.startswith("--"):
                found.setdefault(name[2:].replace("-", "_"), shown)
        if param.name:
            found.setdefault(param.name, shown)
    return found


def example_of(flag: str, help_text: str) -> str:
    """An example value for ``flag``: the command's own example line's (one flag may mean a
    different thing in another command: ``--edit ID``, ``--edit DAY``), else the one its
    option records, else none."""
    examples = "\n".join(EXAMPLE_LINE.findall(help_text))
    found = re.search(re.escape(flag) + r"[ =](\"[^\"]*\"|[^\s\\]+)", examples)
    return found.group(1) if found else EXAMPLES.get(flag, "")


def worded(problem: Problem, flags: dict[str, str], help_text: str) -> str:
    """One refusal as ``--flag: what is wrong; for example --flag VALUE``."""
    flag = problem.field if problem.field.startswith("--") else flags.get(problem.field, "")
    message = _keys_to_flags(problem.message, flags)
    if not flag:
        return f"{problem.field}: {message}" if problem.field else message
    example = example_of(flag, help_text)
    tail = f"; for example {flag} {example}" if example else ""
    return f"{flag}: {message}{tail}"


def _keys_to_flags(message: str, flags: dict[str, str]) -> str:
    """Field keys a service wrote into a sentence (``ended_at``) become their flags."""
    for key, flag in flags.items():
        if "_" in key:
            message = re.sub(rf"\b{re.escape(key)}\b", flag, message)
    return message


def say_refusal(exc: InvalidInput, command: _click.Command) -> None:
    """Print every problem of ``exc`` in the words of ``command``'s flags; what a person
    typed and a message quotes (a file name, a value) cannot steer the terminal."""
    flags, help_text = flags_of(command.params), command.help or ""
    for problem in exc.problems:
        typer.echo(f"Error: {safe_text(worded(problem, flags, help_text))}", err=True)


LEAF = "acumat.command"


def command_words(ctx: _click.Context | None) -> str:
    """``acumat log care``: the command as a person types it, whatever the program name."""
    names: list[str] = []
    while ctx is not None and ctx.parent is not None:
        names.insert(0, ctx.info_name or "")
        ctx = ctx.parent
    return " ".join(["acumat", *names])


def usage_words(exc: _click.exceptions.UsageError) -> str:
    """acumat's words for a command line that does not fit the command (click's are for
    programmers): a missing value names its flag with an example, an unknown flag is named."""
    errors = _click.exceptions
    command = exc.ctx.command if exc.ctx is not None else None
    see = f"see `{command_words(exc.ctx)} --help`"
    if isinstance(exc, errors.MissingParameter) and exc.param is not None:
        param = exc.param
        is_option = isinstance(param, TyperOption) and param.opts
        name = param.opts[0] if is_option else (param.metavar or param.name or "").upper()
        example = example_of(name, command.help or "") if command else ""
        tail = f"; for example {name} {example}" if example else f"; {see}"
        return f"{name}: is required{tail}"
    if isinstance(exc, errors.NoSuchOption):
        return f"there is no option {exc.option_name}; {see} for the ones there are"
    return f"that command line does not fit this command; {see}"


class AcumatGroup(TyperGroup):
    """Every acumat group: refusals name the flags of the command that was run, Ctrl+C
    says nothing was saved, and ``acumat --help`` lists commands in a newcomer's order.

    Each group remembers in the context which command it resolved, so the innermost
    group to see an error speaks with that command's flags.
    """

    def resolve_command(
        self, ctx: _click.Context, args: list[str]
    ) -> tuple[str | None, _click.Command | None, list[str]]:
        name, command, rest = super().resolve_command(ctx, args)
        ctx.meta[LEAF] = command
        return name, command, rest

    def parse_args(self, ctx: _click.Context, args: list[str]) -> list[str]:
        parsed: list[str] = self._guarded(ctx, super().parse_args, ctx, args)
        return parsed

    def invoke(self, ctx: _click.Context) -> Any:
        return self._guarded(ctx, super().invoke, ctx)

    def list_commands(self, ctx: _click.Context) -> list[str]:
        names: Sequence[str] = super().list_commands(ctx)
        known = [n for n in NEWCOMER_ORDER if n in names]
        return known + [n for n in names if n not in known]

    def _guarded(self, ctx: _click.Context, action: Any, *args: Any) -> Any:
        try:
            return action(*args)
        except InvalidInput as exc:
            leaf = ctx.meta.get(LEAF)
            say_refusal(exc, leaf if isinstance(leaf, _click.Command) else self)
            raise typer.Exit(2) from exc
        except BAD_INPUT as exc:
            typer.echo(f"Error: {safe_text(str(exc))}", err=True)
            raise typer.Exit(2) from exc
        except AcumatError as exc:
            typer.echo(f"Error: {safe_text(str(exc))}", err=True)
            raise typer.Exit(1) from exc
        except _click.exceptions.UsageError as exc:
            if isinstance(exc, _click.exceptions.NoArgsIsHelpError):
                raise
            typer.echo(f"Error: {usage_words(exc)}", err=True)
            raise typer.Exit(2) from exc
        except (typer.Abort, KeyboardInterrupt) as exc:
            typer.echo(f"\n{STOPPED}", err=True)
            raise typer.Exit(INTERRUPTED) from exc
