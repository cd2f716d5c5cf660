"""The daily red-flag re-check at the terminal: from flags, or asked briefly (P6).

One question first ("any of these?"); only a "yes" or "unsure" leads to asking each sign,
so a calm day costs one keystroke.
"""

from __future__ import annotations

import typer

from acumat.errors import InvalidInput

CHOICES = ("yes", "no", "unsure")


def flags_from_options(options: list[str], none_apply: bool, *, ask: bool) -> dict[str, str] | None:
    """Answers from ``--red-flag``/``--no-red-flags``, else asked at a terminal, else ``None``."""
    if options and none_apply:
        raise InvalidInput.single("red_flag", "give --red-flag or --no-red-flags, not both")
    if none_apply:
        return _all("no")
    if options:
        return {**_all("no"), **dict(_parse(option) for option in options)}
    return _ask() if ask else None


def _all(answer: str) -> dict[str, str]:
    from acumat.safety import daily_signs

    return {item.id: answer for item in daily_signs()}


def _parse(option: str) -> tuple[str, str]:
    item, _, answer = option.partition("=")
    return item.strip(), (answer.strip().lower() or "yes")


def _ask() -> dict[str, str]:
    from acumat.safety import daily_signs

    signs = daily_signs()
    typer.echo("\nSince your last check-in, have you noticed any of these?", err=True)
    for item in signs:
        typer.echo(f"  - {item.short or item.text}", err=True)
    if _choice("Any of them?") == "no":
        return _all("no")
    return {item.id: _choice(item.short or item.text) for item in signs}


def _choice(text: str) -> str:
    while True:
        answer = str(typer.prompt(f"{text} [yes/no/unsure]", err=True)).strip().lower()
        answer = next((c for c in CHOICES if answer and c.startswith(answer)), answer)
        if answer in CHOICES:
            return answer
        typer.echo("  Please answer yes, no or unsure.", err=True)
