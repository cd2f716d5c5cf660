"""Write the diary schemas' field words into a table the terminal reads without pydantic.

The CLI's option help, its refusals' examples and its questions come from the same titles,
descriptions, ranges and units as the web labels and the OpenAPI document
(:func:`acumat.present.fields.field_info`). Reading them at run time would make
``acumat --help`` import pydantic and build every JSON schema, so this module writes them
once into ``acumat/cli/field_table.py``; ``tests/cli/test_field_table.py`` fails whenever
that file differs from what the schemas say now.

Run ``python -m acumat.present.field_table`` after changing a diary schema's words.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from acumat.diary.schemas import INPUT_SCHEMAS
from acumat.present.fields import FieldInfo, fields_of

TARGET = Path(__file__).resolve().parent.parent / "cli" / "field_table.py"

KEPT = ("label", "help", "kind", "minimum", "maximum", "above_minimum", "unit", "example")
OPTIONAL = ("max_length", "question")

HEADER = '''"""The diary schemas' field words for the terminal, written by a program: do not edit.

Made by ``python -m acumat.present.field_table`` from the titles, descriptions, ranges and
units on the diary schemas; a test fails when it no longer matches them.
"""

from __future__ import annotations

from typing import Any

FIELDS: dict[str, dict[str, dict[str, Any]]] = '''


def _row(info: FieldInfo) -> dict[str, Any]:
    row = {name: getattr(info, name) for name in KEPT}
    row.update({name: getattr(info, name) for name in OPTIONAL if getattr(info, name)})
    return row


def table() -> dict[str, dict[str, dict[str, Any]]]:
    """Every entry kind's fields, in declaration order, as the terminal needs them."""
    return {
        kind: {name: _row(info) for name, info in fields_of(schema).items()}
        for kind, schema in INPUT_SCHEMAS.items()
    }


def _literal(value: Any) -> str:
    """``value`` as Python source in the project's format (double quotes, as ruff writes)."""
    if isinstance(value, str):
        return json.dumps(value)
    return repr(value)


def render() -> str:
    """The text of ``acumat/cli/field_table.py`` for the schemas as they are now."""
    lines = [HEADER + "{"]
    for kind, fields in table().items():
        lines.append(f"    {json.dumps(kind)}: {{")
        for name, row in fields.items():
            lines.append(f"        {json.dumps(name)}: {{")
            lines += [f"            {json.dumps(k)}: {_literal(v)}," for k, v in row.items()]
            lines.append("        },")
        lines.append("    },")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> None:
    TARGET.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"Wrote {TARGET.name}.\n")


if __name__ == "__main__":
    main()
