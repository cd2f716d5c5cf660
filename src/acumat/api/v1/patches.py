"""Partial edits over the API: JSON merge patch (RFC 7396) bodies for ``PATCH``.

A patch body is an object holding only the fields to change; ``null`` clears an optional
field (a required one cannot be cleared). Its schema is derived from the entry's ``…In``
schema, every field optional, so the document and the validation never drift apart. The
merged entry is judged by the service (:func:`acumat.services.diary.patch_entry`) with
every rule a new entry meets. ``application/merge-patch+json`` and ``application/json``
are both read.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, create_model
from pydantic.fields import FieldInfo

from acumat.diary.schemas import INPUT_SCHEMAS
from acumat.kinds import ENTRY_NAMES, EntryKind

MERGE_PATCH = "application/merge-patch+json"
PATCH_CONFIG = ConfigDict(
    extra="forbid",
    str_strip_whitespace=True,
    allow_inf_nan=False,
    json_schema_extra={"minProperties": 1},
)


def patch_schema(kind: EntryKind, name: str) -> type[BaseModel]:
    """The patch body of ``kind``: its ``…In`` schema with every field optional and
    nullable, named ``name``; per-field checks stay, cross-field ones are the service's."""
    fields: dict[str, Any] = {
        field: (
            _nullable(info),
            Field(default=None, title=info.title, description=info.description),
        )
        for field, info in INPUT_SCHEMAS[kind].model_fields.items()
    }
    doc = (
        f"The fields of a {ENTRY_NAMES[kind]} to change, and only those; null clears an "
        "optional field (a required one cannot be cleared)."
    )
    model: type[BaseModel] = create_model(name, __config__=PATCH_CONFIG, __doc__=doc, **fields)
    return model


def _nullable(info: FieldInfo) -> Any:
    """The field's type with its checks, or null: null stops before the checks run."""
    if info.default is None:  # already optional: ``X | None``, checks inside ``X``
        return info.annotation
    metadata: list[Any] = list(info.metadata)
    if info.json_schema_extra:  # an enum: it must describe the value, not the null
        metadata.append(Field(json_schema_extra=info.json_schema_extra))
    inner: Any = Annotated[(info.annotation, *metadata)] if metadata else info.annotation
    return inner | None


def changes(body: BaseModel) -> dict[str, Any]:
    """The fields the client sent, explicit nulls included (merge-patch semantics)."""
    return body.model_dump(exclude_unset=True)


def patch_openapi(model: type[BaseModel]) -> dict[str, Any]:
    """``openapi_extra`` listing the merge-patch media type beside ``application/json``."""
    ref = {"$ref": f"#/components/schemas/{model.__name__}"}
    return {"requestBody": {"content": {MERGE_PATCH: {"schema": ref}}}}
