"""Who to call where: the emergency and urgent services of each region, from ``regions.toml``.

Rules say "call the emergency number" once, with ``{placeholders}``; :func:`localise` fills
them in for the acting person's region. The meaning of a rule never changes with the region,
only the names and numbers it gives. Pure: reads only the package's own data, once.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from acumat.safety.errors import RuleDataError

DEFAULT_REGION = "GB"
PLACEHOLDER = re.compile(r"\{([A-Za-z_]+)\}")
FILLED = ("emergency_number", "emergency_department", "urgent_help", "doctor")


@dataclass(frozen=True)
class Region:
    """One region's services; ``urgent_numbers`` are the dialable numbers in ``urgent_help``."""

    code: str
    name: str
    emergency_number: str
    emergency_department: str
    urgent_help: str
    urgent_numbers: tuple[str, ...]
    doctor: str
    sources: tuple[str, ...]

    def words(self) -> dict[str, str]:
        """Placeholder name to text, each also with a capitalised twin for sentence starts."""
        plain = {name: str(getattr(self, name)) for name in FILLED}
        capital = {name.capitalize(): _capitalise(text) for name, text in plain.items()}
        return {**plain, **capital}

    @property
    def dialable(self) -> tuple[str, ...]:
        """Every number this region's advice names, emergency first, for ``tel:`` links."""
        return (self.emergency_number, *self.urgent_numbers)


@cache
def regions() -> dict[str, Region]:
    """Every region by code, in the order a person picks from."""
    raw = tomllib.loads((files("acumat.safety") / "regions.toml").read_text(encoding="utf-8"))
    found = {}
    for entry in raw["region"]:
        found[entry["code"]] = Region(
            code=entry["code"],
            name=entry["name"],
            emergency_number=entry["emergency_number"],
            emergency_department=entry["emergency_department"],
            urgent_help=entry["urgent_help"],
            urgent_numbers=tuple(entry["urgent_numbers"]),
            doctor=entry["doctor"],
            sources=tuple(entry["sources"]),
        )
    if DEFAULT_REGION not in found:
        raise RuleDataError(f"regions.toml: the default region {DEFAULT_REGION} is missing")
    return found


def region(code: str | None) -> Region:
    """The region for ``code``; an unknown or missing code gets the default region."""
    known = regions()
    return known.get((code or DEFAULT_REGION).upper(), known[DEFAULT_REGION])


def localise(text: str, code: str | None) -> str:
    """``text`` with every known ``{placeholder}`` filled in for the region ``code``.

    Unknown placeholders are left as they are, so text that never had any (old stored
    results, notes) comes back unchanged.
    """
    words = region(code).words()
    return PLACEHOLDER.sub(lambda m: words.get(m.group(1), m.group(0)), text)


def placeholders(text: str) -> set[str]:
    """The placeholder names ``text`` uses; the rule-data checks refuse unknown ones."""
    return set(PLACEHOLDER.findall(text))


def known_placeholders() -> set[str]:
    return set(region(DEFAULT_REGION).words())


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]
