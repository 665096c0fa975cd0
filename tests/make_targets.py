"""Running a `make` target that serves the workbook, for the tests of `make lab` and
`make app`: start it in its own process group, fetch a page once it answers, stop it."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# Seconds a stopped target has to tidy up (the app gives Voilà 20 of them) before it is
# killed.
STOP_WAIT = 60


@contextmanager
def serving(target: str, args_name: str, args: str,
            stdout: Path | None = None) -> Iterator[subprocess.Popen[bytes]]:
    """``make TARGET ARGS_NAME=args`` running until the block ends (its output kept in
    ``stdout`` if given)."""
    with open(stdout or os.devnull, "wb") as out:
        proc = subprocess.Popen(["make", "--no-print-directory", target, f"{args_name}={args}"],
                                cwd=ROOT, env=os.environ.copy(), stdout=out,
                                stderr=subprocess.PIPE, start_new_session=True)
    try:
        yield proc
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=STOP_WAIT)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def fetch(proc: subprocess.Popen[bytes], url: str, *, wait: float = 180,
          each: float = 5) -> bytes:
    """The body at ``url`` once the server answers; fails if it stops or never answers."""
    deadline = time.monotonic() + wait
    while True:
        assert proc.poll() is None, proc.stderr.read().decode(errors="replace")[-2000:]
        try:
            with urllib.request.urlopen(url, timeout=each) as response:
                return response.read()
        except OSError:
            assert time.monotonic() < deadline, f"{url} did not answer in time"
            time.sleep(0.5)


def printed_address(proc: subprocess.Popen[bytes], stdout: Path, *, wait: float = 180) -> str:
    """The address `make app` printed to ``stdout``, once it has."""
    deadline = time.monotonic() + wait
    while True:
        text = stdout.read_text(errors="replace")
        found = re.search(r"Secure Base is open at (http://\S+)", text)
        if found:
            return found.group(1)
        assert proc.poll() is None, proc.stderr.read().decode(errors="replace")[-2000:]
        assert time.monotonic() < deadline, "make app printed no address in time"
        time.sleep(0.3)
