"""Copies of the journal: daily and pre-upgrade backups, restore, and deleting everything."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from workbook import messages
from workbook.store.errors import StoreDamaged
from workbook.store.files import make_private_dir, make_private_file, now

BACKUPS_KEPT = 5


def backups_of(journal: Path) -> list[Path]:
    """Backups kept beside ``journal``, newest first (readable even if it is damaged)."""
    folder = Path(journal).parent / "backups"
    return sorted(folder.glob("journal-*.sqlite3"), reverse=True) if folder.is_dir() else []


class Copies:
    """The part of `Store` that makes, lists and removes copies of the journal."""

    path: Path
    read_only: bool
    _con: sqlite3.Connection

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
        """A complete copy of the journal (safe while others write), 0600."""
        if destination is None:
            make_private_dir(self.backups_dir)
            stamp = now().strftime("%Y%m%d-%H%M%S-%f")
            destination = self.backups_dir / f"journal-{stamp}-{reason}.sqlite3"
        make_private_file(destination)
        target = sqlite3.connect(destination)
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
        candidates = [self.path, Path(f"{self.path}-wal"), Path(f"{self.path}-shm"),
                      *self.backups(), *sorted(self.exports_dir.glob("secure-base-*")),
                      *sorted(replaced.glob("journal-*"))]
        for path in candidates:
            if path.exists():
                path.unlink()
                removed.append(path)
        for folder in (self.backups_dir, self.exports_dir, replaced):
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
        return removed


def restore(journal: Path, backup: Path) -> Path:
    """Put ``backup`` back in place of ``journal``, keeping the current file first.

    Works even when the current file is damaged. Close every `Store` on the journal
    first. Returns where the replaced file was kept (0600, never deleted here).
    """
    from workbook.store.journal import forget

    journal, backup = Path(journal), Path(backup)
    check = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        healthy = check.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError:
        healthy = False
    finally:
        check.close()
    if not healthy:
        raise StoreDamaged(messages.damaged(backup, None))
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
    source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    target = sqlite3.connect(journal)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    return kept
