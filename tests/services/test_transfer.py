"""Export, import and backup on SQLite and PostgreSQL: lossless, all or nothing, no clobbering."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from acumat.actor import Actor
from acumat.errors import Conflict, InvalidInput
from acumat.interop.formats import FORMATS, format_named
from acumat.kinds import LIST_NAMES
from acumat.safety.schemas import CLEARED
from acumat.services import diary, screening, transfer
from acumat.services.database import local_actor
from acumat.store.engine import Database
from acumat.store.models import ENTRY_MODELS, ClinicianApproval, Screening
from acumat.store.repos import SafetyRepo
from tests.conftest import mode
from tests.interop.awkward import (
    APPROVALS,
    SCREENINGS,
    TRICKY_NOTE,
    empty_database_like,
    fill_awkward_diary,
)
from tests.safety.kit import complete

pytestmark = pytest.mark.usefixtures("frozen_clock")
DIARY_ENTRIES = 11
DIARY_LISTS = ("checkins", "episodes", "sessions", "care")


def entry_count(db: Database) -> int:
    """Rows of every kind, safety rows included: 0 means nothing was written."""
    with db.transaction() as session:
        return sum(
            int(session.scalar(select(func.count()).select_from(m)) or 0)
            for m in (*ENTRY_MODELS.values(), Screening, ClinicianApproval)
        )


@pytest.fixture
def second(database_url: str, tmp_path: Path) -> Iterator[Database]:
    """A second empty database on the same backend, to import into."""
    with empty_database_like(database_url, tmp_path) as other:
        yield other


@pytest.mark.parametrize("fmt", [f.name for f in FORMATS if f.round_trips])
def test_export_import_export_is_byte_identical(
    db: Database, actor: Actor, second: Database, fmt: str
) -> None:
    fill_awkward_diary(db, actor)
    first = transfer.export_diary(db, actor, fmt)
    other_user = local_actor(second)
    summary = transfer.import_diary(second, other_user, first)
    safety = (SCREENINGS, APPROVALS) if format_named(fmt).holds_safety else (0, 0)
    assert (summary.format, summary.screenings, summary.clinician_approvals) == (fmt, *safety)
    assert summary.total == DIARY_ENTRIES + sum(safety)
    assert transfer.export_diary(second, other_user, fmt) == first


def test_csv_and_json_carry_the_same_diary_entries(
    db: Database, actor: Actor, second: Database
) -> None:
    fill_awkward_diary(db, actor)
    other_user = local_actor(second)
    transfer.import_diary(second, other_user, transfer.export_diary(db, actor, "csv"))
    imported = json.loads(transfer.export_diary(second, other_user, "json"))
    original = json.loads(transfer.export_diary(db, actor, "json"))
    assert [imported[k] for k in DIARY_LISTS] == [original[k] for k in DIARY_LISTS]
    assert (imported["screenings"], len(original["screenings"])) == ([], SCREENINGS)


def test_the_csv_export_holds_the_diary_only(db: Database, actor: Actor, tmp_path: Path) -> None:
    fill_awkward_diary(db, actor)
    rows = list(csv.DictReader(io.StringIO(transfer.export_diary(db, actor, "csv"))))
    assert (len(rows), {row["kind"] for row in rows}) == (
        DIARY_ENTRIES,
        {"checkin", "episode", "session", "care"},
    )
    result = transfer.write_export(db, actor, tmp_path / "diary.csv")
    assert (result.counts.screenings, result.counts.clinician_approvals) == (0, 0)


def test_the_json_export_holds_every_screening_and_approval(db: Database, actor: Actor) -> None:
    fill_awkward_diary(db, actor)
    document = json.loads(transfer.export_diary(db, actor, "json"))
    kept = [
        (s["origin"], s["complete"], s["urgency"], s["is_demo"]) for s in document["screenings"]
    ]
    assert kept == [
        ("screening", True, "SELF_CARE", True),
        ("screening", True, "SELF_CARE", False),
        ("checkin", True, "SELF_CARE", False),
        ("screening", False, "EMERGENCY", False),
    ]
    [approval] = document["clinician_approvals"]
    assert (approval["screening"], approval["note"]) == (2, TRICKY_NOTE)
    assert document["screenings"][1]["answers"]["age"] == "35"
    assert all("id" not in row for row in document["screenings"] + [approval])


def test_an_imported_approval_still_clears_the_screening_it_was_given_for(
    db: Database, actor: Actor, second: Database
) -> None:
    screening.record_screening(db, actor, complete({"heart_condition": "yes"}))
    screening.record_approval(db, actor, {"clinician": "Dr Lee", "approved_on": "2026-03-14"})
    other_user = local_actor(second)
    transfer.import_diary(second, other_user, transfer.export_diary(db, actor, "json"))
    status = screening.mat_status(second, other_user)
    assert (status.verdict, status.may_use_mat) == (CLEARED, True)
    assert status.approval is not None
    assert status.approval.clinician == "Dr Lee"


def test_an_imported_emergency_is_still_the_latest_result(
    db: Database, actor: Actor, second: Database
) -> None:
    fill_awkward_diary(db, actor)
    other_user = local_actor(second)
    transfer.import_diary(second, other_user, transfer.export_diary(db, actor, "json"))
    latest = screening.latest_screening(second, other_user)
    assert latest is not None
    assert (latest.urgency, latest.mat, latest.complete) == ("EMERGENCY", "do-not-use", False)


def test_the_export_holds_awkward_values_intact(db: Database, actor: Actor) -> None:
    fill_awkward_diary(db, actor)
    document = json.loads(transfer.export_diary(db, actor, "json"))
    notes = [c["note"] for c in document["checkins"]]
    ongoing = [e for e in document["episodes"] if e["ended_at"] is None]
    assert TRICKY_NOTE in notes
    assert ongoing[0]["locations"] == ["lower_left", "lower_right", "hip_left"]
    assert ongoing[0]["started_at"] == "2026-03-14T08:10:11.123456Z"
    assert sum(e["is_demo"] for kind in ("checkins", "care") for e in document[kind]) == 2
    assert "id" not in document["checkins"][0]
    assert "user_id" not in document["checkins"][0]


def test_an_empty_diary_exports_an_empty_document(db: Database, actor: Actor) -> None:
    document = json.loads(transfer.export_diary(db, actor, "json"))
    lists = ("checkins", "episodes", "sessions", "care", "screenings", "clinician_approvals")
    assert [document[k] for k in lists] == [[]] * 6
    assert document["version"] == 3
    assert transfer.export_diary(db, actor, "csv").count("\n") == 1


def test_an_unknown_export_format_is_refused(db: Database, actor: Actor) -> None:
    with pytest.raises(InvalidInput, match="format: must be csv or json"):
        transfer.export_diary(db, actor, "xml")


BAD_FILES = [
    ('{"format": "acumat-export", "version": 1, "checkins": [}', "file: is not valid JSON"),
    ('kind,day,pain\ncheckin,"2026-03-14,3\n', "file: is not valid CSV"),
    ("kind,day,pain\ncheckin,2026-03-13,3\nmood,2026-03-14,3\n", r"row 3 \(mood\) kind"),
    (
        "kind,day,pain\ncheckin,2026-03-12,3\ncheckin,2026-03-13,4\ncheckin,2026-03-14,11\n",
        r"row 4 \(checkin\) pain: must be at most 10 \(got 11\)",
    ),
    ("kind,day,pain,mood\ncheckin,2026-03-14,3,\n", r"row 1 \(header\) mood"),
    ("kind,day,pain\ncheckin,2026-03-13,3\ncheckin,2026-03-16,3\n", r"row 3 \(checkin\) day"),
    (
        '{"format": "acumat-export", "version": 1, "episodes": '
        '[{"started_at": "2026-03-16T08:00:00Z", "peak_intensity": 3}]}',
        r"row 1 \(episode\) started_at: must not be in the future",
    ),
]


def _v2(screenings: list[dict[str, object]], approvals: list[dict[str, object]]) -> str:
    """A version 2 file with a good check-in, so a refusal must also drop the diary rows."""
    document = {
        "format": "acumat-export",
        "version": 2,
        "checkins": [{"day": "2026-03-13", "pain": 3}],
        "screenings": screenings,
        "clinician_approvals": approvals,
    }
    return json.dumps(document)


SCREENING = {
    "taken_at": "2026-03-14T08:00:00Z",
    "origin": "screening",
    "complete": True,
    "answers": {"heart_condition": "yes"},
    "urgency": "SELF_CARE",
    "verdict": "caution-consult",
    "reasons": [],
    "ruleset_version": "sha256-abc",
    "is_demo": False,
}
APPROVAL = {
    "screening": 1,
    "clinician": "Dr Lee",
    "approved_on": "2026-03-14",
    "note": "",
    "created_at": "2026-03-14T09:00:00Z",
}
BAD_FILES += [
    (
        _v2([SCREENING, SCREENING | {"urgency": "SOON"}], [APPROVAL]),
        r"row 2 \(screening\) urgency: ",
    ),
    (_v2([SCREENING], [APPROVAL | {"screening": 3}]), r"row 1 \(clinician_approval\) screening"),
    (
        _v2([SCREENING | {"taken_at": "2026-03-14T08:00:00"}], []),
        r"row 1 \(screening\) taken_at: Input should have timezone info",
    ),
    (
        _v2([SCREENING], [APPROVAL | {"created_at": "2026-03-14T09:00:00"}]),
        r"row 1 \(clinician_approval\) created_at: Input should have timezone info",
    ),
    (_v2([SCREENING | {"user_id": 1}], [APPROVAL]), r"row 1 \(screening\) user_id: is not a"),
]


@pytest.mark.parametrize(("text", "expected"), BAD_FILES)
def test_a_bad_file_is_refused_by_row_and_field_and_nothing_is_written(
    db: Database, actor: Actor, text: str, expected: str
) -> None:
    with pytest.raises(InvalidInput, match=expected):
        transfer.import_diary(db, actor, text)
    assert entry_count(db) == 0


def test_a_good_file_with_safety_rows_imports_them(db: Database, actor: Actor) -> None:
    summary = transfer.import_diary(db, actor, _v2([SCREENING], [APPROVAL]))
    assert (summary.checkins, summary.screenings, summary.clinician_approvals) == (1, 1, 1)
    assert entry_count(db) == 3


def test_a_failure_while_writing_safety_rows_rolls_back_the_whole_import(
    db: Database, actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(SafetyRepo, "restore_approval", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        transfer.import_diary(db, actor, _v2([SCREENING], [APPROVAL]))
    assert entry_count(db) == 0


def test_a_clashing_day_keeps_the_files_screenings_out_too(db: Database, actor: Actor) -> None:
    diary.add_checkin(db, actor, {"day": "2026-03-13", "pain": 2})
    with pytest.raises(Conflict, match="check-in for 2026-03-13"):
        transfer.import_diary(db, actor, _v2([SCREENING], [APPROVAL]))
    assert entry_count(db) == 1


def test_importing_a_day_the_diary_has_conflicts_and_writes_nothing(
    db: Database, actor: Actor
) -> None:
    diary.add_checkin(db, actor, {"day": "2026-03-14", "pain": 2})
    text = (
        "kind,day,started_at,pain,peak_intensity\n"
        "episode,,2026-03-10T08:00:00Z,,4\n"
        "checkin,2026-03-13,,3,\n"
        "checkin,2026-03-14,,5,\n"
    )
    with pytest.raises(Conflict, match="check-in for 2026-03-14"):
        transfer.import_diary(db, actor, text)
    assert entry_count(db) == 1


def test_the_format_is_recognised_from_the_content(db: Database, actor: Actor) -> None:
    text = '  {"format": "acumat-export", "version": 1, "checkins": []}'
    assert transfer.import_diary(db, actor, text).format == "json"


def test_a_file_imports_by_its_extension(db: Database, actor: Actor, tmp_path: Path) -> None:
    path = tmp_path / "diary.csv"
    path.write_text("\ufeffkind,day,pain\ncheckin,2026-03-14,3\n", encoding="utf-8")
    summary = transfer.import_file(db, actor, path)
    assert (summary.format, summary.checkins) == ("csv", 1)


@pytest.mark.parametrize(
    ("content", "expected"),
    [(None, "file: cannot read"), (b"kind,day\n\xff\xfe\n", "file: .* is not UTF-8")],
)
def test_an_unreadable_file_is_refused(
    db: Database, actor: Actor, tmp_path: Path, content: bytes | None, expected: str
) -> None:
    path = tmp_path / "diary.csv"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InvalidInput, match=expected):
        transfer.import_file(db, actor, path)


def test_an_export_file_is_written_and_never_overwritten_by_default(
    db: Database, actor: Actor, tmp_path: Path
) -> None:
    fill_awkward_diary(db, actor)
    out = tmp_path / "diary.csv"
    result = transfer.write_export(db, actor, out)
    assert (result.format, result.counts.total) == ("csv", DIARY_ENTRIES)
    assert out.read_bytes() == transfer.export_diary(db, actor, "csv").encode()
    out.write_text("precious")
    with pytest.raises(InvalidInput, match=r"out: .* already exists"):
        transfer.write_export(db, actor, out)
    assert out.read_text() == "precious"
    transfer.write_export(db, actor, out, "json", overwrite=True)
    assert out.read_text().startswith("{")
    assert list(tmp_path.glob(".*.partial")) == []


def test_an_export_into_a_missing_folder_is_refused(
    db: Database, actor: Actor, tmp_path: Path
) -> None:
    with pytest.raises(InvalidInput, match=r"out: folder .* does not exist"):
        transfer.write_export(db, actor, tmp_path / "nowhere" / "diary.json")


@pytest.mark.usefixtures("usual_umask")
@pytest.mark.parametrize("name", ["diary.csv", "diary.json"])
def test_an_export_file_is_readable_by_its_owner_only(
    db: Database, actor: Actor, tmp_path: Path, name: str
) -> None:
    fill_awkward_diary(db, actor)
    out = tmp_path / name
    transfer.write_export(db, actor, out)
    assert mode(out) == 0o600
    transfer.write_export(db, actor, out, overwrite=True)
    assert mode(out) == 0o600


def test_a_csv_export_neutralises_a_formula_note_and_imports_it_back_exactly(
    db: Database, actor: Actor, second: Database
) -> None:
    note = '=HYPERLINK("http://example.invalid")'
    diary.add_checkin(db, actor, {"day": "2026-03-14", "pain": 2, "note": note})
    diary.add_checkin(db, actor, {"day": "2026-03-13", "pain": 2, "note": "'-an apostrophe first"})
    text = transfer.export_diary(db, actor, "csv")
    notes = [row["note"] for row in csv.DictReader(io.StringIO(text))]
    assert notes == ["''-an apostrophe first", f"'{note}"]
    other = local_actor(second)
    transfer.import_diary(second, other, text)
    assert transfer.export_diary(second, other, "csv") == text
    document = json.loads(transfer.export_diary(second, other, "json"))
    assert [c["note"] for c in document["checkins"]] == ["'-an apostrophe first", note]


@pytest.mark.parametrize("fmt", [f.name for f in FORMATS])
def test_each_format_is_chosen_by_its_suffix_and_recognised_on_import(
    db: Database, actor: Actor, second: Database, tmp_path: Path, fmt: str
) -> None:
    fill_awkward_diary(db, actor)
    spec = format_named(fmt)
    result = transfer.write_export(db, actor, tmp_path / f"diary{spec.suffix.upper()}")
    assert result.format == fmt
    unnamed = tmp_path / "diary.export"
    unnamed.write_bytes(Path(result.path).read_bytes())
    assert transfer.import_file(second, local_actor(second), unnamed).format == fmt


def test_entry_counts_have_a_field_per_kind_list() -> None:
    assert set(transfer.EntryCounts.model_fields) == set(LIST_NAMES.values())
    counts = transfer.EntryCounts.of(["checkin", "care", "care"])
    assert (counts.checkins, counts.care, counts.total) == (1, 2, 3)
