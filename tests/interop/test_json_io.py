"""The JSON export format: exact text, deterministic order, and refusals that name the row."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from acumat.diary.schemas import CareOut, CheckInOut, EpisodeIn
from acumat.errors import InvalidInput
from acumat.interop.json_io import dump_json
from acumat.interop.records import export_fields
from tests.conftest import UTC_TIME
from tests.interop.loading import load_json

pytestmark = pytest.mark.usefixtures("frozen_clock")

STAMP = datetime(2026, 3, 14, 21, 0, tzinfo=UTC)


def checkin(day: str, pain: int, **extra: object) -> CheckInOut:
    return CheckInOut.model_validate(
        {
            "id": 99,
            "uuid": "c0ffee00-0000-4000-8000-000000000099",
            "day": day,
            "pain": pain,
            "created_at": STAMP,
            "updated_at": STAMP,
        }
        | extra
    )


def care(started_at: str, kind: str, created_at: datetime = STAMP) -> CareOut:
    return CareOut.model_validate(
        {
            "id": 1,
            "uuid": "c0ffee00-0000-4000-8000-000000000001",
            "started_at": started_at,
            "kind": kind,
            "minutes": 15.0,
            "created_at": created_at,
            "updated_at": created_at,
        }
    )


def document(**lists: object) -> str:
    return json.dumps({"format": "acumat-export", "version": 2} | lists)


def test_a_checkin_is_written_with_every_field_and_no_id() -> None:
    text = dump_json({"checkin": [checkin("2026-03-14", 4, hours_sitting=7.5)]})
    assert text == (
        "{\n"
        '  "format": "acumat-export",\n'
        '  "version": 3,\n'
        '  "checkins": [\n'
        "    {\n"
        '      "uuid": "c0ffee00-0000-4000-8000-000000000099",\n'
        '      "day": "2026-03-14",\n'
        '      "pain": 4,\n'
        '      "peg_enjoyment": null,\n'
        '      "peg_activity": null,\n'
        '      "sleep_quality": null,\n'
        '      "spasm_count": null,\n'
        '      "stress": null,\n'
        '      "hours_sitting": 7.5,\n'
        '      "took_pain_relief": null,\n'
        '      "note": "",\n'
        '      "created_at": "2026-03-14T21:00:00Z",\n'
        '      "updated_at": "2026-03-14T21:00:00Z",\n'
        '      "is_demo": false\n'
        "    }\n"
        "  ],\n"
        '  "episodes": [],\n'
        '  "sessions": [],\n'
        '  "care": [],\n'
        '  "screenings": [],\n'
        '  "clinician_approvals": []\n'
        "}\n"
    )


def test_entries_are_sorted_whatever_order_they_come_in() -> None:
    early = datetime(2026, 3, 1, tzinfo=UTC)
    entries = [care("2026-03-14T08:00:00Z", "heat"), care("2026-03-14T08:00:00Z", "cold", early)]
    entries.append(care("2026-03-10T08:00:00Z", "walking"))
    first = dump_json({"care": entries})
    again = dump_json({"care": list(reversed(entries))})
    kinds = [row["kind"] for row in json.loads(first)["care"]]
    assert (first == again, kinds) == (True, ["walking", "cold", "heat"])


def test_plain_dicts_export_like_models() -> None:
    model = checkin("2026-03-14", 4)
    as_dict = model.model_dump()
    assert dump_json({"checkin": [as_dict]}) == dump_json({"checkin": [model]})


def test_instants_in_other_zones_are_written_in_utc_with_z() -> None:
    row = care("2026-03-14T09:00:00+02:00", "heat")
    assert json.loads(dump_json({"care": [row]}))["care"][0]["started_at"] == "2026-03-14T07:00:00Z"


def test_export_fields_follow_the_input_schema() -> None:
    fields = export_fields("episode")
    assert fields == ("uuid", *EpisodeIn.model_fields, "created_at", "updated_at", "is_demo")


def test_reading_keeps_timestamps_and_demo_flag() -> None:
    text = dump_json({"checkin": [checkin("2026-03-14", 4, is_demo=True)]})
    [record] = load_json(text, UTC_TIME).entries
    values = record.values(datetime(2030, 1, 1, tzinfo=UTC))
    assert (values["day"], values["created_at"], values["is_demo"]) == (
        date(2026, 3, 14),
        STAMP,
        True,
    )


def test_a_hand_written_entry_without_timestamps_gets_now() -> None:
    [record] = load_json(document(checkins=[{"day": "2026-03-14", "pain": 2}]), UTC_TIME).entries
    values = record.values(STAMP)
    assert (values["created_at"], values["updated_at"], values["is_demo"]) == (STAMP, STAMP, False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"format": "acumat-export", "version": 1, "checkins": [', "file: is not valid JSON"),
        ("[1, 2]", "format: must be"),
        ('{"format": "acumat-export", "version": 4}', "version: must be 1, 2 or 3"),
        ('{"format": "acumat-export", "version": true}', "version: must be 1, 2 or 3"),
        ('{"format": "acumat-export", "version": "2"}', "version: must be 1, 2 or 3"),
        ('{"format": "acumat-export", "version": 1, "moods": []}', "moods: is not part"),
        ('{"format": "acumat-export", "version": 1, "screenings": []}', "screenings: is not part"),
        ('{"format": "acumat-export", "version": 2, "screenings": {}}', "screenings: must be a"),
        ('{"format": "acumat-export", "version": 1, "care": {}}', "care: must be a list"),
        ('{"format": "acumat-export", "version": 1, "care": [NaN]}', "file: NaN"),
    ],
)
def test_files_that_are_not_exports_are_refused_clearly(text: str, expected: str) -> None:
    with pytest.raises(InvalidInput, match=expected):
        load_json(text, UTC_TIME)


def test_a_bad_row_is_named_by_its_position_kind_and_field() -> None:
    good = {"day": "2026-03-13", "pain": 3}
    bad = {"day": "2026-03-14", "pain": 11}
    with pytest.raises(InvalidInput) as caught:
        load_json(document(checkins=[good, bad]), UTC_TIME)
    assert str(caught.value).startswith("row 2 (checkin) pain: ")


def test_problems_of_every_bad_row_are_reported_together() -> None:
    episodes = [{"started_at": "2026-03-14T08:00:00Z", "peak_intensity": 3, "mood": 1}]
    sessions = [{"started_at": "2026-03-20T08:00:00Z", "actual_minutes": 5}]
    with pytest.raises(InvalidInput) as caught:
        load_json(document(episodes=episodes, sessions=sessions), UTC_TIME)
    fields = [p.field for p in caught.value.problems]
    assert fields == ["row 1 (episode) mood", "row 1 (session) started_at"]


def test_a_bad_timestamp_is_named_like_any_field() -> None:
    row = {"day": "2026-03-14", "pain": 3, "created_at": "2026-03-14T08:00:00"}
    with pytest.raises(InvalidInput, match=r"row 1 \(checkin\) created_at: "):
        load_json(document(checkins=[row]), UTC_TIME)


def test_an_entry_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(InvalidInput, match=r"row 1 \(care\): must be an object"):
        load_json(document(care=["heat"]), UTC_TIME)


def test_the_same_day_twice_in_one_file_is_refused() -> None:
    rows = [{"day": "2026-03-14", "pain": 3}, {"day": "2026-03-14", "pain": 5}]
    with pytest.raises(InvalidInput, match=r"row 2 \(checkin\) day: 2026-03-14 appears more"):
        load_json(document(checkins=rows), UTC_TIME)


def test_a_flood_of_problems_is_capped() -> None:
    rows = [{"day": f"2026-02-{d:02d}", "pain": 11} for d in range(1, 29)]
    with pytest.raises(InvalidInput) as caught:
        load_json(document(checkins=rows), UTC_TIME)
    assert len(caught.value.problems) == 21
    assert str(caught.value.problems[-1]) == "and 8 more problems"


def test_each_entry_keeps_its_uuid_and_a_row_without_one_is_new() -> None:
    text = dump_json({"checkin": [checkin("2026-03-14", 4)]})
    [kept] = load_json(text, UTC_TIME).entries
    [new] = load_json(document(checkins=[{"day": "2026-03-14", "pain": 2}]), UTC_TIME).entries
    assert (kept.uuid, new.uuid) == ("c0ffee00-0000-4000-8000-000000000099", None)


def test_a_version_2_file_still_reads_its_rows_as_new_entries() -> None:
    row = json.loads(dump_json({"checkin": [checkin("2026-03-14", 4)]}))["checkins"][0]
    del row["uuid"]
    [record] = load_json(document(checkins=[row]), UTC_TIME).entries
    assert (record.uuid, record.values(STAMP)["pain"]) == (None, 4)


def test_the_same_uuid_twice_in_a_list_is_refused() -> None:
    first = json.loads(dump_json({"checkin": [checkin("2026-03-14", 4)]}))["checkins"][0]
    second = first | {"day": "2026-03-13"}
    with pytest.raises(InvalidInput, match=r"row 2 \(checkin\) uuid: .* appears more than once"):
        load_json(document(checkins=[first, second]), UTC_TIME)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"checkins": [], "format": "acumat-export", "version": 3}', 'format: must be "acu'),
        ('{"format": "acumat-export", "checkins": [], "version": 3}', "version: must be 1, 2"),
        ('{"version": 3, "format": "acumat-export"}', None),
        (
            '{"format": "acumat-export", "version": 3, "care": [], "care": []}',
            "care: appears twice",
        ),
        ("{}", 'format: must be "acumat-export"'),
        ('{"format": "acumat-export"}', "version: must be"),
    ],
)
def test_the_header_comes_first_and_each_part_once(text: str, expected: str | None) -> None:
    if expected is None:
        assert load_json(text, UTC_TIME).entries == []
        return
    with pytest.raises(InvalidInput, match=expected):
        load_json(text, UTC_TIME)
