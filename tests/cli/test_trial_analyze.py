"""``acumat trial analyze``: the contract's JSON, the text for people, and refusals that
name the line and what to do, with exit code 2 and never a traceback."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner, Result

from acumat.cli import app
from acumat.trial.answer import CONTRACT_KEYS, answer_pain
from acumat.trial.csv_input import read_pain_csv
from acumat.trial.minimum import NotEnoughData
from acumat.trial.simulate import Truth, simulate_trial

START = date(2026, 1, 5)


def diary_csv(seed: int = 4, benefit: float = 2.0, pairs: int = 4) -> str:
    """A simulated trial written as acumat's CSV contract has it, with rounded ratings."""
    rng = np.random.default_rng(seed)
    series = simulate_trial(rng, Truth(benefit=benefit, rounded=True), n_pairs=pairs)
    lines = ["date,condition,pain"]
    for day, mat, pain in zip(series.day, series.mat, series.value, strict=True):
        shown = "" if np.isnan(pain) else f"{pain:g}"
        lines.append(f"{START + timedelta(int(day))},{'mat' if mat else 'no_mat'},{shown}")
    return "\n".join(lines) + "\n"


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    path = tmp_path / "pain.csv"
    path.write_text(diary_csv(), encoding="utf-8")
    return path


def analyze(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(app, ["trial", "analyze", *args], input=stdin)


def contract(result: Result) -> dict[str, Any]:
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert isinstance(found, dict)
    return found


def test_json_has_exactly_the_contract_keys(csv_file: Path) -> None:
    found = contract(analyze("--csv", str(csv_file), "--json"))
    assert list(found) == list(CONTRACT_KEYS)
    assert set(found) == {
        "benefit_mean", "cri95", "p_benefit", "p_mcid", "mcid", "category",
        "n_days_used", "rho_mean", "sentence",
    }  # fmt: skip
    low, high = found["cri95"]
    assert low < found["benefit_mean"] < high
    assert 0 <= found["p_mcid"] <= found["p_benefit"] <= 1
    assert found["mcid"] == 2.0
    assert isinstance(found["n_days_used"], int)
    assert found["category"] in {
        "meaningful_benefit", "small_benefit", "likely_worse", "no_meaningful_benefit",
        "inconclusive",
    }  # fmt: skip
    assert str(found["sentence"]).startswith(f"Over {found['n_days_used']} days, your pain")


def test_the_json_is_the_engines_answer(csv_file: Path) -> None:
    found = contract(analyze("--csv", str(csv_file), "--json"))
    engine = answer_pain(read_pain_csv(csv_file.read_text()))
    assert not isinstance(engine, NotEnoughData)
    assert found == json.loads(json.dumps(engine.contract()))


def test_each_option_reaches_the_analysis(csv_file: Path) -> None:
    base = contract(analyze("--csv", str(csv_file), "--json"))
    iid = contract(analyze("--csv", str(csv_file), "--json", "--model", "iid"))
    assert iid["rho_mean"] == 0.0
    assert base["rho_mean"] != 0.0
    flat = contract(analyze("--csv", str(csv_file), "--json", "--trend", "none"))
    reference = contract(analyze("--csv", str(csv_file), "--json", "--prior", "reference"))
    assert flat["benefit_mean"] != base["benefit_mean"] != reference["benefit_mean"]
    no_washout = contract(analyze("--csv", str(csv_file), "--json", "--washout-days", "0"))
    assert no_washout["n_days_used"] > base["n_days_used"]
    custom = contract(analyze("--csv", str(csv_file), "--json", "--mcid", "1.5"))
    assert custom["mcid"] == 1.5
    assert "by 1.5 points or more" in str(custom["sentence"])


def test_standard_input_and_shuffled_rows_give_the_same_answer(csv_file: Path) -> None:
    header, *rows = csv_file.read_text().splitlines()
    shuffled = "\n".join([header, *reversed(rows)])
    from_stdin = contract(analyze("--csv", "-", "--json", stdin=shuffled))
    assert from_stdin == contract(analyze("--csv", str(csv_file), "--json"))


def test_people_get_the_sentence_then_a_table(csv_file: Path) -> None:
    result = analyze("--csv", str(csv_file))
    assert result.exit_code == 0, result.output
    first, _, rest = result.stdout.partition("\n")
    assert first.startswith("Over ")
    assert first.endswith("may come from expectations.")
    for label in ("Benefit (points lower with the mat)", "95% credible range", "Result"):
        assert label in rest
    assert "How sure is this?" in rest
    assert "S1, the data alone (reference prior)" in rest


def refused(*args: str) -> str:
    result = analyze(*args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.stdout == ""
    return result.stderr


def write(tmp_path: Path, text: str, name: str = "diary.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_bad_line_is_refused_with_its_number(tmp_path: Path, csv_file: Path) -> None:
    lines = csv_file.read_text().splitlines()
    lines[6] = lines[6].rsplit(",", 1)[0] + ",11"
    said = refused("--csv", write(tmp_path, "\n".join(lines)), "--json")
    assert said == (
        "Error: line 7: pain must be a whole or decimal number from 0 to 10 (got 11); leave "
        "it empty for a day without a rating\n"
    )


def test_a_duplicate_day_is_refused(tmp_path: Path, csv_file: Path) -> None:
    lines = csv_file.read_text().splitlines()
    said = refused("--csv", write(tmp_path, "\n".join([*lines, lines[3]])))
    assert f"line {len(lines) + 1}: {lines[3][:10]} is already on line 4" in said


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "Error: --csv: the file is empty; it needs the header date,condition,pain"),
        ("date,pain\n2026-01-05,4\n", "Error: line 1: the first line must be the header"),
        ("date,condition,pain\n", "Error: --csv: the file has its header but no days"),
    ],
)
def test_an_empty_file_or_wrong_header_is_refused(tmp_path: Path, text: str, expected: str) -> None:
    assert refused("--csv", write(tmp_path, text)).startswith(expected)


def test_too_little_data_is_refused_saying_what_is_short(tmp_path: Path) -> None:
    short = "\n".join(diary_csv().splitlines()[:12])
    said = refused("--csv", write(tmp_path, short), "--json")
    assert said.startswith("Error: There is not enough data for a result yet.")
    assert "period without the mat has 3 or more rated days" in said
    assert "--washout-days" in said


def test_a_missing_file_a_folder_and_non_utf8_text_are_refused(tmp_path: Path) -> None:
    missing = refused("--csv", str(tmp_path / "nope.csv"))
    assert "Error: --csv: there is no file at" in missing
    assert "nope.csv; check the name" in missing
    assert "is a folder" in refused("--csv", str(tmp_path))
    latin = tmp_path / "latin.csv"
    latin.write_bytes("date,condition,pain\n2026-01-05,mat,4 \xe9\n".encode("latin-1"))
    assert "is not UTF-8 text" in refused("--csv", str(latin))


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), "Error: --csv: is required; for example --csv pain.csv"),
        (("--model", "ar2"), "Error: --model: must be one of: 1 ar1"),
        (("--trend", "quadratic"), "Error: --trend: must be one of"),
        (("--prior", "flat"), "Error: --prior: must be one of"),
        (("--washout-days", "15"), "Error: --washout-days: must be a whole number from 0 to 14"),
        (("--mcid", "0"), "Error: --mcid: must be a number more than 0 and at most 10"),
    ],
)
def test_bad_options_are_refused_naming_the_flag(
    csv_file: Path, args: tuple[str, ...], expected: str
) -> None:
    command = args if not args else ("--csv", str(csv_file), *args)
    assert refused(*command).startswith(expected)
