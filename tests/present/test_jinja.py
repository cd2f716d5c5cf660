"""The shared Jinja environment works without a request, for reports and calendars too."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from acumat.present.jinja import jinja_environment
from acumat.present.labels import VOCABULARIES, kind_name, word_label


def test_filters_and_words_render_outside_any_request(tmp_path: Path) -> None:
    (tmp_path / "report.html").write_text(
        "{{ moment | local_time }} · {{ day | long_day }} · {{ 12.5 | minutes }} · "
        "{{ start | time_span(end) }} · {{ STOP_REASONS['sharp_pain'] }} · "
        "{{ 'session' | kind_name }} · {{ word_label('back_locations', 'lower_left') }} · "
        "{{ risky }}",
        encoding="utf-8",
    )
    env = jinja_environment(tmp_path)
    shown = env.get_template("report.html").render(
        zone=ZoneInfo("Europe/Berlin"),
        moment=datetime(2026, 11, 27, 14, 48, tzinfo=UTC),
        day=date(2026, 11, 27),
        start=datetime(2026, 11, 27, 8, 30, tzinfo=UTC),
        end=datetime(2026, 11, 27, 8, 50, tzinfo=UTC),
        risky="<b>",
    )
    assert shown == (
        "Fri 27 Nov, 15:48 · Fri 27 Nov 2026 · 12½ min · Fri 27 Nov, 09:30–09:50 (20 min) · "
        "Pain became sharp · mat session · Lower back, left · &lt;b&gt;"
    )


def test_each_environment_is_separate_and_takes_extra_filters(tmp_path: Path) -> None:
    first = jinja_environment(tmp_path, extra_filters={"shout": str.upper})
    second = jinja_environment(tmp_path)
    assert "shout" in first.filters
    assert "shout" not in second.filters


def test_unknown_codes_are_shown_as_words_never_as_codes() -> None:
    assert word_label("stop_reasons", "fell_asleep") == "Fell asleep"
    assert kind_name("trial_period") == "trial period"
    assert set(VOCABULARIES) == {
        "triggers",
        "back_locations",
        "care_kinds",
        "stop_reasons",
        "skin_reactions",
        "after_effects",
    }
