"""What Start here's privacy and lock settings do to the journal file, without widgets:
take a readable copy, put the newest backup back, and lock the journal while removing or
keeping the plain exports the lock would not cover."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from workbook.sealed import KdfSettings
from workbook.store import Store, backups_of, lock, now, restore
from workbook.store.copies import plain_exports, remove_plain_exports

__all__ = ["Locked", "Restored", "export_copy", "lock_journal", "restore_newest"]


def export_copy(store: Store) -> Path:
    """Write everything in ``store`` to a new JSON file in its exports folder (0600),
    named by the moment, and return it. Raises `StoreError` or `OSError`."""
    target = store.exports_dir / f"secure-base-{now():%Y%m%d-%H%M%S-%f}.json"
    store.export_json(target)
    return target


@dataclasses.dataclass(frozen=True)
class Restored:
    """A backup put back: which one, where the replaced file is kept, and the journal
    reopened (None when no open journal was given)."""

    backup: Path
    kept: Path
    store: Store | None


def restore_newest(journal: Path, store: Store | None = None) -> Restored | None:
    """Put the newest backup of ``journal`` in its place; None when there is no backup.

    ``store`` (a journal open on that file, or None) is closed first and reopened after
    with the same key, so a locked journal stays unlocked here; the key held since an
    unlock serves when no store is given. Raises `StoreError` or `OSError` when the backup
    can't be put back (``store`` is closed then).
    """
    found = backups_of(journal)
    if not found:
        return None
    key = getattr(store, "data_key", None) or lock.held_key(journal)
    if store is not None:
        store.close()
    kept = restore(journal, found[0], data_key=key)
    return Restored(found[0], kept, Store(journal, data_key=key) if store is not None else None)


@dataclasses.dataclass(frozen=True)
class Locked:
    """A journal just locked: its recovery code (shown once, stored nowhere) and the plain
    exports that were removed or kept as the person chose."""

    code: str
    removed: list[Path]
    kept: list[Path]


def lock_journal(journal: Path, passphrase: str, *, remove_exports: bool,
                 kdf: KdfSettings | None = None) -> Locked:
    """Lock ``journal`` with ``passphrase`` (see `workbook.store.lock.lock`), then remove
    the plain exports beside it or keep them, as ``remove_exports`` says.

    Close any store of this process on the journal first. Raises `StoreError` when the
    journal can't be locked; the exports are untouched then.
    """
    exports = plain_exports(journal)
    code = lock.lock(journal, passphrase, kdf=kdf)
    if remove_exports and exports:
        return Locked(code, remove_plain_exports(journal), [])
    return Locked(code, [], exports)
