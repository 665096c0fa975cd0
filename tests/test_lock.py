"""The passphrase lock: nothing readable at rest, bad secrets change nothing, kills lose nothing."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from kill_points import reported_saves

from workbook import migrations
from workbook.models import CheckIn
from workbook.sealed import KdfSettings
from workbook.store import (
    KeyFileProblem,
    Store,
    StoreDamaged,
    StoreError,
    StoreLocked,
    WrongPassphrase,
    lock,
)
from workbook.store.journal import default_store, held_key
from workbook.store.keys import key_path

FAST = KdfSettings(time_cost=1, memory_kib=8 * 1024, parallelism=1)
PASSPHRASE = "river stone quiet lamp"
CANARY = "CANARY-7f3e-never-in-plain-bytes"


def journal_in(tmp_path: Path) -> Path:
    return tmp_path / "secure-base" / "journal.sqlite3"


def every_file(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def notes(store: Store) -> list[str]:
    return sorted(s.entry.note for s in store.entries())


@pytest.mark.parametrize("locked", [True, False])
def test_a_canary_is_in_no_byte_at_rest_once_locked(tmp_path, monkeypatch, locked):
    path = journal_in(tmp_path)
    store = Store(path, PASSPHRASE, kdf=FAST) if locked else Store(path)
    store.add(CheckIn(mood=4, insecurity=6, note=CANARY))
    store.add(CheckIn(mood=5, insecurity=5, note="second"))  # takes the daily backup
    store.close()
    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, lambda con: None])
    monkeypatch.setattr(migrations, "LATEST", len(migrations.STEPS))
    store = Store(path, PASSPHRASE) if locked else Store(path)  # backs up before upgrading
    store.add(CheckIn(mood=6, insecurity=4, note=CANARY + "-in-wal"))
    files = every_file(path.parent)  # read while open: the -wal holds the newest save
    names = {p.name for p in files}
    backups = [p for p in files if p.parent.name == "backups"]
    assert any("daily" in p.name for p in backups) and any("before-v" in p.name for p in backups)
    assert "journal.sqlite3-wal" in names and len(files[Path(f"{path}-wal")]) > 0
    found = [p.name for p, data in files.items() if CANARY.encode() in data]
    if locked:
        assert "journal.sqlite3.key" in names
        assert found == []
        assert notes(store) == sorted([CANARY, CANARY + "-in-wal", "second"])
    else:
        assert "journal.sqlite3" in found or "journal.sqlite3-wal" in found
        assert any(p.parent.name == "backups" for p in files if p.name in found)
    store.close()


def test_locking_an_existing_journal_keeps_every_entry_and_leaves_nothing_plain(tmp_path):
    path = journal_in(tmp_path)
    with Store(path) as store:
        for i in range(30):
            store.add(CheckIn(mood=1 + i % 10, insecurity=i % 11, note=f"{CANARY}-{i}"))
        store.backup(reason="daily")
        before = notes(store)
    code = lock.lock(path, PASSPHRASE, kdf=FAST)
    lock.lock_now(path)
    for name, data in every_file(path.parent).items():
        assert CANARY.encode() not in data, name
    with pytest.raises(StoreLocked) as caught:
        Store(path)
    assert "locked" in caught.value.message
    with Store(path, PASSPHRASE) as store:
        assert notes(store) == before
        assert store.backups() and all("locked" in p.name for p in store.backups())
    # The recovery code opens it too, and sets a new passphrase.
    new_code = lock.recover(path, code.lower().replace("-", " "), "a new passphrase", kdf=FAST)
    assert new_code != code
    with pytest.raises(WrongPassphrase):
        lock.recover(path, code, "another one here", kdf=FAST)
    lock.lock_now(path)
    with Store(path, "a new passphrase") as store:
        assert notes(store) == before


@pytest.mark.parametrize("damage", ["first 16 bytes", "first 100 bytes", "none"])
def test_locking_removes_plain_copies_whatever_their_first_bytes_say(tmp_path, damage):
    """A plain copy is known by opening it: one whose header was damaged still holds
    every entry in plain text, so it goes when the journal is locked."""
    path = journal_in(tmp_path)
    with Store(path) as store:
        store.add(CheckIn(mood=5, insecurity=5, note=CANARY))
        backup = store.backup(reason="daily")
        kept_aside = path.parent / "replaced" / "journal-20260101-000000-000000.sqlite3"
        kept_aside.parent.mkdir(mode=0o700)
        store.backup(kept_aside)
    for copy in (backup, kept_aside):
        data = bytearray(copy.read_bytes())
        size = {"first 16 bytes": 16, "first 100 bytes": 100, "none": 0}[damage]
        data[:size] = random.Random(size).randbytes(size)
        copy.write_bytes(bytes(data))
        assert CANARY.encode() in data
    not_a_journal = path.parent / "replaced" / "journal-20250101-000000-000000.sqlite3"
    not_a_journal.write_bytes(b"\x00garbage" * 512)
    lock.lock(path, PASSPHRASE, kdf=FAST)
    lock.lock_now(path)
    assert not backup.exists() and not kept_aside.exists()
    for name, data in every_file(path.parent).items():
        assert CANARY.encode() not in data, name
    assert not_a_journal.exists()  # nothing of a journal in it: kept, as a restore promised
    with Store(path, PASSPHRASE) as store:
        assert notes(store) == [CANARY]
        assert [p.name.endswith("-locked.sqlite3") for p in store.backups()] == [True]


def test_changing_the_passphrase_rewraps_the_key_and_leaves_the_journal_alone(tmp_path):
    path = journal_in(tmp_path)
    with Store(path, PASSPHRASE, kdf=FAST) as store:
        store.add(CheckIn(mood=5, insecurity=5, note="kept"))
    journal_bytes = path.read_bytes()
    lock.change_passphrase(path, PASSPHRASE, "brand new words", kdf=FAST)
    assert path.read_bytes() == journal_bytes
    with pytest.raises(WrongPassphrase):
        Store(path, PASSPHRASE)
    with Store(path, "brand new words") as store:
        assert notes(store) == ["kept"]


def test_removing_the_lock_gives_back_a_plain_journal_and_no_key(tmp_path):
    path = journal_in(tmp_path)
    with Store(path, PASSPHRASE, kdf=FAST) as store:
        store.add(CheckIn(mood=5, insecurity=5, note="kept"))
        store.backup(reason="daily")
    lock.remove_lock(path, PASSPHRASE)
    assert not key_path(path).exists()
    assert path.read_bytes().startswith(b"SQLite format 3\x00")
    with Store(path) as store:
        assert notes(store) == ["kept"]
        assert all(p.read_bytes().startswith(b"SQLite format 3") for p in store.backups())


@pytest.mark.parametrize("fault", ["wrong passphrase", "wrong recovery code",
                                   "missing key file", "damaged key file"])
def test_a_bad_secret_or_key_file_gets_a_message_and_changes_nothing(tmp_path, fault):
    path = journal_in(tmp_path)
    with Store(path, PASSPHRASE, kdf=FAST) as store:
        store.add(CheckIn(mood=5, insecurity=5, note="kept"))
    lock.lock_now(path)
    key = key_path(path)
    if fault == "missing key file":
        key.rename(tmp_path / "elsewhere.key")
    elif fault == "damaged key file":
        document = json.loads(key.read_text())
        document["passphrase"]["data"] = "AAAA" + document["passphrase"]["data"][4:]
        key.write_text(json.dumps(document)[:-40])
    before = every_file(path.parent)
    with pytest.raises(StoreLocked) as caught:
        if fault == "wrong recovery code":
            lock.recover(path, "0000-0000-0000-0000-0000-0000", "new words here", kdf=FAST)
        elif fault == "wrong passphrase":
            lock.unlock(path, "not the passphrase")
        else:
            Store(path, PASSPHRASE)
    message = caught.value.message
    assert "Nothing was changed" in message
    if fault in ("missing key file", "damaged key file"):
        assert isinstance(caught.value, KeyFileProblem) and str(key) in message
    else:
        assert isinstance(caught.value, WrongPassphrase)
    for attempt in (lambda: lock.remove_lock(path, "not the passphrase"),
                    lambda: lock.change_passphrase(path, "not it at all", "new words here")):
        with pytest.raises(StoreError):
            attempt()
    assert every_file(path.parent) == before
    assert held_key(path) is None


def test_a_locked_file_without_its_key_file_is_named_and_left_alone(tmp_path):
    path = journal_in(tmp_path)
    Store(path, PASSPHRASE, kdf=FAST).close()
    key_path(path).unlink()
    before = path.read_bytes()
    with pytest.raises(StoreDamaged) as caught:
        Store(path)
    assert str(key_path(path)) in caught.value.message
    assert path.read_bytes() == before


def test_unlocking_once_serves_every_form_until_lock_now(tmp_path, monkeypatch):
    monkeypatch.setenv("SECURE_BASE_HOME", str(tmp_path / "home"))
    path = tmp_path / "home" / "journal.sqlite3"
    Store(path, PASSPHRASE, kdf=FAST).close()
    with pytest.raises(StoreLocked):
        default_store()
    lock.unlock(path, PASSPHRASE)
    default_store().add(CheckIn(mood=5, insecurity=5, note="while unlocked"))
    assert notes(default_store()) == ["while unlocked"]
    lock.lock_now(path)
    with pytest.raises(StoreLocked):
        default_store()


def test_a_lock_change_waits_for_another_notebook_and_then_changes_nothing(tmp_path):
    path = journal_in(tmp_path)
    with Store(path) as store:
        store.add(CheckIn(mood=5, insecurity=5, note="kept"))
    other = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import time
        from workbook.store import Store
        store = Store({str(path)!r}); store.entries(); print("open", flush=True)
        time.sleep(60)
        """)], stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "open"
        with pytest.raises(StoreError) as caught:
            lock.lock(path, PASSPHRASE, kdf=FAST)
        assert "another notebook" in caught.value.message
    finally:
        other.kill()
        other.wait()
    assert not lock.is_locked(path) and not key_path(path).exists()
    with Store(path) as store:
        assert notes(store) == ["kept"]


def test_json_round_trip_of_a_locked_journal_and_a_sealed_export(tmp_path):
    source = Store(tmp_path / "a" / "journal.sqlite3", PASSPHRASE, kdf=FAST)
    for i in range(12):
        source.add(CheckIn(mood=1 + i % 10, insecurity=i % 11, emotions=("calm",),
                           note=f"note {i} ✓"), profile="me" if i % 3 else "partner")
    plain = source.export_json(tmp_path / "out" / "export.json")
    sealed = source.export_sealed(tmp_path / "out" / "export.locked.json", "export words",
                                  kdf=FAST)
    assert CANARY not in sealed.read_text() and "note 3" not in sealed.read_text()
    target = Store(tmp_path / "b" / "journal.sqlite3", "other words here", kdf=FAST)
    with pytest.raises(StoreError) as caught:
        target.import_json(sealed)
    assert "passphrase" in caught.value.message
    with pytest.raises(StoreError) as caught:
        target.import_json(sealed, "wrong words")
    assert "Nothing was changed" in caught.value.message
    assert target.entries() == []
    assert target.import_json(sealed, "export words") == 12
    assert target.import_json(plain) == 0

    def rows(store: Store) -> list[tuple]:
        return sorted((s.profile, s.kind, s.created_at, s.entry) for s in store.entries())

    assert rows(target) == rows(source)
    source.close()
    target.close()


WRITER = textwrap.dedent(
    """
    import sys
    from workbook.models import CheckIn
    from workbook.store import Store
    store = Store(sys.argv[1], sys.argv[4])
    worker, each = sys.argv[2], int(sys.argv[3])
    for i in range(each):
        store.add(CheckIn(mood=1 + i % 10, insecurity=i % 11, note=f"{worker}:{i}"))
    """
)


@pytest.mark.slow
def test_four_processes_writing_250_each_to_a_locked_journal_lose_nothing(tmp_path):
    path = journal_in(tmp_path)
    Store(path, PASSPHRASE, kdf=FAST).close()
    workers, each = 4, 250
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(w), str(each),
                               PASSPHRASE], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
             for w in range(workers)]
    results = [p.communicate(timeout=400) for p in procs]
    for proc, (_out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
    with Store(path, PASSPHRASE) as store:
        saved = [s.entry.note for s in store.entries("checkin")]
        assert len(saved) == workers * each
        assert set(saved) == {f"{w}:{i}" for w in range(workers) for i in range(each)}
        assert store._con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.slow
def test_a_writer_to_a_locked_journal_killed_at_random_loses_no_reported_save(tmp_path):
    path = journal_in(tmp_path)
    Store(path, PASSPHRASE, kdf=FAST).close()
    reported = reported_saves(path, kills=20, seed=20261125, passphrase=PASSPHRASE)
    with Store(path, PASSPHRASE) as store:
        assert store._con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        kept = {s.id: s.entry.note for s in store.entries("checkin")}
    assert reported, "no save completed before the kills; the test proves nothing"
    assert all(kept.get(entry_id) == note for entry_id, note in reported.items())


CHANGER = textwrap.dedent(
    """
    import sys, time
    from workbook.sealed import KdfSettings
    from workbook.store import lock
    fast = KdfSettings(time_cost=1, memory_kib=8 * 1024, parallelism=1)
    action, path, old, new = sys.argv[1:5]
    print("ready", flush=True)
    start = time.perf_counter()
    if action == "lock":
        lock.lock(path, new, kdf=fast)
    elif action == "change":
        lock.change_passphrase(path, old, new, kdf=fast)
    else:
        lock.remove_lock(path, old)
    print("done", time.perf_counter() - start, flush=True)
    """
)


def opens_with(path: Path, secrets: list[str | None]) -> tuple[str | None, list[str]]:
    """The first of ``secrets`` (None: no lock) that opens ``path``, and its notes."""
    why = []
    for secret in secrets:
        try:
            with Store(path, secret) as store:
                return secret, notes(store)
        except StoreError as error:
            why.append(f"{'a passphrase' if secret else 'no passphrase'}: {error.message}")
    files = sorted((p.name, p.stat().st_size) for p in path.parent.iterdir() if p.is_file())
    raise AssertionError(f"the journal opened with none of {len(secrets)} secrets: {why}; "
                         f"files {files}; head {path.read_bytes()[:16]!r}")


@pytest.mark.slow
def test_lock_changes_killed_at_random_points_leave_a_whole_journal(tmp_path):
    path = journal_in(tmp_path)
    with Store(path) as store:
        for i in range(400):
            store.add(CheckIn(mood=1 + i % 10, insecurity=i % 11, note=f"entry {i}"))
        expected = notes(store)
    rng = random.Random(10)
    secret: str | None = None
    kills = runs = 0
    killed: dict[str, int] = {"lock": 0, "change": 0, "remove": 0}
    # The longest each change has taken when left to finish: kills are drawn from that
    # window (a little past it), so most land during a change rather than after it.
    longest: dict[str, float] = {}
    while kills < 24 or min(killed.values()) < 3:
        runs += 1
        assert runs < 200, "the kills never landed during a change"
        new = f"passphrase number {runs}"
        action = "lock" if secret is None else rng.choice(["change", "remove", "change"])
        proc = subprocess.Popen([sys.executable, "-c", CHANGER, action, str(path),
                                 secret or "", new], stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 1.25 * longest.get(action, 0.2)))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=60)
        if "done" not in out:
            kills += 1
            killed[action] += 1
        else:
            took = float(out.split()[-1])
            longest[action] = max(longest.get(action, 0.0), took)
        after = None if action == "remove" else new
        secret, found = opens_with(path, [secret, after])
        assert found == expected
    print(f"{runs} runs, {kills} killed mid-change: {killed}; longest changes {longest}")
    assert runs >= kills >= 24


def test_importing_the_store_and_the_lock_loads_no_cipher_library():
    code = ("import sys, workbook, workbook.store, workbook.store.lock,"
            " workbook.panels.help_now;"
            " print(sorted(m for m in ('sqlcipher3', 'argon2', 'cryptography')"
            " if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


def test_deleting_everything_takes_the_key_file_too(tmp_path):
    path = journal_in(tmp_path)
    store = Store(path, PASSPHRASE, kdf=FAST)
    store.add(CheckIn(mood=5, insecurity=5, note="gone"))
    store.add(CheckIn(mood=5, insecurity=5, note="gone too"))
    removed = store.delete_everything()
    assert key_path(path) in removed
    assert not key_path(path).exists() and not path.exists()
    assert held_key(path) is None


class Crash(BaseException):
    """Stands for the process dying between two file operations."""


@pytest.mark.parametrize("action", ["lock", "change", "recover", "remove"])
def test_stopping_after_any_file_step_leaves_the_old_or_the_new_journal(tmp_path, monkeypatch,
                                                                        action):
    """Every rename, removal and sync of a lock change, in turn, is the last one to happen."""
    import os

    step = 0
    while True:
        path = tmp_path / f"step-{step}" / "journal.sqlite3"
        if action == "lock":
            with Store(path) as store:
                store.add(CheckIn(mood=5, insecurity=5, note="kept"))
            old, code = None, None
        else:
            with Store(path, PASSPHRASE, kdf=FAST) as store:
                store.add(CheckIn(mood=5, insecurity=5, note="kept"))
                code = store.recovery_code
            lock.lock_now(path)
            old = PASSPHRASE
        new = None if action == "remove" else "the new passphrase"
        calls = 0
        real = {"replace": os.replace, "unlink": Path.unlink, "fsync": os.fsync}

        def counted(name, step=step, real=real):
            def run(*args, **kwargs):
                nonlocal calls
                calls += 1
                if calls > step:
                    raise Crash(name)
                return real[name](*args, **kwargs)
            return run

        monkeypatch.setattr(os, "replace", counted("replace"))
        monkeypatch.setattr(os, "fsync", counted("fsync"))
        monkeypatch.setattr(Path, "unlink", counted("unlink"))
        finished = True
        try:
            if action == "lock":
                lock.lock(path, new, kdf=FAST)
            elif action == "change":
                lock.change_passphrase(path, old, new, kdf=FAST)
            elif action == "recover":
                lock.recover(path, code, new, kdf=FAST)
            else:
                lock.remove_lock(path, old)
        except Crash:
            finished = False
        finally:
            monkeypatch.undo()
            lock.lock_now(path)
        secret, found = opens_with(path, [old, new])
        assert found == ["kept"], (action, step)
        if finished:
            assert secret == new
            break
        step += 1
    assert step >= 3, "the change made fewer file steps than expected; nothing was tested"


def test_a_restore_of_a_locked_journal_keeps_the_replaced_file_locked(tmp_path):
    from workbook.store import restore

    path = journal_in(tmp_path)
    store = Store(path, PASSPHRASE, kdf=FAST)
    store.add(CheckIn(mood=5, insecurity=5, note=CANARY))
    backup = store.backup()
    store.add(CheckIn(mood=5, insecurity=5, note=CANARY + "-after"))
    store.close()
    with pytest.raises(StoreLocked):
        restore(path, backup)  # no key given or held: nothing happens
    lock.unlock(path, PASSPHRASE)
    kept = restore(path, backup)
    lock.lock_now(path)
    assert kept.exists()
    for name, data in every_file(path.parent).items():
        assert CANARY.encode() not in data, name
    with Store(path, PASSPHRASE) as restored:
        assert notes(restored) == [CANARY]
