"""Citations in the learn pages' Markdown: found, numbered, replaced; links are not citations."""

from __future__ import annotations

from acumat.learn.citations import ids_in, numbered, replace_citations, without_citations

TEXT = (
    "Short relief. [S21] Most brands say 20 to 40 minutes. [S28, S30] "
    "See [the check](/check). [S21]"
)


def test_ids_are_found_in_order_of_first_use_once_each() -> None:
    assert ids_in(TEXT) == ["S21", "S28", "S30"]


def test_a_link_is_never_read_as_a_citation() -> None:
    assert ids_in("[S1](/learn/evidence) and [the check](/check)") == []


def test_notes_are_numbered_from_one_in_order_of_first_use() -> None:
    assert numbered(["S28", "S1", "S28", "A1"]) == {"S28": 1, "S1": 2, "A1": 3}


def test_citations_are_replaced_with_the_space_before_them() -> None:
    marked = replace_citations(TEXT, lambda ids: "<" + "+".join(ids) + ">")
    assert marked.startswith("Short relief.<S21> Most brands say 20 to 40 minutes.<S28+S30>")
    assert without_citations("Relief. [S21] Then more.") == "Relief. Then more."


def test_region_and_article_ids_are_citations_too() -> None:
    assert ids_in("Call the number. [R-GB] As the article says. [A1]") == ["R-GB", "A1"]
