"""Screenings and clinician approvals in the JSON export: exact rows, order, strict reading."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pytest

from acumat.errors import InvalidInput
from acumat.interop.json_io import StoredSafety, dump_json, safety_rows
from tests.conftest import UTC_TIME
from tests.interop.loading import load_json

pytestmark = pytest.mark.usefixtures("frozen_clock")

TAKEN = datetime(2026, 3, 14, 21, 0, tzinfo=UTC)
DROP = object()  # file_screening(field=DROP) leaves the field out
REASON = {
    "rule": "MAT-C1",
    "text": "A heart condition needs a word with your clinician first.",
    "action": "Ask your GP before using the mat.",
    "sources": ["S28"],
    "level": "caution-consult",
}


def identity(number: int) -> str:
    return f"5c4e0000-0000-4000-8000-{number:012d}"


def stored_screening(screening_id: int, taken_at: datetime = TAKEN, **extra: Any) -> dict[str, Any]:
    """A screening as the store holds it, ids and owner included."""
    return {
        "id": screening_id,
        "uuid": identity(screening_id),
        "user_id": 7,
        "taken_at": taken_at,
        "origin": "screening",
        "complete": True,
        "answers": {"pain_now": 4, "age": "35", "heart_condition": "yes"},
        "urgency": "SELF_CARE",
        "verdict": "caution-consult",
        "reasons": [REASON],
        "ruleset_version": "sha256-abc",
        "is_demo": False,
    } | extra


def stored_approval(approval_id: int, screening_id: int, created_at: datetime = TAKEN) -> Any:
    return {
        "id": approval_id,
        "uuid": identity(100 + approval_id),
        "user_id": 7,
        "screening_id": screening_id,
        "clinician": "Dr Lee, GP",
        "approved_on": date(2026, 3, 14),
        "note": "",
        "created_at": created_at,
    }


def file_screening(**changes: Any) -> dict[str, Any]:
    """A screening row as a file holds it (what :func:`dump_json` writes)."""
    row = safety_rows(StoredSafety([stored_screening(1)]))["screenings"][0]
    return {key: value for key, value in (row | changes).items() if value is not DROP}


def file_approval(**changes: Any) -> dict[str, Any]:
    row = {
        "uuid": identity(101),
        "screening": 1,
        "clinician": "Dr Lee, GP",
        "approved_on": "2026-03-14",
        "note": "",
        "created_at": "2026-03-14T21:05:00Z",
    }
    return row | changes


def document(screenings: list[Any], approvals: list[Any] | None = None) -> str:
    return json.dumps(
        {
            "format": "acumat-export",
            "version": 3,
            "screenings": screenings,
            "clinician_approvals": approvals or [],
        }
    )


def test_a_screening_and_its_approval_are_written_without_ids() -> None:
    safety = StoredSafety([stored_screening(41)], [stored_approval(9, 41)])
    text = dump_json({}, safety)
    tail = text[text.index('  "screenings"') :]
    assert tail == (
        '  "screenings": [\n'
        "    {\n"
        '      "uuid": "5c4e0000-0000-4000-8000-000000000041",\n'
        '      "taken_at": "2026-03-14T21:00:00Z",\n'
        '      "origin": "screening",\n'
        '      "complete": true,\n'
        '      "answers": {\n'
        '        "age": "35",\n'
        '        "heart_condition": "yes",\n'
        '        "pain_now": 4\n'
        "      },\n"
        '      "urgency": "SELF_CARE",\n'
        '      "verdict": "caution-consult",\n'
        '      "reasons": [\n'
        "        {\n"
        '          "rule": "MAT-C1",\n'
        '          "text": "A heart condition needs a word with your clinician first.",\n'
        '          "action": "Ask your GP before using the mat.",\n'
        '          "sources": [\n'
        '            "S28"\n'
        "          ],\n"
        '          "level": "caution-consult"\n'
        "        }\n"
        "      ],\n"
        '      "ruleset_version": "sha256-abc",\n'
        '      "is_demo": false\n'
        "    }\n"
        "  ],\n"
        '  "clinician_approvals": [\n'
        "    {\n"
        '      "uuid": "5c4e0000-0000-4000-8000-000000000109",\n'
        '      "screening": 1,\n'
        '      "clinician": "Dr Lee, GP",\n'
        '      "approved_on": "2026-03-14",\n'
        '      "note": "",\n'
        '      "created_at": "2026-03-14T21:00:00Z"\n'
        "    }\n"
        "  ]\n"
        "}\n"
    )


def test_screenings_sort_by_time_then_id_and_approvals_follow_their_screening() -> None:
    early = datetime(2026, 3, 1, tzinfo=UTC)
    screenings = [
        stored_screening(5, origin="checkin"),
        stored_screening(3),
        stored_screening(8, early, is_demo=True),
    ]
    approvals = [
        stored_approval(2, 5, TAKEN),
        stored_approval(1, 3, TAKEN),
        stored_approval(4, 8, early),
    ]
    rows = safety_rows(StoredSafety(screenings, approvals))
    again = safety_rows(StoredSafety(list(reversed(screenings)), list(reversed(approvals))))
    assert rows == again
    assert [(s["origin"], s["is_demo"]) for s in rows["screenings"]] == [
        ("screening", True),
        ("screening", False),
        ("checkin", False),
    ]
    assert [a["screening"] for a in rows["clinician_approvals"]] == [1, 2, 3]


def test_an_approval_of_a_screening_not_held_is_a_broken_store_not_a_file() -> None:
    with pytest.raises(LookupError, match="screening 99"):
        safety_rows(StoredSafety([stored_screening(1)], [stored_approval(1, 99)]))


def test_reading_keeps_the_stored_decision_without_re_evaluating() -> None:
    odd = file_screening(
        uuid=identity(2), urgency="EMERGENCY", verdict="do-not-use", ruleset_version="sha256-old"
    )
    contents = load_json(document([odd, file_screening()], [file_approval(screening=2)]), UTC_TIME)
    first, second = contents.safety.screenings
    assert (first.urgency, first.verdict, first.ruleset_version) == (
        "EMERGENCY",
        "do-not-use",
        "sha256-old",
    )
    assert first.answers == {"age": "35", "heart_condition": "yes", "pain_now": 4}
    assert second.taken_at == TAKEN
    assert contents.safety.approvals[0].screening == 2


def test_a_version_1_file_still_reads_with_no_safety_history() -> None:
    text = json.dumps(
        {"format": "acumat-export", "version": 1, "checkins": [{"day": "2026-03-14", "pain": 3}]}
    )
    contents = load_json(text, UTC_TIME)
    assert (len(contents.entries), contents.safety.screenings, contents.safety.approvals) == (
        1,
        [],
        [],
    )


def test_what_is_written_reads_back_to_the_same_text() -> None:
    safety = StoredSafety([stored_screening(2), stored_screening(1)], [stored_approval(1, 2)])
    text = dump_json({}, safety)
    contents = load_json(text, UTC_TIME)
    read_back = StoredSafety(
        [s.model_dump() | {"id": n} for n, s in enumerate(contents.safety.screenings, 1)],
        [
            a.model_dump() | {"id": 1, "screening_id": a.screening}
            for a in contents.safety.approvals
        ],
    )
    assert dump_json({}, read_back) == text


REFUSALS = [
    (
        [file_screening(), file_screening(urgency="PANIC")],
        [],
        r"row 2 \(screening\) urgency: must be one of: 'EMERGENCY'",
    ),
    ([file_screening(verdict="fine")], [], r"row 1 \(screening\) verdict: "),
    ([file_screening(origin="web")], [], r"row 1 \(screening\) origin: "),
    (
        [file_screening(taken_at="2026-03-14T21:00:00")],
        [],
        r"row 1 \(screening\) taken_at: Input should have timezone info",
    ),
    (
        [file_screening(taken_at="2026-03-16T08:00:00Z")],
        [],
        r"row 1 \(screening\) taken_at: must not be in the future",
    ),
    ([file_screening(user_id=3)], [], r"row 1 \(screening\) user_id: is not a field"),
    ([file_screening(id=3)], [], r"row 1 \(screening\) id: is not a field"),
    ([file_screening(complete="yes")], [], r"row 1 \(screening\) complete: "),
    ([file_screening(answers={"fever": True})], [], r"row 1 \(screening\) answers\.fever"),
    ([file_screening(answers={"fever": 0.5})], [], r"row 1 \(screening\) answers\.fever"),
    ([file_screening(reasons=[REASON | {"extra": 1}])], [], r"reasons\.0\.extra: is not a field"),
    ([file_screening(reasons=[REASON | {"level": "ALARM"}])], [], r"reasons\.0\.level: must be"),
    ([file_screening(ruleset_version=DROP)], [], r"row 1 \(screening\) ruleset_version: is req"),
    (["a screening"], [], r"row 1 \(screening\): must be an object"),
    (
        [file_screening()],
        [file_approval(screening=2)],
        r"row 1 \(clinician_approval\) screening: must be from 1 to 1, .* \(got 2\)",
    ),
    ([], [file_approval()], r"row 1 \(clinician_approval\) screening: .* the file has none"),
    ([file_screening()], [file_approval(screening=0)], r"approval\) screening: .*at least 1"),
    ([file_screening()], [file_approval(screening="1")], r"approval\) screening: "),
    (
        [file_screening(verdict="do-not-use")],
        [file_approval()],
        r"approval\) screening: points at screening 1, whose verdict is do-not-use",
    ),
    (
        [file_screening()],
        [file_approval(created_at="2026-03-14T21:05:00")],
        r"row 1 \(clinician_approval\) created_at: Input should have timezone info",
    ),
    ([file_screening()], [file_approval(approved_on="2026-03-16")], r"approved_on: must be today"),
    ([file_screening()], [file_approval(screening_id=4)], r"approval\) screening_id: is not a"),
]


@pytest.mark.parametrize(("screenings", "approvals", "expected"), REFUSALS)
def test_a_bad_safety_row_is_refused_naming_row_and_field(
    screenings: list[Any], approvals: list[Any], expected: str
) -> None:
    with pytest.raises(InvalidInput, match=expected):
        load_json(document(screenings, approvals), UTC_TIME)


def test_problems_of_diary_and_safety_rows_are_reported_together() -> None:
    text = json.dumps(
        {
            "format": "acumat-export",
            "version": 2,
            "checkins": [{"day": "2026-03-14", "pain": 11}],
            "screenings": [file_screening(urgency="LOW")],
            "clinician_approvals": [file_approval(screening=5)],
        }
    )
    with pytest.raises(InvalidInput) as caught:
        load_json(text, UTC_TIME)
    assert [p.field for p in caught.value.problems] == [
        "row 1 (checkin) pain",
        "row 1 (screening) urgency",
        "row 1 (clinician_approval) screening",
    ]


def test_screenings_and_approvals_keep_their_uuids_and_old_rows_have_none() -> None:
    contents = load_json(document([file_screening()], [file_approval()]), UTC_TIME)
    old = load_json(document([file_screening(uuid=DROP)], [file_approval(uuid=None)]), UTC_TIME)
    kept = (contents.safety.screenings[0].uuid, contents.safety.approvals[0].uuid)
    assert kept == (identity(1), identity(101))
    assert (old.safety.screenings[0].uuid, old.safety.approvals[0].uuid) == (None, None)


def test_the_same_screening_uuid_twice_is_refused() -> None:
    with pytest.raises(InvalidInput, match=r"row 2 \(screening\) uuid: .* more than once"):
        load_json(document([file_screening(), file_screening()]), UTC_TIME)
