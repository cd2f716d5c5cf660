"""A person answers the safety questions in Chromium on a phone-sized screen.

First a calm run through every page (using the browser's own Back button once) that ends on
an ok result with the mat checklist; then a new run where an emergency answer interrupts the
questions and the "what to do now" box is the first thing on the page.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.kit import PHONE, load_expect

pytestmark = pytest.mark.browser


def _answer_page(page: Any, numbers: dict[str, str], choice: str = "No") -> None:
    """Fill every number on the page, pick ``choice`` for every question, press Next."""
    for name, value in numbers.items():
        field = page.locator(f"input[type='number'][name='{name}']")
        if field.count():
            field.fill(value)
    for question in page.locator("fieldset.question").all():
        question.get_by_label(choice, exact=True).check()
    page.get_by_role("button", name="Next").click()


def test_answering_every_question_ends_on_an_ok_result(browser: Any, server: str) -> None:
    expect, page = load_expect(), browser.new_page(viewport=PHONE)
    numbers = {"age": "38", "pain_now": "5", "episode_days": "2"}
    page.goto(server + "/check")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Questions 1 of")
    _answer_page(page, numbers)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Questions 2 of")
    page.go_back()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Questions 1 of")
    _answer_page(page, numbers)
    for _ in range(20):
        if page.get_by_role("button", name="Save and see my result").count():
            break
        _answer_page(page, numbers)
    page.get_by_role("button", name="Save and see my result").click()
    expect(page.get_by_role("status")).to_have_text("Your answers were saved.")
    expect(page.locator(".mat-verdict")).to_contain_text("Nothing in your answers stops you")
    expect(page.get_by_role("heading", name="Choosing and preparing your mat")).to_be_visible()
    expect(page.get_by_role("alert")).to_have_count(0)
    page.close()


def test_an_emergency_answer_stops_the_questions_and_comes_first(browser: Any, server: str) -> None:
    expect, page = load_expect(), browser.new_page(viewport=PHONE)
    page.goto(server + "/check")
    _answer_page(page, {"age": "52", "pain_now": "7", "episode_days": "1"})
    page.locator("fieldset#q-saddle_numbness").get_by_label("Not sure").check()
    for question in page.locator("fieldset.question").all():
        if question.get_attribute("id") != "q-saddle_numbness":
            question.get_by_label("No", exact=True).check()
    page.get_by_role("button", name="Next").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Call 999")
    first_in_main = page.locator("main > *:not(.flash)").first
    expect(first_in_main).to_have_attribute("role", "alert")
    expect(page.get_by_text("acumat has saved this result")).to_be_visible()
    page.goto(server + "/check/result")
    expect(page.locator("main > *:not(.flash)").first).to_have_attribute("role", "alert")
    expect(page.locator(".mat-verdict")).to_contain_text("Do not use a mat for now")
    page.goto(server + "/")
    expect(page.locator("main > *:not(.flash)").first).to_have_attribute("role", "alert")
    page.close()
