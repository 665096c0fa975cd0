"""Locking the journal: turn the lock on or off, change the passphrase, use the recovery code.

Each change is safe against a kill at any moment. New files are written beside the
old ones, synced, and renamed into place, in an order where every moment leaves one
whole journal that opens with the old secret or the new one:

- Lock: the locked copy is written and checked row by row; the key file is put in
  place; then the locked copy is renamed over the journal (the moment it counts).
  Until that rename the journal is still plain and the new key file is unused.
- Remove: the plain copy is written and checked; it is renamed over the journal;
  only then are the locked backups and the key file removed.
- Change passphrase, recovery: only the key file is replaced (one rename); the data
  key, and so the journal, stay the same.

A swap needs the journal to itself: another notebook holding it open makes the change
wait, then refuse with a message, having changed nothing. While it holds the journal,
nothing else in this process opens the file (`handles.holding`): SQLite's locks belong
to the process, and closing any second handle on the file would drop them, letting
another notebook save into the old file just before it is replaced.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from workbook import messages
from workbook.sealed import KdfSettings
from workbook.store import keys
from workbook.store.connection import connect
from workbook.store.copies import remove_copies
from workbook.store.errors import StoreDamaged, StoreError, database_error, operational
from workbook.store.files import make_private_file
from workbook.store.handles import holding, is_encrypted_here
from workbook.store.journal import Store, adopt, drop_key, forget, held_key, hold_key

__all__ = ["MIN_PASSPHRASE", "TABLES", "change_passphrase", "held_key", "is_locked", "lock",
           "lock_now", "recover", "remove_lock", "unlock"]

MIN_PASSPHRASE = 8
# Every table of the journal, compared row by row before a converted copy is used.
TABLES = ("profiles", "entries", "settings", "batches")
SWAP_WAIT_MS = 3000


def is_locked(journal: Path) -> bool:
    """Whether ``journal`` is encrypted (the key file alone does not count)."""
    return is_encrypted_here(Path(journal))


def check_passphrase(passphrase: str) -> None:
    if len(passphrase.strip()) < MIN_PASSPHRASE:
        raise StoreError(messages.PASSPHRASE_TOO_SHORT.format(length=MIN_PASSPHRASE))


def unlock(journal: Path, passphrase: str) -> Store:
    """Open a locked journal and keep it unlocked in this kernel (see `default_store`).

    Raises `WrongPassphrase` or `KeyFileProblem`; nothing on disk is changed. A damaged
    journal raises `StoreDamaged` but stays unlocked, so its backup can be restored.
    """
    journal = Path(journal)
    if not is_locked(journal):
        raise StoreError(messages.NOT_LOCKED.format(path=journal))
    data_key = keys.open_with_passphrase(journal, passphrase)
    return _hold(journal, data_key)


def lock_now(journal: Path) -> None:
    """Forget the key held in this kernel; every notebook here asks for it again."""
    drop_key(Path(journal))


def lock(journal: Path, passphrase: str, *, kdf: KdfSettings | None = None) -> str:
    """Encrypt ``journal`` under a new random key, wrapped under ``passphrase`` and a new
    recovery code, which is returned (to show once, never stored).

    The plain file, its WAL and every plain backup are removed; a locked backup is
    taken. Raises `StoreError` if it is already locked or open in another notebook.
    """
    journal = Path(journal)
    check_passphrase(passphrase)
    if is_locked(journal):
        raise StoreError(messages.ALREADY_LOCKED.format(path=journal))
    Store(journal).close()  # a journal that doesn't exist yet is created, then locked
    data_key, code = keys.new_data_key(), keys.new_recovery_code()
    document = keys.wrap(data_key, passphrase, code, kdf)
    _swap(journal, None, data_key, document)
    remove_copies(journal, encrypted=False)
    _hold(journal, data_key).backup(reason="locked")
    return code


def remove_lock(journal: Path, passphrase: str) -> None:
    """Decrypt ``journal`` back to plain SQLite; its key file and locked backups go."""
    journal = Path(journal)
    if not is_locked(journal):
        raise StoreError(messages.NOT_LOCKED.format(path=journal))
    data_key = keys.open_with_passphrase(journal, passphrase)
    _swap(journal, data_key, None, None)
    _finish_removal(journal)
    drop_key(journal)
    with Store(journal) as store:
        store.backup(reason="unlocked")


def change_passphrase(journal: Path, old: str, new: str, *,
                      kdf: KdfSettings | None = None) -> None:
    """Wrap the same data key under ``new``; the journal itself is not rewritten."""
    journal = Path(journal)
    check_passphrase(new)
    data_key = keys.open_with_passphrase(journal, old)
    keys.write(journal, keys.rewrap_passphrase(keys.read(journal), data_key, new, kdf))


def recover(journal: Path, code: str, new_passphrase: str, *,
            kdf: KdfSettings | None = None) -> str:
    """Open with the recovery code, set ``new_passphrase`` and a new recovery code
    (returned; the old code stops working). The journal stays unlocked here."""
    journal = Path(journal)
    check_passphrase(new_passphrase)
    data_key = keys.open_with_recovery_code(journal, code)
    fresh = keys.new_recovery_code()
    keys.write(journal, keys.wrap(data_key, new_passphrase, fresh, kdf))
    _hold(journal, data_key)
    return fresh


def _hold(journal: Path, data_key: bytes) -> Store:
    """Check the key opens the journal, then keep it for this kernel's default store.

    Raises `StoreDamaged` for a damaged journal, keeping the key all the same.
    """
    forget(journal)
    try:
        store = Store(journal, data_key=data_key)
    except StoreDamaged:
        # The key is right (its wrapping opened): kept, so a backup can be restored.
        hold_key(journal, data_key)
        raise
    hold_key(journal, data_key)
    adopt(store)
    return store


def _finish_removal(journal: Path) -> None:
    # Locked copies first, the key file last: until it goes, they can still be opened.
    remove_copies(journal, encrypted=True)
    key_file = keys.key_path(journal)
    key_file.unlink(missing_ok=True)
    keys.sync_folder(journal.parent)


def tidy(journal: Path, *, locked: bool) -> None:
    """Clear what an interrupted change left beside a journal (run with it held, so
    whether it is ``locked`` comes from the holder: looking would open the file)."""
    for leftover in (_converting(journal), Path(f"{_converting(journal)}-journal"),
                     Path(f"{_converting(journal)}-wal"), Path(f"{_converting(journal)}-shm"),
                     keys.key_path(journal).with_name(keys.key_path(journal).name + ".new")):
        leftover.unlink(missing_ok=True)
    if not locked and keys.key_path(journal).exists():
        _finish_removal(journal)  # a lock removed (or set) halfway: plain is what counts


def _converting(journal: Path) -> Path:
    return journal.with_name(journal.name + ".converting")


def _swap(journal: Path, old_key: bytes | None, new_key: bytes | None,
          key_document: dict[str, Any] | None) -> None:
    """Replace ``journal`` with a copy under ``new_key`` (None: plain), checked first.

    Every call made while the journal is held opens other files only: the copy, the
    key file, backups. The held connection is the one handle on the journal here.
    """
    forget(journal)
    with holding(journal, wait_ms=SWAP_WAIT_MS):
        _swap_held(journal, old_key, new_key, key_document)


def _swap_held(journal: Path, old_key: bytes | None, new_key: bytes | None,
               key_document: dict[str, Any] | None) -> None:
    held = _cipher_connect(journal, old_key)
    try:
        try:
            # Exclusive: no other notebook may read or write the old file from here on,
            # and leaving WAL folds the -wal file back into the journal.
            held.execute("PRAGMA locking_mode = EXCLUSIVE")
            mode = held.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
            held.execute("BEGIN EXCLUSIVE")
            held.execute("COMMIT")
        except operational() as error:
            raise StoreError(messages.OPEN_ELSEWHERE) from error
        if str(mode).lower() != "delete":
            raise StoreError(messages.OPEN_ELSEWHERE)
        Path(f"{journal}-shm").unlink(missing_ok=True)
        tidy(journal, locked=old_key is not None)
        copy = _converting(journal)
        _export(held, copy, new_key)
        if key_document is not None:
            keys.write(journal, key_document)
        os.replace(copy, journal)  # the moment the change counts
        keys.sync_folder(journal.parent)
    except database_error() as error:
        raise StoreError(messages.LOCK_FAILED.format(reason=type(error).__name__)) from error
    finally:
        held.close()


def _cipher_connect(path: Path, data_key: bytes | None) -> Any:
    """A SQLCipher connection (``sqlcipher_export`` needs one even for a plain file)."""
    if data_key is not None:
        return connect(path, data_key, timeout_ms=SWAP_WAIT_MS)
    from sqlcipher3 import dbapi2

    con = dbapi2.connect(str(path), timeout=SWAP_WAIT_MS / 1000, isolation_level=None)
    con.execute("PRAGMA cipher_log_level = NONE")
    return con


def _export(held: Any, copy: Path, new_key: bytes | None) -> None:
    """Write ``copy`` with SQLCipher's export, compare it row by row, and sync it."""
    copy.unlink(missing_ok=True)
    make_private_file(copy)
    target_key = keys.sqlcipher_key(new_key) if new_key is not None else "''"
    held.execute(f"ATTACH DATABASE ? AS converted KEY {target_key}", (str(copy),))
    try:
        held.execute("BEGIN")
        held.execute("SELECT sqlcipher_export('converted')")
        version = int(held.execute("PRAGMA main.user_version").fetchone()[0])
        held.execute(f"PRAGMA converted.user_version = {version}")
        held.execute("COMMIT")
    finally:
        held.execute("DETACH DATABASE converted")
    _compare(held, copy, new_key)
    fd = os.open(copy, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _compare(held: Any, copy: Path, new_key: bytes | None) -> None:
    """Raise unless ``copy``, opened on its own with its key, holds every row of the journal."""
    new = connect(copy, new_key)
    try:
        if new.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise StoreError(messages.LOCK_FAILED.format(reason="the copy failed its check"))
        if (held.execute("PRAGMA user_version").fetchone()
                != new.execute("PRAGMA user_version").fetchone()):
            raise StoreError(messages.LOCK_FAILED.format(reason="the schema version differs"))
        present = {row[0] for row in held.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table in (t for t in TABLES if t in present):
            ours = held.execute(f"SELECT * FROM {table} ORDER BY rowid")
            theirs = new.execute(f"SELECT * FROM {table} ORDER BY rowid")
            while True:
                a, b = ours.fetchmany(500), theirs.fetchmany(500)
                if [tuple(r) for r in a] != [tuple(r) for r in b]:
                    raise StoreError(messages.LOCK_FAILED.format(
                        reason=f"the copy of {table} differs"))
                if not a:
                    break
    finally:
        new.close()
