"""Importing by identity, on SQLite and PostgreSQL: the same file twice adds nothing, and a
row that changed since the export is refused by name, never duplicated or overwritten."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from acumat.actor import Actor
from acumat.errors import Conflict, InvalidInput
from acumat.services import diary, screening, transfer
from acumat.services.database import local_actor
from acumat.services.importing import BATCH
from acumat.services.transfer import TransferCounts
from acumat.store.engine import Database
from tests.interop.awkward import (
    APPROVALS,
    SCREENINGS,
    empty_database_like,
    fill_awkward_diary,
)
from tests.safety.kit import complete
from tests.services.test_transfer import DIARY_ENTRIES, entry_count

pytestmark = pytest.mark.usefixtures("frozen_clock")
EVERYTHING = DIARY_ENTRIES + SCREENINGS + APPROVALS
LISTS = ("checkins", "episodes", "sessions", "care", "screenings", "clinician_approvals")


@pytest.fixture
def second(database_url: str, tmp_path: Path) -> Iterator[Database]:
    """A second empty database on the same backend, to import into."""
    with empty_database_like(database_url, tmp_path) as other:
        yield other


def added(summary: transfer.ImportSummary) -> TransferCounts:
    return TransferCounts(**summary.model_dump(exclude={"format", "already_present"}))


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_importing_the_same_file_twice_adds_nothing_the_second_time(
    db: Database, actor: Actor, second: Database, fmt: str
) -> None:
    fill_awkward_diary(db, actor)
    text = transfer.export_diary(db, actor, fmt)
    other = local_actor(second)
    first = transfer.import_diary(second, other, text)
    again = transfer.import_diary(second, other, text)
    assert (first.already_present.total, again.total) == (0, 0)
    assert again.already_present == added(first)
    assert transfer.export_diary(second, other, fmt) == text


def test_importing_an_export_into_its_own_diary_finds_everything_present(
    db: Database, actor: Actor
) -> None:
    fill_awkward_diary(db, actor)
    text = transfer.export_diary(db, actor, "json")
    summary = transfer.import_diary(db, actor, text)
    assert (summary.total, summary.already_present.total) == (0, EVERYTHING)
    assert transfer.export_diary(db, actor, "json") == text


def test_only_the_rows_the_diary_lacks_are_added(
    db: Database, actor: Actor, second: Database
) -> None:
    fill_awkward_diary(db, actor)
    other = local_actor(second)
    transfer.import_diary(second, other, transfer.export_diary(db, actor, "json"))
    diary.add_entry(
        db, actor, "care", {"started_at": "2026-03-15T09:00:00Z", "kind": "walking", "minutes": 20}
    )
    diary.add_checkin(db, actor, {"day": "2026-03-15", "pain": 1})
    summary = transfer.import_diary(second, other, transfer.export_diary(db, actor, "json"))
    assert (summary.checkins, summary.care, summary.total) == (1, 1, 2)
    assert summary.already_present.total == EVERYTHING
    assert transfer.export_diary(second, other, "json") == transfer.export_diary(db, actor, "json")


def _edited(text: str, kind: str, **changes: Any) -> str:
    document = json.loads(text)
    document[kind][0].update(changes)
    return json.dumps(document)


@pytest.mark.parametrize(
    ("kind", "changes", "label"),
    [
        ("episodes", {"peak_intensity": 9}, "row 1 (episode)"),
        ("checkins", {"pain": 5}, "row 1 (checkin)"),
        ("checkins", {"note": "edited"}, "row 1 (checkin)"),
        ("checkins", {"updated_at": "2026-03-15T08:00:00Z"}, "row 1 (checkin)"),
        ("screenings", {"urgency": "URGENT_SAME_DAY"}, "row 1 (screening)"),
        ("clinician_approvals", {"clinician": "Dr Someone Else"}, "row 1 (clinician_approval)"),
    ],
)
def test_a_changed_row_with_a_known_uuid_is_refused_by_name_and_nothing_is_written(
    db: Database, actor: Actor, kind: str, changes: dict[str, Any], label: str
) -> None:
    diary.add_checkin(db, actor, {"day": "2026-03-14", "pain": 2})
    diary.add_entry(
        db, actor, "episode", {"started_at": "2026-03-14T08:00:00Z", "peak_intensity": 4}
    )
    screening.record_screening(db, actor, complete({"heart_condition": "yes"}))
    screening.record_approval(db, actor, {"clinician": "Dr Lee", "approved_on": "2026-03-14"})
    before = transfer.export_diary(db, actor, "json")
    document = json.loads(_edited(before, kind, **changes))
    document["care"] = [{"started_at": "2026-03-14T10:00:00Z", "kind": "heat", "minutes": 5}]
    with pytest.raises(Conflict) as refused:
        transfer.import_diary(db, actor, json.dumps(document))
    assert str(refused.value).startswith(f"{label} holds an entry your diary already has")
    assert "nothing was imported" in str(refused.value)
    assert "check-in for" not in str(refused.value)
    assert transfer.export_diary(db, actor, "json") == before


def test_changed_rows_are_all_named_up_to_ten_and_the_rest_counted(
    db: Database, actor: Actor
) -> None:
    for day in range(1, 13):
        diary.add_checkin(db, actor, {"day": f"2026-03-{day:02d}", "pain": 2})
    document = json.loads(transfer.export_diary(db, actor, "json"))
    for row in document["checkins"]:
        row["pain"] = 3
    with pytest.raises(Conflict, match=r"row 1 \(checkin\), .*row 10 \(checkin\) and 2 more rows"):
        transfer.import_diary(db, actor, json.dumps(document))


def test_a_changed_row_and_a_clashing_day_are_both_reported(db: Database, actor: Actor) -> None:
    diary.add_checkin(db, actor, {"day": "2026-03-13", "pain": 2})
    exported = json.loads(transfer.export_diary(db, actor, "json"))
    diary.add_checkin(db, actor, {"day": "2026-03-14", "pain": 2})
    exported["checkins"][0]["pain"] = 7
    exported["checkins"].append({"day": "2026-03-14", "pain": 4})
    with pytest.raises(Conflict) as refused:
        transfer.import_diary(db, actor, json.dumps(exported))
    said = str(refused.value)
    assert "row 1 (checkin) holds an entry" in said
    assert "the file has a check-in for 2026-03-14, which your diary already has" in said
    assert entry_count(db) == 2


def test_a_version_2_file_imports_as_new_entries_with_new_uuids(
    db: Database, actor: Actor, second: Database
) -> None:
    fill_awkward_diary(db, actor)
    document = json.loads(transfer.export_diary(db, actor, "json"))
    old = {**document, "version": 2}
    for name in LISTS:
        old[name] = [{k: v for k, v in row.items() if k != "uuid"} for row in document[name]]
    other = local_actor(second)
    summary = transfer.import_diary(second, other, json.dumps(old))
    assert (summary.total, summary.already_present.total) == (EVERYTHING, 0)
    again = json.loads(transfer.export_diary(second, other, "json"))
    uuids = {row["uuid"] for name in LISTS for row in again[name]}
    assert len(uuids) == EVERYTHING
    assert not uuids & {row["uuid"] for name in LISTS for row in document[name]}
    for name in LISTS:  # rows at the same instant sort by content, uuid included
        assert _without_uuids(again[name]) == _without_uuids(old[name])


def _without_uuids(rows: list[dict[str, Any]]) -> list[str]:
    return sorted(json.dumps({**row, "uuid": None}, sort_keys=True) for row in rows)


def _care_sheet(rows: int, last: str = "5") -> str:
    header = "kind,started_at,care_kind,minutes,uuid\n"
    lines = [
        f"care,2026-03-{1 + n % 14:02d}T{n // 60 % 24:02d}:{n % 60:02d}:00Z,heat,"
        f"{last if n == rows - 1 else 5},00000000-0000-4000-8000-{n:012d}\n"
        for n in range(rows)
    ]
    return header + "".join(lines)


def test_a_file_of_several_batches_is_added_once_and_then_found_present(
    db: Database, actor: Actor
) -> None:
    rows = 2 * BATCH + 7
    first = transfer.import_diary(db, actor, _care_sheet(rows))
    again = transfer.import_diary(db, actor, _care_sheet(rows))
    assert (first.care, again.care, again.already_present.care) == (rows, 0, rows)
    assert entry_count(db) == rows


def test_a_bad_row_after_several_batches_writes_nothing(db: Database, actor: Actor) -> None:
    with pytest.raises(InvalidInput, match=rf"row {2 * BATCH + 2} \(care\) minutes"):
        transfer.import_diary(db, actor, _care_sheet(2 * BATCH + 1, last="0"))
    assert entry_count(db) == 0


def test_a_changed_row_past_the_first_batch_is_found(db: Database, actor: Actor) -> None:
    rows = BATCH + 3
    transfer.import_diary(db, actor, _care_sheet(rows))
    with pytest.raises(Conflict, match=rf"row {rows + 1} \(care\) holds an entry"):
        transfer.import_diary(db, actor, _care_sheet(rows, last="6"))
    assert entry_count(db) == rows


def test_a_bookkeeping_time_outside_the_years_acumat_keeps_is_refused(
    db: Database, actor: Actor
) -> None:
    text = "kind,day,pain,created_at\ncheckin,2026-03-14,3,0001-01-01T00:00:00+05:00\n"
    with pytest.raises(InvalidInput, match=r"row 2 \(checkin\) created_at: must be between"):
        transfer.import_diary(db, actor, text)
