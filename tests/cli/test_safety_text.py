"""The terminal's safety words: labels not codes, demo results called demo, times local."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from acumat.cli import safety_text
from acumat.safety.permission import MatPermission
from acumat.safety.schemas import MatStatus, ReasonOut, ScreeningOut


def screening(*, demo: bool = False, urgency: str = "EMERGENCY") -> ScreeningOut:
    reason = ReasonOut(rule="RF-01", text="You said so.", action="Call 999 now.", sources=["S1"])
    return ScreeningOut.model_validate(
        dict(
            id=1,
            uuid="2f1c9a4e-7b3d-4e8a-9c21-5d6f7a8b9c0d",
            taken_at=datetime(2026, 11, 27, 15, 48, tzinfo=UTC),
            origin="screening",
            complete=False,
            urgency=urgency,
            verdict="do-not-use",
            reasons=[reason],
            answers={},
            ruleset_version="test",
            is_demo=demo,
        )
    )


def status_of(found: ScreeningOut) -> MatStatus:
    return MatStatus(
        screening=found,
        approval=None,
        verdict="do-not-use",
        permission=MatPermission.DO_NOT_USE,
        may_use_mat=False,
        message="No.",
    )


def test_a_demo_result_is_called_demo(capsys: pytest.CaptureFixture[str]) -> None:
    safety_text.print_status(status_of(screening(demo=True)), UTC, region="GB")
    assert capsys.readouterr().out.startswith("Demo: a made-up result")
    safety_text.print_urgent_first(screening(demo=True), UTC, "GB")
    assert "Demo: Emergency" in capsys.readouterr().err


def test_a_persons_own_result_is_not_called_demo(capsys: pytest.CaptureFixture[str]) -> None:
    safety_text.print_status(status_of(screening()), UTC, region="GB")
    assert "Demo" not in capsys.readouterr().out


def test_times_are_shown_in_the_persons_zone(capsys: pytest.CaptureFixture[str]) -> None:
    safety_text.print_urgent_first(screening(), ZoneInfo("America/New_York"), "US")
    assert "From your answers on Fri 27 Nov 2026, 10:48" in " ".join(
        capsys.readouterr().err.split()
    )


def test_refused_answers_are_named_by_their_question() -> None:
    assert safety_text.question_text("age") == "How old are you?"
    assert safety_text.question_text("not_a_question") == "not_a_question"
