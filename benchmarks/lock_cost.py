"""Cost of the passphrase lock: a locked save against a plain save, and unlock time.

Both journals are real `Store`s (WAL, ``synchronous=FULL``, ``BEGIN IMMEDIATE``),
written in turns within one run so machine load hits both alike. Unlocking uses the
default Argon2id settings, as a person's journal does. Goals: p99 of a locked save
at most 1.5 times a plain one; unlocking within 1 second.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from workbook.models import CheckIn
from workbook.store import Store, lock
from workbook.store.journal import drop_key

SAVES = 500
UNLOCKS = 5
PASSPHRASE = "benchmark passphrase words"


def p(times: list[float], percent: int) -> float:
    """The ``percent``-th percentile, in milliseconds."""
    return statistics.quantiles(times, n=100)[percent - 1] * 1000


def saves(folder: Path) -> tuple[list[float], list[float]]:
    plain = Store(folder / "plain" / "journal.sqlite3")
    locked = Store(folder / "locked" / "journal.sqlite3", PASSPHRASE)
    timed: dict[str, list[float]] = {"plain": [], "locked": []}
    for i in range(SAVES):
        entry = CheckIn(mood=1 + i % 10, insecurity=i % 11, note=f"entry {i} " * 8)
        # Alternate which goes first, so neither always follows the other's fsync.
        pair = [("plain", plain), ("locked", locked)]
        for name, store in pair if i % 2 else reversed(pair):
            start = time.perf_counter()
            store.add(entry)
            timed[name].append(time.perf_counter() - start)
    plain.close()
    locked.close()
    return timed["plain"], timed["locked"]


def unlocks(folder: Path) -> list[float]:
    journal = folder / "locked" / "journal.sqlite3"
    times = []
    for _ in range(UNLOCKS):
        drop_key(journal)
        start = time.perf_counter()
        lock.unlock(journal, PASSPHRASE).entries(limit=1)
        times.append(time.perf_counter() - start)
    drop_key(journal)
    return times


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        plain, locked = saves(folder)
        opened = unlocks(folder)
    print(f"{SAVES} saves each, plain and locked in turns")
    for label, times in (("plain save", plain), ("locked save", locked)):
        print(f"  {label:12} p50 {p(times, 50):6.2f} ms   p99 {p(times, 99):6.2f} ms")
    print(f"ratio locked / plain: p50 {p(locked, 50) / p(plain, 50):.2f}, "
          f"p99 {p(locked, 99) / p(plain, 99):.2f} (goal: p99 at most 1.50)")
    print(f"unlock (default Argon2id, {UNLOCKS} times): median "
          f"{statistics.median(opened):.2f} s, slowest {max(opened):.2f} s (goal: 1 s)")


if __name__ == "__main__":
    main()
