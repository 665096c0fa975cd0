"""Entries as rows: how one is written and how one is read back."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable
from json import encoder as json_encoder
from typing import Any

from workbook import messages, words
from workbook.models import KINDS, Entry, UnreadableData
from workbook.store.errors import StoreError
from workbook.store.files import now

SELECT = ("SELECT id, profile, kind, strategy, created_at, day, updated_at, data, batch,"
          " unread FROM entries")
# Added to a query that counts entries: rows kept unread are never counted as shown.
SHOWN = "unread = 0"


@dataclasses.dataclass(frozen=True)
class Saved:
    """An entry as it sits in the journal, with who wrote it and when."""

    id: int
    profile: str
    kind: str
    strategy: str | None
    created_at: dt.datetime
    day: dt.date
    updated_at: dt.datetime | None
    entry: Entry
    # The import or share file it came in with (see `Store.batches`), or None.
    batch: int | None = None


def filters(kind: str | None, profile: str | None, since: dt.date | None,
            until: dt.date | None) -> tuple[str, list[str]]:
    """The WHERE clause (or "") and its values that pick entries by kind, profile and day."""
    where, args = [], []
    for clause, value in (("kind = ?", kind), ("profile = ?", profile),
                          ("day >= ?", since and since.isoformat()),
                          ("day <= ?", until and until.isoformat())):
        if value is not None:
            where.append(clause)
            args.append(value)
    return (" WHERE " + " AND ".join(where) if where else ""), args


@dataclasses.dataclass(frozen=True)
class Profile:
    key: str
    name: str

    @property
    def label(self) -> str:
        default = "Me" if self.key == words.PROFILE_ME else "My partner"
        return self.name or default


def ensure_profile(con: sqlite3.Connection, key: str) -> None:
    con.execute(
        "INSERT OR IGNORE INTO profiles (key, name, created_at) VALUES (?, '', ?)",
        (key, now().isoformat()),
    )


def insert(con: sqlite3.Connection, entry: Entry, *, profile: str,
           at: dt.datetime | None = None, updated: dt.datetime | None = None,
           batch: int | None = None, origin: str | None = None,
           data: str | None = None) -> int:
    """Write ``entry`` as a new row and return its id (inside the caller's transaction).

    ``data`` is ``encode(entry)`` when the caller has it already."""
    # A time with its own offset keeps it, so a day stays the day it was written there.
    when = at if at is not None and at.tzinfo is not None else (at or now()).astimezone()
    ensure_profile(con, profile)
    cursor = con.execute(
        "INSERT INTO entries (profile, kind, strategy, created_at, day, updated_at, data,"
        " batch, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (profile, entry.KIND, entry.STRATEGY, when.isoformat(), when.date().isoformat(),
         updated.isoformat() if updated else None, data or encode(entry), batch, origin),
    )
    return int(cursor.lastrowid or 0)


def insert_unread(con: sqlite3.Connection, profile: str, kind: str, strategy: str | None,
                  created: dt.datetime, updated: dt.datetime | None, data: str) -> int:
    """Write a row exactly as given, marked unread: it is kept and exported, never shown.

    For an entry that came marked unreadable: whatever its kind and answers say, nothing
    reads it as an entry.
    """
    ensure_profile(con, profile)
    cursor = con.execute(
        "INSERT INTO entries (profile, kind, strategy, created_at, day, updated_at, data,"
        " unread) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
        (profile, kind, strategy, created.isoformat(), created.date().isoformat(),
         updated.isoformat() if updated else None, data))
    return int(cursor.lastrowid or 0)


# One encoder for every row: `json.dumps` with options builds a new one per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False)
# `_ENCODER.encode` still makes its C encoder anew on every call; made once here it
# writes the same text for a fraction of the cost over thousands of imported rows.
# (No check for cycles: answers are plain data.)
_ONE_SHOT = (json_encoder.c_make_encoder(
    None, _ENCODER.default, json_encoder.encode_basestring, None,
    _ENCODER.key_separator, _ENCODER.item_separator, False, False, True)
    if json_encoder.c_make_encoder is not None else None)


def encode(entry: Entry) -> str:
    """The entry's answers as the JSON text the journal stores."""
    return answers_text(entry.to_data())


def answers_text(answers: dict[str, Any]) -> str:
    """An entry's plain answers (`Entry.to_data`) as the JSON text the journal stores."""
    if _ONE_SHOT is None:
        return _ENCODER.encode(answers)
    return "".join(_ONE_SHOT(answers, 0))


class UnreadableRow(StoreError):
    """A stored row this version can't turn into an entry. It stays in the file as it is.

    ``reason`` is "newer" (a kind or answers from a newer version) or "data" (the
    stored answers can't be decoded).
    """

    def __init__(self, entry_id: int, kind: str, reason: str):
        self.entry_id, self.kind, self.reason = entry_id, kind, reason
        super().__init__(messages.not_shown({reason: 1}))


class Found(list[Saved]):
    """Entries as found, plus the rows that could not be read (``skipped``)."""

    def __init__(self, entries: list[Saved], skipped: list[UnreadableRow]):
        super().__init__(entries)
        self.skipped = skipped

    def not_shown(self) -> str:
        """A friendly line about the skipped rows ("" when every row was read)."""
        return messages.not_shown(Counter(row.reason for row in self.skipped))


def saved(row: tuple[Any, ...]) -> Saved:
    """Build a `Saved` from a row as stored (never re-checked against today's rules).

    Raises `UnreadableRow` for a row of a kind, or with answers, this version doesn't
    know, whose data can't be decoded, or that is kept unread (`insert_unread`).
    """
    found = _saved(row)
    if row[9]:
        # Kept unread even when its answers look readable: it came marked unreadable.
        raise UnreadableRow(found.id, found.kind, "data")
    return found


def _saved(row: tuple[Any, ...]) -> Saved:
    entry_id, profile, kind, strategy, created, day, updated, data, batch, _unread = row
    model = KINDS.get(kind)
    if model is None:
        raise UnreadableRow(entry_id, kind, "newer")
    try:
        return Saved(
            id=entry_id,
            profile=profile,
            kind=kind,
            strategy=strategy,
            created_at=dt.datetime.fromisoformat(created),
            day=dt.date.fromisoformat(day),
            updated_at=dt.datetime.fromisoformat(updated) if updated else None,
            entry=model.from_data(json.loads(data)),
            batch=batch,
        )
    except UnreadableData as error:
        raise UnreadableRow(entry_id, kind, error.reason) from None
    except (ValueError, TypeError, AttributeError):
        raise UnreadableRow(entry_id, kind, "data") from None


def read(found: Iterable[tuple[Any, ...]]) -> Found:
    """Every readable row as a `Saved`; the others are counted, never dropped from the file."""
    entries, skipped = [], []
    for row in found:
        try:
            entries.append(saved(row))
        except UnreadableRow as unreadable:
            skipped.append(unreadable)
    return Found(entries, skipped)
