"""Notebook 08 at 10 years of entries against 1 year: the data load and every chart.

Both journals are generated like the demo (check-ins, gratitude, thought records,
snapshots, practice), written in one transaction each. For each period the page
offers, the time to load the frames and draw every chart (figure, PNG, sentence)
is measured, median of several runs, and reported as a ratio 10 years / 1 year.
Goal: at most 2.0 for every period (the page opens on the last 30 days).
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from workbook import charts, demo, trends
from workbook.store import FILE_NAME, Store
from workbook.trends import Span

RUNS = 3
TODAY = dt.date(2026, 3, 14)


def build(folder: Path, years: int) -> Store:
    """A journal with ``years`` years of demo-like entries, written in one transaction."""
    store = Store(folder / FILE_NAME)
    days = round(365.25 * years)
    rng = random.Random(demo.SEED)
    first = TODAY - dt.timedelta(days=days)
    plan = []
    for n in range(days):
        day = first + dt.timedelta(days=n)
        plan += demo._day(rng, day, n / max(1, days - 1), skip=False)
    with store.batch("benchmark", "generated") as batch:
        for when, entry in sorted(plan, key=lambda item: item[0]):
            batch.add(entry, at=when)
    return store


def page_seconds(store: Store, span: Span) -> float:
    """Load the frames and draw every chart, as the page does; median seconds."""
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        frames = trends.load(store, None, span)
        for chart in charts.CHARTS:
            charts.png(chart.figure(frames, span))
            chart.summary(frames, span)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    periods = {"last 30 days": Span.last(30, TODAY), "last 365 days": Span.last(365, TODAY),
               "everything": Span.everything(TODAY)}
    with tempfile.TemporaryDirectory() as tmp:
        one = build(Path(tmp) / "one", 1)
        ten = build(Path(tmp) / "ten", 10)
        print(f"entries: 1 year {len(one.entries())}, 10 years {len(ten.entries())}")
        opening, worst = 0.0, 0.0
        for name, span in periods.items():
            small, large = page_seconds(one, span), page_seconds(ten, span)
            ratio = large / small
            print(f"{name:>14}: 1 year {small:.2f} s, 10 years {large:.2f} s, "
                  f"ratio {ratio:.2f}")
            worst = max(worst, ratio)
            if name == "last 30 days":
                opening = ratio
        one.close()
        ten.close()
    print(f"ratio 10 years / 1 year: {opening:.2f} as the page opens (last 30 days), "
          f"{worst:.2f} at worst over every period "
          f"(goal ≤ 2.0: {'met' if worst <= 2.0 else 'not met'})")
    sys.exit(0)


if __name__ == "__main__":
    main()
