"""``acumat export|import|backup|demo``: files in and out, refusals with exit code 2."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from tests.cli.conftest import Run, count_entries
from tests.safety.kit import complete

DEMO = ["demo", "--seed", "5"]


def _answers(tmp_path: Path, answers: dict[str, str | int]) -> Path:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers))
    return path


def ok(run: Run, *args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_export_writes_a_csv_file_and_says_what_it_holds(run: Run, tmp_path: Path) -> None:
    ok(run, "log", "checkin", "--day", "2026-03-14", "--pain", "4")
    out = tmp_path / "diary.csv"
    said = ok(run, "export", "--format", "csv", "--out", str(out))
    counts = "1 check-in, 0 spasm episodes, 0 mat sessions and 0 care activities"
    assert said == f"Exported {counts} to {out}.\n"
    assert out.read_text(encoding="utf-8").splitlines()[1].startswith("checkin,2026-03-14,,,4,")


def test_export_to_a_dash_prints_the_document(run: Run) -> None:
    ok(run, *DEMO)
    document = json.loads(ok(run, "export", "--out", "-"))
    assert document["format"] == "acumat-export"
    assert document["checkins"]
    assert document["screenings"] == []  # the demo never fakes a safety result


def test_a_json_export_says_it_holds_the_safety_history(run: Run, tmp_path: Path) -> None:
    ok(run, "check", "--answers", str(_answers(tmp_path, complete({"heart_condition": "yes"}))))
    ok(run, "check", "approve", "--clinician", "Dr Lee, GP", "--on", "2026-03-14")
    out = tmp_path / "all.json"
    said = ok(run, "export", "--out", str(out))
    counts = "0 check-ins, 0 spasm episodes, 0 mat sessions, 0 care activities"
    assert said == f"Exported {counts}, 1 screening and 1 clinician approval to {out}.\n"


def test_export_refuses_to_overwrite_without_force(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "diary.json"
    out.write_text("keep me")
    result = run("export", "--out", str(out))
    assert result.exit_code == 2
    assert "already exists" in result.stderr
    assert out.read_text() == "keep me"
    assert json.loads(ok(run, "export", "--out", str(out), "--force", "--json"))["format"] == "json"
    assert out.read_text().startswith("{")


def test_export_of_an_unknown_format_exits_2(run: Run, tmp_path: Path) -> None:
    result = run("export", "--format", "xml", "--out", str(tmp_path / "x.xml"))
    assert (result.exit_code, result.stderr) == (
        2,
        "Error: --format: must be csv or json, not 'xml'; for example --format csv\n",
    )


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_import_of_an_export_round_trips_into_a_fresh_home(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    ok(run, *DEMO)
    ok(run, "check", "--answers", str(_answers(tmp_path, complete({}))))
    first = tmp_path / f"first.{fmt}"
    ok(run, "export", "--out", str(first))
    monkeypatch.setenv("ACUMAT_HOME", str(tmp_path / "elsewhere"))
    summary = json.loads(ok(run, "import", str(first), "--json"))
    assert (summary["format"], summary["checkins"] > 0) == (fmt, True)
    assert summary["screenings"] == (1 if fmt == "json" else 0)
    again = tmp_path / f"again.{fmt}"
    ok(run, "export", "--out", str(again))
    assert again.read_bytes() == first.read_bytes()


def test_import_prints_what_it_added(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("kind,day,pain\ncheckin,2026-03-13,3\ncheckin,2026-03-14,4\n")
    said = ok(run, "import", str(path))
    assert said.startswith("Imported 2 check-ins, 0 spasm episodes")


def test_import_of_a_json_file_says_what_safety_rows_it_added(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ok(run, "check", "--answers", str(_answers(tmp_path, {"saddle_numbness": "yes"})))
    exported = tmp_path / "stop.json"
    ok(run, "export", "--out", str(exported))
    monkeypatch.setenv("ACUMAT_HOME", str(tmp_path / "elsewhere"))
    said = ok(run, "import", str(exported))
    assert said.endswith(f", 1 screening and 0 clinician approvals from {exported} (json).\n")
    assert json.loads(ok(run, "check", "status", "--json"))["screening"]["urgency"] == "EMERGENCY"


def test_import_of_a_bad_screening_exits_2_naming_it_and_writes_nothing(
    run: Run, tmp_path: Path, home_url: str
) -> None:
    document = {
        "format": "acumat-export",
        "version": 2,
        "checkins": [{"day": "2026-03-14", "pain": 3}],
        "screenings": [{"urgency": "LATER"}],
    }
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document))
    result = run("import", str(path))
    assert result.exit_code == 2
    assert "row 1 (screening) urgency: " in result.stderr
    assert count_entries(home_url) == 0


def test_import_of_a_bad_row_exits_2_naming_it_and_writes_nothing(
    run: Run, tmp_path: Path, home_url: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("kind,day,pain\ncheckin,2026-03-13,3\ncheckin,2026-03-14,11\n")
    result = run("import", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: row 3 (checkin) pain: ")
    assert count_entries(home_url) == 0


def test_import_of_a_missing_file_exits_2(run: Run, tmp_path: Path) -> None:
    result = run("import", str(tmp_path / "nope.json"))
    assert (result.exit_code, "cannot read" in result.stderr) == (2, True)


def test_import_over_an_existing_day_exits_2(run: Run, tmp_path: Path, home_url: str) -> None:
    ok(run, "log", "checkin", "--day", "2026-03-14", "--pain", "4")
    path = tmp_path / "clash.csv"
    path.write_text("kind,day,pain\ncheckin,2026-03-14,6\n")
    result = run("import", str(path))
    assert (result.exit_code, "2026-03-14" in result.stderr) == (2, True)
    assert count_entries(home_url) == 1


def test_importing_the_same_file_twice_says_nothing_was_new(
    run: Run, tmp_path: Path, home_url: str
) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("kind,day,pain\ncheckin,2026-03-13,3\ncheckin,2026-03-14,4\n")
    ok(run, "import", str(path))
    exported = tmp_path / "again.csv"
    ok(run, "export", "--out", str(exported))
    said = ok(run, "import", str(exported))
    assert said == f"Imported 0 new entries from {exported} (csv); 2 already present.\n"
    summary = json.loads(ok(run, "import", str(exported), "--json"))
    assert (summary["checkins"], summary["already_present"]["checkins"]) == (0, 2)
    assert count_entries(home_url) == 2


def test_import_of_a_changed_entry_exits_2_naming_its_row(
    run: Run, tmp_path: Path, home_url: str
) -> None:
    ok(run, "log", "checkin", "--day", "2026-03-14", "--pain", "4")
    exported = tmp_path / "mine.json"
    ok(run, "export", "--out", str(exported))
    document = json.loads(exported.read_text())
    document["checkins"][0]["pain"] = 6
    exported.write_text(json.dumps(document))
    result = run("import", str(exported))
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: row 1 (checkin) holds an entry your diary already has")
    assert count_entries(home_url) == 1


def test_restore_gets_a_diary_back_from_a_backup_into_a_new_home(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ok(run, *DEMO)
    backup = tmp_path / "backup.db"
    ok(run, "backup", "--out", str(backup))
    before = ok(run, "export", "--out", "-")
    monkeypatch.setenv("ACUMAT_HOME", str(tmp_path / "new-home"))
    said = ok(run, "restore", str(backup))
    assert said.startswith(f"Restored {backup} (SQLite copy): your diary now holds ")
    kept = tmp_path / "new-home" / "acumat.db.before-restore-20260315-120000"
    assert said.endswith(f"The database it replaced is kept as {kept}.\n")
    assert ok(run, "export", "--out", "-") == before


def test_restore_over_a_diary_with_entries_exits_2_unless_forced(
    run: Run, tmp_path: Path, home_url: str
) -> None:
    ok(run, "log", "checkin", "--day", "2026-03-14", "--pain", "4")
    backup = tmp_path / "backup.db"
    ok(run, "backup", "--out", str(backup))
    ok(run, "log", "checkin", "--day", "2026-03-13", "--pain", "2")
    refused = run("restore", str(backup))
    assert (refused.exit_code, "add --force" in refused.stderr) == (2, True)
    assert count_entries(home_url) == 2
    result = json.loads(ok(run, "restore", str(backup), "--force", "--json"))
    assert (result["method"], result["counts"]["checkins"]) == ("sqlite-copy", 1)
    assert count_entries(home_url) == 1


def test_restore_of_a_json_export_imports_it_and_says_what_was_present(
    run: Run, tmp_path: Path
) -> None:
    ok(run, "log", "checkin", "--day", "2026-03-14", "--pain", "4")
    exported = tmp_path / "backup.json"
    ok(run, "export", "--out", str(exported))
    said = ok(run, "restore", str(exported))
    assert (
        said == f"Restored {exported} (JSON export): imported 0 new entries; 1 already present.\n"
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"kind,day,pain\n", "is neither a SQLite copy"),
        (b"SQLite format 3\x00" + b"\x00" * 100, "is damaged"),
        (None, "cannot read"),
    ],
)
def test_restore_of_a_bad_file_exits_2_and_changes_nothing(
    run: Run, tmp_path: Path, home_url: str, content: bytes | None, expected: str
) -> None:
    ok(run, "log", "checkin", "--day", "2026-03-14", "--pain", "4")
    bad = tmp_path / "bad.db"
    if content is not None:
        bad.write_bytes(content)
    result = run("restore", str(bad), "--force")
    assert (result.exit_code, expected in result.stderr) == (2, True), result.stderr
    assert count_entries(home_url) == 1


def test_backup_writes_a_sound_sqlite_copy(run: Run, tmp_path: Path) -> None:
    ok(run, *DEMO)
    out = tmp_path / "backup.db"
    result = json.loads(ok(run, "backup", "--out", str(out), "--json"))
    assert result["method"] == "sqlite-online-backup"
    with closing(sqlite3.connect(out)) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert count_entries(f"sqlite:///{out}") > 100


def test_backup_refuses_an_existing_file_without_force(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "backup.db"
    out.write_text("older")
    assert run("backup", "--out", str(out)).exit_code == 2
    assert ok(run, "backup", "--out", str(out), "--force").startswith("Backed up to")


def test_demo_fills_an_empty_diary_and_reports_counts(run: Run, home_url: str) -> None:
    counts = json.loads(ok(run, *DEMO, "--json"))
    assert set(counts) == {"checkins", "episodes", "sessions", "care"}
    assert count_entries(home_url) == sum(counts.values())


def test_demo_without_json_says_it_is_demo_data(run: Run) -> None:
    assert "of demo data" in ok(run, "demo")


def test_demo_twice_exits_2_and_adds_nothing(run: Run, home_url: str) -> None:
    ok(run, *DEMO)
    before = count_entries(home_url)
    result = run(*DEMO)
    assert (result.exit_code, "empty diary" in result.stderr) == (2, True)
    assert count_entries(home_url) == before


def test_demo_remove_takes_every_demo_row_out_and_keeps_your_own(run: Run, home_url: str) -> None:
    counts = json.loads(ok(run, *DEMO, "--json"))
    ok(run, "log", "care", "--kind", "heat", "--minutes", "15")
    said = ok(run, "demo", "--remove")
    assert said == f"Removed {sum(counts.values())} demo rows; your own entries are untouched.\n"
    assert count_entries(home_url) == 1
    assert json.loads(ok(run, "demo", "--remove", "--json")) == {"removed": 0}


def test_demo_writes_no_safety_result(run: Run) -> None:
    ok(run, *DEMO)
    assert "Answer the safety questions before using a mat" in ok(run, "check", "status")


@pytest.mark.parametrize("command", ["export", "import", "backup", "restore", "demo"])
def test_each_command_has_help_with_an_example(run: Run, command: str) -> None:
    assert "Example:" in ok(run, command, "--help")


def test_help_does_not_load_the_services_or_the_database_layer() -> None:
    code = (
        "import sys; from acumat.cli import app; "
        "print(sorted(m for m in ('sqlalchemy', 'acumat.services.transfer', 'acumat.interop') "
        "if m in sys.modules))"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]"
