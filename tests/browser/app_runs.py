"""`make app` run for a browser test: ``python -m workbook.app`` in its own process group,
on a copy of notebooks/ with its own journal, and what it printed and logged."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

START_TIMEOUT = 120.0
POOL_TIMEOUT = 300.0
PRINTED = re.compile(r"Secure Base is open at (http://\S+)")
FILLED = re.compile(r"Kernel pool of (\S+) is filled")
USED = re.compile(r"Using pre-heated kernel: \S+ for (\S+)")


@dataclass
class RunningApp:
    address: str  # exactly as printed
    port: int
    token: str
    output: Path  # everything the app printed and logged
    store_home: Path
    notebooks: Path | None  # the folder it serves (None: the notebooks the package ships)
    process: subprocess.Popen = field(repr=False)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def page(self, notebook: str) -> str:
        return f"{self.origin}/voila/render/{notebook}"

    def log(self) -> str:
        return self.output.read_text(errors="replace")

    def pools_filled(self, notebook: str) -> int:
        """How many times the kernel pool of ``notebook`` has been filled so far."""
        return FILLED.findall(self.log()).count(notebook)

    def preheated_uses(self, notebook: str) -> int:
        """How many pages of ``notebook`` were served by a kernel that was ready ahead."""
        return USED.findall(self.log()).count(notebook)

    def wait_pool(self, notebook: str, times: int) -> None:
        """Wait until ``notebook``'s pool has been filled ``times`` times (kernels run ahead)."""
        deadline = time.monotonic() + POOL_TIMEOUT
        while self.pools_filled(notebook) < times:
            if time.monotonic() > deadline:
                pytest.fail(f"the pool of {notebook} was not filled {times} times:\n"
                            f"{self.log()[-3000:]}")
            time.sleep(0.2)


    def wait_settled(self) -> None:
        """Wait until the app (server and every kernel) has nothing left to do: its
        processes used under a tenth of a core over the last second. A kernel started
        for a pool has then run its notebook ahead and is paused at `app_ready`."""
        deadline = time.monotonic() + POOL_TIMEOUT
        while busy_seconds(self.process.pid, 1.0) > 0.1:
            if time.monotonic() > deadline:
                pytest.fail(f"the app never settled:\n{self.log()[-3000:]}")


def busy_seconds(pid: int, interval: float) -> float:
    """CPU seconds used by process ``pid`` and all its children during ``interval``."""
    import psutil

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
    time.sleep(interval)  # the interval measured, not a wait for something to happen
    after = used()
    return sum(after[p] - before.get(p, 0.0) for p in after)


@contextmanager
def running_app(tmp_path: Path, env: dict[str, str], notebooks: Path | None,
                store_home: Path, *, command: list[str] | None = None,
                cwd: Path | None = None,
                refill_delay: float | None = None) -> Iterator[RunningApp]:
    """`make app` (``python -m workbook.app``) serving ``notebooks`` until the block ends.

    ``command`` starts it another way (an installed ``secure-base app``), from ``cwd``.
    ``refill_delay`` replaces `workbook.app.REFILL_DELAY`.
    """
    runtime = tmp_path / "jupyter" / "runtime"
    runtime.mkdir(parents=True, exist_ok=True)
    env = {**env, "TMPDIR": str(runtime)}
    output = tmp_path / "app.log"
    if command is None:
        command = [sys.executable, "-m", "workbook.app", "--no-browser",
                   "--notebooks", str(notebooks)]
        if refill_delay is not None:
            command += ["--refill-delay", f"{refill_delay:g}"]
    with output.open("wb") as log:
        process = subprocess.Popen(
            command, env=env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=log,
            stderr=subprocess.STDOUT, start_new_session=True)
    try:
        address = _printed_address(process, output)
        url = urlsplit(address)
        token = parse_qs(url.query).get("token", [""])[0]
        yield RunningApp(address=address, port=int(url.port), token=token, output=output,
                         store_home=store_home, notebooks=notebooks, process=process)
    finally:
        _stop(process)


def _printed_address(process: subprocess.Popen, output: Path) -> str:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        found = PRINTED.search(output.read_text(errors="replace"))
        if found:
            return found.group(1)
        if process.poll() is not None:
            pytest.fail(f"make app stopped:\n{output.read_text(errors='replace')[-3000:]}")
        time.sleep(0.2)
    pytest.fail(f"make app printed no address:\n{output.read_text(errors='replace')[-3000:]}")


def _stop(process: subprocess.Popen) -> None:
    for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 5)):
        if process.poll() is not None:
            return
        try:
            os.killpg(process.pid, sig)
            process.wait(timeout=wait)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            continue
