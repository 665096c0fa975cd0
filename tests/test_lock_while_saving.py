"""Another notebook saving at every step of a lock change: its save is kept, or refused.

The change runs here; a second process (another notebook's kernel) saves one check-in
at every file step of it, while the change waits for its answer. That writer waits for
no lock: at each step its save either commits there and then or is refused there and
then, so the order of events is fixed by the pipes between the two, not by timing.
"""

from __future__ import annotations

import inspect
import os
import select
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from workbook import messages
from workbook.models import CheckIn
from workbook.sealed import KdfSettings
from workbook.store import Store, StoreError, handles, journal, lock
from workbook.store.journal import drop_key, forget

FAST = KdfSettings(time_cost=1, memory_kib=8 * 1024, parallelism=1)
OLD, NEW = "river stone quiet lamp", "a brand new passphrase"
ANSWER_WITHIN_S = 60  # a guard against a hung writer, never a wait for one


def save_one(path: str, secrets: list[str | None], step: str) -> str:
    """Open the journal afresh (a notebook opening it mid-change), save one check-in
    noted ``step``, close it; say "saved <id> <note>" or "refused <step> <message>".
    Secrets are tried in turn, as a person would: the journal may be plain, or locked
    under the old or the new passphrase."""
    from workbook.models import CheckIn
    from workbook.store import Store, StoreError, StoreLocked

    try:
        for secret in secrets:
            try:
                store = Store(path, secret)
                break
            except StoreLocked:
                continue
        else:
            raise AssertionError("no secret opened the journal")
        try:
            saved = store.add(CheckIn(mood=5, insecurity=5, note=step))
        finally:
            store.close()
        return f"saved {saved.id} {saved.entry.note}"
    except StoreError as error:
        return f"refused {step} {' '.join(error.message.split())}"


# Another notebook's kernel: saves once per line it is sent, and answers.
WRITER = inspect.getsource(save_one) + textwrap.dedent(
    """
    import sys
    from workbook.store import journal
    journal.BUSY_TIMEOUT_MS = 0  # at a paused step: commit now or be refused now
    print("ready", flush=True)
    for line in sys.stdin:
        print(save_one(sys.argv[1], [None, *sys.argv[2:]], line.strip()), flush=True)
    """
)


class Writer:
    """The other notebook: asked to save at a step, it answers before the step goes on."""

    def __init__(self, path: Path, secrets: list[str]):
        self.path, self.secrets = path, secrets
        self.saved: dict[str, int] = {}  # note (one per step) → the id it was saved as
        self.refused: list[tuple[str, str]] = []
        self.start()

    def save_now(self, step: str) -> None:
        word, rest = self.answer(step).split(" ", 1)
        if word == "saved":
            entry_id, note = rest.split(" ", 1)
            self.saved[note] = int(entry_id)
        else:
            refused_at, message = rest.split(" ", 1)
            self.refused.append((refused_at, message))

    def start(self) -> None:
        self.proc = subprocess.Popen([sys.executable, "-c", WRITER, str(self.path),
                                      *self.secrets], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, bufsize=0)
        self.buffer = b""
        assert self._line() == "ready"

    def answer(self, step: str) -> str:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{step}\n".encode())
        return self._line()

    def _line(self) -> str:
        assert self.proc.stdout is not None
        while b"\n" not in self.buffer:
            ready, _, _ = select.select([self.proc.stdout], [], [], ANSWER_WITHIN_S)
            chunk = os.read(self.proc.stdout.fileno(), 4096) if ready else b""
            if not chunk:
                self.proc.kill()
                raise AssertionError(f"the writer stopped answering (exit {self.proc.wait()})")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode()

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=ANSWER_WITHIN_S)


class ThreadWriter(Writer):
    """Another cell or widget callback of this same kernel, saving from its own thread."""

    def start(self) -> None:
        self.waits = pytest.MonkeyPatch()
        # At a paused step: commit now or be refused now, as for the other process.
        self.waits.setattr(journal, "BUSY_TIMEOUT_MS", 0)
        self.waits.setattr(handles, "BUSY_TIMEOUT_MS", 0)

    def answer(self, step: str) -> str:
        said: list[str] = []
        thread = threading.Thread(target=lambda: said.append(
            save_one(str(self.path), [None, *self.secrets], step)))
        thread.start()
        thread.join(ANSWER_WITHIN_S)
        assert said, "the saving thread stopped answering"
        return said[0]

    def close(self) -> None:
        self.waits.undo()


def journal_with_entries(path: Path, locked: bool) -> str | None:
    """A journal with 40 check-ins and today's backup; its recovery code if locked."""
    store = Store(path, OLD, kdf=FAST) if locked else Store(path)
    with store:
        for i in range(40):
            store.add(CheckIn(mood=1 + i % 10, insecurity=i % 11, note=f"before {i}"))
        store.backup(reason="daily")  # today's: no save in the test takes another
    lock.lock_now(path)
    return store.recovery_code


def run_with_a_save_at_every_step(action, writer: Writer) -> int:
    """Run ``action``, pausing before every file step (rename, removal, sync, mode
    change) for ``writer`` to save; returns how many steps there were."""
    steps, acting = 0, threading.get_ident()
    real = {"replace": os.replace, "fsync": os.fsync, "chmod": os.chmod,
            "unlink": Path.unlink}

    def paused(name):
        def run(*args, **kwargs):
            nonlocal steps
            if threading.get_ident() != acting:  # the writer's own steps, in a thread
                return real[name](*args, **kwargs)
            steps += 1
            writer.save_now(f"step-{steps}-before-{name}")
            return real[name](*args, **kwargs)
        return run

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "replace", paused("replace"))
        patch.setattr(os, "fsync", paused("fsync"))
        patch.setattr(os, "chmod", paused("chmod"))
        patch.setattr(Path, "unlink", paused("unlink"))
        action()
    return steps


@pytest.mark.parametrize("change", ["lock", "unlock", "change", "recover", "remove"])
@pytest.mark.parametrize("saver", [Writer, ThreadWriter], ids=["process", "thread"])
def test_a_save_during_any_step_of_a_lock_change_is_kept_or_refused(tmp_path, saver, change):
    path = tmp_path / "secure-base" / "journal.sqlite3"
    code = journal_with_entries(path, locked=change != "lock")
    actions = {
        "lock": lambda: lock.lock(path, NEW, kdf=FAST),
        "unlock": lambda: lock.unlock(path, OLD),
        "change": lambda: lock.change_passphrase(path, OLD, NEW, kdf=FAST),
        "recover": lambda: lock.recover(path, str(code), NEW, kdf=FAST),
        "remove": lambda: lock.remove_lock(path, OLD),
    }
    after = {"lock": NEW, "unlock": OLD, "change": NEW, "recover": NEW, "remove": None}[change]
    writer = saver(path, [OLD, NEW])
    try:
        writer.save_now("before-the-change")
        steps = run_with_a_save_at_every_step(actions[change], writer)
        writer.save_now("after-the-change")
    finally:
        drop_key(path)
        writer.close()

    with Store(path, after) as store:
        kept = {saved.entry.note: saved.id for saved in store.entries("checkin")}
        assert store._con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    lost = sorted(note for note, i in writer.saved.items() if kept.get(note) != i)
    assert not lost, f"saves reported as done but missing after {change}: {lost}"
    assert {note for note in kept if not note.startswith("before ")} == set(writer.saved), (
        "an entry nobody reported saved is in the journal")
    assert all(message == messages.LOCKED for _step, message in writer.refused), writer.refused
    assert {"before-the-change", "after-the-change"} <= set(writer.saved)
    assert steps >= {"lock": 15, "unlock": 2, "change": 4, "recover": 6, "remove": 15}[change]
    if change in ("lock", "remove"):
        # The journal really was held: some saves came while it was, and were refused.
        assert writer.refused, "no save met the held journal; the test proves nothing"


def test_a_lock_change_refuses_while_this_kernel_has_the_journal_open_elsewhere(tmp_path):
    """Another open connection here would let saves through the change's hold (SQLite's
    locks don't keep a process from itself), so the change refuses, changing nothing."""
    path = tmp_path / "secure-base" / "journal.sqlite3"
    journal_with_entries(path, locked=False)
    other = Store(path)
    before = path.read_bytes()
    try:
        with pytest.raises(StoreError) as caught:
            lock.lock(path, NEW, kdf=FAST)
        assert caught.value.message == messages.OPEN_ELSEWHERE
        assert path.read_bytes() == before and not lock.is_locked(path)
        other.add(CheckIn(mood=5, insecurity=5, note="still saves"))
    finally:
        other.close()
    with Store(path) as store:
        assert "still saves" in {s.entry.note for s in store.entries()}


def test_a_form_saving_while_this_kernel_holds_the_journal_keeps_its_answers(
        tmp_path, monkeypatch):
    """A check-in saved from another thread while a lock change holds the journal is
    refused as busy (here at once: the wait is set to nothing), and keeps what was typed."""
    from workbook.exercises.checkin import check_in

    monkeypatch.setenv("SECURE_BASE_HOME", str(tmp_path / "home"))
    path = tmp_path / "home" / "journal.sqlite3"
    journal_with_entries(path, locked=False)
    monkeypatch.setattr(handles, "BUSY_TIMEOUT_MS", 0)
    form = check_in()
    form.mood.value, form.note.value = 3, "typed during the lock"
    forget(path)  # as a lock change does before it holds the journal
    with handles.holding(path, wait_ms=0):
        thread = threading.Thread(target=form.save.click)
        thread.start()
        thread.join(ANSWER_WITHIN_S)
    assert "busy in another notebook" in form.status.value, form.status.value
    assert form.note.value == "typed during the lock" and form.mood.value == 3
    form.save.click()
    assert "Saved" in form.status.value
    drop_key(path)
