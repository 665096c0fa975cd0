"""Entries brought in together (an import, a partner's share file), kept as one batch.

A batch is written in one transaction (all or nothing), can be undone as a whole,
and each entry may carry an ``origin``: a stable name for the row of the source
file it came from, so bringing in the same file twice adds nothing the second time.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from workbook import words
from workbook.models import Entry
from workbook.store import search_index
from workbook.store.files import now
from workbook.store.rows import answers_text, ensure_profile, insert

# Older SQLite builds take at most 999 values in one statement; both sizes stay under it.
# Origins looked up by one SELECT.
_IN_CHUNK = 500
# Rows written by one INSERT: a hundred rows of eight values each.
_INSERT_ROWS = 100
_INSERT = ("INSERT INTO entries (profile, kind, strategy, created_at, day, data, batch, origin)"
           " VALUES ")
_ROW = "(?, ?, ?, ?, ?, ?, ?, ?)"


@dataclasses.dataclass(frozen=True)
class Batch:
    id: int
    kind: str
    label: str
    created_at: dt.datetime
    details: dict[str, Any]
    entries: int


class BatchWriter:
    """Adds entries to one batch inside the transaction that `Store.batch` opened."""

    def __init__(self, con: sqlite3.Connection, batch_id: int):
        self._con = con
        self.id = batch_id
        self.added = 0
        self.skipped = 0
        # The indexed words of the rows written, by (kind, stored answers): the word
        # index takes them from here rather than decoding each row again.
        self.words: dict[tuple[str, str], str] = {}
        # The stored text of each entry written so far, by the entry itself (by identity:
        # an import adds one entry for many rows with the same answers).
        self._texts: dict[int, tuple[Entry, str]] = {}

    def add(self, entry: Entry, *, profile: str = words.PROFILE_ME,
            at: dt.datetime | None = None, origin: str | None = None) -> bool:
        """Add ``entry``; returns False (and adds nothing) if ``origin`` is already here."""
        if origin is not None and self._con.execute(
                "SELECT 1 FROM entries WHERE origin = ?", (origin,)).fetchone():
            self.skipped += 1
            return False
        insert(self._con, entry, profile=profile, at=at, batch=self.id, origin=origin,
               data=self._stored(entry))
        self.added += 1
        return True

    def add_many(self, items: Iterable[tuple[Entry, dt.datetime | None, str | None]], *,
                 profile: str = words.PROFILE_ME) -> int:
        """Add (entry, at, origin) items as `add` does, in one statement; returns how many.

        An origin already in the journal, or earlier in ``items``, is skipped.
        """
        items = list(items)
        origins = [origin for _, _, origin in items if origin is not None]
        known: set[str] = set()
        for start in range(0, len(origins), _IN_CHUNK):
            part = origins[start:start + _IN_CHUNK]
            known.update(row[0] for row in self._con.execute(
                f"SELECT origin FROM entries WHERE origin IN ({', '.join('?' * len(part))})",
                part))
        rows = []
        for entry, at, origin in items:
            if origin is not None:
                if origin in known:
                    self.skipped += 1
                    continue
                known.add(origin)
            # As `insert` does: a time with its own offset keeps it.
            when = at if at is not None and at.tzinfo is not None else (at or now()).astimezone()
            written = when.isoformat()  # its first ten characters are the day
            rows.append((profile, entry.KIND, entry.STRATEGY, written, written[:10],
                         self._stored(entry), self.id, origin))
        if rows:
            ensure_profile(self._con, profile)
            _insert_rows(self._con, rows)
        self.added += len(rows)
        return len(rows)

    def _stored(self, entry: Entry) -> str:
        """The text of ``entry``'s answers as stored, its words noted for the index."""
        known = self._texts.get(id(entry))
        if known is not None and known[0] is entry:
            return known[1]
        answers = entry.to_data()
        data = answers_text(answers)
        found = search_index.written_document(type(entry), answers)
        if found is not None:
            self.words[entry.KIND, data] = found
        self._texts[id(entry)] = (entry, data)
        return data


def _insert_rows(con: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
    """Insert entry rows in order, a hundred to a statement.

    SQLite's work around each statement (a row here also runs the trigger that notes
    it for the word index, and updates four indexes) came to more than the rows
    themselves: ten years of check-ins took about 80 ms one row to a statement, and
    30 ms a hundred to a statement.
    """
    for start in range(0, len(rows), _INSERT_ROWS):
        part = rows[start:start + _INSERT_ROWS]
        con.execute(_INSERT + ", ".join([_ROW] * len(part)),
                    [value for row in part for value in row])


class Batches:
    """The part of `Store` that writes, lists and undoes batches."""

    _con: sqlite3.Connection
    _writing: Callable[[], AbstractContextManager[sqlite3.Connection]]

    def _daily_backup(self) -> object:
        raise NotImplementedError

    @contextmanager
    def batch(self, kind: str, label: str = "", details: dict[str, Any] | None = None,
              *, replaces: Iterable[int] = ()) -> Iterator[BatchWriter]:
        """Write a batch in one transaction: if the block raises, nothing is kept.

        A batch that ends up adding no entry is not kept either. The batches in
        ``replaces`` are removed in the same transaction, so a newer file from the
        same source takes the place of the older one, or nothing changes at all.
        """
        self._daily_backup()
        with self._writing() as con:
            for old in replaces:
                _remove(con, old)
            cursor = con.execute(
                "INSERT INTO batches (kind, label, created_at, details) VALUES (?, ?, ?, ?)",
                (kind, label, now().isoformat(), json.dumps(details or {}, ensure_ascii=False)))
            writer = BatchWriter(con, int(cursor.lastrowid or 0))
            yield writer
            search_index.catch_up(con, known=writer.words)
            if not writer.added:
                con.execute("DELETE FROM batches WHERE id = ?", (writer.id,))

    def batches(self, kind: str | None = None) -> list[Batch]:
        """Batches still in the journal, newest first, with how many entries each holds."""
        sql = ("SELECT b.id, b.kind, b.label, b.created_at, b.details, count(e.id)"
               " FROM batches b LEFT JOIN entries e ON e.batch = b.id"
               + (" WHERE b.kind = ?" if kind else "")
               + " GROUP BY b.id ORDER BY b.created_at DESC, b.id DESC")
        found = self._con.execute(sql, (kind,) if kind else ())
        return [Batch(i, k, label, dt.datetime.fromisoformat(at), json.loads(details), n)
                for i, k, label, at, details, n in found]

    def undo_batch(self, batch_id: int) -> int:
        """Remove exactly the entries of one batch, and the batch; returns how many."""
        with self._writing() as con:
            return _remove(con, batch_id)


def _remove(con: sqlite3.Connection, batch_id: int) -> int:
    removed = con.execute("DELETE FROM entries WHERE batch = ?", (batch_id,)).rowcount
    con.execute("DELETE FROM batches WHERE id = ?", (batch_id,))
    return int(removed)
