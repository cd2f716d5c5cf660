"""The pain-trend chart: valid, script-free SVG that describes itself, for any number of days."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest

from acumat.insights.charts import pain_trend_summary, pain_trend_svg

SVG = "{http://www.w3.org/2000/svg}"
LAST = date(2026, 3, 15)


def _points(n: int) -> list[tuple[date, int]]:
    return [(LAST - timedelta(days=i), (i * 7) % 11) for i in range(n)]


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own output, not untrusted input


def _dots(root: ET.Element) -> int:
    return sum(1 for e in root.iter(f"{SVG}circle") if "dot" in e.get("class", ""))


@pytest.mark.parametrize("n", [0, 1, 2, 90])
def test_the_chart_is_valid_svg_without_any_script(n: int) -> None:
    svg = pain_trend_svg(_points(n))
    root = _parse(svg)
    assert root.tag == f"{SVG}svg"
    assert not list(root.iter(f"{SVG}script"))
    assert "<script" not in svg
    assert "window.pygal" not in svg


@pytest.mark.parametrize("n", [1, 2, 90])
def test_the_chart_draws_one_dot_per_day(n: int) -> None:
    assert _dots(_parse(pain_trend_svg(_points(n)))) == n


def test_the_chart_names_and_describes_itself_for_screen_readers() -> None:
    root = _parse(pain_trend_svg(_points(3), title="Pain, last 30 days"))
    assert root.get("role") == "img"
    summary = pain_trend_summary(_points(3))
    assert root.get("aria-label") == f"Pain, last 30 days. {summary}"
    titles = [e.text for e in root if e.tag == f"{SVG}title"]
    assert titles == ["Pain, last 30 days"]
    assert root.find(f"{SVG}desc") is not None


def test_the_chart_scales_to_its_container() -> None:
    root = _parse(pain_trend_svg(_points(5), compact=True))
    assert root.get("viewBox") == "0 0 380 200"
    assert root.get("width") is None


def test_the_chart_references_nothing_outside_itself() -> None:
    svg = pain_trend_svg(_points(30))
    root = _parse(svg)
    links = [v for e in root.iter() for k, v in e.attrib.items() if k.endswith("href")]
    assert links == []
    assert "@import" not in svg
    assert "url(http" not in svg


def test_the_summary_of_no_points_says_there_are_none() -> None:
    assert pain_trend_summary([]) == "No check-ins in this period yet."


def test_the_summary_of_one_point_names_it() -> None:
    assert pain_trend_summary([(LAST, 6)]) == "One check-in: pain 6 out of 10 on 15 Mar 2026."


def test_the_summary_gives_range_average_and_latest_whatever_the_order() -> None:
    points = [(LAST, 2), (LAST - timedelta(days=2), 8), (LAST - timedelta(days=1), 5)]
    assert pain_trend_summary(points) == (
        "3 check-ins from 13 Mar 2026 to 15 Mar 2026. Pain ranged from 2 to 8 out of 10, "
        "average 5.0; most recent 2 on 15 Mar 2026."
    )
