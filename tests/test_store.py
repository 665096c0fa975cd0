from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from workbook import migrations
from workbook.models import CheckIn, InsecuritySnapshot
from workbook.store import Store, StoreDamaged, StoreError, StoreTooNew


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_folder_is_0700_and_journal_wal_shm_are_0600_even_with_an_open_umask(tmp_path):
    old = os.umask(0)
    try:
        journal = Store(tmp_path / "fresh" / "journal.sqlite3")
        journal.add(CheckIn(mood=5, insecurity=5))
        files = [journal.path, Path(f"{journal.path}-wal"), Path(f"{journal.path}-shm")]
        assert all(f.exists() for f in files)
        assert mode(journal.path.parent) == 0o700
        assert [mode(f) for f in files] == [0o600] * 3
        journal.close()
    finally:
        os.umask(old)


def test_existing_loose_permissions_are_tightened(tmp_path):
    folder = tmp_path / "loose"
    folder.mkdir(mode=0o755)
    (folder / "journal.sqlite3").touch(mode=0o644)
    Store(folder / "journal.sqlite3").close()
    assert mode(folder) == 0o700
    assert mode(folder / "journal.sqlite3") == 0o600


def test_wal_full_sync_busy_timeout_and_version(store):
    con = store._con
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert con.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert store.version == migrations.LATEST


def test_add_get_update_delete(store):
    saved = store.add(CheckIn(mood=3, insecurity=8, note="first"))
    assert (saved.profile, saved.kind) == ("me", "checkin")
    assert saved.day == saved.created_at.date()
    updated = store.update(saved.id, CheckIn(mood=4, insecurity=7, note="changed"))
    assert updated.entry.note == "changed" and updated.created_at == saved.created_at
    assert updated.updated_at is not None
    assert store.delete(saved.id) is True
    assert store.delete(saved.id) is False
    assert store.entries() == []


def test_entries_filter_by_kind_and_profile_newest_first(store):
    store.set_profile("partner", "Sam")
    a = store.add(CheckIn(mood=1, insecurity=1))
    b = store.add(CheckIn(mood=2, insecurity=2))
    store.add(CheckIn(mood=3, insecurity=3), profile="partner")
    store.add(InsecuritySnapshot(answers=(0,) * 6))
    assert [s.id for s in store.entries("checkin", profile="me")] == [b.id, a.id]
    assert store.count("checkin", profile="partner") == 1
    assert [p.label for p in store.profiles()] == ["Me", "Sam"]


def test_every_entry_belongs_to_a_known_profile(store):
    store.add(CheckIn(mood=5, insecurity=5), profile="partner")
    assert {p.key for p in store.profiles()} == {"me", "partner"}
    with pytest.raises(sqlite3.IntegrityError), store._writing() as con:
        con.execute("INSERT INTO entries (profile, kind, created_at, day, data) "
                    "VALUES ('nobody', 'checkin', 'x', 'x', '{}')")


def test_a_profile_with_entries_is_never_removed(store):
    store.add(CheckIn(mood=5, insecurity=5), profile="partner")
    with pytest.raises(ValueError):
        store.remove_profile("partner")
    with pytest.raises(ValueError):
        store.remove_profile("me")


WRITER = textwrap.dedent(
    """
    import sys
    from workbook.models import CheckIn
    from workbook.store import Store
    path, worker, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    store = Store(path)
    for i in range(count):
        store.add(CheckIn(mood=1 + i % 10, insecurity=i % 11, note=f"{worker}:{i}"))
    print("ok", worker)
    """
)


@pytest.mark.slow
def test_four_processes_writing_250_each_at_once_lose_nothing(tmp_path):
    path = tmp_path / "shared" / "journal.sqlite3"
    workers, each = 4, 250
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(w), str(each)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for w in range(workers)]
    results = [p.communicate(timeout=240) for p in procs]
    for proc, (_out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err
    with Store(path) as store:
        notes = [s.entry.note for s in store.entries("checkin")]
        assert len(notes) == workers * each
        assert set(notes) == {f"{w}:{i}" for w in range(workers) for i in range(each)}
        assert store._con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_failing_migration_backs_up_first_and_leaves_the_file_unchanged(tmp_path, monkeypatch,
                                                                         dump):
    path = tmp_path / "j" / "journal.sqlite3"
    with Store(path) as store:
        store.add(CheckIn(mood=6, insecurity=4, note="keep me"))
    before = dump(path)

    def add_column(con):
        con.execute("ALTER TABLE entries ADD COLUMN mood_hint INTEGER")

    def broken(con):
        raise RuntimeError("step failed half way")

    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, add_column, broken])
    monkeypatch.setattr(migrations, "LATEST", len(migrations.STEPS))
    with pytest.raises(StoreError) as caught:
        Store(path)
    assert "has not been changed" in caught.value.message
    assert dump(path) == before
    backups = sorted((path.parent / "backups").glob("journal-*.sqlite3"))
    assert len(backups) == 1 and mode(backups[0]) == 0o600
    assert dump(backups[0]) == before

    monkeypatch.setattr(migrations, "STEPS", migrations.STEPS[:-1])
    monkeypatch.setattr(migrations, "LATEST", len(migrations.STEPS))
    with Store(path) as upgraded:
        assert upgraded.version == migrations.LATEST
        assert [s.entry.note for s in upgraded.entries()] == ["keep me"]
        columns = [row[1] for row in upgraded._con.execute("PRAGMA table_info(entries)")]
        assert "mood_hint" in columns


def test_a_file_from_a_newer_version_is_read_but_never_written(tmp_path):
    path = tmp_path / "j" / "journal.sqlite3"
    with Store(path) as store:
        store.add(CheckIn(mood=6, insecurity=4, note="from the future"))
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    con.close()
    before = path.read_bytes()
    with Store(path) as newer:
        assert newer.read_only
        assert [s.entry.note for s in newer.entries()] == ["from the future"]
        with pytest.raises(StoreTooNew) as caught:
            newer.add(CheckIn(mood=1, insecurity=1))
        assert "newer version" in caught.value.message
        with pytest.raises(StoreTooNew):
            newer.set_setting("region", "UK")
    assert path.read_bytes() == before


@pytest.mark.parametrize("content", [b"not a database at all" * 100, b"SQLite format 3\x00"])
def test_a_damaged_file_gets_a_clear_message_and_is_left_alone(tmp_path, content):
    path = tmp_path / "j" / "journal.sqlite3"
    path.parent.mkdir()
    path.write_bytes(content)
    with pytest.raises(StoreDamaged) as caught:
        Store(path)
    assert str(path) in caught.value.message
    assert path.read_bytes() == content


def test_backup_is_complete_private_and_rotated(store):
    store.add(CheckIn(mood=5, insecurity=5, note="in the backup"))
    copies = [store.backup() for _ in range(7)]
    kept = store.backups()
    assert len(kept) == 5 and copies[-1] == kept[0]
    assert mode(kept[0]) == 0o600
    with Store(kept[0]) as copy:
        assert [s.entry.note for s in copy.entries()] == ["in the backup"]


def test_export_json_holds_every_entry_and_is_private(store, tmp_path):
    store.add(CheckIn(mood=5, insecurity=5, emotions=("calm",), note="NA"), profile="partner")
    target = store.export_json(tmp_path / "out" / "export.json")
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["format"] == "secure-base-export" and document["version"] == 1
    assert document["entries"][0]["data"] == {"mood": 5, "insecurity": 5,
                                              "emotions": ["calm"], "note": "NA",
                                              "activities": [], "source": ""}
    assert mode(target) == 0o600


def test_delete_everything_leaves_no_journal_file(store):
    store.add(CheckIn(mood=5, insecurity=5))
    store.backup()
    store.export_json(store.exports_dir / "secure-base-export.json")
    kept = store.path.parent / "replaced" / "journal-20260101-000000.sqlite3"
    kept.parent.mkdir()
    kept.write_bytes(b"an earlier, replaced journal")
    folder = store.path.parent
    store.delete_everything()
    leftovers = [p.name for p in folder.rglob("*")]
    assert leftovers == []


def test_an_export_into_a_persons_own_folder_leaves_its_permissions_alone(store, tmp_path):
    own = tmp_path / "Desktop"
    own.mkdir(mode=0o755)
    os.chmod(own, 0o755)
    target = store.export_json(own / "journal.json")
    assert mode(own) == 0o755 and mode(target) == 0o600


def test_restore_closes_the_journal_it_replaces(tmp_path, monkeypatch):
    from workbook.store import default_store, restore

    monkeypatch.setenv("SECURE_BASE_HOME", str(tmp_path / "home"))
    journal = default_store()
    journal.add(CheckIn(mood=5, insecurity=5, note="kept"))
    copy = journal.backup()
    restore(journal.path, copy)
    assert journal.closed
    assert [s.entry.note for s in default_store().entries()] == ["kept"]


def test_a_journal_path_that_is_a_folder_gets_a_clear_message(tmp_path):
    folder = tmp_path / "journal.sqlite3"
    folder.mkdir()
    with pytest.raises(StoreError, match="is a folder") as raised:
        Store(folder)
    assert type(raised.value) is StoreError
    assert folder.is_dir() and not any(folder.iterdir())


def test_a_symlink_at_the_journal_path_is_refused_and_its_target_left_alone(tmp_path):
    target = tmp_path / "elsewhere.txt"
    target.write_text("someone else's file")
    os.chmod(target, 0o644)
    link = tmp_path / "home" / "journal.sqlite3"
    link.parent.mkdir()
    link.symlink_to(target)
    with pytest.raises(StoreError, match="symbolic link"):
        Store(link)
    assert mode(target) == 0o644
    assert target.read_text() == "someone else's file"


def test_a_symlinked_wal_is_refused_too(tmp_path):
    target = tmp_path / "elsewhere"
    target.write_bytes(b"")
    os.chmod(target, 0o644)
    journal = tmp_path / "home" / "journal.sqlite3"
    journal.parent.mkdir()
    Path(f"{journal}-wal").symlink_to(target)
    with pytest.raises(StoreError, match="symbolic link"):
        Store(journal)
    assert mode(target) == 0o644


def _export_with(store, tmp_path, change) -> Path:
    store.add(CheckIn(mood=5, insecurity=5))
    store.add(CheckIn(mood=6, insecurity=4))
    path = store.export_json(tmp_path / "export.json")
    document = json.loads(path.read_text())
    change(document["entries"])
    path.write_text(json.dumps(document))
    return path


def test_an_import_timestamp_without_a_time_zone_is_refused(store, tmp_path, dump):
    def drop_zone(entries):
        entries[1]["created_at"] = entries[1]["created_at"][:19]

    path = _export_with(store, tmp_path, drop_zone)
    before = dump(store.path)
    with pytest.raises(StoreError, match=r"entry 2, created_at: no time zone"):
        store.import_json(path)
    assert dump(store.path) == before


def test_an_import_error_names_the_entry_and_the_field(store, tmp_path, dump):
    def break_mood(entries):
        entries[1]["data"]["mood"] = 42

    path = _export_with(store, tmp_path, break_mood)
    before = dump(store.path)
    with pytest.raises(StoreError, match=r"entry 2 \(checkin\), mood: Please choose a number"):
        store.import_json(path)
    assert dump(store.path) == before


def test_an_import_with_an_unknown_kind_names_it(store, tmp_path):
    def unknown(entries):
        entries[0]["kind"] = "dream_diary"

    with pytest.raises(StoreError, match=r"entry 1, kind: unknown kind 'dream_diary'"):
        store.import_json(_export_with(store, tmp_path, unknown))


def test_the_journal_can_be_written_from_another_thread(store):
    # JupyterLab may deliver a button press to a kernel subshell thread.
    import threading

    from workbook.models import CheckIn

    store.add(CheckIn(mood=5, insecurity=5))
    failures: list[BaseException] = []

    def press_save() -> None:
        try:
            for mood in range(1, 6):
                store.add(CheckIn(mood=mood, insecurity=5))
        except BaseException as error:
            failures.append(error)

    others = [threading.Thread(target=press_save) for _ in range(3)]
    for thread in others:
        thread.start()
    for mood in range(1, 6):
        store.add(CheckIn(mood=mood, insecurity=4))
    for thread in others:
        thread.join()
    assert failures == []
    assert store.count("checkin") == 1 + 15 + 5


def test_looking_at_the_journal_from_the_writing_process_keeps_other_processes_in_step(
        tmp_path):
    # A kernel that holds the journal open and then checks it (is it locked? a second
    # Store on the same path) must keep its SQLite locks: otherwise the next process to
    # close the journal thinks it is the last, folds and removes the WAL, and the
    # kernel's later saves go to a file nobody else can see.
    from workbook.store import lock

    path = tmp_path / "home" / "journal.sqlite3"
    kernel = Store(path)
    kernel.add(CheckIn(mood=5, insecurity=5))
    assert not lock.is_locked(path)
    Store(path).close()
    elsewhere = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); " \
                "print(c.execute('select count(*) from entries').fetchone()[0]); c.close()"
    seen = subprocess.run([sys.executable, "-c", elsewhere, str(path)], check=True,
                          capture_output=True, text=True).stdout.strip()
    assert seen == "1"
    kernel.add(CheckIn(mood=6, insecurity=4, note="written after the look"))
    seen = subprocess.run([sys.executable, "-c", elsewhere, str(path)], check=True,
                          capture_output=True, text=True).stdout.strip()
    kernel.close()
    assert seen == "2"


@pytest.mark.parametrize("text", ["", "NA", "👋🏽 שלום", '"quoted" \\ back\n\ttab \x01', "é" * 300])
def test_answers_are_stored_as_the_json_text_json_dumps_writes(text):
    from examples import EXAMPLES, with_text

    from workbook.store import rows

    for example in EXAMPLES.values():
        entry = with_text(example, text)
        assert rows.encode(entry) == json.dumps(entry.to_data(), ensure_ascii=False)
    odd = CheckIn(mood=5, insecurity=None, note=text, activities=("a", text), source="daylio")
    assert json.loads(rows.encode(odd)) == odd.to_data()
