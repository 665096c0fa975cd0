"""Bringing history in from other mood apps: a Daylio export or any mood CSV.

Plain logic, no widgets. Reading a file gives a `Preview` (days, date range, rows
that can't be read and why, mood labels still to map); `bring_in` then writes the
rows as check-ins in one batch: all or nothing, nothing twice, undone as a whole
with `Store.undo_batch`.
"""

from __future__ import annotations

from workbook.importers._shared import (
    MAX_BYTES,
    ImportProblem,
    ImportResult,
    Preview,
    Row,
    bring_in,
)
from workbook.importers.daylio import DAYLIO_LEVELS, MOOD_FOR_LEVEL, read_daylio
from workbook.importers.generic_csv import columns_of, read_generic

__all__ = [
    "DAYLIO_LEVELS",
    "MAX_BYTES",
    "MOOD_FOR_LEVEL",
    "ImportProblem",
    "ImportResult",
    "Preview",
    "Row",
    "bring_in",
    "columns_of",
    "read_daylio",
    "read_generic",
]
