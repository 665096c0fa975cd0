"""A writer killed at random points: shared by the kill tests of plain and locked journals."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

# Saves check-ins until killed, reporting each save once it has returned.
SAVER = textwrap.dedent(
    """
    import sys
    from workbook.models import CheckIn
    from workbook.store import Store
    store = Store(sys.argv[1], sys.argv[3] if len(sys.argv) > 3 else None)
    run = sys.argv[2]
    print("ready", flush=True)
    for i in range(100000):
        saved = store.add(CheckIn(mood=1 + i % 10, insecurity=i % 11, note=f"{run}:{i}"))
        print("saved", saved.id, saved.entry.note, flush=True)
    """
)


def reported_saves(path: Path, *, kills: int, seed: int,
                   passphrase: str | None = None) -> dict[int, str]:
    """Start a writer on ``path`` ``kills`` times, SIGKILL it after a random moment, and
    return every save it reported before dying (entry id → note)."""
    rng = random.Random(seed)
    reported: dict[int, str] = {}
    for run in range(kills):
        command = [sys.executable, "-c", SAVER, str(path), str(run)]
        if passphrase is not None:
            command.append(passphrase)
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.15))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=30)
        # A line cut short by the kill was never fully reported, so it promises nothing.
        for line in out.split("\n")[:-1]:
            word, entry_id, note = line.split(" ", 2)
            if word == "saved":
                reported[int(entry_id)] = note
    return reported
