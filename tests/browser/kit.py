"""What every browser test uses: the phone and desktop sizes, Playwright's ``expect``
(imported only when a test runs, so collecting the suite needs no browser), a phone-sized
page, and full-page screenshots kept where ``ACUMAT_SCREENSHOTS`` says."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def load_expect() -> Any:
    """Playwright's ``expect``."""
    from playwright.sync_api import expect

    return expect


def phone(browser: Any, scheme: str = "light") -> Any:
    """A new page in a phone-sized, touch-screen context (``scheme``: light or dark)."""
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, color_scheme=scheme
    )
    return context.new_page()


def shoot(page: Any, tmp_path: Path, name: str) -> Path:
    """A full-page screenshot, kept in ``ACUMAT_SCREENSHOTS`` when it is set, to look at."""
    folder = Path(os.environ.get("ACUMAT_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000, name  # a real picture, not a blank page
    return path
