"""An urgent result in the browser, on a phone: the banner says when, offers a tap to call the
person's own emergency and urgent numbers and the way out once they have been seen; while the
questions are answered again it is a calm notice; the result page ends with that way out.

Screenshots of the result page, the today page under the urgent result and the settings
page are taken at 390x844; with ``ACUMAT_SCREENSHOTS=DIR`` they are kept in DIR to look at.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser.kit import load_expect, phone, shoot

pytestmark = pytest.mark.browser

FEVER = "A temperature of 38°C or more, or feeling hot and shivery"


def _answer_first_page(page: Any) -> None:
    page.get_by_label("How old are you?").fill("40")
    page.get_by_label("How bad is your back pain right now", exact=False).fill("3")
    page.get_by_label("How many days ago", exact=False).fill("2")
    page.locator("#q-first_episode").get_by_label("No", exact=True).check()
    page.locator("#q-pregnancy_possible").get_by_label("No", exact=True).check()
    page.get_by_role("button", name="Next").click()


def test_an_urgent_checkin_shows_a_banner_to_call_and_a_calm_notice_while_answering_again(
    server: str, browser: Any, tmp_path: Path
) -> None:
    expect = load_expect()
    page = phone(browser)
    page.goto(server + "/?checkin=open")
    page.get_by_label("Back pain today").fill("5")
    page.get_by_label("Yes, or not sure").check()
    page.get_by_label(FEVER).check()
    page.get_by_role("button", name="Save check-in").click()

    expect(page).to_have_url(re.compile(r"/check/result"))
    banner = page.get_by_role("alert")
    when = re.compile(r"From your daily check-in on \w{3} \d\d \w{3}, \d\d:\d\d")
    expect(banner).to_contain_text(when)
    expect(banner.get_by_role("link", name="Call 111")).to_have_attribute("href", "tel:111")
    expect(banner.get_by_role("link", name="call 999")).to_have_attribute("href", "tel:999")
    expect(page.get_by_role("status").first).to_have_text("Check-in saved.")
    expect(page.get_by_role("heading", name="After you have been seen")).to_be_visible()
    shoot(page, tmp_path, "result-urgent-phone")

    page.goto(server + "/")
    expect(page.get_by_role("alert")).to_be_visible()
    shoot(page, tmp_path, "today-urgent-phone")

    page.get_by_role("link", name="Once a doctor or nurse has seen you").click()
    expect(page.get_by_role("heading", name="Is it safe to use a mat now?")).to_be_visible()
    expect(page.get_by_role("alert")).to_have_count(0)
    notice = page.get_by_role("status")
    expect(notice).to_contain_text("Your last result was urgent")
    expect(notice).to_contain_text("Finishing these questions will update it.")
    expect(notice.get_by_role("link", name="call 999")).to_have_attribute("href", "tel:999")
    shoot(page, tmp_path, "retake-notice-phone")


def test_an_emergency_answer_stops_the_questions_with_a_tap_to_call(
    server: str, browser: Any, tmp_path: Path
) -> None:
    expect = load_expect()
    page = phone(browser)
    page.goto(server + "/check")
    _answer_first_page(page)
    page.locator("#q-saddle_numbness").get_by_label("Yes", exact=True).check()
    page.get_by_role("button", name="Next").click()

    expect(page.get_by_role("heading", name="Please stop here and get help")).to_be_visible()
    banner = page.get_by_role("alert")
    expect(banner.get_by_role("link", name="Call 999")).to_have_attribute("href", "tel:999")
    expect(banner).to_contain_text("From your answers on")
    # Rule ids wait behind the clinician's toggle.
    expect(page.get_by_text("Rule RF-01")).to_be_hidden()
    page.get_by_text("Details for your clinician").click()
    expect(page.get_by_text(re.compile(r"Rule RF-01"))).to_be_visible()

    page.goto(server + "/settings")
    page.get_by_label("Where you live").select_option("US")
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_role("alert").get_by_role("link", name="Call 911")).to_have_attribute(
        "href", "tel:911"
    )
    footer = page.locator("footer")
    expect(footer.get_by_role("link", name="911")).to_have_attribute("href", "tel:911")
    expect(footer).to_contain_text("United States")
    shoot(page, tmp_path, "settings-phone")


def test_the_result_page_reads_well_at_night(server: str, browser: Any, tmp_path: Path) -> None:
    expect = load_expect()
    page = phone(browser, scheme="dark")
    page.goto(server + "/check")
    _answer_first_page(page)
    page.locator("#q-chest_pain").get_by_label("Yes", exact=True).check()
    page.get_by_role("button", name="Next").click()
    page.goto(server + "/check/result")
    background = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
    assert background == "rgb(18, 22, 25)"
    expect(page.get_by_role("alert")).to_be_visible()
    shoot(page, tmp_path, "result-dark-phone")
