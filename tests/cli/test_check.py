"""``acumat check``: the PRODUCT.md contracts, the interactive questions, approvals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from acumat.safety import load_ruleset, missing_items
from acumat.store.engine import make_engine
from acumat.store.models import Screening
from tests.cli.conftest import Run
from tests.safety.kit import complete


def screenings(url: str) -> int:
    if not Path(url.removeprefix("sqlite:///")).exists():
        return 0
    engine = make_engine(url)
    with engine.connect() as conn:
        found = int(conn.scalar(select(func.count()).select_from(Screening)) or 0)
    engine.dispose()
    return found


def printed_json(stdout: str) -> dict[str, object]:
    """The JSON result; CliRunner echoes typed answers to stdout before it."""
    found: dict[str, object] = json.loads(stdout[stdout.index("{\n") :])
    return found


def answers_file(tmp_path: Path, answers: object) -> str:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers))
    return str(path)


def test_items_json_lists_every_question_with_the_contract_fields(run: Run) -> None:
    result = run("check", "--items", "--json")
    items = json.loads(result.stdout)
    assert len(items) == len(load_ruleset().items)
    assert {"id", "text", "kind", "answers"} <= set(items[0])
    kinds = {item["kind"] for item in items}
    assert kinds == {"red_flag", "condition", "context"}
    saddle = next(i for i in items if i["id"] == "saddle_numbness")
    assert saddle["answers"] == ["yes", "no", "unsure"]


def test_answers_file_gives_the_contract_result_and_saves_it(
    run: Run, tmp_path: Path, home_url: str
) -> None:
    path = answers_file(tmp_path, complete({"heart_condition": "yes"}))
    result = run("check", "--answers", path, "--json")
    assert result.exit_code == 0, result.stderr
    body = json.loads(result.stdout)
    assert (body["urgency"], body["mat"]) == ("SELF_CARE", "caution-consult")
    assert {"rule", "text", "action", "sources"} == set(body["reasons"][0])
    assert body["reasons"][0]["rule"] == "MAT-C1"
    assert screenings(home_url) == 1


def test_dry_run_evaluates_without_saving(run: Run, tmp_path: Path, home_url: str) -> None:
    path = answers_file(tmp_path, complete({"saddle_numbness": "unsure"}))
    body = json.loads(run("check", "--answers", path, "--json", "--dry-run").stdout)
    assert (body["urgency"], body["mat"]) == ("EMERGENCY", "do-not-use")
    assert body["reasons"][0]["rule"] == "RF-01"
    assert screenings(home_url) == 0


def test_missing_items_exit_2_and_are_named(run: Run, tmp_path: Path, home_url: str) -> None:
    answers = complete({})
    del answers["chest_pain"], answers["fever"]
    result = run("check", "--answers", answers_file(tmp_path, answers), "--json")
    assert result.exit_code == 2
    assert "chest_pain" in result.stderr
    assert "fever" in result.stderr
    assert screenings(home_url) == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "is not valid JSON"),
        ("[1, 2]", "must be a JSON object"),
        ('{"pain_now": 11}', "pain_now"),
        ('{"mood": "yes"}', "mood"),
    ],
)
def test_bad_answer_files_exit_2_with_a_message(
    run: Run, tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "answers.json"
    path.write_text(content)
    result = run("check", "--answers", str(path), "--json")
    assert result.exit_code == 2
    assert message in result.stderr


def test_text_output_puts_an_emergency_first_in_words(run: Run, tmp_path: Path) -> None:
    path = answers_file(tmp_path, complete({"chest_pain": "yes", "heart_condition": "yes"}))
    text = run("check", "--answers", path).stdout
    lines = [line.strip("│╭╮╰╯─ ") for line in text.splitlines()]
    assert lines[0].startswith("Emergency")  # the panel's title
    assert lines[1].startswith("Call 999")
    assert lines[2].startswith("Do this now:")
    assert "It will show first on every acumat command" in " ".join(text.split())
    assert "EMERGENCY" not in text
    assert "!!" not in text
    assert "MAT-" not in text
    assert "RF-" not in text


def test_verbose_adds_rule_and_source_ids(run: Run, tmp_path: Path) -> None:
    path = answers_file(tmp_path, complete({"heart_condition": "yes"}))
    plain = run("check", "--answers", path, "--dry-run").stdout
    verbose = run("check", "--answers", path, "--dry-run", "--verbose").stdout
    assert "Rule MAT-C1" in verbose
    assert "Rule " not in plain
    assert "Not saved (--dry-run)." in plain
    assert "SELF_CARE" not in plain
    assert "caution-consult" not in plain


def test_status_is_worded_and_dated_in_the_persons_zone(run: Run, tmp_path: Path) -> None:
    run("check", "--answers", answers_file(tmp_path, complete({})))
    shown = run("check", "status").stdout
    assert "Latest safety check: Sun 15 Mar 2026, 12:00." in shown
    assert "Look after your back yourself" in shown
    assert "SELF_CARE" not in shown


def test_ok_result_shows_the_mat_checklist(run: Run, tmp_path: Path) -> None:
    output = run("check", "--answers", answers_file(tmp_path, complete({}))).stdout
    assert "Choosing and preparing your mat" in output


def test_without_a_terminal_the_questions_are_not_asked(run: Run) -> None:
    result = run("check")
    assert result.exit_code == 2
    assert "--answers FILE" in result.stderr


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("acumat.cli.check._is_terminal", lambda: True)


@pytest.mark.usefixtures("terminal")
def test_interactive_check_stops_at_the_first_emergency_answer(run: Run, home_url: str) -> None:
    first = missing_items({})
    assert first[:3] == ["age", "pain_now", "episode_days"]
    lines = ["44", "6", "3"] + ["n"] * (first.index("saddle_numbness") - 3) + ["unsure"]
    result = run("check", "--json", input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.stderr
    body = printed_json(result.stdout)
    assert (body["urgency"], body["complete"]) == ("EMERGENCY", False)
    assert "very_unwell" not in result.stderr  # later questions were never asked
    assert screenings(home_url) == 1


@pytest.mark.usefixtures("terminal")
def test_interactive_check_asks_only_what_applies_and_saves(run: Run, home_url: str) -> None:
    result = run("check", "--json", input="44\n6\n3\n" + "no\n" * 200)
    body = printed_json(result.stdout)
    assert (body["urgency"], body["mat"], body["complete"]) == ("SELF_CARE", "ok", True)
    assert "Is that new, or different" not in result.stderr  # follow-ups skipped on "no"
    assert screenings(home_url) == 1


@pytest.mark.usefixtures("terminal")
def test_interactive_check_re_asks_a_refused_answer(run: Run) -> None:
    result = run("check", "--json", input="200\nforty\n44\n6\n3\nmaybe\n" + "no\n" * 200)
    assert (
        "How old are you? A whole number from 16 to 120 (you entered 200). Please answer again."
        in result.stderr
    )
    assert "How old are you? A whole number from 16 to 120. Please answer again." in result.stderr
    assert "Please answer yes, no, unsure (the first letter is enough)." in result.stderr
    assert printed_json(result.stdout)["urgency"] == "SELF_CARE"


@pytest.mark.usefixtures("terminal")
@pytest.mark.parametrize(("region", "doctor"), [("GB", "GP"), ("US", "doctor")])
def test_interactive_check_answers_an_age_under_16_with_kind_advice(
    run: Run, region: str, doctor: str
) -> None:
    assert run("settings", "--region", region).exit_code == 0
    result = run("check", "--json", input="12\n44\n6\n3\n" + "no\n" * 200)
    assert result.exit_code == 0, result.stderr
    assert "How old are you? Sorry, acumat is made for people aged 16 and over." in result.stderr
    assert f"should be seen by their {doctor}: please ask a parent or carer" in result.stderr
    assert "otherwise stop here with Ctrl+C" in result.stderr
    assert "16 to 120" not in result.stderr.split("Sorry,")[1].split("\n")[0]


def test_approval_clears_caution_consult(run: Run, tmp_path: Path) -> None:
    run("check", "--answers", answers_file(tmp_path, complete({"heart_condition": "yes"})))
    assert "Check with a doctor" in run("check", "status").stdout
    approved = run("check", "approve", "--clinician", "Dr Lee, GP", "--on", "2026-03-14")
    assert approved.exit_code == 0, approved.stderr
    status = json.loads(run("check", "status", "--json").stdout)
    assert (status["verdict"], status["may_use_mat"]) == ("ok-with-clinician-approval", True)


def test_approval_without_caution_consult_exits_2(run: Run, tmp_path: Path) -> None:
    run("check", "--answers", answers_file(tmp_path, complete({})))
    result = run("check", "approve", "--clinician", "Dr Lee")
    assert result.exit_code == 2
    assert "caution-consult" in result.stderr


def test_status_before_any_check_says_what_to_do(run: Run) -> None:
    assert "acumat check" in run("check", "status").stdout


def test_an_incomplete_file_with_an_emergency_answer_shows_and_saves_it(
    run: Run, tmp_path: Path, home_url: str
) -> None:
    path = answers_file(tmp_path, {"age": 40, "saddle_numbness": "yes"})
    result = run("check", "--answers", path, "--json")
    assert result.exit_code == 0, result.stderr
    body = json.loads(result.stdout)
    assert (body["urgency"], body["mat"], body["complete"]) == ("EMERGENCY", "do-not-use", False)
    assert screenings(home_url) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--dry-run"], "--dry-run needs --answers FILE"),
        (["--items", "--answers", "x"], "not both"),
    ],
)
def test_mixed_options_exit_2(run: Run, args: list[str], message: str) -> None:
    result = run("check", *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_items_say_which_are_asked_at_every_checkin(run: Run) -> None:
    items = {i["id"]: i for i in json.loads(run("check", "--items", "--json").stdout)}
    assert items["chest_pain"]["recheck"] is True
    assert items["diabetes"]["recheck"] is False


def test_an_invalid_answer_never_hides_an_urgent_one(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"saddle_numbness": "yes", "age": "forty"}), encoding="utf-8")
    result = run("check", "--answers", str(path), "--json")
    assert result.exit_code == 0, result.output
    saved = json.loads(result.stdout)
    assert saved["urgency"] == "EMERGENCY"
    assert saved["complete"] is False
    assert [r["field"] for r in saved["refused"]] == ["age"]
    shown = run("check", "--answers", str(path))
    assert shown.stdout.lstrip("╭─ ").startswith("Emergency")
    assert "These answers were not accepted" in shown.stdout
    assert "How old are you?: must be a whole number from 16 to 120" in shown.stdout
    status = json.loads(run("check", "status", "--json").stdout)
    assert status["screening"]["urgency"] == "EMERGENCY"
    assert "age" not in status["screening"]["answers"]  # only accepted answers are stored


@pytest.mark.usefixtures("terminal")
def test_a_number_is_taken_exactly_never_completed(run: Run, home_url: str) -> None:
    """Typing 12 for age is asked again (16-120 allowed), never read as 120."""
    first = missing_items({})
    lines = ["12", "44", "6", "3"] + ["n"] * (first.index("saddle_numbness") - 3) + ["yes"]
    result = run("check", "--json", input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.stderr
    assert "aged 16 and over" in result.stderr
    with make_engine(home_url).connect() as conn:
        answers = conn.execute(select(Screening.answers)).scalar_one()
    assert str(answers["age"]) == "44"


def emergency_file(tmp_path: Path) -> str:
    return answers_file(tmp_path, complete({"chest_pain": "yes", "heart_condition": "yes"}))


def test_a_us_person_reads_911_not_999(run: Run, tmp_path: Path) -> None:
    assert run("settings", "--region", "US").exit_code == 0
    text = run("check", "--answers", emergency_file(tmp_path)).stdout
    assert "911" in text
    assert "999" not in text


def test_a_dry_run_is_worded_for_the_persons_region(run: Run, tmp_path: Path) -> None:
    assert run("settings", "--region", "US").exit_code == 0
    result = run("check", "--answers", emergency_file(tmp_path), "--dry-run", "--json")
    assert result.exit_code == 0, result.stderr
    reasons = json.dumps(printed_json(result.stdout)["reasons"])
    assert "911" in reasons
    assert "999" not in reasons
    text = run("check", "--answers", emergency_file(tmp_path), "--dry-run").stdout
    assert "911" in text
    assert "999" not in text


def test_do_not_use_shows_what_to_do_instead_after_the_urgent_action(
    run: Run, tmp_path: Path
) -> None:
    text = " ".join(run("check", "--answers", emergency_file(tmp_path)).stdout.split())
    assert text.index("Do this now:") < text.index("Mat: ")
    assert text.index("Mat: ") < text.index("What you can do instead of the mat:")
    assert "Try warmth for 15 to 20 minutes" in text
    shown = " ".join(run("check", "status").stdout.split())
    assert shown.index("Do this now:") < shown.index("What you can do instead of the mat:")


def test_a_mat_that_may_be_used_shows_no_alternatives(run: Run, tmp_path: Path) -> None:
    text = run("check", "--answers", answers_file(tmp_path, complete({}))).stdout
    assert "What you can do instead of the mat" not in text


@pytest.mark.usefixtures("terminal")
def test_the_first_check_names_the_guessed_region_once(run: Run) -> None:
    assert run("settings", "--region", "US").exit_code == 0
    answers = "44\n6\n3\n" + "no\n" * 200
    first = run("check", "--json", input=answers)
    assert first.exit_code == 0, first.stderr
    notice = [line for line in first.stderr.splitlines() if "region" in line]
    assert len(notice) == 1
    assert "United States (emergency number 911)" in notice[0]
    assert "acumat settings --region CODE" in notice[0]
    again = run("check", "--json", input=answers)
    assert again.exit_code == 0, again.stderr
    assert "acumat settings --region" not in again.stderr


def approvals(url: str) -> int:
    from acumat.store.models import ClinicianApproval

    if not Path(url.removeprefix("sqlite:///")).exists():
        return 0
    engine = make_engine(url)
    with engine.connect() as conn:
        found = int(conn.scalar(select(func.count()).select_from(ClinicianApproval)) or 0)
    engine.dispose()
    return found


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--clinician", "X"], "Error: --clinician: must be at least 2 characters long; "
                               'for example --clinician "Dr Lee, GP"'),
        (["--clinician", "Dr Lee", "--on", "2027-01-01"],
         "Error: --on: must be today (2026-03-15) or earlier; for example --on 2026-03-14"),
        (["--clinician", ""], "Error: --clinician: must be at least 2 characters long"),
    ],
    ids=["name-too-short", "future-day", "nothing-written"],
)  # fmt: skip
def test_a_refused_approval_names_the_flag_and_writes_nothing(
    run: Run, tmp_path: Path, home_url: str, args: list[str], expected: str
) -> None:
    run("check", "--answers", answers_file(tmp_path, complete({"heart_condition": "yes"})))
    result = run("check", "approve", *args)
    assert result.exit_code == 2
    assert expected in result.stderr
    assert "approved_on" not in result.output
    assert "clinician:" not in result.output.replace("--clinician:", "")
    assert approvals(home_url) == 0
    assert json.loads(run("check", "status", "--json").stdout)["may_use_mat"] is False


def test_a_missing_age_in_a_file_says_what_to_give(run: Run, tmp_path: Path, home_url: str) -> None:
    answers = complete({})
    del answers["age"]
    result = run("check", "--answers", answers_file(tmp_path, answers))
    assert result.exit_code == 2
    assert "Error: age: is required: a whole number from 16 to 120" in result.stderr
    assert screenings(home_url) == 0


@pytest.mark.parametrize(("region", "doctor"), [("GB", "GP"), ("CA", "family doctor")])
def test_an_age_under_16_in_a_file_is_refused_with_advice_and_nothing_saved(
    run: Run, tmp_path: Path, home_url: str, region: str, doctor: str
) -> None:
    assert run("settings", "--region", region).exit_code == 0
    result = run("check", "--answers", answers_file(tmp_path, {**complete({}), "age": 12}))
    assert result.exit_code == 2
    assert "acumat is made for people aged 16 and over" in result.stderr
    assert f"should be seen by their {doctor}" in result.stderr
    assert "{doctor}" not in result.output
    assert screenings(home_url) == 0


def test_an_age_under_16_in_a_file_never_hides_an_emergency_answer(
    run: Run, tmp_path: Path, home_url: str
) -> None:
    path = answers_file(tmp_path, {"age": 12, "saddle_numbness": "yes"})
    result = run("check", "--answers", path, "--json")
    assert result.exit_code == 0, result.output
    saved = json.loads(result.stdout)
    assert (saved["urgency"], saved["complete"]) == ("EMERGENCY", False)
    assert [(r["field"], r["code"]) for r in saved["refused"]] == [("age", "below_minimum_age")]
    assert saved["refused"][0]["message"].endswith("should be seen by their GP")
    shown = run("check", "--answers", path)
    assert shown.stdout.lstrip("╭─ ").startswith("Emergency")
    assert "How old are you?: is under 16 (got 12): acumat is made for people aged 16" in (
        " ".join(shown.stdout.split())
    )
    status = json.loads(run("check", "status", "--json").stdout)
    assert status["screening"]["urgency"] == "EMERGENCY"
    assert "age" not in status["screening"]["answers"]


def test_numb_skin_leaves_warmth_out_of_the_alternatives(run: Run, tmp_path: Path) -> None:
    numb = answers_file(tmp_path, complete({"numb_skin": "yes"}))
    text = " ".join(run("check", "--answers", numb).stdout.split())
    assert "What you can do instead of the mat:" in text
    assert "Try warmth" not in text
    shown = " ".join(run("check", "status").stdout.split())
    assert "What you can do instead of the mat:" in shown
    assert "Try warmth" not in shown
