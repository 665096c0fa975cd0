"""`import workbook` stays light: its cost against `import pandas`, each in a fresh process."""

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
    workbook = seconds("import workbook, workbook.store, workbook.models") - empty
    pandas = seconds("import pandas") - empty
    print(f"import workbook (store, models): {workbook * 1000:.0f} ms; "
          f"import pandas: {pandas * 1000:.0f} ms")
    print(f"ratio workbook / pandas: {workbook / pandas:.2f}")


if __name__ == "__main__":
    main()
