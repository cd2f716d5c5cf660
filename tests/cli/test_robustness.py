"""Probes from the reliability review that once ended in a traceback: each is now exit 2 (bad
input) or exit 1 with a plain message, never a traceback, and nothing is written."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from tests.cli.conftest import Run, count_entries


def assert_clean_refusal(result: object, code: int = 2) -> str:
    assert getattr(result, "exit_code", None) == code, getattr(result, "output", "")
    assert getattr(result, "exception", None) is None or isinstance(
        result.exception,  # type: ignore[attr-defined]
        SystemExit,
    )
    err: str = result.stderr  # type: ignore[attr-defined]
    assert "Traceback" not in err
    assert err.startswith("Error: ")
    return err


@pytest.mark.parametrize("port", ["-1", "0", "70000"])
def test_a_port_outside_1_to_65535_is_refused(run: Run, port: str) -> None:
    err = assert_clean_refusal(run("serve", "--port", port))
    assert "--port: must be a whole number from 1 to 65535" in err


def test_an_acumat_home_that_is_a_file_says_so(
    run: Run, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home.parent.mkdir(parents=True, exist_ok=True)
    home.write_text("not a folder")
    err = assert_clean_refusal(run("diary"), code=1)
    assert "ACUMAT_HOME" in err
    assert "not a file" in err


def test_a_damaged_database_file_names_the_problem_and_what_to_do(run: Run, home: Path) -> None:
    home.mkdir(parents=True)
    (home / "acumat.db").write_bytes(b"this is not a database at all" * 100)
    err = assert_clean_refusal(run("diary"), code=1)
    assert "damaged or is not an acumat database" in err
    assert "acumat restore" in err


def test_a_postgresql_that_does_not_answer_says_so(run: Run) -> None:
    url = "postgresql+psycopg://nobody@127.0.0.1:9/none?connect_timeout=2"
    err = assert_clean_refusal(run("--db", url, "diary"), code=1)
    assert "cannot reach the database" in err
    assert "nobody" not in err.split("database at", 1)[0]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"fever": "yes", "fever": "no"}', "fever: is answered twice in the file"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"age": ' + "9" * 5000 + "}", "number too long"),
        ('{"age": NaN}', "NaN is not an answer"),
    ],
)
def test_awkward_answers_files_are_refused_by_name(
    run: Run, tmp_path: Path, content: str, expected: str
) -> None:
    path = tmp_path / "answers.json"
    path.write_text(content, encoding="utf-8")
    err = assert_clean_refusal(run("check", "--answers", str(path), "--json"))
    assert expected in err


def test_an_answers_file_with_a_byte_order_mark_is_read(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"saddle_numbness": "yes"}).encode())
    result = run("check", "--answers", str(path), "--json", "--dry-run")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["urgency"] == "EMERGENCY"


@pytest.mark.parametrize("minutes", ["nan", "inf", "1e20"])
def test_nonsense_session_minutes_are_refused(run: Run, home_url: str, minutes: str) -> None:
    err = assert_clean_refusal(run("log", "session", "--minutes", minutes))
    assert err.startswith("Error: --minutes: must be a number from 0 to 60")
    assert count_entries(home_url) == 0


@pytest.mark.parametrize("key", ["١", "²", "99999999999999999999"])
def test_odd_ids_are_refused_or_not_found(run: Run, key: str) -> None:
    err = assert_clean_refusal(run("log", "delete", "episode", key, "--yes"))
    assert "id" in err or "no spasm episode" in err


def test_a_huge_edit_id_is_not_found(run: Run) -> None:
    err = assert_clean_refusal(run("log", "care", "--edit", "99999999999999", "--minutes", "5"))
    assert "no care activity 99999999999999 found" in err


@pytest.mark.parametrize(
    "start", ["0001-01-01T00:00+05:00", "9999-12-31T23:59:59-05:00", "1591000000"]
)
def test_out_of_range_or_numeric_times_are_refused(run: Run, home_url: str, start: str) -> None:
    err = assert_clean_refusal(run("log", "episode", "--start", start, "--peak", "5"))
    assert err.startswith("Error: --start: ")
    assert "started_at" not in err
    assert count_entries(home_url) == 0


def test_a_note_with_terminal_escapes_is_shown_harmlessly(run: Run) -> None:
    logged = run("log", "checkin", "--pain", "3", "--no-red-flags", "--note", "\x1b[31mred")
    assert logged.exit_code == 0
    shown = run("diary").stdout
    assert "\x1b[31m" not in shown
    assert "␛[31mred" in shown


def test_the_database_and_its_folder_are_private(run: Run, home: Path) -> None:
    assert run("log", "checkin", "--pain", "3", "--no-red-flags").exit_code == 0
    assert stat.S_IMODE(os.stat(home).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(home / "acumat.db").st_mode) == 0o600


def test_a_database_made_readable_by_others_is_made_private_again(run: Run, home: Path) -> None:
    assert run("log", "checkin", "--pain", "3", "--no-red-flags").exit_code == 0
    (home / "acumat.db").chmod(0o644)
    assert run("diary").exit_code == 0
    assert stat.S_IMODE(os.stat(home / "acumat.db").st_mode) == 0o600


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["diary", "--days", "abc"], "--days: must be a whole number (got 'abc'); for example"),
        (["demo", "--seed", "x"], "--seed: must be a whole number (got 'x')"),
        (["log", "care", "--edit", "x", "--minutes", "3"], "--edit: must be a whole number"),
    ],
)
def test_no_number_option_speaks_in_clicks_words(run: Run, args: list[str], said: str) -> None:
    err = assert_clean_refusal(run(*args))
    assert said in err
    assert "Invalid value" not in err


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["check", "approve"], 'Error: --clinician: is required; for example --clinician "Dr Lee'),
        (["log", "care", "--foo"], "Error: there is no option --foo; see `acumat log care --help`"),
        (["log", "delete", "care"], "Error: ID|DAY: is required; see `acumat log delete --help`"),
        (["nonsense"], "Error: that command line does not fit this command; see `acumat --help`"),
    ],
)
def test_a_command_line_that_does_not_fit_is_explained_in_acumats_words(
    run: Run, args: list[str], said: str
) -> None:
    err = assert_clean_refusal(run(*args))
    assert err.startswith(said)
    assert "Usage:" not in err
    assert "Missing option" not in err


def test_a_refusal_quoting_what_was_typed_cannot_steer_the_terminal(run: Run) -> None:
    result = run("trial", "analyze", "--csv", "evil\x1b]0;owned\x07.csv")
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr
    assert "\x07" not in result.stderr
    assert "Error: --csv: there is no file at evil␛]0;owned␇.csv; check the name" in result.stderr
