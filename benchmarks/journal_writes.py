"""Cost of a safe save: `Store.add` against a bare SQLite insert, in one run.

The journal's save runs in ``BEGIN IMMEDIATE`` with WAL and ``synchronous=FULL``,
validates the entry and reads it back. The baseline is a bare insert of the same
JSON on a connection with the same WAL and ``synchronous=FULL`` settings, committed
one row at a time, so the ratio shows what the journal adds, not what durability costs.
Both are timed in turns in one loop, so load on the machine hits them alike.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from workbook.models import CheckIn
from workbook.store import Store

SAVES = 500


def timed_saves(folder: Path) -> tuple[list[float], list[float]]:
    """Per-save times of the journal and of the bare insert, taken in turns."""
    store = Store(folder / "journal" / "journal.sqlite3")
    con = sqlite3.connect(folder / "bare.sqlite3", isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = FULL")
    con.execute("CREATE TABLE entries (id INTEGER PRIMARY KEY, data TEXT)")

    def journal_save(i: int) -> None:
        store.add(CheckIn(mood=1 + i % 10, insecurity=i % 11, note=f"entry {i}"))

    def bare_insert(i: int) -> None:
        data = json.dumps({"mood": 1 + i % 10, "insecurity": i % 11, "note": f"entry {i}"})
        con.execute("BEGIN IMMEDIATE")
        con.execute("INSERT INTO entries (data) VALUES (?)", (data,))
        con.execute("COMMIT")

    times: dict[str, list[float]] = {"journal": [], "bare": []}
    for i in range(SAVES):
        # Alternate which goes first, so machine load and fsync order hit both alike.
        pair = [("journal", journal_save), ("bare", bare_insert)]
        for name, save in pair if i % 2 else reversed(pair):
            start = time.perf_counter()
            save(i)
            times[name].append(time.perf_counter() - start)
    store.close()
    con.close()
    return times["journal"], times["bare"]


def p(times: list[float], percent: int) -> float:
    """The ``percent``-th percentile, in milliseconds."""
    return statistics.quantiles(times, n=100)[percent - 1] * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        journal, bare = timed_saves(Path(folder))
    print(f"{SAVES} saves each, WAL + synchronous=FULL on both sides")
    for name, times in (("journal save", journal), ("bare insert", bare)):
        print(f"  {name:13} p50 {p(times, 50):6.2f} ms   p99 {p(times, 99):6.2f} ms")
    print(f"ratio journal / bare: p50 {p(journal, 50) / p(bare, 50):.2f}, "
          f"p99 {p(journal, 99) / p(bare, 99):.2f}, "
          f"total {sum(journal) / sum(bare):.2f}")


if __name__ == "__main__":
    main()
