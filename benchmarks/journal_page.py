"""The *My journal* page's first screen at 10 years of entries against 1 year.

Both journals are generated the way `search.py` generates its journal (the demo's
check-ins, gratitude, thought records and snapshots, notes in the notebooks' own
words, and entries of every other kind), about 2,000 entries a year, each written in
one transaction. The first screen is the page widget built in this process
(`JournalPage`: the first page of 40 cards, the count, the filters), timed in turns on
both journals so both meet the same load:

- opened: a fresh connection to the journal, as a new notebook kernel has (the word
  index is checked in full once per connection);
- again: the same page built once more on an open connection;
- searched: the first screen of a search for a common word, highlights included.

Goal: at most 1.5× the 1-year time at 10 years, for each.

    .venv/bin/python benchmarks/journal_page.py
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from examples import EXAMPLES, text_fields
from search import TODAY, Writer

from workbook import demo
from workbook.models import CheckIn, Entry
from workbook.panels import journal
from workbook.store import FILE_NAME, Store

PER_YEAR = 2_000
RUNS = 7
GOAL = 1.5
COMMON = "partner"


def build(folder: Path, years: int) -> Path:
    """A journal of ``years`` years (about ``PER_YEAR`` entries each); its path."""
    rng = random.Random(demo.SEED)
    writer = Writer(rng)
    days = round(365.25 * years)
    first = TODAY - dt.timedelta(days=days)
    plan: list[tuple[dt.datetime, Entry]] = []
    for n in range(days):
        day = first + dt.timedelta(days=n)
        for when, entry in demo._day(rng, day, n / (days - 1), skip=False):
            if isinstance(entry, CheckIn) and rng.random() < 0.6:
                entry = dataclasses.replace(entry, note=writer.text())
            plan.append((when, entry))
    others = [example for example in EXAMPLES.values() if text_fields(example)]
    while len(plan) < PER_YEAR * years:
        day = first + dt.timedelta(days=rng.randrange(days))
        when = dt.datetime.combine(day, dt.time()).astimezone() + dt.timedelta(
            hours=rng.uniform(7, 23))
        plan.append((when, writer.fill(rng.choice(others))))
    path = folder / FILE_NAME
    with Store(path) as store, store.batch("benchmark", "generated") as batch:
        for when, entry in sorted(plan, key=lambda item: item[0]):
            batch.add(entry, at=when)
    return path


def opened(path: Path) -> float:
    start = time.perf_counter()
    with Store(path) as store:
        page = journal.JournalPage(store=store)
        assert len(page.cards) == journal.PAGE_SIZE
    return time.perf_counter() - start


def again(store: Store) -> float:
    start = time.perf_counter()
    page = journal.JournalPage(store=store)
    assert len(page.cards) == journal.PAGE_SIZE
    return time.perf_counter() - start


def searched(store: Store) -> float:
    page = journal.JournalPage(store=store)
    start = time.perf_counter()
    page.search.value = COMMON
    assert len(page.cards) == journal.PAGE_SIZE and "<mark>" in page.cards[0].matches.value
    return time.perf_counter() - start


def main() -> None:
    print("load average at the start (1, 5, 15 min): "
          + ", ".join(f"{load:.1f}" for load in os.getloadavg()))
    journal.editors()  # the forms' modules load once, before any clock starts
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for years in (1, 10):
            folder = Path(tmp) / f"{years}y"
            folder.mkdir()
            paths[years] = build(folder, years)
            with Store(paths[years]) as store:
                print(f"{years:>2} year(s): {store.search('', limit=1).total:,} entries")
        stores = {years: Store(path) for years, path in paths.items()}
        times: dict[str, dict[int, list[float]]] = {
            name: {1: [], 10: []} for name in ("opened", "again", "searched")}
        for years in (1, 10):  # a first build of each, untimed: caches warm on both sides
            again(stores[years])
        for _ in range(RUNS):
            for years in (1, 10):
                times["opened"][years].append(opened(paths[years]))
                times["again"][years].append(again(stores[years]))
                times["searched"][years].append(searched(stores[years]))
        for store in stores.values():
            store.close()
    failed = False
    print(f"\nfirst screen (median of {RUNS}, in turns)   1 year   10 years   ratio")
    for name, by_years in times.items():
        one, ten = (statistics.median(by_years[y]) for y in (1, 10))
        ratio = ten / one
        failed |= ratio > GOAL
        print(f"  {name:<34} {one * 1000:6.0f} ms {ten * 1000:7.0f} ms   {ratio:4.2f}"
              f"{'' if ratio <= GOAL else '  over the goal'}")
    print(f"goal: at most {GOAL}× at 10 years: {'missed' if failed else 'met'}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
