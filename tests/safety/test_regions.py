"""The region table: every region complete, placeholders filled, unknown text untouched."""

from __future__ import annotations

import pytest

from acumat.safety import load_ruleset
from acumat.safety.regions import DEFAULT_REGION, localise, region, regions

ACTION = "Go to {emergency_department} now, or call {emergency_number}. {Urgent_help} if not."


@pytest.mark.parametrize(
    ("code", "number", "place"),
    [("GB", "999", "A&E"), ("US", "911", "the emergency room"), ("EU", "112", "emergency")],
)
def test_the_same_sentence_names_each_regions_services(code: str, number: str, place: str) -> None:
    text = localise(ACTION, code)
    assert f"call {number}." in text
    assert place in text
    assert "{" not in text


def test_a_capitalised_placeholder_starts_a_sentence() -> None:
    assert "Get an urgent GP appointment today or call NHS 111 if not." in localise(ACTION, "GB")
    assert "See your doctor today" in localise(ACTION, "US")


def test_an_unknown_region_falls_back_to_the_default() -> None:
    assert region("zz") == region(DEFAULT_REGION)
    assert region(None).code == DEFAULT_REGION
    assert region("us").code == "US"


def test_text_without_placeholders_and_unknown_names_come_back_unchanged() -> None:
    assert localise("Call 999 now.", "US") == "Call 999 now."
    assert localise("{nothing} here", "US") == "{nothing} here"


def test_every_region_is_complete_and_cites_known_sources() -> None:
    register = load_ruleset().sources
    required = {"GB", "IE", "US", "CA", "AU", "NZ", "EU"}
    assert required <= set(regions())
    for place in regions().values():
        assert place.emergency_number.isdigit()
        assert all(number.isdigit() for number in place.urgent_numbers)
        assert place.sources
        assert all(s in register for s in place.sources)
        assert place.dialable[0] == place.emergency_number
