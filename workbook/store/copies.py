"""Copies of the journal: daily and pre-upgrade backups, restore, and deleting everything."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from workbook import messages, sealed
from workbook.store.connection import connect
from workbook.store.errors import StoreDamaged, StoreLocked, database_error
from workbook.store.files import make_private_dir, make_private_file, now
from workbook.store.handles import using
from workbook.store.keys import PLAIN_HEADER, is_encrypted, key_path

BACKUPS_KEPT = 5
PAGE_SIZES = (4096, 512, 1024, 2048, 8192, 16384, 32768, 65536)


def backups_of(journal: Path) -> list[Path]:
    """Backups kept beside ``journal``, newest first (readable even if it is damaged)."""
    folder = Path(journal).parent / "backups"
    return sorted(folder.glob("journal-*.sqlite3"), reverse=True) if folder.is_dir() else []


def replaced_copies_of(journal: Path) -> list[Path]:
    """Files a restore kept aside (the journal it replaced, with its WAL and SHM)."""
    folder = Path(journal).parent / "replaced"
    return sorted(folder.glob("journal-*")) if folder.is_dir() else []


def plain_exports(journal: Path) -> list[Path]:
    """Files in the journal's exports folder that anyone who opens them can read: JSON
    exports that are not sealed, CSV tables and HTML reports. Sealed exports are known
    by their content; the reminders calendar holds nothing of the journal."""
    folder = Path(journal).parent / "exports"
    if not folder.is_dir():
        return []
    return [path for path in sorted(folder.iterdir())
            if path.is_file() and not path.is_symlink()
            and path.suffix.lower() != ".ics" and not _is_sealed(path)]


def remove_plain_exports(journal: Path) -> list[Path]:
    """Remove every file `plain_exports` lists; returns those removed."""
    removed = []
    for path in plain_exports(journal):
        path.unlink(missing_ok=True)
        removed.append(path)
    return removed


def _is_sealed(path: Path) -> bool:
    if path.suffix.lower() != ".json":
        return False
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(document, dict):
        return False
    inner = document.get("sealed")  # a share file sealed inside its own wrapping
    return document.get("format") == sealed.FORMAT or (
        isinstance(inner, dict) and inner.get("format") == sealed.FORMAT)


def remove_copies(journal: Path, *, encrypted: bool) -> list[Path]:
    """Remove the backups and kept copies of ``journal`` that are (or are not) locked.

    After a lock is set, plain copies would give away what the lock protects; after it
    is removed, locked copies could never be opened again. Whether a copy is plain is
    decided by opening it (`is_plain_copy`), never by its first bytes alone.
    """
    removed, plain = [], {}
    for path in [*backups_of(journal), *replaced_copies_of(journal)]:
        base = Path(str(path)[:-4]) if path.name.endswith(("-wal", "-shm")) else path
        try:
            if base != path and not base.exists():
                matches = True  # a WAL without its file: whatever it holds goes
            else:
                if base not in plain:
                    plain[base] = is_plain_copy(base)
                matches = plain[base] != encrypted
            if matches and path.stat().st_size > 0:
                path.unlink()
                removed.append(path)
        except FileNotFoundError:
            continue  # removed meanwhile, by another notebook opening the journal
    return removed


def is_plain_copy(path: Path) -> bool:
    """Whether ``path`` opens as a plain SQLite file whose tables can be listed.

    The bytes are opened in memory (the file and its companions are never touched),
    with the header's fixed fields put right first: a plain copy whose first bytes were
    damaged still has every page readable, so it counts as plain. A locked file has no
    readable header or pages, so it never opens this way.
    """
    data = bytearray(path.read_bytes())
    if len(data) < 512 or data[100] not in (0x05, 0x0D):
        return False  # page 1 is not a table page: SQLite could not list its tables
    data[:16] = PLAIN_HEADER
    # Only the header fields reading needs, at values every journal here has; a file
    # that isn't plain SQLite underneath still fails to open.
    data[18:24] = b"\x01\x01\x00\x40\x20\x20"  # no WAL to look for, no reserved bytes
    data[28:32] = bytes(4)  # the size comes from the file's length
    data[52:56] = bytes(4)  # no auto-vacuum pages to expect
    if int.from_bytes(data[44:48], "big") not in (1, 2, 3, 4):
        data[44:48] = (4).to_bytes(4, "big")
    if int.from_bytes(data[56:60], "big") not in (1, 2, 3):
        data[56:60] = (1).to_bytes(4, "big")
    declared = int.from_bytes(data[16:18], "big")
    declared = 65536 if declared == 1 else declared
    for size in dict.fromkeys((declared, *PAGE_SIZES)):
        if size not in PAGE_SIZES or len(data) % size:
            continue
        data[16:18] = (1 if size == 65536 else size).to_bytes(2, "big")
        if _schema_reads(bytes(data)):
            return True
    return False


def _schema_reads(data: bytes) -> bool:
    con = sqlite3.connect(":memory:")
    try:
        con.deserialize(data)
        con.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
        return True
    except sqlite3.DatabaseError:
        return False
    finally:
        con.close()


class Copies:
    """The part of `Store` that makes, lists and removes copies of the journal."""

    path: Path
    read_only: bool
    _con: sqlite3.Connection
    data_key: bytes | None

    def close(self) -> None:
        raise NotImplementedError

    @property
    def backups_dir(self) -> Path:
        return self.path.parent / "backups"

    @property
    def exports_dir(self) -> Path:
        return self.path.parent / "exports"

    def backups(self) -> list[Path]:
        """Backups of this journal, newest first."""
        return backups_of(self.path)

    def newest_backup(self) -> Path | None:
        found = self.backups()
        return found[0] if found else None

    def _daily_backup(self) -> Path | None:
        if self.read_only:
            return None
        today = now().strftime("%Y%m%d")
        if any(p.name.startswith(f"journal-{today}") for p in self.backups()):
            return None
        if not self._con.execute("SELECT 1 FROM entries LIMIT 1").fetchone():
            return None  # nothing to protect yet
        return self.backup(reason="daily")

    def backup(self, destination: Path | None = None, *, reason: str = "copy") -> Path:
        """A complete copy of the journal (safe while others write), 0600; a locked
        journal's copies are locked with the same key."""
        if destination is None:
            make_private_dir(self.backups_dir)
            stamp = now().strftime("%Y%m%d-%H%M%S-%f")
            destination = self.backups_dir / f"journal-{stamp}-{reason}.sqlite3"
        make_private_file(destination)
        target = connect(destination, self.data_key)
        try:
            self._con.backup(target)
        finally:
            target.close()
        for old in self.backups()[BACKUPS_KEPT:]:
            old.unlink(missing_ok=True)
        return destination

    def delete_everything(self) -> list[Path]:
        """Close the journal and remove it with its WAL, SHM, backups, exports and any
        replaced copies kept by a restore."""
        from workbook.store.journal import forget

        self.close()
        forget(self.path)
        removed = []
        replaced = self.path.parent / "replaced"
        from workbook.store.journal import drop_key

        drop_key(self.path)
        key_file = key_path(self.path)
        candidates = [self.path, Path(f"{self.path}-wal"), Path(f"{self.path}-shm"),
                      *self.backups(), *sorted(self.exports_dir.glob("secure-base-*")),
                      *sorted(replaced.glob("journal-*")), key_file,
                      key_file.with_name(key_file.name + ".new")]
        for path in candidates:
            if path.exists():
                path.unlink()
                removed.append(path)
        for folder in (self.backups_dir, self.exports_dir, replaced):
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
        return removed


def restore(journal: Path, backup: Path, *, data_key: bytes | None = None) -> Path:
    """Put ``backup`` back in place of ``journal``, keeping the current file first.

    Works even when the current file is damaged. Close every `Store` on the journal
    first. A locked backup needs the journal's key (``data_key``, or the one held since
    it was unlocked here; else `StoreLocked`), and the copy kept stays locked. Returns
    where the replaced file was kept (0600, never deleted here).
    """
    from workbook.store.journal import held_key

    journal, backup = Path(journal), Path(backup)
    if not is_encrypted(backup):
        data_key = None
    elif data_key is None:
        data_key = held_key(journal)
        if data_key is None:
            raise StoreLocked(messages.JOURNAL_LOCKED)
    check = connect(f"file:{backup}?mode=ro", data_key, uri=True)
    try:
        healthy = check.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    except database_error():
        healthy = False
    finally:
        check.close()
    if not healthy:
        raise StoreDamaged(messages.damaged(backup, None))
    with using(journal):  # never while a lock change holds it (see `handles`)
        return _replace_with(journal, backup, data_key)


def _replace_with(journal: Path, backup: Path, data_key: bytes | None) -> Path:
    from workbook.store.journal import forget

    forget(journal)
    kept_dir = journal.parent / "replaced"
    make_private_dir(kept_dir)
    stamp = now().strftime("%Y%m%d-%H%M%S-%f")
    kept = kept_dir / f"journal-{stamp}.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        current = Path(f"{journal}{suffix}")
        if current.exists():
            make_private_file(Path(f"{kept}{suffix}"))
            shutil.copyfile(current, f"{kept}{suffix}")
            current.unlink()
    make_private_file(journal)
    source = connect(f"file:{backup}?mode=ro", data_key, uri=True)
    target = connect(journal, data_key)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    return kept
