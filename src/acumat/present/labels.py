"""Words for stored codes: vocabulary words, entry kinds, urgency levels and mat verdicts.

Stored values are codes (``sharp_pain``, ``lower_left``); people read the labels here. An
unknown code (a newer file read by an older acumat) is shown as words, never as the code.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from acumat.diary.vocabulary import (
    AFTER_EFFECTS,
    BACK_LOCATIONS,
    CARE_KINDS,
    SKIN_REACTIONS,
    STOP_REASONS,
    TRIGGERS,
)
from acumat.kinds import ENTRY_NAMES

VOCABULARIES: dict[str, Mapping[str, str]] = {
    "triggers": TRIGGERS,
    "back_locations": BACK_LOCATIONS,
    "care_kinds": CARE_KINDS,
    "stop_reasons": STOP_REASONS,
    "skin_reactions": SKIN_REACTIONS,
    "after_effects": AFTER_EFFECTS,
}
"""Every fixed vocabulary of the diary by name (the API's ``/vocabulary`` uses the same)."""

KIND_NAMES: Mapping[str, str] = ENTRY_NAMES

__all__ = [
    "KIND_NAMES",
    "VOCABULARIES",
    "choices_for",
    "kind_name",
    "urgency_label",
    "verdict_label",
    "word_label",
]


def _as_words(code: str) -> str:
    return code.replace("_", " ").capitalize()


def word_label(vocabulary: str, code: str) -> str:
    """The words for ``code`` in ``vocabulary`` (``stop_reasons``, ``sharp_pain`` → "Pain
    became sharp")."""
    return VOCABULARIES[vocabulary].get(code) or _as_words(code)


def choices_for(codes: Sequence[str]) -> dict[str, str]:
    """Codes → words, from the vocabulary holding exactly these codes (a schema's enum)."""
    for words in VOCABULARIES.values():
        if list(words) == list(codes):
            return dict(words)
    return {code: _as_words(code) for code in codes}


def urgency_label(urgency: str, region: str | None = None) -> str:
    """An urgency level's words for ``region`` (``EMERGENCY`` → the heading a person reads)."""
    from acumat.safety.loader import urgency_label as label

    return label(urgency, region)


def verdict_label(verdict: str, region: str | None = None) -> str:
    """A mat verdict's words for ``region`` (``do-not-use`` → "Do not use a mat")."""
    from acumat.safety.loader import verdict_label as label

    return label(verdict, region)


def kind_name(kind: str) -> str:
    """An entry kind as a person says it: ``session`` → "mat session"."""
    return KIND_NAMES.get(kind) or _as_words(kind).lower()
