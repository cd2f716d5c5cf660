"""Complementary care guides (warmth, cold, gentle stretches, a walk), read from ``care.toml``.

Pure data and one decision: which guides may be suggested to a person, given their latest
safety answers (SC-07: never warmth or cold where skin is numb; "unsure" counts as yes, as
everywhere in acumat's safety rules). The loader refuses a guide that is not a care kind of
the diary, cites an unknown source or a question that does not exist, or has a move without
its drawing, so a bad edit fails the tests.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from acumat.diary.vocabulary import CARE_KINDS
from acumat.knowledge import source_ids

DRAWINGS = "web/static/care"
"""Where each stretching move's drawing lives, as ``<move id>.svg``, inside the package."""


class CareDataError(ValueError):
    """``care.toml`` is malformed or refers to something that does not exist."""


@dataclass(frozen=True)
class Line:
    """One step or caution: acumat's words and their sources."""

    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Move:
    """One stretching movement, with how long it takes and its drawing's id."""

    id: str
    name: str
    text: str
    seconds: int
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Guide:
    """One kind of care, as a short guide with a default length in minutes."""

    id: str
    title: str
    minutes: int
    summary: str
    evidence: str
    facts: tuple[str, ...]
    sources: tuple[str, ...]
    hidden_when: tuple[str, ...]
    steps: tuple[Line, ...]
    cautions: tuple[Line, ...]
    moves: tuple[Move, ...]

    @property
    def all_sources(self) -> tuple[str, ...]:
        """Every source the guide cites, in order of first use, once each."""
        lines: tuple[Line | Move, ...] = (*self.steps, *self.cautions, *self.moves)
        cited = [*self.sources, *(s for line in lines for s in line.sources)]
        return tuple(dict.fromkeys(cited))


def _line(raw: dict[str, Any]) -> Line:
    return Line(str(raw["text"]), tuple(str(s) for s in raw["sources"]))


def _move(raw: dict[str, Any]) -> Move:
    sources = tuple(str(s) for s in raw["sources"])
    return Move(str(raw["id"]), str(raw["name"]), str(raw["text"]), int(raw["seconds"]), sources)


def _guide(raw: dict[str, Any]) -> Guide:
    return Guide(
        id=str(raw["id"]),
        title=str(raw["title"]),
        minutes=int(raw["minutes"]),
        summary=str(raw["summary"]),
        evidence=str(raw["evidence"]),
        facts=tuple(str(f) for f in raw["facts"]),
        sources=tuple(str(s) for s in raw["sources"]),
        hidden_when=tuple(str(q) for q in raw["hidden_when"]),
        steps=tuple(_line(s) for s in raw.get("step", [])),
        cautions=tuple(_line(c) for c in raw.get("caution", [])),
        moves=tuple(_move(m) for m in raw.get("move", [])),
    )


def parse_guides(
    text: str, *, sources: set[str], questions: set[str], drawings: set[str]
) -> dict[str, Guide]:
    """The guides in ``text`` by id, or :class:`CareDataError` naming what is wrong."""
    try:
        guides = [_guide(raw) for raw in tomllib.loads(text)["guide"]]
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise CareDataError(f"care guides cannot be read: {exc!r}") from None
    problems = [p for guide in guides for p in _problems(guide, sources, questions, drawings)]
    if len({g.id for g in guides}) != len(guides):
        problems.append("a guide id is used twice")
    if problems:
        raise CareDataError("; ".join(problems))
    return {guide.id: guide for guide in guides}


def _problems(
    guide: Guide, sources: set[str], questions: set[str], drawings: set[str]
) -> list[str]:
    found = []
    if guide.id not in CARE_KINDS or guide.id == "other":
        found.append(f"{guide.id}: not a care kind of the diary")
    if not 1 <= guide.minutes <= 60:
        found.append(f"{guide.id}: minutes must be 1-60")
    unknown = [s for s in guide.all_sources if s not in sources]
    if unknown:
        found.append(f"{guide.id}: unknown sources {unknown}")
    if not guide.steps or any(not line.sources for line in (*guide.steps, *guide.cautions)):
        found.append(f"{guide.id}: every guide needs steps, and every line a source")
    found += [f"{guide.id}: unknown question {q}" for q in guide.hidden_when if q not in questions]
    found += [f"{guide.id}: no drawing for {m.id}" for m in guide.moves if m.id not in drawings]
    return found


def hidden_by(guide: Guide, answers: Mapping[str, object]) -> bool:
    """Whether ``answers`` (the latest safety answers) rule ``guide`` out: a "yes" or
    "unsure" to any question it is hidden for."""
    return any(str(answers.get(q, "")).lower() in ("yes", "unsure") for q in guide.hidden_when)


def offered(answers: Mapping[str, object]) -> list[Guide]:
    """The guides that may be suggested to someone whose latest safety answers are
    ``answers`` (empty when they have not answered: each guide then carries its cautions)."""
    return [g for g in load_guides().values() if not hidden_by(g, answers)]


def _package_ids(folder: str, suffix: str) -> set[str]:
    root = files("acumat").joinpath(folder)
    return {p.name.removesuffix(suffix) for p in root.iterdir() if p.name.endswith(suffix)}


def _question_ids() -> set[str]:
    table = tomllib.loads(files("acumat.safety").joinpath("items.toml").read_text("utf-8"))
    return {str(item["id"]) for item in table["item"]}


@cache
def load_guides() -> dict[str, Guide]:
    """The shipped guides by id, read and checked once per process."""
    text = files("acumat.plan").joinpath("care.toml").read_text(encoding="utf-8")
    return parse_guides(
        text,
        sources=set(source_ids()),
        questions=_question_ids(),
        drawings=_package_ids(DRAWINGS, ".svg"),
    )
