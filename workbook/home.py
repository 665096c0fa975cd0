"""Older name of `workbook.progress` (where a person is across the workbook), kept so
existing imports work."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from workbook.progress import (  # noqa: F401
    JOURNAL,
    NOTEBOOKS,
    PROGRESS,
    START_HERE,
    Part,
    Progress,
    Waiting,
    progress,
    streaks,
)


def streak(days: Iterable[dt.date], today: dt.date) -> int:
    """The run of check-in days still going (see `workbook.progress.streaks`)."""
    return streaks(days, today).current
