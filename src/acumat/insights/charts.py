"""The pain-trend chart: (day, pain) points in, a self-contained SVG string out.

The SVG is meant to be inlined in a page: it carries no script (pygal's JavaScript and its
inline config are removed), loads nothing from the network, and names itself for screen
readers with ``role="img"``, a ``<title>``, a ``<desc>`` and an ``aria-label`` holding the
same plain summary that :func:`pain_trend_summary` returns.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from statistics import fmean
from typing import Any

PainPoint = tuple[date, int]

_LINE = "#1f6f78"
_INK = "#222222"
_SMOOTH = "#b35900"
_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"


def pain_trend_summary(points: Sequence[PainPoint]) -> str:
    """One or two plain sentences describing the points, for people who cannot see the chart."""
    if not points:
        return "No check-ins in this period yet."
    ordered = sorted(points)
    first_day, last = ordered[0][0], ordered[-1]
    if len(ordered) == 1:
        return f"One check-in: pain {last[1]} out of 10 on {_day(last[0])}."
    pains = [pain for _, pain in ordered]
    return (
        f"{len(ordered)} check-ins from {_day(first_day)} to {_day(last[0])}. "
        f"Pain ranged from {min(pains)} to {max(pains)} out of 10, "
        f"average {fmean(pains):.1f}; most recent {last[1]} on {_day(last[0])}."
    )


def pain_trend_svg(
    points: Sequence[PainPoint],
    *,
    title: str = "Pain trend",
    compact: bool = False,
    line: Sequence[tuple[date, float]] = (),
) -> str:
    """An inline-ready SVG line chart of pain (0-10) by day; handles zero or one point.

    ``line`` adds a smoothed line over the points (drawn without dots, in a second colour)."""
    import pygal

    chart = pygal.DateLine(**_config(compact), x_labels=_x_labels(points))
    chart.add("Pain", [(_noon(day), pain) for day, pain in sorted(points)])
    if line:
        smooth = [(_noon(day), value) for day, value in sorted(line)]
        chart.add("Smoothed", smooth, show_dots=False, stroke_style={"width": 4})
    label = f"{title}. {pain_trend_summary(points)}"
    chart.add_xml_filter(lambda root: _make_accessible(_strip_scripts(root), title, label))
    return str(chart.render(is_unicode=True))


def _config(compact: bool) -> dict[str, Any]:
    from pygal.style import Style

    size = {"width": 380, "height": 200} if compact else {"width": 460, "height": 250}
    style = Style(
        background="transparent",
        plot_background="#ffffff",
        foreground=_INK,
        foreground_strong=_INK,
        foreground_subtle="#c8c8c8",
        colors=(_LINE, _SMOOTH),
        font_family=_FONT,
        opacity="1",
        stroke_opacity="1",
        stroke_width="3",
        stroke_width_hover="4",
        label_font_size=15,
        major_label_font_size=15,
        no_data_font_size=20,
    )
    return {
        **size,
        "style": style,
        "js": [],
        "disable_xml_declaration": True,
        "explicit_size": False,
        "show_legend": False,
        "range": (0, 10),
        "y_labels": [0, 2, 4, 6, 8, 10],
        "x_label_rotation": 0,
        "truncate_label": -1,
        "x_value_formatter": lambda moment: moment.strftime("%d %b"),
        "dots_size": 4,
        "no_data_text": "No check-ins yet",
        "margin": 8,
        "margin_right": 30,
    }


def _x_labels(points: Sequence[PainPoint], count: int = 4) -> list[datetime]:
    """Up to ``count`` evenly spaced day labels from the first to the last point."""
    if not points:
        return []
    first, last = min(points)[0], max(points)[0]
    step = (last - first) / (count - 1)
    days = sorted({first + step * i for i in range(count)})
    return [_noon(day) for day in days]


def _noon(day: date) -> datetime:
    """Plot each day at midday so the axis labels land on the right date in any zone."""
    return datetime(day.year, day.month, day.day, 12)  # noqa: DTZ001 - a plotting position


def _local_name(element: Any) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _strip_scripts(root: Any) -> Any:
    """Remove every <script> and comment, wherever pygal put them."""
    for parent in list(root.iter()):
        for child in list(parent):
            if _local_name(child) == "script" or not isinstance(child.tag, str):
                parent.remove(child)
    return root


def _make_accessible(root: Any, title: str, label: str) -> Any:
    """Replace pygal's placeholder title with ours and describe the chart in words."""
    for child in list(root):
        if _local_name(child) in ("title", "desc"):
            root.remove(child)
    root.set("role", "img")
    root.set("aria-label", label)
    root.set("class", root.get("class", "") + " pain-chart")
    for position, (name, text) in enumerate((("title", title), ("desc", label))):
        node = root.makeelement(name, {})
        node.text = text
        root.insert(position, node)
    return root


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def interval_svg(value: float, low: float, high: float, label: str) -> str:
    """A small accessible SVG: the 95% interval as a bar, the estimate as a dot, and a dashed
    line at zero ("no difference"), with ``label`` as its title and text alternative."""
    from xml.sax.saxutils import escape, quoteattr

    left, right = min(low, 0.0), max(high, 0.0)
    pad = (right - left) * 0.08 or 1.0
    left, right = left - pad, right + pad
    width, height, margin = 320, 56, 12

    def x(number: float) -> float:
        return round(margin + (number - left) / (right - left) * (width - 2 * margin), 1)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'class="interval-chart" role="img" aria-label={quoteattr(label)}>',
        f"<title>{escape(label)}</title>",
        f'<line x1="{x(0)}" y1="6" x2="{x(0)}" y2="36" stroke="{_INK}" stroke-dasharray="4 3"/>',
        f'<line x1="{x(low)}" y1="21" x2="{x(high)}" y2="21" stroke="{_LINE}" stroke-width="6" '
        'stroke-linecap="round"/>',
        f'<circle cx="{x(value)}" cy="21" r="7" fill="{_SMOOTH}" stroke="#ffffff" '
        'stroke-width="2"/>',
        f'<text x="{x(0)}" y="52" text-anchor="middle" font-size="13" fill="{_INK}" '
        f'font-family="{_FONT}">0</text>',
        "</svg>",
    ]
    return "".join(parts)
