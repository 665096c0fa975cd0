"""Cost of a safe save: `Store.add` against a bare SQLite insert, in one run.

The journal's save runs in ``BEGIN IMMEDIATE`` with WAL and ``synchronous=FULL``,
validates the entry and reads it back. The baseline is a plain insert of the same
JSON into a table on SQLite's defaults, committed one row at a time.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
import time
from pathlib import Path

from workbook.models import CheckIn
from workbook.store import Store

SAVES = 500


def journal_saves(folder: Path) -> float:
    store = Store(folder / "journal" / "journal.sqlite3")
    start = time.perf_counter()
    for i in range(SAVES):
        store.add(CheckIn(mood=1 + i % 10, insecurity=i % 11, note=f"entry {i}"))
    elapsed = time.perf_counter() - start
    store.close()
    return elapsed


def bare_inserts(folder: Path) -> float:
    con = sqlite3.connect(folder / "bare.sqlite3")
    con.execute("CREATE TABLE entries (id INTEGER PRIMARY KEY, data TEXT)")
    start = time.perf_counter()
    for i in range(SAVES):
        data = json.dumps({"mood": 1 + i % 10, "insecurity": i % 11, "note": f"entry {i}"})
        con.execute("INSERT INTO entries (data) VALUES (?)", (data,))
        con.commit()
    elapsed = time.perf_counter() - start
    con.close()
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        journal = journal_saves(Path(folder))
        bare = bare_inserts(Path(folder))
    print(f"{SAVES} saves: journal {journal / SAVES * 1000:.2f} ms each, "
          f"bare insert {bare / SAVES * 1000:.2f} ms each")
    print(f"ratio journal / bare: {journal / bare:.2f}")


if __name__ == "__main__":
    main()
