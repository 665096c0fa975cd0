"""Faults a journal must survive: kills mid-save, a full disk, damage, interrupted upgrades."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from kill_points import reported_saves

from workbook import migrations
from workbook.exercises import start_here
from workbook.exercises.checkin import check_in
from workbook.models import CheckIn
from workbook.store import Store, StoreError, backups_of, restore

KILLS = 50

@pytest.mark.slow
def test_a_writer_killed_at_random_points_loses_no_reported_save(tmp_path):
    path = tmp_path / "j" / "journal.sqlite3"
    Store(path).close()
    reported = reported_saves(path, kills=KILLS, seed=20261124)
    with Store(path) as store:
        assert store._con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        kept = {s.id: s.entry.note for s in store.entries("checkin")}
    assert reported, "no save completed before the kills; the test proves nothing"
    assert all(kept.get(entry_id) == note for entry_id, note in reported.items())


def test_a_full_disk_keeps_the_typed_entry_and_earlier_data(store):
    store.add(CheckIn(mood=5, insecurity=5, note="from yesterday"))
    pages = store._con.execute("PRAGMA page_count").fetchone()[0]
    store._con.execute(f"PRAGMA max_page_count = {pages}")  # a real SQLITE_FULL on growth
    form = check_in(store=store)
    note = "🌧️" * 900  # 6 KB of UTF-8: more than any free space left in a 4 KB page
    form.note.value = note
    form.mood.value = 3
    form.save.click()
    assert "could not write" in form.status.value
    assert "still here" in form.status.value
    assert form.note.value == note and form.mood.value == 3
    assert [s.entry.note for s in store.entries()] == ["from yesterday"]
    store._con.execute("PRAGMA max_page_count = 1073741823")
    form.save.click()
    assert "Saved at" in form.status.value
    assert len(store.entries()) == 2


def test_an_os_error_while_saving_gets_a_message_not_a_traceback(store, monkeypatch):
    def fail(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Store, "add", fail)
    form = check_in(store=store)
    form.note.value = "keep me"
    form.save.click()
    assert "No space left on device" in form.status.value
    assert form.note.value == "keep me"


def test_a_damaged_journal_is_named_kept_and_restorable_from_start_here(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("SECURE_BASE_HOME", str(home))
    path = home / "journal.sqlite3"
    with Store(path) as store:
        store.add(CheckIn(mood=5, insecurity=5, note="in the backup"))
        store.backup()
    garbage = b"\x00garbage" * 512
    path.write_bytes(garbage)
    for side in ("-wal", "-shm"):
        Path(f"{path}{side}").unlink(missing_ok=True)

    panel = start_here.privacy()
    assert str(path) in panel.status.value and "backup" in panel.status.value
    assert path.read_bytes() == garbage  # opening it never overwrote it
    assert panel.restore.layout.display == "flex"

    form = check_in()
    form.save.click()
    assert "could not be read" in form.status.value
    assert path.read_bytes() == garbage

    panel.restore.click()
    assert "Restored" in panel.status.value
    kept = list((home / "replaced").glob("journal-*.sqlite3"))
    assert len(kept) == 1 and kept[0].read_bytes() == garbage
    assert (kept[0].stat().st_mode & 0o777) == 0o600
    with Store(path) as back:
        assert [s.entry.note for s in back.entries()] == ["in the backup"]


def test_restore_refuses_a_damaged_backup(tmp_path):
    journal = tmp_path / "journal.sqlite3"
    Store(journal).close()
    bad = tmp_path / "backups" / "journal-bad.sqlite3"
    bad.parent.mkdir()
    bad.write_bytes(b"not a database" * 100)
    with pytest.raises(StoreError):
        restore(journal, bad)


def test_the_first_save_of_a_day_takes_one_backup(store):
    store.add(CheckIn(mood=5, insecurity=5, note="first ever"))
    assert backups_of(store.path) == []  # nothing to protect before the first entry
    store.add(CheckIn(mood=6, insecurity=5))
    store.add(CheckIn(mood=7, insecurity=5))
    backups = backups_of(store.path)
    assert len(backups) == 1 and backups[0].name.endswith("-daily.sqlite3")
    with Store(backups[0]) as copy:
        assert [s.entry.note for s in copy.entries()] == ["first ever"]


MIGRATOR = textwrap.dedent(
    """
    import sys, time
    from workbook import migrations
    def add_column(con):
        con.execute("ALTER TABLE entries ADD COLUMN extra TEXT")
        con.execute("UPDATE entries SET extra = 'half done'")
        print("inside", flush=True)
        time.sleep(60)
    migrations.STEPS.append(add_column)
    migrations.LATEST = len(migrations.STEPS)
    from workbook.store import Store
    Store(sys.argv[1])
    """
)


def test_a_migration_killed_half_way_changes_nothing_and_can_run_again(tmp_path, monkeypatch,
                                                                         dump):
    path = tmp_path / "j" / "journal.sqlite3"
    with Store(path) as store:
        store.add(CheckIn(mood=5, insecurity=5, note="before the upgrade"))
    before = dump(path)
    proc = subprocess.Popen([sys.executable, "-c", MIGRATOR, str(path)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "inside"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert dump(path) == before

    def add_column(con):
        con.execute("ALTER TABLE entries ADD COLUMN extra TEXT")

    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, add_column])
    monkeypatch.setattr(migrations, "LATEST", len(migrations.STEPS))
    with Store(path) as upgraded:
        assert upgraded.version == len(migrations.STEPS)
        assert [s.entry.note for s in upgraded.entries()] == ["before the upgrade"]


def test_import_adds_missing_entries_once_and_rejects_a_bad_file(store, tmp_path):
    store.set_profile("partner", "Sam")
    store.add(CheckIn(mood=2, insecurity=9, emotions=("hurt",), note="NA\r\nnull"),
              profile="partner")
    exported = store.export_json(tmp_path / "export.json")
    other = Store(tmp_path / "other" / "journal.sqlite3")
    assert other.import_json(exported) == 1
    assert other.import_json(exported) == 0  # importing twice adds nothing
    [copy] = other.entries()
    [original] = store.entries()
    assert (copy.profile, copy.created_at, copy.entry) == (
        original.profile, original.created_at, original.entry)
    assert [p.name for p in other.profiles()] == ["", "Sam"]

    broken = tmp_path / "broken.json"
    document = json.loads(exported.read_text())
    document["entries"].append({"profile": "me", "kind": "checkin", "created_at":
                                "2026-01-01T10:00:00+00:00", "data": {"mood": 42,
                                                                      "insecurity": 1}})
    broken.write_text(json.dumps(document))
    fresh = Store(tmp_path / "fresh" / "journal.sqlite3")
    with pytest.raises(StoreError) as caught:
        fresh.import_json(broken)
    assert "Nothing was changed" in caught.value.message
    assert fresh.entries() == []
    other.close()
    fresh.close()
