"""Today in real Chromium: a spasm in one tap (by mouse on a phone, and by keyboard), eased
in another, and the page at a phone and a desktop size without sideways scrolling.

With ``ACUMAT_SCREENSHOTS=DIR`` the screenshots are kept in DIR to look at.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.kit import DESKTOP, PHONE, load_expect, shoot

pytestmark = pytest.mark.browser


def _fits(page: Any) -> bool:
    width: int = page.evaluate("document.documentElement.scrollWidth")
    viewport: int = page.viewport_size["width"]
    return width <= viewport


def test_a_spasm_by_touch_on_a_phone_then_eased(server: str, browser: Any, tmp_path: Path) -> None:
    expect = load_expect()
    page = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    page.goto(server + "/")
    expect(page.get_by_role("heading", name="Welcome to acumat")).to_be_visible()
    assert _fits(page)
    shoot(page, tmp_path, "today-first-visit-phone")
    page.get_by_role("link", name="I'm having a spasm").tap()
    page.get_by_label("7", exact=True).tap()  # the whole numbered square is the radio
    page.get_by_text("Where, and what set it off").tap()
    page.get_by_label("Lower back, left").tap()  # the region of the map is the checkbox
    page.get_by_text("Lifting or carrying").tap()
    expect(page.get_by_label("Lower back, left")).to_be_checked()
    assert _fits(page)
    shoot(page, tmp_path, "spasm-phone")
    page.get_by_role("button", name="Log the spasm").tap()
    expect(page.get_by_role("status")).to_contain_text("Spasm logged as starting now")
    expect(page.get_by_text("Going on since")).to_be_visible()
    expect(page.get_by_text("worst 7/10")).to_be_visible()
    shoot(page, tmp_path, "today-spasm-going-on-phone")
    page.get_by_role("button", name="It has eased").tap()
    expect(page.get_by_role("status")).to_contain_text("Glad it has eased")
    expect(page.get_by_text("Going on since")).to_have_count(0)
    page.goto(server + "/diary")
    expect(page.get_by_text("Lower back, left")).to_be_visible()


def test_a_spasm_by_keyboard_alone(server: str, browser: Any) -> None:
    expect = load_expect()
    page = browser.new_page(viewport=DESKTOP)
    page.goto(server + "/spasm")
    page.locator("#peak-0").focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    expect(page.get_by_label("5", exact=True)).to_be_checked()
    page.keyboard.press("Tab")  # to "Where, and what set it off"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # the first region of the back map: the neck
    page.keyboard.press("Space")
    expect(page.get_by_label("Neck")).to_be_checked()
    page.get_by_role("button", name="Log the spasm").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("worst 5/10")).to_be_visible()


def test_today_after_a_check_in_at_phone_and_desktop_size(
    server: str, browser: Any, tmp_path: Path
) -> None:
    expect = load_expect()
    for name, size in (("phone", PHONE), ("desktop", DESKTOP)):
        page = browser.new_page(viewport=size)
        page.goto(server + "/?checkin=open")
        if name == "phone":
            page.get_by_label("Back pain today").fill("4")
            page.get_by_label("No, nothing new").check()
            page.get_by_role("button", name="Save check-in").click()
            expect(page.get_by_role("status")).to_have_text("Check-in saved.")
        page.goto(server + "/")
        expect(page.get_by_text("Done for today ✓")).to_be_visible()
        expect(page.get_by_role("link", name="Change today's check-in")).to_be_visible()
        expect(page.get_by_label("Back pain today")).to_be_hidden()  # the form stays closed
        assert _fits(page)
        shoot(page, tmp_path, f"today-checked-in-{name}")
