"""The Insights page on a phone: reached from the navigation, it fits the screen, and its
day ranges work by keyboard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.kit import load_expect, phone, shoot

pytestmark = pytest.mark.browser


def test_insights_from_the_navigation_fit_a_phone_and_switch_ranges(
    server: str, browser: Any, tmp_path: Path
) -> None:
    expect = load_expect()
    page = phone(browser)
    page.goto(server + "/")
    page.get_by_role("link", name="Insights", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What your diary shows")
    expect(page.get_by_text("No check-ins in these 90 days yet.")).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the page scrolls sideways on a phone"
    page.get_by_role("link", name="30 days").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("link", name="30 days")).to_have_attribute("aria-current", "true")
    shoot(page, tmp_path, "insights-empty-phone")
