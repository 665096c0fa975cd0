"""Ten years of Daylio history, against the peer library `daylio-parser`: the import
done once, and the job repeated every time the trends are opened.

A 10-year Daylio export (about 5,000 rows) is generated. Two jobs are timed, each in
fresh processes, several times, alternating with the peer so both see the same load;
medians are compared, for the work alone (after imports; wall time, and the CPU time
it took, which a machine busy with other work disturbs less) and for the whole
process (interpreter start and imports included). The goals are judged on the work's
wall time.

- The one-time import. Ours: `workbook.import_daylio` into a fresh journal (read,
  check, write, commit). The peer: `Parser().load_csv` of the same file.
  Goal: ours ≤ 1.5 × the peer's.
- The repeated job. Ours: open the journal the file was imported into, read the
  check-ins as a DataFrame (`workbook.data`), and compute the daily mood means, their
  7-day rolling mean and the mean mood per activity. The peer must parse the CSV
  again each time: `load_csv`, then `average_moods`, `rolling_mean` and
  `activity_moods`. Goal: ours ≤ 0.25 × the peer's, since the journal needs no parsing.

The peer is installed only in a throwaway virtual environment made for this run,
never in the project's lock.

    .venv/bin/python benchmarks/daylio_import.py [--peer-venv DIR] [--runs N]

``--peer-venv`` reuses a virtual environment that already has daylio-parser.
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
RUNS = 7
YEARS = 10
IMPORT_GOAL = 1.5
REPEATED_GOAL = 0.25

OURS_IMPORT = r"""
import json, sys, time
start = time.perf_counter()
import workbook
import workbook.importers
from workbook.store import Store
store = Store(sys.argv[2])
ready, ready_cpu = time.perf_counter(), time.process_time()
result = workbook.import_daylio(sys.argv[1], store=store)
done, done_cpu = time.perf_counter(), time.process_time()
store.close()
print(json.dumps({"imports": ready - start, "work": done - ready,
                  "cpu": done_cpu - ready_cpu, "rows": result.added}))
"""

PEER_IMPORT = r"""
import json, sys, time
start = time.perf_counter()
from daylio_parser.parser import Parser
ready, ready_cpu = time.perf_counter(), time.process_time()
entries = Parser().load_csv(sys.argv[1])
done, done_cpu = time.perf_counter(), time.process_time()
print(json.dumps({"imports": ready - start, "work": done - ready,
                  "cpu": done_cpu - ready_cpu, "rows": len(entries)}))
"""

OURS_REPEATED = r"""
import json, sys, time
start = time.perf_counter()
import workbook
import workbook.frames
from workbook import trends
from workbook.store import Store
ready, ready_cpu = time.perf_counter(), time.process_time()
with Store(sys.argv[2]) as store:
    checkins = workbook.data("checkin", store=store)
daily = trends.daily(checkins, "mood")
rolling = trends.rolling_mean(daily)
per_activity = (checkins[["mood", "activities"]].explode("activities")
                .groupby("activities")["mood"].mean())
done, done_cpu = time.perf_counter(), time.process_time()
print(json.dumps({"imports": ready - start, "work": done - ready,
                  "cpu": done_cpu - ready_cpu, "rows": len(checkins),
                  "days": int(daily.notna().sum()), "activities": len(per_activity)}))
"""

PEER_REPEATED = r"""
import json, sys, time
start = time.perf_counter()
from daylio_parser.parser import Parser
from daylio_parser.stats import Stats
ready, ready_cpu = time.perf_counter(), time.process_time()
entries = Parser().load_csv(sys.argv[1])
stats = Stats(entries)
daily = stats.average_moods()
per_activity = stats.activity_moods()
rolling = stats.rolling_mean()
done, done_cpu = time.perf_counter(), time.process_time()
print(json.dumps({"imports": ready - start, "work": done - ready,
                  "cpu": done_cpu - ready_cpu, "rows": len(entries),
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


def run(python: Path, script: str, *args: str) -> dict[str, float]:
    start = time.perf_counter()
    done = subprocess.run([str(python), "-c", script, *args], check=True,
                          capture_output=True, text=True, cwd=REPO)
    found = json.loads(done.stdout.strip().splitlines()[-1])
    found["process"] = time.perf_counter() - start
    return found


def median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def compare(job: str, ours: list[dict[str, float]], peer: list[dict[str, float]],
            goal: float) -> None:
    print(f"{job}:")
    for key, what in (("work", "work after imports"), ("cpu", "its CPU time"),
                      ("process", "whole process")):
        mine, theirs = median(ours, key), median(peer, key)
        print(f"  {what:>18}: ours {mine:.3f} s, peer {theirs:.3f} s, "
              f"ratio ours/peer {mine / theirs:.2f}")
    ratio = median(ours, "work") / median(peer, "work")
    spread = ", ".join(f"{r['work']:.3f}" for r in ours)
    print(f"  ours, each run: {spread} s")
    print(f"  ratio (work): {ratio:.2f} (goal ≤ {goal}: {'met' if ratio <= goal else 'not met'})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peer-venv", type=Path, help="reuse this venv with daylio-parser")
    parser.add_argument("--runs", type=int, default=RUNS, help="processes per job and side")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO / "tests"))
    from daylio_exports import export_csv, generated

    ours_python = Path(sys.executable)
    with tempfile.TemporaryDirectory() as tmp:
        export = Path(tmp) / "daylio_export.csv"
        export.write_bytes(export_csv(generated(YEARS, per_day=1.37)))
        try:
            peer_python = (args.peer_venv / "bin" / "python" if args.peer_venv
                           else make_peer_venv(Path(tmp) / "peer-venv"))
        except (RuntimeError, subprocess.CalledProcessError) as error:
            print(f"The peer could not be set up, so there is no ratio: {error}")
            sys.exit(1)
        history = Path(tmp) / "history" / "journal.sqlite3"
        run(ours_python, OURS_IMPORT, str(export), str(history))
        imported: list[dict[str, float]] = []
        parsed: list[dict[str, float]] = []
        repeated: list[dict[str, float]] = []
        peer_repeated: list[dict[str, float]] = []
        for n in range(args.runs):  # alternate, so both sides see the same machine load
            fresh = Path(tmp) / f"import-{n}" / "journal.sqlite3"
            imported.append(run(ours_python, OURS_IMPORT, str(export), str(fresh)))
            parsed.append(run(peer_python, PEER_IMPORT, str(export)))
            repeated.append(run(ours_python, OURS_REPEATED, str(export), str(history)))
            peer_repeated.append(run(peer_python, PEER_REPEATED, str(export)))
    ours, peer = repeated[0], peer_repeated[0]
    print(f"{YEARS} years of check-ins, {args.runs} runs per job and side (medians)")
    print(f"rows: imported {imported[0]['rows']:.0f}, read {ours['rows']:.0f}, peer "
          f"{peer['rows']:.0f}; days: ours {ours['days']:.0f}, peer {peer['days']:.0f}; "
          f"activities: ours {ours['activities']:.0f}, peer {peer['activities']:.0f}")
    compare("one-time import (ours: import into a journal; peer: parse the CSV)",
            imported, parsed, IMPORT_GOAL)
    compare("repeated job (ours: read the journal + statistics; peer: parse + statistics)",
            repeated, peer_repeated, REPEATED_GOAL)


if __name__ == "__main__":
    main()
