"""The PDF report at 10 years of entries against 1 year, in the same run.

Both journals are generated like the demo (as in `progress_scaling.py`). For each period
a report can cover, the whole PDF is written (data load, every chart drawn, sentences,
numbers, the file laid out and saved), median of several runs taken in turns, and
reported as a ratio 10 years / 1 year. The HTML report of the same journal and period is
timed alongside, for scale. Goal: at most 2.0 for every period, "everything" included.
"""

from __future__ import annotations

import itertools
import statistics
import sys
import tempfile
import time
from pathlib import Path

from progress_scaling import TODAY, build

from workbook import report
from workbook.store import Store
from workbook.trends import Span

RUNS = 3
GOAL = 2.0
_names = itertools.count()


def seconds(store: Store, folder: Path, span: Span, fmt: str) -> float:
    """The time to write one report file."""
    start = time.perf_counter()
    report.write(store, folder / f"report-{next(_names)}.{fmt}", span=span, fmt=fmt)  # type: ignore[arg-type]
    return time.perf_counter() - start


def main() -> None:
    periods = {"last 30 days": Span.last(30, TODAY), "last 90 days": Span.last(90, TODAY),
               "last 365 days": Span.last(365, TODAY), "everything": Span.everything(TODAY)}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        one = build(folder / "one", 1)
        ten = build(folder / "ten", 10)
        print(f"entries: 1 year {len(one.entries())}, 10 years {len(ten.entries())}")
        seconds(one, folder, periods["last 30 days"], "pdf")  # fonts and imports, once
        worst = 0.0
        for name, span in periods.items():
            times: dict[tuple[str, str], list[float]] = {}
            for _ in range(RUNS):  # in turns, so both journals see the same load
                for label, store in (("1y", one), ("10y", ten)):
                    for fmt in ("pdf", "html"):
                        times.setdefault((label, fmt), []).append(
                            seconds(store, folder, span, fmt))
            median = {key: statistics.median(value) for key, value in times.items()}
            ratio = median["10y", "pdf"] / median["1y", "pdf"]
            print(f"{name:>14}: PDF 1 year {median['1y', 'pdf']:.2f} s, 10 years "
                  f"{median['10y', 'pdf']:.2f} s, ratio {ratio:.2f} "
                  f"(HTML {median['1y', 'html']:.2f} s / {median['10y', 'html']:.2f} s)")
            worst = max(worst, ratio)
        one.close()
        ten.close()
    print(f"ratio 10 years / 1 year for the PDF: {worst:.2f} at worst over every period "
          f"(goal ≤ {GOAL}: {'met' if worst <= GOAL else 'not met'})")
    sys.exit(0)


if __name__ == "__main__":
    main()
