"""How long each app page takes to become usable, with and without preheated kernels.

Starts the app as `make app` does (``python -m workbook.app``) on a copy of notebooks/
plus a bare one-button notebook (the floor: what Voilà itself costs here), with a
journal holding one check-in, and opens home, every notebook and the floor in headless
Chromium, one browser context per run so static files are cached as in a person's
browser. Each page is timed from navigation until its first button is visible and no
"Loading widget" is left; each page is opened once the app has settled (with
preheating: every pool full again and every kernel paused ahead, as when a person comes
back to it). Prints per page the seconds and the ratio to the floor, the median and
maximum, and the whole app's resident memory (server plus kernels).

    .venv/bin/python benchmarks/app_pages.py [--rounds N] [--only preheat|plain]

Goal (issue 20): with preheating every page at most 1.3x the floor, the median at most
1.15x, and the app's memory at most 1.5 GiB.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]
FLOOR = "floor.ipynb"
PRINTED = re.compile(r"Secure Base is open at (http://\S+)")
FILLED = re.compile(r"Kernel pool of (\S+) is filled")
START_TIMEOUT = 300.0
PAGE_TIMEOUT_MS = 300_000
USABLE_JS = """() => {
    const button = [...document.querySelectorAll('button')].find(
        (b) => b.closest('.jupyter-widgets') && b.offsetParent !== null);
    return !!button && !document.body.innerText.includes('Loading widget');
}"""
# The floor page: one button, paused like every page of the app.
FLOOR_SOURCE = ("import ipywidgets\nfrom workbook import app_ready\n\napp_ready()\n"
                "ipywidgets.Button(description=\"Go\")")


def _floor_notebook() -> dict:
    return {"cells": [{"cell_type": "code", "execution_count": None, "id": "floor",
                       "metadata": {}, "outputs": [], "source": FLOOR_SOURCE}],
            "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
                                        "name": "python3"}},
            "nbformat": 4, "nbformat_minor": 5}


def _pages(notebooks: Path) -> list[str]:
    return sorted(p.name for p in notebooks.glob("*.ipynb") if p.name != FLOOR)


def _setup(base: Path) -> tuple[Path, dict[str, str]]:
    notebooks = base / "notebooks"
    shutil.copytree(REPO / "notebooks", notebooks,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    (notebooks / FLOOR).write_text(json.dumps(_floor_notebook()), encoding="utf-8")
    env = os.environ.copy()
    for key in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR"):
        path = base / "jupyter" / key.lower()
        path.mkdir(parents=True)
        env[key] = str(path)
    env["TMPDIR"] = env["JUPYTER_RUNTIME_DIR"]
    env["SECURE_BASE_HOME"] = str(base / "home")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return notebooks, env


def _seed(home: Path) -> None:
    """A journal with one check-in, as after a first visit."""
    os.environ["SECURE_BASE_HOME"] = str(home)
    sys.path.insert(0, str(REPO / "tests"))
    from examples import EXAMPLES  # the same example entries as the tests

    from workbook.store import Store

    store = Store(home / "journal.sqlite3")
    try:
        store.add(EXAMPLES["checkin"])
    finally:
        store.close()


class App:
    """`make app` running in its own process group, with its output in a file."""

    def __init__(self, base: Path, notebooks: Path, env: dict[str, str], preheat: bool):
        self.log = base / ("app-preheat.log" if preheat else "app-plain.log")
        args = [sys.executable, "-m", "workbook.app", "--no-browser",
                "--notebooks", str(notebooks)]
        if not preheat:
            args.append("--no-preheat")
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(args, cwd=REPO, env=env, stdout=out,
                                            stderr=subprocess.STDOUT, start_new_session=True)
        self.address = self._wait(lambda text: PRINTED.search(text), "the address").group(1)
        self.origin = self.address.split("/voila/")[0]

    def text(self) -> str:
        return self.log.read_text(errors="replace")

    def _wait(self, found, what: str):
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            result = found(self.text())
            if result:
                return result
            if self.process.poll() is not None:
                raise SystemExit(f"the app stopped:\n{self.text()[-3000:]}")
            time.sleep(0.2)
        raise SystemExit(f"no {what} within {START_TIMEOUT:.0f} s:\n{self.text()[-3000:]}")

    def filled(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for name in FILLED.findall(self.text()):
            counts[name] = counts.get(name, 0) + 1
        return counts

    def wait_pool(self, name: str, times: int) -> None:
        self._wait(lambda _: self.filled().get(name, 0) >= times, f"full pool for {name}")

    def settle(self) -> None:
        """Wait until the app's processes used under a tenth of a core over a second:
        every kernel started for a pool has run ahead to `app_ready` and paused."""
        while _busy_seconds(self.process.pid, 1.0) > 0.1:
            if self.process.poll() is not None:
                raise SystemExit(f"the app stopped:\n{self.text()[-3000:]}")

    def memory(self) -> int:
        """Resident bytes of the app: this process, Voilà and every kernel."""
        root = psutil.Process(self.process.pid)
        total = 0
        for proc in [root, *root.children(recursive=True)]:
            try:
                total += proc.memory_info().rss
            except psutil.NoSuchProcess:
                continue
        return total

    def stop(self) -> None:
        for sig, wait in ((signal.SIGTERM, 30), (signal.SIGKILL, 5)):
            if self.process.poll() is not None:
                return
            try:
                os.killpg(self.process.pid, sig)
                self.process.wait(timeout=wait)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                continue


def _busy_seconds(pid: int, interval: float) -> float:
    """CPU seconds used by ``pid`` and all its children during ``interval``."""

    def used() -> dict[int, float]:
        times = {}
        try:
            root = psutil.Process(pid)
            for proc in [root, *root.children(recursive=True)]:
                try:
                    cpu = proc.cpu_times()
                    times[proc.pid] = cpu.user + cpu.system
                except psutil.NoSuchProcess:
                    continue
        except psutil.NoSuchProcess:
            pass
        return times

    before = used()
    time.sleep(interval)
    after = used()
    return sum(after[p] - before.get(p, 0.0) for p in after)


def _time_page(page, url: str) -> float:
    start = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=PAGE_TIMEOUT_MS)
    page.wait_for_function(USABLE_JS, timeout=PAGE_TIMEOUT_MS, polling=50)
    return time.perf_counter() - start


def run(browser, base: Path, notebooks: Path, env: dict[str, str], *, preheat: bool,
        rounds: int) -> tuple[dict[str, list[float]], int]:
    app = App(base, notebooks, env, preheat)
    try:
        names = [FLOOR, *_pages(notebooks)]
        opened = dict.fromkeys(names, 0)
        if preheat:
            for name in names:
                app.wait_pool(name, 1)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        times: dict[str, list[float]] = {name: [] for name in names}

        def visit(name: str) -> float:
            if preheat:  # the app is warm: every pool full again, every kernel paused
                for each in names:
                    app.wait_pool(each, opened[each] + 1)
            app.settle()
            opened[name] += 1
            return _time_page(page, f"{app.origin}/voila/render/{name}")

        # Unmeasured: the address as printed (sets the cookie), and one visit to fill the
        # browser's cache with Voilà's scripts and styles, as a person's browser has.
        page.goto(app.address, timeout=PAGE_TIMEOUT_MS)
        page.wait_for_function(USABLE_JS, timeout=PAGE_TIMEOUT_MS, polling=50)
        opened["home.ipynb"] += 1
        visit(FLOOR)
        for _ in range(rounds):
            for name in names:
                times[name].append(visit(name))
            times[FLOOR].append(visit(FLOOR))
        if preheat:
            for name in names:
                app.wait_pool(name, opened[name] + 1)
        memory = app.memory()
        context.close()
        return times, memory
    finally:
        app.stop()


def report(label: str, times: dict[str, list[float]], memory: int) -> dict[str, float]:
    floor = statistics.median(times[FLOOR])
    print(f"\n{label}: floor (one button) {floor:.2f} s "
          f"(each: {', '.join(f'{t:.2f}' for t in times[FLOOR])})")
    ratios = {}
    for name, seconds in times.items():
        if name == FLOOR:
            continue
        value = statistics.median(seconds)
        ratios[name] = value / floor
        print(f"  {name:40s} {value:6.2f} s  {ratios[name]:5.2f}x floor")
    values = list(ratios.values())
    print(f"  median {statistics.median(values):.2f}x, maximum {max(values):.2f}x; "
          f"app memory {memory / 2**30:.2f} GiB")
    return ratios


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1, help="visits per page (default 1)")
    parser.add_argument("--only", choices=("preheat", "plain"),
                        help="run one setting only (default: both, plain first)")
    options = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    modes = [options.only == "preheat"] if options.only else [False, True]
    with tempfile.TemporaryDirectory(prefix="app-pages-") as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=shutil.which("chromium")
                                     or "/usr/bin/chromium", args=CHROMIUM_FLAGS)
        results = {}
        for preheat in modes:
            base = Path(tmp) / ("preheat" if preheat else "plain")
            base.mkdir()
            notebooks, env = _setup(base)
            _seed(Path(env["SECURE_BASE_HOME"]))
            results[preheat] = run(browser, base, notebooks, env, preheat=preheat,
                                   rounds=options.rounds)
        browser.close()
    ratios = {}
    for preheat, (times, memory) in results.items():
        ratios[preheat] = report("preheated kernels" if preheat else "a kernel per visit",
                                 times, memory)
    if len(ratios) == 2:
        print("\nPreheated against a kernel per visit, page by page:")
        plain_times, _ = results[False]
        warm_times, _ = results[True]
        for name in ratios[True]:
            before = statistics.median(plain_times[name])
            after = statistics.median(warm_times[name])
            print(f"  {name:40s} {before:6.2f} s -> {after:6.2f} s  ({after / before:.2f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
