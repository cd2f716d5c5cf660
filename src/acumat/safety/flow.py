"""Walking the questionnaire one group at a time, for forms that cannot run code.

The page to show is derived from the answers so far: the group of the first required
question still unanswered. Follow-ups that a just-given answer switches on belong to the
same group, so that group is simply shown again with them. Pure; no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from acumat.safety.answers import applies, facts_from, unanswered, validated
from acumat.safety.loader import load_ruleset
from acumat.safety.model import Group, Item


@dataclass(frozen=True)
class Step:
    """One page of the questionnaire: its group, the questions that apply, and where it sits."""

    group: Group
    items: list[Item]
    index: int
    total: int
    previous: str | None


def next_step(answers: Mapping[str, object], requested: str | None = None) -> Step | None:
    """The page to show now, or ``None`` when every required question that applies is answered.

    ``requested`` names a group to show instead (a Back link), if it has questions that apply.
    Raises InvalidInput naming any refused answer.
    """
    ruleset = load_ruleset()
    clean = validated(answers, ruleset)
    missing = unanswered(ruleset, clean)
    groups = [g.id for g in ruleset.groups if _applicable(g.id, clean)]
    wanted = requested if requested in groups else None
    if wanted is None and not missing:
        return None
    group_id = wanted or ruleset.items[missing[0]].group
    index = groups.index(group_id)
    return Step(
        group=next(g for g in ruleset.groups if g.id == group_id),
        items=_applicable(group_id, clean),
        index=index,
        total=len(groups),
        previous=groups[index - 1] if index > 0 else None,
    )


def _applicable(group_id: str, clean: Mapping[str, str | int]) -> list[Item]:
    facts = facts_from(clean)
    items = load_ruleset().items.values()
    return [i for i in items if i.group == group_id and applies(i, facts)]
