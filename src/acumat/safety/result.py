"""The one safety result: what the engine returns and, extended, what a stored screening is.

:class:`TriageOut` is built by :func:`acumat.safety.triage` and serialised one way, by
:meth:`TriageOut.contract` (PRODUCT.md's result object). Its text keeps the rules'
``{placeholders}``; :meth:`TriageOut.localised` fills them in for a person's region, which
services do on the way out, so a stored result reads right after the person's region changes.
"""

from __future__ import annotations

from typing import Any, Self

from pydantic import AliasChoices, BaseModel, ConfigDict, Field

from acumat.errors import Problem
from acumat.safety.levels import Urgency, Verdict
from acumat.safety.regions import localise

CONTRACT_REASON = frozenset({"rule", "text", "action", "sources"})


class ReasonOut(BaseModel):
    """One triggered rule: why, what to do, the sources behind it, and the level it set.

    ``level`` is an urgency or verdict name, or empty in results stored before it was kept.
    """

    model_config = ConfigDict(frozen=True, from_attributes=True)

    rule: str
    text: str
    action: str
    sources: list[str]
    level: str = ""

    def localised(self, region: str | None) -> Self:
        """This reason with the region's services and numbers in its words."""
        return self.model_copy(
            update={"text": localise(self.text, region), "action": localise(self.action, region)}
        )


class RefusedAnswer(BaseModel):
    """An answer that was not accepted, listed beside the urgent result it did not hide:
    the question, what is wrong (a catalogue code) and the plain sentence."""

    model_config = ConfigDict(frozen=True)

    field: str
    code: str = "invalid"
    message: str

    @classmethod
    def of(cls, problem: Problem) -> RefusedAnswer:
        return cls(field=problem.field, code=problem.code, message=problem.message)


class TriageOut(BaseModel):
    """A triage: urgency, mat verdict, the reasons behind both (most urgent first), whether the
    answers were complete, the rule-set version that decided it, and any refused answers.

    ``complete`` is false when the answers stopped short and only what they already show was
    judged (only ever beside an urgent result). ``refused`` lists answers that were not
    accepted beside an urgent result they did not hide; it is never stored.
    """

    model_config = ConfigDict(frozen=True, from_attributes=True, populate_by_name=True)

    urgency: Urgency
    mat: Verdict = Field(validation_alias=AliasChoices("mat", "verdict"))
    reasons: list[ReasonOut]
    complete: bool = True
    ruleset_version: str = ""
    refused: list[RefusedAnswer] = Field(default_factory=list)

    @property
    def is_urgent(self) -> bool:
        """EMERGENCY or URGENT_SAME_DAY: shown before anything else, everywhere."""
        return self.urgency.is_urgent

    def contract(self) -> dict[str, Any]:
        """The result object of ``acumat check --json``, the API and exports: PRODUCT.md's
        ``urgency``, ``mat`` and ``reasons``, plus ``ruleset_version`` and ``complete``,
        ``screening_id`` once stored, and ``refused`` when some answers were not accepted."""
        include: Any = {
            "urgency": True,
            "mat": True,
            "reasons": {"__all__": set(CONTRACT_REASON)},
            "ruleset_version": True,
            "complete": True,
        }
        found = self.model_dump(mode="json", include=include)
        if self.stored_id is not None:
            found["screening_id"] = self.stored_id
        if self.refused:
            found["refused"] = [r.model_dump() for r in self.refused]
        return found

    def to_dict(self) -> dict[str, Any]:
        """The same as :meth:`contract`; the name older callers use."""
        return self.contract()

    @property
    def stored_id(self) -> int | None:
        """The stored screening's id; ``None`` for a result that was not saved."""
        return None

    def localised(self, region: str | None) -> Self:
        """This result with every reason in the words of ``region`` (see regions.toml)."""
        return self.model_copy(update={"reasons": [r.localised(region) for r in self.reasons]})

    def with_refused(self, problems: list[Problem]) -> Self:
        """This result with ``problems`` listed as the answers that were not accepted."""
        return self.model_copy(update={"refused": [RefusedAnswer.of(p) for p in problems]})
