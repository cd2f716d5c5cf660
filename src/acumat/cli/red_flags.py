"""The daily red-flag re-check at the terminal: from flags, or asked briefly (P6).

One question first ("any of these?"); only a "yes" or "unsure" leads to asking each sign,
so a calm day costs one keystroke. Merging the flags into answers is the service's
(:mod:`acumat.services.entry_input`).
"""

from __future__ import annotations

import typer

CHOICES = ("yes", "no", "unsure")


def flags_from_options(options: list[str], none_apply: bool, *, ask: bool) -> dict[str, str] | None:
    """Answers from ``--red-flag``/``--no-red-flags``, else asked at a terminal, else ``None``."""
    from acumat.services.entry_input import parse_red_flag, red_flag_answers

    named = dict(parse_red_flag(option) for option in options)
    found = red_flag_answers(named, none_apply)
    if found is None and ask:
        return _ask()
    return found


def _daily_ids() -> list[str]:
    from acumat.safety import daily_signs

    return [item.id for item in daily_signs()]


def _ask() -> dict[str, str]:
    from acumat.safety import daily_signs

    signs = daily_signs()
    typer.echo("\nSince your last check-in, have you noticed any of these?", err=True)
    for item in signs:
        typer.echo(f"  - {item.short or item.text}", err=True)
    if _choice("Any of them?") == "no":
        return dict.fromkeys(_daily_ids(), "no")
    return {item.id: _choice(item.short or item.text) for item in signs}


def _choice(text: str) -> str:
    while True:
        answer = str(typer.prompt(f"{text} [yes/no/unsure]", err=True)).strip().lower()
        found = [c for c in CHOICES if answer and c.startswith(answer)]
        if len(found) == 1:
            return found[0]
        typer.echo(f'  "{text}": please answer yes, no or unsure.', err=True)
