"""The privacy steps without any widget: a readable copy, the newest backup put back, and
locking with the plain exports removed or kept."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from workbook import privacy
from workbook.models import CheckIn
from workbook.sealed import KdfSettings
from workbook.store import Store, StoreError, lock
from workbook.store.copies import is_plain_copy
from workbook.store.journal import drop_key

FAST = KdfSettings(time_cost=1, memory_kib=8 * 1024, parallelism=1)
SECRET = "harbour willow thistle"


def test_an_export_is_a_private_json_copy_of_everything(store):
    store.add(CheckIn(mood=4, insecurity=6, note="in the copy"))
    first, second = privacy.export_copy(store), privacy.export_copy(store)
    assert first != second and first.parent == second.parent == store.exports_dir
    assert stat.S_IMODE(first.stat().st_mode) == 0o600
    assert json.loads(first.read_text())["entries"][0]["data"]["note"] == "in the copy"


def test_no_backup_means_nothing_is_restored(store):
    store.add(CheckIn(mood=4, insecurity=6))
    assert privacy.restore_newest(store.path, store) is None
    assert not store.closed


def test_the_newest_backup_comes_back_and_the_journal_reopens(store):
    store.add(CheckIn(mood=4, insecurity=6, note="older"))
    store.backup(reason="copy")
    store.add(CheckIn(mood=4, insecurity=6, note="newest"))
    store.backup(reason="copy")
    store.add(CheckIn(mood=4, insecurity=6, note="after both backups"))
    done = privacy.restore_newest(store.path, store)
    assert store.closed and done.store is not None and not done.store.closed
    assert sorted(s.entry.note for s in done.store.entries()) == ["newest", "older"]
    assert done.kept.exists() and done.backup.parent.name == "backups"
    done.store.close()


def test_a_locked_journal_is_restored_with_its_held_key(tmp_path):
    journal = tmp_path / "secure-base" / "journal.sqlite3"
    with Store(journal) as plain:
        plain.add(CheckIn(mood=4, insecurity=6, note="in the backup"))
    privacy.lock_journal(journal, SECRET, remove_exports=False, kdf=FAST)
    try:
        lock.unlock(journal, SECRET).backup(reason="copy")
        journal.write_bytes(b"\x00damaged" * 512)
        done = privacy.restore_newest(journal)
        assert done is not None and done.store is None
        assert lock.is_locked(journal) and not is_plain_copy(journal)
        with Store(journal, data_key=lock.held_key(journal)) as reopened:
            assert [s.entry.note for s in reopened.entries()] == ["in the backup"]
    finally:
        drop_key(journal)


def plain_export(store: Store) -> Path:
    store.add(CheckIn(mood=4, insecurity=6, note="readable"))
    return privacy.export_copy(store)


@pytest.mark.parametrize("remove", [True, False])
def test_locking_removes_or_keeps_the_plain_exports_as_chosen(tmp_path, remove):
    journal = tmp_path / "secure-base" / "journal.sqlite3"
    with Store(journal) as store:
        exported = plain_export(store)
    try:
        done = privacy.lock_journal(journal, SECRET, remove_exports=remove, kdf=FAST)
        assert lock.is_locked(journal) and len(done.code) == 29
        assert exported.exists() is not remove
        assert (done.removed, done.kept) == (([exported], []) if remove else ([], [exported]))
    finally:
        drop_key(journal)


def test_a_refused_lock_leaves_the_exports_alone(tmp_path):
    journal = tmp_path / "secure-base" / "journal.sqlite3"
    with Store(journal) as store:
        exported = plain_export(store)
    with pytest.raises(StoreError):
        privacy.lock_journal(journal, "short", remove_exports=True, kdf=FAST)
    assert exported.exists() and not lock.is_locked(journal)


def test_what_is_said_escapes_paths_and_file_names():
    from workbook.words import privacy as said

    odd = Path("/home/<b>sam</b>/journal.sqlite3")
    assert "&lt;b&gt;sam&lt;/b&gt;" in said.where_it_lives(odd) and "<b>sam" not in \
        said.where_it_lives(odd)
    listed = said.plain_exports_listed([odd.parent / "<img src=x onerror=alert(1)>.json"])
    assert "<img" not in listed and "&lt;img" in listed
    assert said.plain_exports_listed([]) == ""
    assert "<script" not in said.recovery_code("<script>x</script>")
