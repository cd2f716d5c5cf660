"""A guided mat session in real Chromium on a phone: start, reload mid-session, the time
runs out, finish, and the session is in the diary (issue 15, item 3).

The session is a six-second try (another length of 0.1 minutes), so the test waits for a
real end rather than a faked one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.browser.kit import PHONE, load_expect
from tests.safety.kit import complete

pytestmark = pytest.mark.browser


def _screened_ok(server_home: Path, tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(complete({})), encoding="utf-8")
    env = {**os.environ, "ACUMAT_HOME": str(server_home)}
    env.pop("ACUMAT_DATABASE_URL", None)
    subprocess.run(
        [sys.executable, "-m", "acumat", "check", "--answers", str(answers)],
        env=env,
        check=True,
        capture_output=True,
    )


def test_a_guided_session_survives_a_reload_and_is_saved(
    server: str, browser: Any, tmp_path: Path
) -> None:
    expect = load_expect()
    _screened_ok(tmp_path / "home", tmp_path)
    page = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    page.goto(server + "/")
    page.get_by_role("link", name="Start my mat session").tap()
    expect(page.get_by_text("Sit on the edge of the mat first")).to_be_visible()
    page.get_by_label("6", exact=True).tap()
    page.get_by_text("Another length").tap()
    page.get_by_label("Minutes").fill("0.1")
    page.get_by_role("button", name="Start the timer").tap()
    expect(page.get_by_role("heading", name="On the mat")).to_be_visible()
    expect(page.get_by_role("timer")).to_contain_text("left")
    page.reload()  # a reload, or a phone locked and woken: the count goes on from the server
    expect(page.get_by_role("heading", name="On the mat")).to_be_visible()
    expect(page.get_by_text("Time is up. Your session is done.")).to_be_visible(timeout=15_000)
    expect(page.get_by_label("I stayed the whole time")).to_be_checked()
    page.get_by_label("3", exact=True).tap()
    page.get_by_role("button", name="Save the session").tap()
    expect(page.get_by_role("status")).to_contain_text("Mat session saved. Get up slowly")
    page.goto(server + "/diary")
    expect(page.get_by_text("pain 6 → 3")).to_be_visible()
