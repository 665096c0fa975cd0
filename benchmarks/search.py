"""Searching a 10-year journal (about 20,000 entries of every kind) against a plain scan.

The journal is generated like the demo (check-ins, gratitude, thought records, weekly
snapshots, over ten years) plus entries of every other kind made from the test
examples, their free text written from the notebooks' own words, so the words are
spread the way prose spreads them. It is written in one transaction; building the
word index for it is timed on its own.

For each query the search (`Store.search`, first page of 30 and the total) is timed
against a plain scan in Python that reads every entry and tests its texts the same
way (every word, phrases within one answer, case and accents folded, the last word
unfinished); both must find the same entries. Goals: search median ≤ 50 ms, and at
most 0.1× the scan's median, for every query.

    .venv/bin/python benchmarks/search.py
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from examples import EXAMPLES, text_fields  # noqa: E402

from workbook import demo  # noqa: E402
from workbook.models import CheckIn, Entry  # noqa: E402
from workbook.store import FILE_NAME, Store, search_index  # noqa: E402
from workbook.store.search import _words_of, parse  # noqa: E402

YEARS = 10
ENTRIES = 20_000
TODAY = dt.date(2026, 3, 14)
PAGE = 30
SEARCH_RUNS = 21
SCAN_RUNS = 3
QUERIES = {
    "a rare word": "unanswered",
    "a common word": "partner",
    "two words": "feel safe",
    "a phrase": '"my partner"',
    "unfinished last word": "jealou",
    "words, one kind, one year": ("talk calm", {"kind": "checkin",
                                                "since": TODAY - dt.timedelta(days=365)}),
}


def vocabulary() -> tuple[list[str], list[int]]:
    """The words of the notebooks' prose, with how often each is used there."""
    counts: Counter[str] = Counter()
    for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "markdown":
                counts.update(re.findall(r"[a-z]+(?:'[a-z]+)?", "".join(cell["source"]).lower()))
    for line in demo.GRATITUDE_LINES:
        counts.update(line.split())
    common = counts.most_common()
    return [word for word, _ in common], [n for _, n in common]


class Writer:
    """Sentences from the notebooks' words, with a few words planted at known rates."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.words, self.weights = vocabulary()

    def text(self, low: int = 4, high: int = 40) -> str:
        picked = self.rng.choices(self.words, self.weights, k=self.rng.randint(low, high))
        if self.rng.random() < 0.002:
            picked.insert(self.rng.randrange(len(picked) + 1), "unanswered")
        if self.rng.random() < 0.02:
            picked.insert(self.rng.randrange(len(picked) + 1), "jealousy")
        return " ".join(picked).capitalize() + "."

    def fill(self, entry: Entry) -> Entry:
        for name in text_fields(entry):
            value = getattr(entry, name)
            new = (*value[:-1], self.text(2, 8)) if isinstance(value, tuple) else self.text()
            try:
                entry = dataclasses.replace(entry, **{name: new})
            except ValueError:
                continue
        return entry


def build(folder: Path) -> tuple[Store, float]:
    """The 10-year journal and the seconds its word index took to build."""
    rng = random.Random(demo.SEED)
    writer = Writer(rng)
    days = round(365.25 * YEARS)
    first = TODAY - dt.timedelta(days=days)
    plan: list[tuple[dt.datetime, Entry]] = []
    for n in range(days):
        day = first + dt.timedelta(days=n)
        for when, entry in demo._day(rng, day, n / (days - 1), skip=False):
            if isinstance(entry, CheckIn) and rng.random() < 0.6:
                entry = dataclasses.replace(entry, note=writer.text())
            plan.append((when, entry))
    others = [example for kind, example in EXAMPLES.items() if text_fields(example)]
    while len(plan) < ENTRIES:
        day = first + dt.timedelta(days=rng.randrange(days))
        when = dt.datetime.combine(day, dt.time()).astimezone() + dt.timedelta(
            hours=rng.uniform(7, 23))
        plan.append((when, writer.fill(rng.choice(others))))
    store = Store(folder / FILE_NAME)
    with store.batch("benchmark", "generated") as batch:
        for when, entry in sorted(plan, key=lambda item: item[0]):
            batch.add(entry, at=when)
    # The index was filled as that batch committed; time building it on its own.
    start = time.perf_counter()
    with store._writing() as con:
        search_index.rebuild(con)
    return store, time.perf_counter() - start


# -- the plain scan -------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text)
                   if not unicodedata.combining(c)).lower()


def scan(store: Store, typed: str, **filters: object) -> tuple[list[int], int]:
    """Read every entry and test its texts: (first page of ids, total), newest first."""
    pieces = [(words, quoted) for words, quoted in _words_of(parse(typed)) if words]
    last = len(pieces) - 1
    found = []
    for saved in store.entries(**filters):  # newest first
        answers = [_WORD.findall(fold(text)) for _, text in search_index.fields(saved.entry)]
        if all(any(_holds(tokens, words, prefix=i == last and not quoted) for tokens in answers)
               for i, (words, quoted) in enumerate(pieces)):
            found.append(saved.id)
    return found[:PAGE], len(found)


def _holds(tokens: list[str], words: list[str], *, prefix: bool) -> bool:
    size = len(words)
    for start in range(len(tokens) - size + 1):
        if tokens[start:start + size - 1] == words[:-1]:
            token = tokens[start + size - 1]
            if token == words[-1] or (prefix and token.startswith(words[-1])):
                return True
    return False


def timed_in_turns(search, scan) -> tuple[dict[str, float], dict[str, float], object, object]:
    """Median wall-clock and CPU seconds of both, run in turns so both meet the same load."""
    times: dict[str, dict[str, list[float]]] = {
        "search": {"wall": [], "cpu": []}, "scan": {"wall": [], "cpu": []}}
    results: dict[str, object] = {}
    for _ in range(SCAN_RUNS):
        for name, work, runs in (("scan", scan, 1), ("search", search, SEARCH_RUNS // SCAN_RUNS)):
            for _ in range(runs):
                wall, cpu = time.perf_counter(), time.process_time()
                results[name] = work()
                times[name]["wall"].append(time.perf_counter() - wall)
                times[name]["cpu"].append(time.process_time() - cpu)
    medians = {name: {clock: statistics.median(values) for clock, values in clocks.items()}
               for name, clocks in times.items()}
    return medians["search"], medians["scan"], results["search"], results["scan"]


def main() -> None:
    print("load average at the start (1, 5, 15 min): "
          + ", ".join(f"{load:.1f}" for load in os.getloadavg()))
    with tempfile.TemporaryDirectory() as tmp:
        store, build_seconds = build(Path(tmp))
        total = store.search("").total
        kinds = len({row[0] for row in store._con.execute("SELECT DISTINCT kind FROM entries")})
        print(f"journal: {total} entries of {kinds} kinds over {YEARS} years; "
              f"building its word index took {build_seconds:.2f} s")
        store.close()
        store = Store(Path(tmp) / FILE_NAME)
        start = time.perf_counter()
        store.search("partner", limit=PAGE)
        print(f"first search after opening (checks the whole index): "
              f"{1000 * (time.perf_counter() - start):.1f} ms")
        worst = {"wall": 0.0, "cpu": 0.0, "ratio": 0.0, "cpu ratio": 0.0}
        for name, query in QUERIES.items():
            typed, filters = query if isinstance(query, tuple) else (query, {})
            searched, scanned, hits, (page, count) = timed_in_turns(
                lambda: store.search(typed, limit=PAGE, **filters),  # noqa: B023
                lambda: scan(store, typed, **filters))  # noqa: B023
            every = {hit.saved.id for hit in store.search(typed, **filters)}
            assert [hit.saved.id for hit in hits] == page and hits.total == count, name
            assert len(every) == count, name
            ratio, cpu_ratio = searched["wall"] / scanned["wall"], searched["cpu"] / scanned["cpu"]
            for key, value in (("wall", searched["wall"]), ("cpu", searched["cpu"]),
                               ("ratio", ratio), ("cpu ratio", cpu_ratio)):
                worst[key] = max(worst[key], value)
            print(f"{name:>26} ({typed!r}, {count} found): search {1000 * searched['wall']:6.1f} ms"
                  f" (CPU {1000 * searched['cpu']:5.1f}), scan {1000 * scanned['wall']:7.1f} ms"
                  f" (CPU {1000 * scanned['cpu']:7.1f}), ratio {ratio:.4f} (CPU {cpu_ratio:.4f})")
        store.close()
    met = worst["wall"] <= 0.05 and worst["ratio"] <= 0.1
    print(f"worst search median {1000 * worst['wall']:.1f} ms (CPU {1000 * worst['cpu']:.1f} ms;"
          f" goal ≤ 50 ms), worst ratio {worst['ratio']:.4f} (CPU {worst['cpu ratio']:.4f};"
          f" goal ≤ 0.1): {'met' if met else 'not met'}")
    print("load average at the end (1, 5, 15 min): "
          + ", ".join(f"{load:.1f}" for load in os.getloadavg()))


if __name__ == "__main__":
    main()
