"""Bringing in 10 years of Daylio history, against the peer library `daylio-parser`.

A 10-year Daylio export (about 5,000 rows) is generated. Ours: import it into a fresh
journal with `workbook.import_daylio`, then read the check-ins back as a DataFrame and
compute the daily mood means, their 7-day rolling mean and the mean mood per activity.
The peer (`daylio-parser`, installed only in a throwaway virtual environment made for
this run, never in the project's lock): load the same file, then `average_moods`,
`activity_moods` and `rolling_mean`. Each side runs in fresh processes, several times;
the medians are compared, both for the work alone (after imports) and for the whole
process (interpreter start and imports included).

    .venv/bin/python benchmarks/daylio_import.py [--peer-venv DIR]

``--peer-venv`` reuses a virtual environment that already has daylio-parser.
Goal: ours ≤ 1.0 × the peer's time.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RUNS = 5
YEARS = 10

OURS = r"""
import json, sys, tempfile, time
start = time.perf_counter()
import workbook
from workbook import trends
from workbook.store import Store
ready = time.perf_counter()
with tempfile.TemporaryDirectory() as folder:
    store = Store(folder + "/journal.sqlite3")
    result = workbook.import_daylio(sys.argv[1], store=store)
    checkins = workbook.data("checkin", store=store)
    daily = trends.daily(checkins, "mood")
    rolling = trends.rolling_mean(daily)
    per_activity = (checkins[["mood", "activities"]].explode("activities")
                    .groupby("activities")["mood"].mean())
    done = time.perf_counter()
    store.close()
print(json.dumps({"imports": ready - start, "work": done - ready, "rows": result.added,
                  "days": int(daily.notna().sum()), "activities": len(per_activity)}))
"""

PEER = r"""
import json, sys, time
start = time.perf_counter()
from daylio_parser.parser import Parser
from daylio_parser.stats import Stats
ready = time.perf_counter()
entries = Parser().load_csv(sys.argv[1])
stats = Stats(entries)
daily = stats.average_moods()
per_activity = stats.activity_moods()
rolling = stats.rolling_mean()
done = time.perf_counter()
print(json.dumps({"imports": ready - start, "work": done - ready, "rows": len(entries),
                  "days": len(daily), "activities": len(per_activity)}))
"""


def make_peer_venv(folder: Path) -> Path:
    """A throwaway virtual environment with daylio-parser; raises with pip's words if not."""
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    python = folder / "bin" / "python"
    installed = subprocess.run([str(python), "-m", "pip", "install", "--quiet",
                                "daylio-parser"], capture_output=True, text=True)
    if installed.returncode:
        raise RuntimeError("daylio-parser could not be installed here:\n"
                           + installed.stderr[-2000:])
    return python


def run(python: Path, script: str, export: Path) -> dict[str, float]:
    start = time.perf_counter()
    done = subprocess.run([str(python), "-c", script, str(export)], check=True,
                          capture_output=True, text=True, cwd=REPO)
    found = json.loads(done.stdout.strip().splitlines()[-1])
    found["process"] = time.perf_counter() - start
    return found


def median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peer-venv", type=Path, help="reuse this venv with daylio-parser")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO / "tests"))
    from daylio_exports import export_csv, generated

    with tempfile.TemporaryDirectory() as tmp:
        export = Path(tmp) / "daylio_export.csv"
        export.write_bytes(export_csv(generated(YEARS, per_day=1.37)))
        try:
            peer_python = (args.peer_venv / "bin" / "python" if args.peer_venv
                           else make_peer_venv(Path(tmp) / "peer-venv"))
        except (RuntimeError, subprocess.CalledProcessError) as error:
            print(f"The peer could not be set up, so there is no ratio: {error}")
            sys.exit(1)
        ours, peer = [], []
        for _ in range(RUNS):  # alternate, so both sides see the same machine load
            ours.append(run(Path(sys.executable), OURS, export))
            peer.append(run(peer_python, PEER, export))
    first_ours, first_peer = ours[0], peer[0]
    print(f"rows: ours {first_ours['rows']:.0f}, peer {first_peer['rows']:.0f}; days: ours "
          f"{first_ours['days']:.0f}, peer {first_peer['days']:.0f}; activities: ours "
          f"{first_ours['activities']:.0f}, peer {first_peer['activities']:.0f}")
    for key, what in (("work", "work after imports"), ("process", "whole process")):
        mine, theirs = median(ours, key), median(peer, key)
        print(f"{what:>20}: ours {mine:.3f} s, peer {theirs:.3f} s, "
              f"ratio ours/peer {mine / theirs:.2f}")
    ratio = median(ours, "work") / median(peer, "work")
    print(f"ratio (work): {ratio:.2f} (goal ≤ 1.0: {'met' if ratio <= 1.0 else 'not met'})")


if __name__ == "__main__":
    main()
