"""The CSV export format: one sheet, exact cells, and refusals that name the sheet row."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest

from acumat.diary.schemas import ENTRY_KINDS, INPUT_SCHEMAS, EpisodeOut, MatSessionOut
from acumat.errors import InvalidInput
from acumat.interop import csv_io
from acumat.interop.csv_io import COLUMNS, dump_csv
from acumat.interop.records import RECORD_FIELDS, export_fields
from tests.conftest import UTC_TIME
from tests.interop.loading import load_csv

pytestmark = pytest.mark.usefixtures("frozen_clock")

STAMP = datetime(2026, 3, 14, 21, 0, tzinfo=UTC)
HEADER = ",".join(COLUMNS) + "\n"


def stored(
    model: type[EpisodeOut] | type[MatSessionOut], **values: object
) -> EpisodeOut | MatSessionOut:
    return model.model_validate(
        {
            "id": 7,
            "uuid": "7b0f3c1e-0000-4000-8000-000000000007",
            "created_at": STAMP,
            "updated_at": STAMP,
        }
        | values
    )


def sheet(*rows: str, header: str = HEADER) -> str:
    return header + "".join(row + "\n" for row in rows)


def row(**cells: str) -> str:
    return ",".join(cells.get(column, "") for column in COLUMNS)


def test_columns_are_the_union_of_every_entry_field() -> None:
    fields = {f for kind in ENTRY_KINDS for f in INPUT_SCHEMAS[kind].model_fields}
    expected = (fields - {"kind"}) | {"kind", "care_kind", *RECORD_FIELDS}
    assert set(COLUMNS) == expected
    assert len(COLUMNS) == len(set(COLUMNS))


def test_the_module_docstring_documents_every_column() -> None:
    doc = csv_io.__doc__ or ""
    assert [c for c in COLUMNS if c not in doc] == []


def test_an_episode_row_joins_lists_and_leaves_other_cells_empty() -> None:
    episode = stored(
        EpisodeOut,
        started_at="2026-03-14T08:00:00Z",
        peak_intensity=7,
        locations=["lower_left", "hip_right"],
        triggers=["lifting"],
        note='tight, "sharp"\nthen eased',
    )
    text = dump_csv({"episode": [episode]})
    expected = (
        "episode,,2026-03-14T08:00:00Z,,,,,,,,,,7,lower_left;hip_right,lifting,"
        ',,,,,,,,,,,"tight, ""sharp""\nthen eased",7b0f3c1e-0000-4000-8000-000000000007,'
        "2026-03-14T21:00:00Z,2026-03-14T21:00:00Z,false\n"
    )
    assert text == HEADER + expected


def test_booleans_are_true_or_false_and_fractions_stay_exact() -> None:
    session = stored(
        MatSessionOut,
        started_at="2026-03-14T20:00:00Z",
        actual_minutes=12.75,
        fabric_layer=True,
        stopped_early=True,
        stop_reason="interrupted",
    )
    [line] = dump_csv({"session": [session]}).splitlines()[1:]
    cells = dict(zip(COLUMNS, line.split(","), strict=True))
    assert (cells["actual_minutes"], cells["fabric_layer"], cells["is_demo"]) == (
        "12.75",
        "true",
        "false",
    )
    assert (cells["planned_minutes"], cells["stop_reason"]) == ("", "interrupted")


def test_a_care_rows_kind_goes_in_care_kind() -> None:
    text = sheet(
        row(kind="care", started_at="2026-03-14T08:00:00Z", care_kind="heat", minutes="15")
    )
    [record] = load_csv(text, UTC_TIME)
    assert (record.kind, record.values(STAMP)["kind"]) == ("care", "heat")


def test_empty_cells_mean_null_or_the_default() -> None:
    text = sheet(row(kind="episode", started_at="2026-03-14T08:00:00Z", peak_intensity="4"))
    values = load_csv(text, UTC_TIME)[0].values(STAMP)
    assert (values["ended_at"], values["locations"], values["note"]) == (None, [], "")


def test_a_byte_order_mark_and_blank_lines_are_tolerated() -> None:
    text = "\ufeff" + sheet(row(kind="checkin", day="2026-03-14", pain="3"), "")
    assert [r.kind for r in load_csv(text, UTC_TIME)] == ["checkin"]


def test_a_hand_made_sheet_may_leave_out_columns() -> None:
    records = load_csv("kind,day,pain\ncheckin,2026-03-14,3\n", UTC_TIME)
    assert records[0].values(STAMP)["pain"] == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "file: is empty"),
        ('kind,day,pain\ncheckin,2026-03-14,"3\n', "file: is not valid CSV"),
        ("day,pain\n2026-03-14,3\n", r"row 1 \(header\) kind: column is missing"),
        ("kind,day,mood\ncheckin,2026-03-14,3\n", r"row 1 \(header\) mood: is not a column"),
        ("kind,day,day\n", r"row 1 \(header\): names a column twice"),
        ("kind,day,pain\ncheckin,2026-03-14\n", r"row 2: has 2 cells but the header has 3"),
        ("kind,day,pain\nmood,2026-03-14,3\n", r"row 2 \(mood\) kind: must be one of"),
        ("kind,day,pain\n,2026-03-14,3\n", r"row 2 \(no kind\) kind: must be one of"),
    ],
)
def test_broken_sheets_are_refused_clearly(text: str, expected: str) -> None:
    with pytest.raises(InvalidInput, match=expected):
        load_csv(text, UTC_TIME)


def test_a_bad_cell_is_named_by_its_sheet_row_kind_and_field() -> None:
    text = sheet(
        row(kind="checkin", day="2026-03-13", pain="3"),
        row(kind="episode", started_at="2026-03-14T08:00:00Z", peak_intensity="11"),
    )
    with pytest.raises(InvalidInput) as caught:
        load_csv(text, UTC_TIME)
    assert str(caught.value).startswith("row 3 (episode) peak_intensity: ")


def test_a_cell_that_belongs_to_another_kind_is_refused() -> None:
    text = sheet(row(kind="checkin", day="2026-03-13", pain="3", minutes="15"))
    with pytest.raises(InvalidInput, match=r"row 2 \(checkin\) minutes: is not a field"):
        load_csv(text, UTC_TIME)


def test_an_unknown_trigger_in_a_list_is_refused() -> None:
    text = sheet(
        row(kind="episode", started_at="2026-03-14T08:00:00Z", peak_intensity="4", triggers="x;y")
    )
    with pytest.raises(InvalidInput, match=r"row 2 \(episode\) triggers: unknown 'x'"):
        load_csv(text, UTC_TIME)


# --- identity --------------------------------------------------------------------------

IDENTITY = "0b8e2f7c-3f4a-4c1e-9d2a-5b6c7d8e9f01"


def test_the_uuid_column_is_read_in_lower_case_and_empty_means_a_new_entry() -> None:
    text = sheet(
        row(kind="checkin", day="2026-03-13", pain="3", uuid=IDENTITY.upper()),
        row(kind="checkin", day="2026-03-14", pain="4"),
    )
    assert [r.uuid for r in load_csv(text, UTC_TIME)] == [IDENTITY, None]


@pytest.mark.parametrize("bad", ["42", "not-a-uuid", IDENTITY[:-1], "{" + IDENTITY + "}"])
def test_a_uuid_that_is_not_one_is_refused_naming_the_row(bad: str) -> None:
    text = sheet(row(kind="checkin", day="2026-03-14", pain="3", uuid=bad))
    with pytest.raises(InvalidInput, match=r"row 2 \(checkin\) uuid: must be a UUID"):
        load_csv(text, UTC_TIME)


def test_the_same_uuid_twice_in_one_kind_is_refused() -> None:
    doubled = sheet(
        row(
            kind="care",
            started_at="2026-03-14T08:00:00Z",
            care_kind="heat",
            minutes="5",
            uuid=IDENTITY,
        ),
        row(
            kind="care",
            started_at="2026-03-13T08:00:00Z",
            care_kind="cold",
            minutes="5",
            uuid=IDENTITY,
        ),
    )
    with pytest.raises(InvalidInput, match=r"row 3 \(care\) uuid: .* appears more than once"):
        load_csv(doubled, UTC_TIME)


# --- formulas --------------------------------------------------------------------------

FORMULA_NOTES = [
    ("=SUM(A1)", "'=SUM(A1)"),
    ("+44 20 7946 0000", "'+44 20 7946 0000"),
    ("-2 after the walk", "'-2 after the walk"),
    ("@mention", "'@mention"),
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
    ("'=SUM(A1) typed with an apostrophe", "''=SUM(A1) typed with an apostrophe"),
    ("''-two apostrophes", "'''-two apostrophes"),
    ("'quoted, not a formula", "'quoted, not a formula"),
    ("'", "'"),
    ("a = b", "a = b"),
    ("", ""),
]


@pytest.mark.parametrize(("note", "cell"), FORMULA_NOTES)
def test_a_note_a_spreadsheet_would_run_is_neutralised_and_read_back_exactly(
    note: str, cell: str
) -> None:
    episode = stored(EpisodeOut, started_at="2026-03-14T08:00:00Z", peak_intensity=3, note=note)
    text = dump_csv({"episode": [episode]})
    [cells] = list(csv.DictReader(io.StringIO(text)))
    assert cells["note"] == cell
    [record] = load_csv(text, UTC_TIME)
    assert record.values(STAMP)["note"] == note
    assert dump_csv({"episode": [record.values(STAMP) | {"uuid": episode.uuid}]}) == text


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@pytest.mark.parametrize("text", ["=1", "+1", "-1", "@1", "'=1", "\t=1", "\r=1", "''\r"])
def test_no_neutralised_text_starts_with_a_formula_character(text: str) -> None:
    assert not csv_io.neutralise(text).startswith(FORMULA_STARTS)
    assert csv_io.unneutralise(csv_io.neutralise(text)) == text


def _minimal(kind: str) -> dict[str, str]:
    return {
        "checkin": {"day": "2026-03-14", "pain": "3"},
        "episode": {"started_at": "2026-03-14T08:00:00Z", "peak_intensity": "3"},
        "session": {"started_at": "2026-03-14T08:00:00Z", "actual_minutes": "3"},
        "care": {"started_at": "2026-03-14T08:00:00Z", "care_kind": "heat", "minutes": "3"},
    }[kind]


def test_only_text_columns_keep_a_formula_start_and_no_exported_cell_has_one() -> None:
    """So neutralising the text columns is enough: another column refuses such a cell, or
    reads it as what it is (``+1`` as the number 1) and writes that back plainly."""
    kept_as_text = set()
    for kind in ENTRY_KINDS:
        for column in export_columns(kind):
            for start in FORMULA_STARTS:
                cells = _minimal(kind) | {column: f"{start}1"}
                try:
                    [record] = load_csv(sheet(row(kind=kind, **cells)), UTC_TIME)
                except InvalidInput:
                    continue
                values = record.values(STAMP) | {"uuid": IDENTITY}
                [written] = list(csv.DictReader(io.StringIO(dump_csv({kind: [values]}))))
                assert not [c for c in written.values() if c.startswith(FORMULA_STARTS)]
                if written[column] == f"'{start}1":
                    kept_as_text.add(column)
    assert kept_as_text == set(csv_io.TEXT_COLUMNS)


def export_columns(kind: str) -> list[str]:
    """The sheet columns a row of ``kind`` fills."""
    fields = export_fields(kind)  # type: ignore[arg-type]
    return ["care_kind" if kind == "care" and f == "kind" else f for f in fields]
