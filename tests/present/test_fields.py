"""Field metadata: every person-facing field of the diary schemas says what it is."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from acumat.diary.schemas import INPUT_SCHEMAS, CareIn, CheckInIn, MatSessionIn
from acumat.present.fields import FieldInfo, field_info, fields_of

FIELDS = [(schema, name) for schema in INPUT_SCHEMAS.values() for name in schema.model_fields]


@pytest.mark.parametrize(("schema", "name"), FIELDS)
def test_every_field_has_its_own_title_and_help(schema: type[BaseModel], name: str) -> None:
    declared = schema.model_fields[name]
    assert declared.title, name
    assert declared.description, name
    assert field_info(schema, name).label == declared.title


@pytest.mark.parametrize(("schema", "name"), FIELDS)
def test_every_number_has_a_range_a_unit_and_an_example(schema: type[BaseModel], name: str) -> None:
    info = field_info(schema, name)
    if info.kind in ("integer", "number"):
        assert None not in (info.minimum, info.maximum, info.unit, info.example), name
        assert info.minimum is not None
        assert info.maximum is not None
        assert info.minimum <= info.example <= info.maximum, name


def test_the_pain_field_reads_as_the_person_sees_it() -> None:
    assert field_info(CheckInIn, "pain") == FieldInfo(
        name="pain",
        label="Back pain today",
        help="Your back pain today: 0 no pain, 10 worst imaginable.",
        kind="integer",
        minimum=0,
        maximum=10,
        unit="score",
        example=4,
        required=True,
    )


def test_an_exclusive_minimum_is_kept_apart_from_an_inclusive_one() -> None:
    minutes = field_info(CareIn, "minutes")
    assert (minutes.minimum, minutes.above_minimum, minutes.unit) == (0, True, "minutes")
    assert field_info(MatSessionIn, "actual_minutes").above_minimum is False


def test_choices_are_words_keyed_by_the_stored_code() -> None:
    reasons = field_info(MatSessionIn, "stop_reason")
    assert (reasons.kind, reasons.choices["sharp_pain"]) == ("word", "Pain became sharp")
    assert field_info(CheckInIn, "took_pain_relief").choices == {"yes": "Yes", "no": "No"}
    assert field_info(CareIn, "kind").choices["heat"] == "Heat"


def test_kinds_follow_the_schema_types() -> None:
    kinds = {name: info.kind for name, info in fields_of(MatSessionIn).items()}
    assert kinds["started_at"] == "time"
    assert kinds["planned_minutes"] == "integer"
    assert kinds["actual_minutes"] == "number"
    assert kinds["fabric_layer"] == "flag"
    assert field_info(CheckInIn, "day").kind == "day"
    assert field_info(CheckInIn, "note").max_length == 2000


def test_an_unknown_field_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        field_info(CheckInIn, "mood")


def test_a_schema_without_titles_still_gets_words_not_a_key() -> None:
    class Bare(BaseModel):
        hours_slept: int

    assert field_info(Bare, "hours_slept").label == "Hours slept"
