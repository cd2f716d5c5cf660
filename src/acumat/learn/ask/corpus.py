"""What ``ask`` searches: every section of the learn pages, every care guide, and the reason
and action of every safety rule that can fire, each as a passage with its sources and the
page it comes from. Read only when the index is built."""

from __future__ import annotations

from dataclasses import dataclass

CHECK_LINK = "/check"
RULE_WEIGHT = 0.6
"""A safety rule's reason speaks to someone who has answered the safety questions ("You told
us…"), so when a page written for reading matches as well, the page comes first."""


@dataclass(frozen=True)
class Passage:
    """One answer ``ask`` can give: its title, plain text (with the regions' ``{placeholders}``
    still in), source ids, the address of its page, and ``page`` (a learn topic, ``care/<id>``
    or ``check``) naming that page for the tests; ``weight`` scales its BM25 score."""

    title: str
    text: str
    sources: tuple[str, ...]
    link: str
    page: str
    weight: float = 1.0


def learn_passages() -> list[Passage]:
    from acumat.learn.pages import load_pages
    from acumat.learn.plain import plain_text

    found = []
    for page in load_pages().values():
        for part in page.parts:
            link = f"{page.link}#{part.anchor}" if part.anchor else page.link
            found.append(
                Passage(part.heading, plain_text(part.markdown), part.sources, link, page.id)
            )
    return found


def care_passages() -> list[Passage]:
    from acumat.plan.care import load_guides

    found = []
    for guide in load_guides().values():
        lines = [
            guide.summary,
            *(s.text for s in guide.steps),
            *(m.name + ": " + m.text for m in guide.moves),
        ]
        lines += [c.text for c in guide.cautions] + [guide.evidence]
        found.append(
            Passage(
                guide.title,
                "\n".join(lines),
                guide.all_sources,
                f"/care/{guide.id}",
                f"care/{guide.id}",
            )
        )
    return found


def rule_passages() -> list[Passage]:
    """A passage per rule that fires on something a person told us (not the all-clears)."""
    from acumat.safety import load_ruleset
    from acumat.safety.loader import load_wording

    wording = load_wording()
    found = []
    for rule in load_ruleset().rules:
        if rule.fallback or rule.when is None:
            continue
        kind = "urgency" if rule.urgency else "verdict"
        label = wording[kind][rule.level]["label"]
        text = f"{rule.reason} {rule.action}"
        title = f"Safety check: {label}"
        found.append(Passage(title, text, rule.sources, CHECK_LINK, "check", RULE_WEIGHT))
    return found


def passages() -> list[Passage]:
    """Every passage, learn pages first (a tie goes to the page written to be read)."""
    return [*learn_passages(), *care_passages(), *rule_passages()]
