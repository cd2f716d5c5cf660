"""The two scales the engine outputs: urgency (L1-L4) and the mat verdict."""

from __future__ import annotations

from enum import StrEnum


class Urgency(StrEnum):
    """How soon to get help, most urgent first (the knowledge base's L1-L4)."""

    EMERGENCY = "EMERGENCY"
    URGENT_SAME_DAY = "URGENT_SAME_DAY"
    SEE_CLINICIAN_DAYS = "SEE_CLINICIAN_DAYS"
    SELF_CARE = "SELF_CARE"

    @property
    def rank(self) -> int:
        """0 for EMERGENCY up to 3 for SELF_CARE: a lower rank is more urgent."""
        return list(Urgency).index(self)

    @property
    def is_urgent(self) -> bool:
        """EMERGENCY or URGENT_SAME_DAY: shown before anything else, everywhere (MAT-D1)."""
        return self.rank <= Urgency.URGENT_SAME_DAY.rank


class Verdict(StrEnum):
    """Whether the mat may be used, strictest first (MAT-W1)."""

    DO_NOT_USE = "do-not-use"
    CAUTION_CONSULT = "caution-consult"
    OK = "ok"

    @property
    def rank(self) -> int:
        """0 for do-not-use up to 2 for ok: a lower rank is stricter."""
        return list(Verdict).index(self)
