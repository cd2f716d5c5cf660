"""Reading a whole export held in memory, for tests of the streaming readers.

acumat itself streams files (``read_csv``/``read_json`` feeding an import run); these
collect what the readers yield and raise the problems they gathered, so a test can look at
every validated row of a small text at once.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from acumat.interop.csv_io import read_csv
from acumat.interop.json_io import ScreeningRow, read_json
from acumat.interop.records import Reading, Record
from acumat.safety.schemas import ApprovalRecord, ScreeningRecord
from acumat.timecheck import TimeContext


@dataclass(frozen=True)
class SafetyRecords:
    """Validated screenings and approvals, in file order."""

    screenings: list[ScreeningRecord] = field(default_factory=list)
    approvals: list[ApprovalRecord] = field(default_factory=list)


@dataclass(frozen=True)
class ExportContents:
    """Everything a file holds, validated."""

    entries: list[Record]
    safety: SafetyRecords = field(default_factory=SafetyRecords)


def load_csv(text: str, time: TimeContext) -> list[Record]:
    """Every row of a CSV export, validated; :class:`InvalidInput` names row and field."""
    reading = Reading(time)
    records = list(read_csv(io.StringIO(text.removeprefix("\ufeff"), newline=""), reading))
    reading.problems.refuse()
    return records


def load_json(text: str, time: TimeContext) -> ExportContents:
    """Every entry, screening and approval of an export document, validated."""
    reading = Reading(time)
    contents = ExportContents([])
    for item in read_json(io.StringIO(text), reading):
        if isinstance(item, Record):
            contents.entries.append(item)
        elif isinstance(item, ScreeningRow):
            contents.safety.screenings.append(item.record)
        else:
            contents.safety.approvals.append(item.record)
    reading.problems.refuse()
    return contents
