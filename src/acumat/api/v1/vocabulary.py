"""``/api/v1/vocabulary``: the fixed word lists, so clients can build the diary's forms."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from acumat.api.v1.responses import refusals
from acumat.diary import vocabulary

router = APIRouter(tags=["vocabulary"])


class Word(BaseModel):
    """A value to send, and the words to show a person for it."""

    value: str
    label: str


class VocabularyOut(BaseModel):
    """Each list in the order forms should offer it."""

    triggers: list[Word]
    locations: list[Word]
    care_kinds: list[Word]
    stop_reasons: list[Word]
    skin_reactions: list[Word]
    after_effects: list[Word]


def _words(labels: dict[str, str]) -> list[Word]:
    return [Word(value=value, label=label) for value, label in labels.items()]


@router.get("/vocabulary", name="get_vocabulary", responses=refusals(400))
def get_vocabulary() -> VocabularyOut:
    """Spasm triggers, back locations, care kinds, stop reasons and skin reactions."""
    return VocabularyOut(
        triggers=_words(vocabulary.TRIGGERS),
        locations=_words(vocabulary.BACK_LOCATIONS),
        care_kinds=_words(vocabulary.CARE_KINDS),
        stop_reasons=_words(vocabulary.STOP_REASONS),
        skin_reactions=_words(vocabulary.SKIN_REACTIONS),
        after_effects=_words(vocabulary.AFTER_EFFECTS),
    )
