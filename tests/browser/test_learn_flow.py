"""Learn and ask in the browser, on a phone: the search box every page carries sends a
symptom question to the safety guidance first, an everyday question to the page that
answers it, and the Learn pages read with their numbered sources.

Screenshots are taken at 390x844; with ``ACUMAT_SCREENSHOTS=DIR`` they are kept in DIR.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser.kit import load_expect, phone, shoot

pytestmark = pytest.mark.browser


def test_a_symptom_typed_in_the_search_box_shows_the_safety_box_first(
    server: str, browser: Any, tmp_path: Path
) -> None:
    expect = load_expect()
    page = phone(browser)
    page.goto(server + "/diary")
    box = page.get_by_role("searchbox", name="Ask")
    expect(box).to_be_visible()
    assert box.bounding_box()["height"] >= 44  # a target a thumb can hit
    box.fill("my legs have gone numb")
    box.press("Enter")
    page.wait_for_url(server + "/ask")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Call 999 or go to A&E now")
    expect(alert.get_by_role("link", name="Call 999")).to_have_attribute("href", "tel:999")
    answers = page.locator(".answers")
    assert alert.bounding_box()["y"] < answers.bounding_box()["y"]
    assert "legs" not in page.url  # the question never reaches the address
    shoot(page, tmp_path, "ask-symptom-phone")


def test_an_everyday_question_leads_to_the_page_that_answers_it(
    server: str, browser: Any, tmp_path: Path
) -> None:
    expect = load_expect()
    page = phone(browser)
    page.goto(server + "/learn")
    page.get_by_role("searchbox", name="Ask").fill("can i use it if im pregnant")
    page.get_by_role("button", name="Ask", exact=True).first.click()
    expect(page.get_by_role("alert")).to_have_count(0)
    first = page.locator(".answer-item").first
    expect(first).to_contain_text("pregnan")
    first.get_by_role("heading").get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Using a mat safely")
    shoot(page, tmp_path, "learn-safe-use-phone")


def test_a_learn_page_reads_with_numbered_notes_that_lead_to_their_sources(
    server: str, browser: Any
) -> None:
    expect = load_expect()
    page = phone(browser)
    page.goto(server + "/")
    page.get_by_role("link", name="Learn", exact=True).click()
    page.get_by_role("link", name="What the research found").click()
    note = page.locator("sup.cite a").first
    target = note.get_attribute("href")
    note.click()
    expect(page.locator(target)).to_be_in_viewport()
    expect(page.locator(f"{target} a")).to_have_attribute("href", re.compile(r"^https?://"))
