"""The journal: opening, upgrading, and writing entries, profiles and settings."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from workbook import messages, migrations, words
from workbook.models import Entry
from workbook.sealed import KdfSettings
from workbook.store import columns, keys, rows, search_index
from workbook.store.batches import Batches
from workbook.store.connection import BUSY_TIMEOUT_MS, connect
from workbook.store.copies import Copies, remove_copies
from workbook.store.errors import (
    StoreDamaged,
    StoreError,
    StoreLocked,
    StoreTooNew,
    database_error,
    friendly,
    operational,
)
from workbook.store.files import (
    check_journal_path,
    default_path,
    make_private_dir,
    make_private_file,
    now,
)
from workbook.store.handles import is_encrypted_here, using
from workbook.store.rows import Found, Profile, Saved
from workbook.store.search import Search
from workbook.store.transfer import Transfer

__all__ = ["BUSY_TIMEOUT_MS", "Store", "adopt", "default_store", "drop_key", "forget",
           "held_key", "hold_key"]

_open_stores: dict[Path, Store] = {}
# Data keys of journals unlocked in this kernel, by path; only ever in memory.
_held_keys: dict[Path, bytes] = {}


def default_store() -> Store:
    """The store every form uses unless given another; one per journal path.

    A locked journal opens with the key held since it was unlocked in this kernel, and
    raises `StoreLocked` until then.
    """
    path = default_path().resolve()
    if path not in _open_stores or _open_stores[path].closed:
        _open_stores[path] = Store(path, data_key=_held_keys.get(path))
    return _open_stores[path]


def hold_key(journal: Path, data_key: bytes) -> None:
    """Keep ``journal`` unlocked for the rest of this kernel's life (or until forgotten)."""
    _held_keys[Path(journal).resolve()] = data_key


def held_key(journal: Path) -> bytes | None:
    return _held_keys.get(Path(journal).resolve())


def adopt(store: Store) -> None:
    """Make ``store`` the shared store for its path (after an unlock opened it)."""
    forget(store.path)
    _open_stores[store.path.resolve()] = store


def drop_key(journal: Path) -> None:
    """Forget ``journal``'s key and close its shared store: it is locked again here."""
    _held_keys.pop(Path(journal).resolve(), None)
    forget(journal)


def forget(journal: Path) -> None:
    """Close and drop the shared store for ``journal`` (before it is replaced or removed)."""
    still_open = _open_stores.pop(Path(journal).resolve(), None)
    if still_open is not None:
        still_open.close()


class Store(Copies, Transfer, Batches, Search):
    """A journal file, plain or locked.

    ``Store(path)`` opens a plain journal (creating it if missing) and raises
    `StoreLocked` on a locked one. ``Store(path, passphrase=...)`` opens a locked
    journal, or creates a new locked one (its one-time recovery code is then in
    ``recovery_code``); it raises `WrongPassphrase` or `KeyFileProblem` (both
    `StoreLocked`). Raises `StoreDamaged` if the file can't be read as a journal, and
    `StoreError` if its path is a folder or a symbolic link.
    """

    def __init__(self, path: str | os.PathLike[str], passphrase: str | None = None, *,
                 data_key: bytes | None = None, kdf: KdfSettings | None = None):
        self.path = Path(path)
        self.read_only = False
        self.closed = True
        self.recovery_code: str | None = None
        check_journal_path(self.path)
        make_private_dir(self.path.parent)
        self.data_key = self._key_for(passphrase, data_key, kdf)
        make_private_file(self.path)
        for companion in ("-wal", "-shm"):
            side = Path(f"{self.path}{companion}")
            check_journal_path(side)
            if side.exists():
                os.chmod(side, 0o600)
        # JupyterLab may run widget callbacks in a kernel subshell (another thread than
        # the cell that opened the journal); `_writing` keeps their transactions apart.
        self._one_writer = threading.RLock()
        self._connect()

    def _key_for(self, passphrase: str | None, data_key: bytes | None,
                 kdf: KdfSettings | None) -> bytes | None:
        locked = is_encrypted_here(self.path)
        if passphrase is None:
            if locked and data_key is None:
                if not keys.key_path(self.path).exists():
                    # Damaged, or locked with its key file gone: the message names both.
                    raise StoreDamaged(messages.damaged(self.path, self.newest_backup())
                                       + " " + messages.KEY_FILE_HINT.format(
                                           path=keys.key_path(self.path)))
                raise StoreLocked(messages.JOURNAL_LOCKED)
            # A key held from before the lock was removed elsewhere is simply not needed.
            return data_key if locked else None
        if locked or (keys.key_path(self.path).exists() and not _has_content(self.path)):
            return keys.open_with_passphrase(self.path, passphrase)
        if _has_content(self.path):
            raise StoreError(messages.NOT_LOCKED.format(path=self.path))
        # A new locked journal: the key file goes first, so the data is never without it.
        data_key, self.recovery_code = keys.new_data_key(), keys.new_recovery_code()
        keys.write(self.path, keys.wrap(data_key, passphrase, self.recovery_code, kdf))
        return data_key

    @property
    def locked(self) -> bool:
        return self.data_key is not None

    def _connect(self) -> None:
        for _attempt in range(3):
            before = self._opening_inode = self._inode = _inode(self.path)
            with using(self.path, self):
                self._con = connect(self.path, self.data_key)
                self.closed = False
            try:
                self._open()
            except StoreError:
                self.close()
                raise
            except database_error() as error:
                self.close()
                if _busy(error):
                    # Held by a lock change elsewhere for longer than we wait: not damage.
                    raise StoreError(messages.LOCKED) from error
                raise StoreDamaged(messages.damaged(self.path, self.newest_backup())) from error
            # The file was swapped (locked or unlocked elsewhere) while we opened it.
            if _inode(self.path) == before:
                if self.locked:
                    remove_copies(self.path, encrypted=False)
                return
            self.close()
            self.data_key = self._key_for(None, self.data_key or held_key(self.path), None)
        raise StoreError(messages.LOCKED)

    def _reconnect(self) -> None:
        """Open the file now at our path again: it was replaced by a lock or unlock."""
        self.close()
        self.data_key = self._key_for(None, self.data_key or held_key(self.path), None)
        self._connect()

    # -- opening and upgrading -------------------------------------------------

    def _open(self) -> None:
        con = self._con
        con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if con.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise sqlite3.DatabaseError("quick_check failed")
        version = self.version
        if version > migrations.LATEST:
            self.read_only = True
            con.execute("PRAGMA query_only = ON")
            return
        if _inode(self.path) != self._opening_inode:
            return  # swapped while opening: `_connect` opens the new file instead
        con.execute("PRAGMA journal_mode = WAL")
        con.execute("PRAGMA synchronous = FULL")
        con.execute("PRAGMA foreign_keys = ON")
        if version < migrations.LATEST:
            try:
                self._migrate()
            except StoreError:
                raise
            except Exception as error:
                raise StoreError(messages.UPGRADE_FAILED.format(
                    path=self.path, reason=type(error).__name__)) from error

    @property
    def version(self) -> int:
        return int(self._con.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        if self.version > 0:
            # The copy is taken outside the write transaction: SQLite's backup can't read
            # a database through a connection that is in the middle of writing it.
            self.backup(reason=f"before-v{migrations.LATEST}")
        with self._writing() as con:
            # Read the version again under the write lock: another kernel may have upgraded.
            start = self.version
            if start >= migrations.LATEST:
                return
            for number in range(start + 1, migrations.LATEST + 1):
                migrations.STEPS[number - 1](con)
            con.execute(f"PRAGMA user_version = {migrations.LATEST}")

    @contextmanager
    def _writing(self) -> Iterator[Any]:
        with self._one_writer, self._transaction() as con:
            yield con

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        if self.read_only:
            raise StoreTooNew(messages.TOO_NEW.format(path=self.path))
        con = self._begin()
        try:
            yield con
            # Whatever was written, the word index is brought in step before it counts.
            search_index.catch_up(con)
        except operational() as error:
            _rollback(con)
            raise friendly(error) from error
        except BaseException:
            _rollback(con)
            raise
        try:
            con.execute("COMMIT")
        except operational() as error:
            _rollback(con)
            raise friendly(error) from error

    def _begin(self) -> Any:
        """Take the write lock; if the file was swapped by a lock change, reopen first."""
        for _attempt in range(3):
            con = self._con
            try:
                con.execute("BEGIN IMMEDIATE")
            except operational() as error:
                raise friendly(error) from error
            # Checked under the write lock: a swap can't happen between here and COMMIT.
            if _inode(self.path) == self._inode:
                return con
            _rollback(con)
            self._reconnect()
        raise StoreError(messages.LOCKED)

    # -- entries ---------------------------------------------------------------

    def add(self, entry: Entry, *, profile: str = words.PROFILE_ME,
            at: dt.datetime | None = None) -> Saved:
        """Save a new entry for ``profile`` and return it as stored.

        The first save of a day first takes a backup of the journal as it was.
        """
        self._daily_backup()
        with self._writing() as con:
            entry_id = rows.insert(con, entry, profile=profile, at=at)
        return self.get(entry_id)

    def update(self, entry_id: int, entry: Entry) -> Saved:
        """Replace the answers of a saved entry; its date and profile stay."""
        with self._writing() as con:
            changed = con.execute(
                "UPDATE entries SET data = ?, updated_at = ? WHERE id = ? AND kind = ?",
                (rows.encode(entry), now().isoformat(), entry_id, entry.KIND),
            ).rowcount
        if not changed:
            raise KeyError(entry_id)
        return self.get(entry_id)

    def delete(self, entry_id: int) -> bool:
        """Delete one entry; returns whether it existed."""
        with self._writing() as con:
            return con.execute("DELETE FROM entries WHERE id = ?", (entry_id,)).rowcount == 1

    def get(self, entry_id: int) -> Saved:
        row = self._con.execute(rows.SELECT + " WHERE id = ?", (entry_id,)).fetchone()
        if row is None:
            raise KeyError(entry_id)
        return rows.saved(row)

    def entries(self, kind: str | None = None, *, profile: str | None = None,
                since: dt.date | None = None, until: dt.date | None = None,
                newest_first: bool = True, limit: int | None = None) -> Found:
        """Saved entries, filtered by kind, profile and day (inclusive).

        Rows this version can't read are left out and counted in ``.skipped`` of the
        list returned (see `Found.not_shown`); they stay in the file untouched.
        """
        where, args = rows.filters(kind, profile, since, until)
        sql = rows.SELECT + where
        sql += " ORDER BY created_at DESC, id DESC" if newest_first else " ORDER BY created_at, id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return rows.read(self._con.execute(sql, args))

    def entry_columns(self, kind: str, *, profile: str | None = None,
                      since: dt.date | None = None,
                      until: dt.date | None = None) -> columns.Columns:
        """The entries `entries` gives oldest first, as columns: no object per entry.

        For tables of many entries (years of check-ins). Raises ``KeyError`` for a kind
        this version doesn't know.
        """
        where, args = rows.filters(kind, profile, since, until)
        sql = columns.SELECT + where + " ORDER BY created_at, id"
        return columns.columns(kind, self._con.execute(sql, args))

    def count(self, kind: str, *, profile: str = words.PROFILE_ME,
              day: dt.date | None = None) -> int:
        """How many entries of ``kind`` this profile has (on ``day``, if given)."""
        sql = f"SELECT count(*) FROM entries WHERE kind = ? AND profile = ? AND {rows.SHOWN}"
        args: list[Any] = [kind, profile]
        if day is not None:
            sql += " AND day = ?"
            args.append(day.isoformat())
        return int(self._con.execute(sql, args).fetchone()[0])

    def days_with(self, kind: str, *, profile: str | None = None) -> list[tuple[str, int]]:
        """(day, number of entries) for each day with an entry of ``kind``, oldest first."""
        sql = (f"SELECT day, count(*) FROM entries WHERE kind = ? AND {rows.SHOWN}"
               + (" AND profile = ?" if profile else "") + " GROUP BY day ORDER BY day")
        return [tuple(row) for row in self._con.execute(sql, (kind, profile) if profile
                                                        else (kind,))]

    def practice(self, *, profile: str | None = None) -> list[tuple[str, str, str, int]]:
        """(day, profile, strategy, number of saved exercises) for each day practised."""
        sql = ("SELECT day, profile, strategy, count(*) FROM entries WHERE strategy IS NOT NULL"
               f" AND {rows.SHOWN}"
               + (" AND profile = ?" if profile else "")
               + " GROUP BY day, profile, strategy ORDER BY day, strategy")
        return [tuple(row) for row in self._con.execute(sql, (profile,) if profile else ())]

    # -- profiles and settings ---------------------------------------------------

    def profiles(self) -> list[Profile]:
        found = self._con.execute("SELECT key, name FROM profiles ORDER BY created_at, key")
        return [Profile(key, name) for key, name in found]

    def set_profile(self, key: str, name: str = "") -> Profile:
        """Create or rename a profile (names are optional)."""
        with self._writing() as con:
            rows.ensure_profile(con, key)
            con.execute("UPDATE profiles SET name = ? WHERE key = ?", (name, key))
        return Profile(key, name)

    def remove_profile(self, key: str) -> None:
        """Remove a profile that has no entries; the "me" profile always stays."""
        if key == words.PROFILE_ME:
            raise ValueError("The main profile can't be removed.")
        with self._writing() as con:
            used = con.execute("SELECT count(*) FROM entries WHERE profile = ?", (key,))
            if used.fetchone()[0]:
                raise ValueError("This profile still has entries.")
            con.execute("DELETE FROM profiles WHERE key = ?", (key,))

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self._con.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self._writing() as con:
            con.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))

    def forget_setting(self, key: str) -> None:
        """Remove a setting, so nothing of it stays in the journal."""
        with self._writing() as con:
            con.execute("DELETE FROM settings WHERE key = ?", (key,))

    # -- closing -----------------------------------------------------------------

    def close(self) -> None:
        if not self.closed:
            self._con.close()
            self.closed = True

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _inode(path: Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return None
    return (found.st_dev, found.st_ino)


def _busy(error: Exception) -> bool:
    return isinstance(error, operational()) and any(
        word in str(error).lower() for word in ("locked", "busy"))


def _has_content(path: Path) -> bool:
    try:
        return os.stat(path).st_size > 0
    except FileNotFoundError:
        return False


def _rollback(con: sqlite3.Connection) -> None:
    # SQLite may already have rolled back by itself (after a full disk, for example).
    if con.in_transaction:
        con.execute("ROLLBACK")
