"""`import workbook` stays light: its cost against `import ipywidgets` and `import pandas`,
each in a fresh process (an empty interpreter's start subtracted)."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

RUNS = 5


def seconds(statement: str) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", statement], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    empty = seconds("pass")
    alone = seconds("import workbook") - empty
    workbook = seconds("import workbook, workbook.store, workbook.models") - empty
    ipywidgets = seconds("import ipywidgets") - empty
    pandas = seconds("import pandas") - empty
    print(f"import workbook: {alone * 1000:.0f} ms; with store and models: "
          f"{workbook * 1000:.0f} ms; import ipywidgets: {ipywidgets * 1000:.0f} ms; "
          f"import pandas: {pandas * 1000:.0f} ms")
    print(f"ratio workbook / ipywidgets: {alone / ipywidgets:.2f}")
    print(f"ratio workbook with store and models / pandas: {workbook / pandas:.2f}")


if __name__ == "__main__":
    main()
