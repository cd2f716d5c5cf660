"""A person keeps a week of diary in the browser and sees it in the diary and the chart.

As issue 2 asks: a week of check-ins, two spasm episodes and three mat sessions, entered
through the pages (part of it on a phone-sized screen, part with the keyboard), then found
on the diary page and as points on the pain chart. With ``ACUMAT_SCREENSHOT=1`` the phone
view of the today page is saved to ``docs/screenshot-today.png`` for the README.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.browser.kit import PHONE, load_expect
from tests.conftest import UTC_TIME

pytestmark = pytest.mark.browser

SCREENSHOT = Path(__file__).parents[2] / "docs" / "screenshot-today.png"
WEEK_OF_PAIN = [6, 5, 6, 4, 4, 3, 3]


def _check_in(page: Any, base: str, day: date, pain: int) -> None:
    page.goto(base + "/")
    page.get_by_role("navigation", name="Quick actions").get_by_role("link").last.click()
    page.get_by_label("Day", exact=True).fill(day.isoformat())
    page.get_by_label("Back pain today").fill(str(pain))
    page.get_by_label("Sleep last night").fill(str(10 - pain))
    page.get_by_label("Spasms today").fill("1" if pain > 4 else "0")
    page.get_by_role("button", name="Save check-in").click()
    load_expect()(page.get_by_role("status")).to_have_text("Check-in saved.")


def _log_episode(page: Any, base: str, started: str, peak: int, trigger: str) -> None:
    page.goto(base + "/")
    page.get_by_text("A spasm episode").click()
    form = page.locator("#log-episode")
    form.get_by_label("Started").fill(started)
    form.get_by_label("Worst pain during it").fill(str(peak))
    form.get_by_label("Lower back, left").check()
    form.get_by_label(trigger).check()
    form.get_by_role("button", name="Log spasm episode").click()
    load_expect()(page.get_by_role("status")).to_have_text("Spasm episode logged.")


def _log_session_with_keyboard(page: Any, base: str, started: str, minutes: int) -> None:
    """Open the form and fill it mostly by keyboard: Enter on the summary, Tab, type, Space."""
    expect, session = load_expect(), page.locator("#log-session")
    page.goto(base + "/")
    page.get_by_text("A mat session").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(session.get_by_label("Started")).to_be_focused()
    session.get_by_label("Started").fill(started)  # date-time widgets differ by locale
    session.get_by_label("Minutes on the mat").focus()
    for text, next_field in ((str(minutes), "Minutes planned"), ("", "Pain before")):
        page.keyboard.type(text)
        page.keyboard.press("Tab")
        expect(session.get_by_label(next_field)).to_be_focused()
    page.keyboard.type("5")
    page.keyboard.press("Tab")
    page.keyboard.type("3")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect(session.get_by_label("I used a fabric layer")).to_be_checked()
    session.get_by_role("button", name="Log mat session").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text("Mat session logged.")


def test_a_week_logged_in_the_browser_shows_in_the_diary_the_chart_and_a_csv_export(
    server: str, browser: Any, tmp_path: Path
) -> None:
    today = date.today()
    desktop = browser.new_page(viewport={"width": 1200, "height": 900})
    for days_ago, pain in zip(range(6, -1, -1), WEEK_OF_PAIN, strict=True):
        _check_in(desktop, server, today - timedelta(days=days_ago), pain)

    phone = browser.new_page(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    yesterday, before = today - timedelta(days=1), today - timedelta(days=3)
    _log_episode(phone, server, f"{before}T07:30", 7, "Lifting or carrying")
    _log_episode(phone, server, f"{yesterday}T18:15", 5, "Long sitting or one posture")
    for started in (f"{before}T21:00", f"{yesterday}T21:00", f"{yesterday}T22:00"):
        _log_session_with_keyboard(phone, server, started, 10)

    phone.goto(server + "/diary")
    days = phone.locator("ol.timeline > li.day-card")
    load_expect()(days).to_have_count(7)  # one card per day of the week, newest first
    entries = phone.locator("li.entry")
    load_expect()(entries.filter(has_text="Check-in")).to_have_count(7)
    load_expect()(entries.filter(has_text="Worst pain")).to_have_count(2)
    load_expect()(entries.filter(has_text="on the mat")).to_have_count(3)
    load_expect()(entries.filter(has_text="on the mat").first).to_contain_text("pain 5 → 3")
    chart = phone.locator("figure.trend svg")
    load_expect()(chart.locator("circle.dot")).to_have_count(7)
    load_expect()(chart).to_have_attribute("aria-label", "Pain, last 30 days. " + _summary(today))
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    phone.goto(server + "/")
    load_expect()(phone.locator("#checkin-pain")).to_have_value(str(WEEK_OF_PAIN[-1]))
    if os.environ.get("ACUMAT_SCREENSHOT") == "1":
        SCREENSHOT.parent.mkdir(exist_ok=True)
        phone.screenshot(path=str(SCREENSHOT), full_page=True)
    assert _exported_kinds(tmp_path) == {"checkin": 7, "episode": 2, "session": 3}


def _exported_kinds(tmp_path: Path) -> dict[str, int]:
    """Export the server's diary to CSV with the CLI, as a person would, and count its rows."""
    out = tmp_path / "diary.csv"
    env = {**os.environ, "ACUMAT_HOME": str(tmp_path / "home")}
    command = [sys.executable, "-m", "acumat", "export", "--format", "csv", "--out", str(out)]
    subprocess.run(command, env=env, check=True, capture_output=True)
    with out.open(newline="", encoding="utf-8") as handle:
        return dict(Counter(row["kind"] for row in csv.DictReader(handle)))


def _summary(today: date) -> str:
    from acumat.insights.charts import pain_trend_summary

    days = [today - timedelta(days=n) for n in range(6, -1, -1)]
    return pain_trend_summary(list(zip(days, WEEK_OF_PAIN, strict=True)))


def test_a_refused_checkin_shows_the_problem_beside_the_field_on_aphone(
    server: str, browser: Any
) -> None:
    phone = browser.new_page(viewport=PHONE, is_mobile=True)
    phone.goto(server + "/")
    phone.get_by_role("link", name="Check in", exact=True).click()
    phone.get_by_label("Back pain today").fill("11")
    phone.get_by_role("button", name="Save check-in").click()
    load_expect()(phone.locator("#checkin-pain-error")).to_contain_text(_refusal_of_pain_eleven())
    load_expect()(phone.locator("#checkin-pain")).to_have_attribute("aria-invalid", "true")
    load_expect()(phone.get_by_label("Back pain today")).to_have_value("11")
    phone.goto(server + "/diary")
    load_expect()(phone.locator("li.entry")).to_have_count(0)
    load_expect()(phone.get_by_text("Nothing logged in these")).to_be_visible()


def _refusal_of_pain_eleven() -> str:
    """The service's refusal of pain 11 worded for the field on screen, whatever it says."""
    from acumat.diary.schemas import CheckInIn
    from acumat.errors import InvalidInput
    from acumat.present.messages import for_person
    from acumat.validation import parse
    from acumat.web.forms import form_field

    with pytest.raises(InvalidInput) as refused:
        parse(CheckInIn, {"day": date.today().isoformat(), "pain": "11"}, UTC_TIME)
    problem = next(p for p in refused.value.problems if p.field == "pain")
    worded = for_person(problem, form_field("checkin", "pain"))
    return worded[:1].upper() + worded[1:]
