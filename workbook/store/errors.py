"""What can go wrong with the journal, each with a sentence written for the person."""

from __future__ import annotations

import sqlite3

from workbook import messages


class StoreError(Exception):
    """A problem with the journal file, with a message written for the person."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


class StoreTooNew(StoreError):
    """The file comes from a newer version of the workbook and must not be written."""


class StoreDamaged(StoreError):
    """The file can't be read as a journal; it is left untouched."""


def friendly(error: sqlite3.OperationalError) -> StoreError:
    """The person's version of an SQLite error raised while writing."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return StoreError(messages.LOCKED)
    return StoreError(messages.DISK_PROBLEM.format(reason=str(error)))
