"""How long `make app` takes to be ready, against a bare Voilà serving one notebook.

Starts, in turns, `secure-base app --no-browser --no-preheat` (the app as `make app`
starts it, without the kernels it keeps ready, so only the server's own start is
timed) until it prints its address, and a bare `voila` on a one-cell notebook until it
answers. Both run with the same Python environment, each in fresh Jupyter and journal
folders. Prints for each the median seconds until ready and the processor time of the
whole run (start to stop), and the ratio of the app to bare Voilà.

    .venv/bin/python benchmarks/app_start.py [--python PATH] [--rounds N]

``--python`` times another environment's interpreter (and its `secure-base`), to
compare two sets of installed packages side by side.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from workbook.app import free_port

REPO = Path(__file__).resolve().parents[1]
ROUNDS = 5
TIMEOUT = 120.0
ONE_CELL = {"cells": [{"cell_type": "code", "execution_count": None, "id": "one",
                       "metadata": {}, "outputs": [], "source": "print('ready')"}],
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                        "language": "python"}},
            "nbformat": 4, "nbformat_minor": 5}


def _isolated(folder: Path) -> dict[str, str]:
    env = dict(os.environ, SECURE_BASE_HOME=str(folder / "home"))
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR"):
        path = folder / name.lower()
        path.mkdir()
        env[name] = str(path)
    return env


def _answers(url: str) -> bool:
    try:
        urllib.request.urlopen(url, timeout=2).close()
    except urllib.error.HTTPError:
        return True  # a refusal is an answer: the server is up
    except OSError:
        return False
    return True


def _timed(command: list[str], env: dict[str, str],
           ready: Callable[[subprocess.Popen[str]], bool]) -> tuple[float, float]:
    """Seconds until ``ready`` says so, and the processor time of the whole run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        if not ready(process):
            raise RuntimeError(f"{command[0]} did not become ready within {TIMEOUT:.0f} s")
        took = time.perf_counter() - start
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return took, cpu


def app(python: Path) -> tuple[float, float]:
    """`secure-base app` until it prints the address it is open at."""
    def printed_address(process: subprocess.Popen[str]) -> bool:
        assert process.stdout is not None
        deadline = time.monotonic() + TIMEOUT
        for line in process.stdout:
            if re.search(r"is open at http://", line):
                return True
            if time.monotonic() > deadline:
                break
        return False

    with tempfile.TemporaryDirectory() as folder:
        command = [str(python.parent / "secure-base"), "app", "--no-browser", "--no-preheat",
                   "--notebooks", str(REPO / "notebooks")]
        return _timed(command, _isolated(Path(folder)), printed_address)


def bare_voila(python: Path) -> tuple[float, float]:
    """A bare Voilà on a one-cell notebook until it answers."""
    with tempfile.TemporaryDirectory() as folder:
        notebook = Path(folder) / "one.ipynb"
        notebook.write_text(json.dumps(ONE_CELL), encoding="utf-8")
        port = free_port()

        def answering(process: subprocess.Popen[str]) -> bool:
            deadline = time.monotonic() + TIMEOUT
            while time.monotonic() < deadline and process.poll() is None:
                if _answers(f"http://127.0.0.1:{port}/voila/static/"):
                    return True
                time.sleep(0.02)
            return False

        command = [str(python), "-m", "voila", str(notebook), "--no-browser",
                   "--Voila.ip=127.0.0.1", f"--Voila.port={port}", "--Voila.port_retries=0"]
        return _timed(command, _isolated(Path(folder)), answering)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", type=Path, default=Path(sys.executable),
                        help="the interpreter of the environment to time")
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    args = parser.parse_args()
    runs: dict[str, list[tuple[float, float]]] = {"make app": [], "bare Voilà": []}
    for _ in range(args.rounds):  # in turns, so both meet the same load
        runs["make app"].append(app(args.python))
        runs["bare Voilà"].append(bare_voila(args.python))
    print(f"{args.python}, {args.rounds} starts each (medians)")
    for name, found in runs.items():
        ready = statistics.median(took for took, _ in found)
        cpu = statistics.median(cpu for _, cpu in found)
        each = ", ".join(f"{took:.2f}" for took, _ in found)
        print(f"  {name:>10}: ready in {ready:.2f} s (each: {each}), "
              f"processor time {cpu:.2f} s, stopping included")
    ours, bare = (statistics.median(took for took, _ in runs[name]) for name in runs)
    print(f"  ratio make app / bare Voilà: {ours / bare:.2f}")


if __name__ == "__main__":
    main()
