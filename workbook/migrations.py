"""Schema steps, numbered: step N takes a journal from version N-1 to N.

Each step runs inside the one transaction that `Store` opens for the whole
upgrade, so a failing step leaves the file exactly as it was.
"""

from __future__ import annotations

import json
import re
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


def _v2_batches(con: sqlite3.Connection) -> None:
    # Entries brought in together (an import, a partner's share file) form a batch, so
    # they can be undone together; ``origin`` names a row of the source file, so the
    # same row is never brought in twice.
    con.execute(
        """
        CREATE TABLE batches (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            label TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))
        )
        """
    )
    con.execute("ALTER TABLE entries ADD COLUMN batch INTEGER REFERENCES batches(id)")
    con.execute("ALTER TABLE entries ADD COLUMN origin TEXT")
    con.execute("CREATE UNIQUE INDEX entries_by_origin ON entries (origin)"
                " WHERE origin IS NOT NULL")
    con.execute("CREATE INDEX entries_by_batch ON entries (batch) WHERE batch IS NOT NULL")


# Answers that were stored as the words of a pick list up to version 2, by kind and field.
# Frozen here: later changes to the lists in `workbook.words` must not change this step.
_PICKED_AS_WORDS: dict[str, tuple[str, ...]] = {
    "checkin": ("emotions",),
    "inner_critic_rewrite": ("feelings",),
    "thought_record": ("emotions", "situation_kind"),
    "clear_statement": ("feelings", "needs"),
    "therapy_statement": ("feelings", "needs"),
    "shared_vulnerability": ("feelings", "needs"),
    "trigger_log": ("fears", "feelings", "body", "urges"),
    "therapist_candidate": ("licensed", "format"),
}


def pick_key(words: str) -> str:
    """The stable key for a pick stored as its words: "can't think straight" →
    "cant_think_straight". Frozen: the keys in `workbook.words` were made with it."""
    return re.sub(r"[^a-z0-9]+", "_", words.lower().replace("'", "")).strip("_")


def _v3_pick_keys(con: sqlite3.Connection) -> None:
    # Picks become stable keys, so a pick list can be reworded without touching entries.
    kinds = list(_PICKED_AS_WORDS)
    marks = ", ".join("?" * len(kinds))
    found = con.execute(f"SELECT id, kind, data FROM entries WHERE kind IN ({marks})", kinds)
    for entry_id, kind, data in found.fetchall():
        answers = json.loads(data)
        if not isinstance(answers, dict):
            continue  # unreadable rows stay exactly as they are
        for field in _PICKED_AS_WORDS[kind]:
            value = answers.get(field)
            if isinstance(value, str):
                answers[field] = pick_key(value)
            elif isinstance(value, list):
                answers[field] = [pick_key(v) if isinstance(v, str) else v for v in value]
        con.execute("UPDATE entries SET data = ? WHERE id = ?",
                    (json.dumps(answers, ensure_ascii=False), entry_id))


def _v4_kept_unread(con: sqlite3.Connection) -> None:
    # An entry that came in marked unreadable (from an export) is kept exactly as it came
    # and never shown, whatever its kind and answers claim to be.
    con.execute("ALTER TABLE entries ADD COLUMN unread INTEGER NOT NULL DEFAULT 0")


def _v5_search_index(con: sqlite3.Connection) -> None:
    # The word index for searching the journal, inside the journal (so a lock covers it).
    # It holds only words derived from the entries: a later change to it drops it and
    # makes it anew in its own step, so this step may use the index's current shape.
    from workbook.store import search_index

    search_index.create(con)


STEPS: list[Callable[[sqlite3.Connection], None]] = [
    _v1_journal, _v2_batches, _v3_pick_keys, _v4_kept_unread, _v5_search_index]
LATEST = len(STEPS)
