"""``acumat learn`` and ``acumat ask`` in the terminal."""

from __future__ import annotations

import json

import pytest

from acumat.knowledge import source_register
from acumat.learn import load_pages
from tests.cli.conftest import Run
from tests.learn.test_pages import TOPICS


@pytest.mark.parametrize("topic", TOPICS)
def test_every_page_renders_in_the_terminal(run: Run, topic: str) -> None:
    result = run("learn", topic)
    assert result.exit_code == 0, result.output
    learn = load_pages()[topic]
    assert learn.title in result.stdout
    assert "Sources" in result.stdout
    first = source_register()[learn.sources[0]]
    assert f"1. {first.name}" in result.stdout
    assert "[S" not in result.stdout
    assert "](/" not in result.stdout, "a web link was left for the terminal"


def test_the_terminal_lists_the_topics_and_refuses_an_unknown_one(run: Run) -> None:
    listed = run("learn")
    assert listed.exit_code == 0
    assert "acumat learn safe-use" in listed.stdout
    unknown = run("learn", "pregnancy")
    assert unknown.exit_code == 2
    assert "no topic called 'pregnancy'" in unknown.stderr


def test_ask_json_is_the_contract_exactly(run: Run) -> None:
    result = run("ask", "how long should i lie on it", "--json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert set(found) == {"in_scope", "safety", "answers"}
    assert found["in_scope"] is True
    assert found["safety"] is None
    assert found["answers"]
    for passage in found["answers"]:
        assert set(passage) == {"title", "text", "sources", "link"}
        assert set(passage["sources"]) <= source_register().keys()
        assert passage["link"].startswith("/")


def test_a_warning_sign_leads_with_what_to_do_for_the_region_asked_for(run: Run) -> None:
    result = run("ask", "i cant pee", "--region", "US", "--json")
    found = json.loads(result.stdout)
    assert set(found["safety"]) == {"urgency", "text"}
    assert found["safety"]["urgency"] == "EMERGENCY"
    assert "911" in found["safety"]["text"]
    shown = run("ask", "i", "cant", "pee", "--region", "AU")
    assert shown.stdout.startswith("! Call 000")
    assert "acumat check" in shown.stdout


def test_without_region_a_warning_sign_is_worded_for_the_persons_own(run: Run) -> None:
    assert run("settings", "--region", "NZ").exit_code == 0
    found = json.loads(run("ask", "numb bum and my back hurts", "--json").stdout)
    assert "111" in found["safety"]["text"]


def test_a_question_outside_the_subject_says_so_and_offers_the_topics(run: Run) -> None:
    result = run("ask", "recipe for banana bread")
    assert result.exit_code == 0
    assert result.stdout.startswith("That is outside what acumat knows about.")
    assert "acumat learn evidence" in result.stdout
    found = json.loads(run("ask", "recipe for banana bread", "--json").stdout)
    assert found["in_scope"] is False
    assert [a["link"] for a in found["answers"]] == [f"/learn/{t}" for t in TOPICS]


def test_an_empty_or_overlong_question_is_refused_with_exit_2(run: Run) -> None:
    empty = run("ask", "  ?! ")
    assert empty.exit_code == 2
    assert "your question is empty; type a question in your own words" in empty.stderr
    long = run("ask", "mat " * 200)
    assert long.exit_code == 2
    assert "longer than 500 characters" in long.stderr


def test_a_passage_names_its_sources_and_the_command_to_read_more(run: Run) -> None:
    result = run("ask", "hot water bottle how long")
    assert "1. Warmth" in result.stdout
    assert "More: acumat care heat" in result.stdout
    assert "Sources: " in result.stdout


def test_an_unknown_region_is_refused_naming_the_flag(run: Run) -> None:
    result = run("ask", "heat or ice", "--region", "XX")
    assert result.exit_code == 2
    assert "--region" in result.stderr
    assert "GB" in result.stderr
    assert run("ask", "i cant pee", "--region", "us").stdout.startswith("! Call 911")
