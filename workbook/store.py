"""The journal: one private SQLite file that several notebooks can write at once.

Every write runs in ``BEGIN IMMEDIATE`` so concurrent kernels queue politely
instead of failing; the file and its WAL/SHM companions are 0600 from the first
byte; upgrades back the file up and run in one transaction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from workbook import messages, migrations, words
from workbook.models import KINDS, Entry

HOME_VARIABLE = "SECURE_BASE_HOME"
FILE_NAME = "journal.sqlite3"
BUSY_TIMEOUT_MS = 30_000
BACKUPS_KEPT = 5
EXPORT_FORMAT = "secure-base-export"
EXPORT_VERSION = 1


class StoreError(Exception):
    """A problem with the journal file, with a message written for the person."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


class StoreTooNew(StoreError):
    """The file comes from a newer version of the workbook and must not be written."""


class StoreDamaged(StoreError):
    """The file can't be read as a journal; it is left untouched."""


@dataclasses.dataclass(frozen=True)
class Saved:
    """An entry as it sits in the journal, with who wrote it and when."""

    id: int
    profile: str
    kind: str
    strategy: str | None
    created_at: dt.datetime
    day: dt.date
    updated_at: dt.datetime | None
    entry: Entry


@dataclasses.dataclass(frozen=True)
class Profile:
    key: str
    name: str

    @property
    def label(self) -> str:
        default = "Me" if self.key == words.PROFILE_ME else "My partner"
        return self.name or default


def home() -> Path:
    """The folder that holds the journal: ``$SECURE_BASE_HOME`` or the user data dir."""
    override = os.environ.get(HOME_VARIABLE)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return platformdirs.user_data_path("secure-base", appauthor=False)


def default_path() -> Path:
    return home() / FILE_NAME


_open_stores: dict[Path, Store] = {}


def default_store() -> Store:
    """The store every form uses unless given another; one per journal path."""
    path = default_path().resolve()
    if path not in _open_stores or _open_stores[path].closed:
        _open_stores[path] = Store(path)
    return _open_stores[path]


def now() -> dt.datetime:
    return dt.datetime.now().astimezone()


def make_private_dir(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder, 0o700)


def make_private_file(path: Path) -> None:
    """Create ``path`` as 0600 (or tighten it), so SQLite's WAL and SHM follow suit.

    A missing folder is created 0700; an existing one is left as it is (it may be the
    person's own folder, chosen for an export).
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


class Store:
    """A journal file. Raises `StoreDamaged` if it can't be read as one."""

    def __init__(self, path: str | os.PathLike[str]):
        self.path = Path(path)
        self.read_only = False
        self.closed = False
        make_private_dir(self.path.parent)
        make_private_file(self.path)
        for companion in ("-wal", "-shm"):
            side = Path(f"{self.path}{companion}")
            if side.exists():
                os.chmod(side, 0o600)
        self._con = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000,
                                    isolation_level=None)
        try:
            self._open()
        except StoreError:
            self.close()
            raise
        except sqlite3.DatabaseError as error:
            self.close()
            raise StoreDamaged(messages.damaged(self.path, self.newest_backup())) from error

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
    def _writing(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise StoreTooNew(messages.TOO_NEW.format(path=self.path))
        con = self._con
        try:
            con.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise _friendly(error) from error
        try:
            yield con
        except sqlite3.OperationalError as error:
            _rollback(con)
            raise _friendly(error) from error
        except BaseException:
            _rollback(con)
            raise
        try:
            con.execute("COMMIT")
        except sqlite3.OperationalError as error:
            _rollback(con)
            raise _friendly(error) from error

    # -- entries ---------------------------------------------------------------

    def add(self, entry: Entry, *, profile: str = words.PROFILE_ME,
            at: dt.datetime | None = None) -> Saved:
        """Save a new entry for ``profile`` and return it as stored.

        The first save of a day first takes a backup of the journal as it was.
        """
        self._daily_backup()
        with self._writing() as con:
            entry_id = _insert(con, entry, profile=profile, at=at)
        return self.get(entry_id)

    def update(self, entry_id: int, entry: Entry) -> Saved:
        """Replace the answers of a saved entry; its date and profile stay."""
        data = json.dumps(entry.to_data(), ensure_ascii=False)
        with self._writing() as con:
            changed = con.execute(
                "UPDATE entries SET data = ?, updated_at = ? WHERE id = ? AND kind = ?",
                (data, now().isoformat(), entry_id, entry.KIND),
            ).rowcount
        if not changed:
            raise KeyError(entry_id)
        return self.get(entry_id)

    def delete(self, entry_id: int) -> bool:
        """Delete one entry; returns whether it existed."""
        with self._writing() as con:
            return con.execute("DELETE FROM entries WHERE id = ?", (entry_id,)).rowcount == 1

    def get(self, entry_id: int) -> Saved:
        row = self._con.execute(_SELECT + " WHERE id = ?", (entry_id,)).fetchone()
        if row is None:
            raise KeyError(entry_id)
        return _saved(row)

    def entries(self, kind: str | None = None, *, profile: str | None = None,
                since: dt.date | None = None, until: dt.date | None = None,
                newest_first: bool = True, limit: int | None = None) -> list[Saved]:
        """Saved entries, filtered by kind, profile and day (inclusive)."""
        where, args = [], []
        for clause, value in (("kind = ?", kind), ("profile = ?", profile),
                              ("day >= ?", since and since.isoformat()),
                              ("day <= ?", until and until.isoformat())):
            if value is not None:
                where.append(clause)
                args.append(value)
        sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY created_at DESC, id DESC" if newest_first else " ORDER BY created_at, id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [_saved(row) for row in self._con.execute(sql, args)]

    def count(self, kind: str, *, profile: str = words.PROFILE_ME,
              day: dt.date | None = None) -> int:
        """How many entries of ``kind`` this profile has (on ``day``, if given)."""
        sql = "SELECT count(*) FROM entries WHERE kind = ? AND profile = ?"
        args: list[Any] = [kind, profile]
        if day is not None:
            sql += " AND day = ?"
            args.append(day.isoformat())
        return int(self._con.execute(sql, args).fetchone()[0])

    def practice(self, *, profile: str | None = None) -> list[tuple[str, str, str, int]]:
        """(day, profile, strategy, number of saved exercises) for each day practised."""
        sql = ("SELECT day, profile, strategy, count(*) FROM entries WHERE strategy IS NOT NULL"
               + (" AND profile = ?" if profile else "")
               + " GROUP BY day, profile, strategy ORDER BY day, strategy")
        return [tuple(row) for row in self._con.execute(sql, (profile,) if profile else ())]

    # -- profiles and settings ---------------------------------------------------

    def profiles(self) -> list[Profile]:
        rows = self._con.execute("SELECT key, name FROM profiles ORDER BY created_at, key")
        return [Profile(key, name) for key, name in rows]

    def set_profile(self, key: str, name: str = "") -> Profile:
        """Create or rename a profile (names are optional)."""
        with self._writing() as con:
            self._ensure_profile(con, key)
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

    @staticmethod
    def _ensure_profile(con: sqlite3.Connection, key: str) -> None:
        con.execute(
            "INSERT OR IGNORE INTO profiles (key, name, created_at) VALUES (?, '', ?)",
            (key, now().isoformat()),
        )

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self._con.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self._writing() as con:
            con.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))

    # -- copies ------------------------------------------------------------------

    @property
    def backups_dir(self) -> Path:
        return self.path.parent / "backups"

    def backups(self) -> list[Path]:
        """Backups of this journal, newest first."""
        return backups_of(self.path)

    def _daily_backup(self) -> Path | None:
        if self.read_only:
            return None
        today = now().strftime("%Y%m%d")
        if any(p.name.startswith(f"journal-{today}") for p in self.backups()):
            return None
        if not self._con.execute("SELECT 1 FROM entries LIMIT 1").fetchone():
            return None  # nothing to protect yet
        return self.backup(reason="daily")

    def newest_backup(self) -> Path | None:
        found = self.backups()
        return found[0] if found else None

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
        os.chmod(destination, 0o600)
        for old in self.backups()[BACKUPS_KEPT:]:
            old.unlink(missing_ok=True)
        return destination

    def export_json(self, destination: Path) -> Path:
        """Write every profile, setting and entry to a versioned JSON file (0600)."""
        document = {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "schema": self.version,
            "exported_at": now().isoformat(),
            "profiles": [dataclasses.asdict(p) for p in self.profiles()],
            "entries": [
                {
                    "id": saved.id,
                    "profile": saved.profile,
                    "kind": saved.kind,
                    "strategy": saved.strategy,
                    "created_at": saved.created_at.isoformat(),
                    "updated_at": saved.updated_at and saved.updated_at.isoformat(),
                    "data": saved.entry.to_data(),
                }
                for saved in self.entries(newest_first=False)
            ],
        }
        make_private_file(destination)
        with open(destination, "w", encoding="utf-8") as handle:
            json.dump(document, handle, ensure_ascii=False, indent=1)
        return destination

    def import_json(self, source: Path) -> int:
        """Add the entries of an export file; entries already here are skipped.

        Everything is checked before anything is written, in one transaction, so a
        bad file changes nothing. Returns how many entries were added. Raises
        `StoreError` with a plain message for a file that isn't a Secure Base export.
        """
        try:
            document = json.loads(Path(source).read_text(encoding="utf-8"))
            if document.get("format") != EXPORT_FORMAT:
                raise ValueError("not an export")
            if int(document.get("version", 0)) > EXPORT_VERSION:
                raise StoreError(messages.IMPORT_TOO_NEW.format(path=source))
            rows = [
                (row["profile"], KINDS[row["kind"]].from_data(row["data"]),
                 dt.datetime.fromisoformat(row["created_at"]),
                 row.get("updated_at") and dt.datetime.fromisoformat(row["updated_at"]))
                for row in document["entries"]
            ]
            names = {p["key"]: p.get("name", "") for p in document.get("profiles", [])}
        except StoreError:
            raise
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            raise StoreError(messages.IMPORT_UNREADABLE.format(
                path=source, reason=type(error).__name__)) from error
        added = 0
        with self._writing() as con:
            for key, name in names.items():
                self._ensure_profile(con, key)
                con.execute("UPDATE profiles SET name = ? WHERE key = ? AND name = ''",
                            (name, key))
            for profile, entry, created, updated in rows:
                data = json.dumps(entry.to_data(), ensure_ascii=False)
                duplicate = con.execute(
                    "SELECT 1 FROM entries WHERE kind = ? AND created_at = ? AND data = ?",
                    (entry.KIND, created.isoformat(), data)).fetchone()
                if duplicate:
                    continue
                _insert(con, entry, profile=profile, at=created, updated=updated)
                added += 1
        return added

    @property
    def exports_dir(self) -> Path:
        return self.path.parent / "exports"

    def delete_everything(self) -> list[Path]:
        """Close the journal and remove it with its WAL, SHM, backups, exports and any
        replaced copies kept by a restore."""
        self.close()
        _open_stores.pop(self.path.resolve(), None)
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

    def close(self) -> None:
        if not self.closed:
            self._con.close()
            self.closed = True

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def backups_of(journal: Path) -> list[Path]:
    """Backups kept beside ``journal``, newest first (readable even if it is damaged)."""
    folder = Path(journal).parent / "backups"
    return sorted(folder.glob("journal-*.sqlite3"), reverse=True) if folder.is_dir() else []


def restore(journal: Path, backup: Path) -> Path:
    """Put ``backup`` back in place of ``journal``, keeping the current file first.

    Works even when the current file is damaged. Close every `Store` on the journal
    first. Returns where the replaced file was kept (0600, never deleted here).
    """
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
    still_open = _open_stores.pop(journal.resolve(), None)
    if still_open is not None:
        still_open.close()
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
    os.chmod(journal, 0o600)
    return kept


def _insert(con: sqlite3.Connection, entry: Entry, *, profile: str,
            at: dt.datetime | None = None, updated: dt.datetime | None = None) -> int:
    # A time with its own offset keeps it, so a day stays the day it was written there.
    when = at if at is not None and at.tzinfo is not None else (at or now()).astimezone()
    Store._ensure_profile(con, profile)
    cursor = con.execute(
        "INSERT INTO entries (profile, kind, strategy, created_at, day, updated_at, data)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (profile, entry.KIND, entry.STRATEGY, when.isoformat(), when.date().isoformat(),
         updated.isoformat() if updated else None,
         json.dumps(entry.to_data(), ensure_ascii=False)),
    )
    return int(cursor.lastrowid or 0)


def _rollback(con: sqlite3.Connection) -> None:
    # SQLite may already have rolled back by itself (after a full disk, for example).
    if con.in_transaction:
        con.execute("ROLLBACK")


_SELECT = "SELECT id, profile, kind, strategy, created_at, day, updated_at, data FROM entries"


def _saved(row: tuple[Any, ...]) -> Saved:
    entry_id, profile, kind, strategy, created, day, updated, data = row
    model = KINDS.get(kind)
    if model is None:
        raise StoreError(f"This journal has entries of a kind ({kind}) this version can't read.")
    return Saved(
        id=entry_id,
        profile=profile,
        kind=kind,
        strategy=strategy,
        created_at=dt.datetime.fromisoformat(created),
        day=dt.date.fromisoformat(day),
        updated_at=dt.datetime.fromisoformat(updated) if updated else None,
        entry=model.from_data(json.loads(data)),
    )


def _friendly(error: sqlite3.OperationalError) -> StoreError:
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return StoreError(messages.LOCKED)
    return StoreError(messages.DISK_PROBLEM.format(reason=str(error)))
