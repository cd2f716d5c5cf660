"""What the safety parts of every page need to know about the acting person.

:func:`acumat.web.render.page_frame` gives the base template the latest urgent result and
the person's time zone; the urgent banner and the footer also need their region, for the
emergency and urgent numbers they offer as ``tel:`` links: :func:`safety_frame`, which
``page_frame`` adds to every page (the questions pages override ``retaking``).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from acumat.actor import Actor
from acumat.safety import load_ruleset
from acumat.safety.loader import load_wording
from acumat.safety.regions import localise, region


def safety_frame(actor: Actor, *, retaking: bool = False) -> dict[str, Any]:
    """The acting person's region, whether they are answering the questions again, and the
    first page of questions (where "answer the questions again" starts). ``in_region`` fills
    a stored sentence's ``{placeholders}`` with the person's services and numbers;
    ``urgency_words`` and ``verdict_words`` name a level or verdict in those words.

    ``retaking`` turns the red urgent banner into a calm notice: the person is doing exactly
    what the banner asked, and finishing the questions will replace the urgent result.
    """
    first_group = next(group.id for group in load_ruleset().groups)
    return {
        "region": region(actor.region),
        "in_region": partial(localise, code=actor.region),
        "urgency_words": partial(_label, "urgency", code=actor.region),
        "verdict_words": partial(_label, "verdict", code=actor.region),
        "retaking": retaking,
        "first_group": first_group,
    }


def _label(table: str, name: str, *, code: str) -> str:
    """A level's or verdict's label from the wording table, filled in for region ``code``."""
    return localise(load_wording()[table][str(name)]["label"], code)
