"""Entries as rows: how one is written and how one is read back."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from typing import Any

from workbook import words
from workbook.models import Entry
from workbook.store.errors import StoreError
from workbook.store.files import now

SELECT = ("SELECT id, profile, kind, strategy, created_at, day, updated_at, data, batch"
          " FROM entries")


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
           batch: int | None = None, origin: str | None = None) -> int:
    """Write ``entry`` as a new row and return its id (inside the caller's transaction)."""
    # A time with its own offset keeps it, so a day stays the day it was written there.
    when = at if at is not None and at.tzinfo is not None else (at or now()).astimezone()
    ensure_profile(con, profile)
    cursor = con.execute(
        "INSERT INTO entries (profile, kind, strategy, created_at, day, updated_at, data,"
        " batch, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (profile, entry.KIND, entry.STRATEGY, when.isoformat(), when.date().isoformat(),
         updated.isoformat() if updated else None, encode(entry), batch, origin),
    )
    return int(cursor.lastrowid or 0)


def encode(entry: Entry) -> str:
    return json.dumps(entry.to_data(), ensure_ascii=False)


def saved(row: tuple[Any, ...]) -> Saved:
    """Build a `Saved` from a row as stored."""
    from workbook.models import KINDS

    entry_id, profile, kind, strategy, created, day, updated, data, batch = row
    model = KINDS.get(kind)
    if model is None:
        raise StoreError(f"This journal has entries of a kind ({kind}) this version can't read.")
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
