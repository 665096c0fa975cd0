"""What can go wrong with the journal, each with a sentence written for the person."""

from __future__ import annotations

import sqlite3
import sys

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


class StoreLocked(StoreError):
    """The journal is locked and no key for it was given or is held in this kernel."""


class WrongPassphrase(StoreLocked):
    """The passphrase or recovery code does not open the journal; nothing was changed."""


class KeyFileProblem(StoreLocked):
    """The journal's key file is missing or damaged; the journal is left untouched."""


def operational() -> tuple[type[Exception], ...]:
    """SQLite's OperationalError and, once a locked journal loaded it, SQLCipher's."""
    cipher = sys.modules.get("sqlcipher3.dbapi2")
    if cipher is None:
        return (sqlite3.OperationalError,)
    return (sqlite3.OperationalError, cipher.OperationalError)


def database_error() -> tuple[type[Exception], ...]:
    """SQLite's DatabaseError and, once loaded, SQLCipher's."""
    cipher = sys.modules.get("sqlcipher3.dbapi2")
    if cipher is None:
        return (sqlite3.DatabaseError,)
    return (sqlite3.DatabaseError, cipher.DatabaseError)


def friendly(error: Exception) -> StoreError:
    """The person's version of an SQLite error raised while writing."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return StoreError(messages.LOCKED)
    return StoreError(messages.DISK_PROBLEM.format(reason=str(error)))
