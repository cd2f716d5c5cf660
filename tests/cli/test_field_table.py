"""The terminal speaks the diary schemas' words: flag help, ranges and questions follow them."""

from __future__ import annotations

import pytest
import typer
from typer.core import TyperGroup, TyperOption

from acumat.cli import app
from acumat.cli import options as kinds
from acumat.cli.field_table import FIELDS
from acumat.cli.fields import spec
from acumat.cli.prompts import question_for
from acumat.diary.schemas import INPUT_SCHEMAS
from acumat.kinds import ENTRY_KINDS, EntryKind
from acumat.present.field_table import TARGET, render
from acumat.present.fields import field_info

FIELD_NAMES = [(kind, name) for kind in ENTRY_KINDS for name in INPUT_SCHEMAS[kind].model_fields]


def test_the_written_table_matches_the_schemas() -> None:
    assert TARGET.read_text(encoding="utf-8") == render(), (
        "acumat/cli/field_table.py is out of date: run `python -m acumat.present.field_table`"
    )


def _options(kind: EntryKind) -> list[TyperOption]:
    group = typer.main.get_command(app)
    assert isinstance(group, TyperGroup)
    log = group.commands["log"]
    assert isinstance(log, TyperGroup)
    return [p for p in log.commands[kind].params if isinstance(p, TyperOption)]


def _option_for(kind: EntryKind, name: str) -> TyperOption:
    """The one option whose help opens with the field's description."""
    words = field_info(INPUT_SCHEMAS[kind], name).help.rstrip(".")
    found = [o for o in _options(kind) if (o.help or "").startswith(words)]
    assert len(found) == 1, f"{kind}.{name}: no single flag is helped with {words!r}"
    return found[0]


@pytest.mark.parametrize(("kind", "name"), [pair for pair in FIELD_NAMES if pair[1] != "day"])
def test_every_field_has_a_flag_in_its_schema_words(kind: EntryKind, name: str) -> None:
    option = _option_for(kind, name)
    info = field_info(INPUT_SCHEMAS[kind], name)
    reader = option.type_descriptor.parameter_info.parser
    if info.kind in ("integer", "number"):
        assert isinstance(reader, kinds.Reader)
        assert isinstance(reader.kind, kinds.Whole | kinds.Decimal)
        assert (reader.kind.low, reader.kind.high) == (info.minimum, info.maximum)
        assert reader.kind.example in (str(info.example), f"{info.example:g}")
    if info.kind == "integer":
        assert option.metavar == f"{info.minimum}-{info.maximum}"
    if info.kind == "number":
        assert f"({spec(kind, name).range_words})" in (option.help or "")


def test_the_checkin_day_flag_says_what_the_schema_says() -> None:
    option = _option_for("checkin", "day")
    assert "Default today." in (option.help or "")


@pytest.mark.parametrize(("kind", "name"), FIELD_NAMES)
def test_questions_name_the_field_as_the_web_form_labels_it(kind: EntryKind, name: str) -> None:
    info = field_info(INPUT_SCHEMAS[kind], name)
    question = question_for(kind, name)
    assert question.label == info.label
    if info.kind in ("integer", "number"):
        assert question.text.startswith(info.help.rstrip("."))
    if info.question:
        assert question.text == info.question


def test_a_range_that_excludes_its_low_end_is_worded_so() -> None:
    assert spec("care", "minutes").range_words == "more than 0, up to 240 minutes"
    assert spec("checkin", "hours_sitting").range_words == "0-24 hours"
    assert spec("checkin", "pain").range_words == ""  # a 0-10 scale says its ends itself


def test_the_table_holds_only_what_the_schemas_have() -> None:
    assert {kind: list(fields) for kind, fields in FIELDS.items()} == {
        kind: list(INPUT_SCHEMAS[kind].model_fields) for kind in ENTRY_KINDS
    }
