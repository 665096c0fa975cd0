"""Schema steps, numbered: step N takes a journal from version N-1 to N.

Each step runs inside the one transaction that `Store` opens for the whole
upgrade, so a failing step leaves the file exactly as it was.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable


def _v1_journal(con: sqlite3.Connection) -> None:
    con.execute(
        """
        CREATE TABLE profiles (
            key TEXT PRIMARY KEY,
            name TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        )
        """
    )
    con.execute(
        """
        CREATE TABLE entries (
            id INTEGER PRIMARY KEY,
            profile TEXT NOT NULL REFERENCES profiles(key),
            kind TEXT NOT NULL,
            strategy TEXT,
            created_at TEXT NOT NULL,
            day TEXT NOT NULL,
            updated_at TEXT,
            data TEXT NOT NULL CHECK (json_valid(data))
        )
        """
    )
    con.execute("CREATE INDEX entries_by_kind ON entries (kind, profile, day)")
    con.execute("CREATE INDEX entries_by_strategy ON entries (strategy, profile, day)")
    con.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    con.execute(
        "INSERT INTO profiles (key, name, created_at) VALUES ('me', '', datetime('now'))"
    )


STEPS: list[Callable[[sqlite3.Connection], None]] = [_v1_journal]
LATEST = len(STEPS)
