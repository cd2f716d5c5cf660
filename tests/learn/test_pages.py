"""The learn pages as data: every one loads, cites only the register, and cites something in
every section (tests/web/test_learn.py and tests/cli/test_learn.py render them)."""

from __future__ import annotations

import pytest

from acumat.knowledge import source_register
from acumat.learn import LearnDataError, load_pages
from acumat.learn.citations import ids_in
from acumat.learn.pages import parse_page

TOPICS = [
    "how-mats-work",
    "what-sets-it-off",
    "evidence",
    "safe-use",
    "choosing-a-mat",
    "after-a-session",
    "heat-cold-stretching",
    "ergonomics",
    "when-to-get-help",
    "faq",
]
GOOD = '+++\ntitle = "T"\nsummary = "S."\norder = 1\n+++\n\n## Part\n\nA fact. [S1]\n'


def test_there_is_a_page_for_every_topic_the_issue_names_in_reading_order() -> None:
    assert list(load_pages()) == TOPICS


@pytest.mark.parametrize("topic", TOPICS)
def test_every_section_cites_sources_the_register_has(topic: str) -> None:
    page = load_pages()[topic]
    assert page.sources
    for part in page.parts:
        assert part.sources, part.heading
        assert set(ids_in(part.markdown)) <= source_register().keys()


@pytest.mark.parametrize("topic", TOPICS)
def test_every_paragraph_and_list_item_that_says_something_carries_a_source(topic: str) -> None:
    for part in load_pages()[topic].parts:
        blocks = [b.strip() for b in part.markdown.replace("\n- ", "\n\n- ").split("\n\n")]
        for block, after in zip(blocks, [*blocks[1:], ""], strict=True):
            leads_into_a_list = after.startswith("- ")  # its items carry the sources
            if block and not leads_into_a_list:
                assert ids_in(block), f"{topic}, {part.heading}: {block[:60]}"


def test_the_loader_refuses_an_unknown_source_id() -> None:
    with pytest.raises(LearnDataError, match="S999, not in the source register"):
        parse_page("bad", GOOD.replace("[S1]", "[S999]"))


def test_the_loader_refuses_a_section_without_sources() -> None:
    with pytest.raises(LearnDataError, match="section 'Part': cites no source"):
        parse_page("bad", GOOD.replace(" [S1]", ""))


def test_the_loader_refuses_missing_front_matter() -> None:
    with pytest.raises(LearnDataError, match="front matter lacks summary"):
        parse_page("bad", GOOD.replace('summary = "S."\n', ""))
    with pytest.raises(LearnDataError, match="must open with TOML front matter"):
        parse_page("bad", "## Part\n\nA fact. [S1]\n")


def test_a_good_page_parses_into_sections_with_anchors() -> None:
    page = parse_page("good", GOOD.replace("## Part", "## Can I use it if I'm pregnant?"))
    assert page.sections[0].anchor == "can-i-use-it-if-im-pregnant"
    assert page.sources == ("S1",)
