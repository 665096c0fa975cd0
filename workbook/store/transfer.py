"""Moving a whole journal in and out as a versioned JSON file."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from workbook import messages
from workbook.models import KINDS, Entry, EntryInvalid
from workbook.models.base import SHORT_TEXT
from workbook.sealed import KdfSettings
from workbook.store.errors import StoreError, database_error
from workbook.store.files import make_private_file, now
from workbook.store.reading import FileRefused, bounds_text, read_bounded, within_bounds
from workbook.store.rows import (
    SELECT,
    Profile,
    UnreadableRow,
    encode,
    ensure_profile,
    insert,
    insert_unread,
    saved,
)

EXPORT_FORMAT = "secure-base-export"
EXPORT_VERSION = 1
SEALED_EXPORT_PURPOSE = "journal-export"
# Years of daily writing come to a few MB; a file far bigger is not a journal's export.
LARGEST_EXPORT = 100 * 1024 * 1024


class ImportProblem(ValueError):
    """Where an export file goes wrong: which entry (1-based) and which field."""

    def __init__(self, where: str, field: str, detail: str):
        # A crafted file's words could be long: the message quotes only their start.
        detail = detail if len(detail) <= 200 else detail[:200] + "…"
        self.where, self.field, self.detail = where, field, detail
        super().__init__(f"{where}, {field}: {detail}")


class Transfer:
    """The part of `Store` that exports the whole journal and imports such a file."""

    version: int
    _con: sqlite3.Connection
    _writing: Callable[[], AbstractContextManager[sqlite3.Connection]]

    def profiles(self) -> list[Profile]:
        raise NotImplementedError

    def export_document(self) -> dict[str, Any]:
        """Every profile, setting and entry as the versioned export document.

        An entry this version can't read (or keeps unread) goes in exactly as stored,
        marked ``"unreadable": true``, so nothing is lost on the way out.
        """
        return {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "schema": self.version,
            "exported_at": now().isoformat(),
            "profiles": [dataclasses.asdict(p) for p in self.profiles()],
            "settings": dict(self._con.execute("SELECT key, value FROM settings ORDER BY key")),
            "entries": [_exported(row) for row in self._con.execute(
                SELECT + " ORDER BY created_at, id")],
        }

    def export_json(self, destination: Path) -> Path:
        """Write every profile, setting and entry to a versioned JSON file (0600)."""
        document = self.export_document()
        make_private_file(destination)
        with open(destination, "w", encoding="utf-8") as handle:
            json.dump(document, handle, ensure_ascii=False, indent=1)
        return destination

    def export_sealed(self, destination: Path, passphrase: str, *,
                      kdf: KdfSettings | None = None) -> Path:
        """The JSON export, sealed under ``passphrase`` (Argon2id + AES-256-GCM, 0600).

        `import_json` reads it back given the same passphrase.
        """
        from workbook import sealed

        plain = json.dumps(self.export_document(), ensure_ascii=False).encode("utf-8")
        envelope = sealed.seal(plain, passphrase, purpose=SEALED_EXPORT_PURPOSE, settings=kdf)
        make_private_file(destination)
        with open(destination, "w", encoding="utf-8") as handle:
            json.dump(envelope, handle, indent=1)
        return destination

    def import_json(self, source: Path, passphrase: str | None = None) -> int:
        """Add the entries of an export file; entries already here are skipped.

        A sealed export (`export_sealed`) needs its ``passphrase``; a missing or wrong
        one raises `StoreError` and changes nothing.

        Everything is checked before anything is written, in one transaction, so a
        bad file changes nothing: each entry as strictly as a save, and its times
        between 1970 and tomorrow. An entry the file marks unreadable is kept exactly
        as it came and never shown, whatever it claims to be. Returns how many entries
        were added. Raises `StoreError` with a plain message, naming the entry and field
        at fault, for a file that isn't a complete Secure Base export, isn't an ordinary
        file, or is bigger than `LARGEST_EXPORT`.
        """
        try:
            raw = read_bounded(source, LARGEST_EXPORT)
        except FileRefused as refused:
            raise StoreError(messages.IMPORT_CANT_READ.format(
                path=source, reason=refused.reason)) from refused
        except OSError as error:
            raise StoreError(messages.IMPORT_CANT_READ.format(
                path=source, reason=error.strerror or type(error).__name__)) from error
        try:
            document = json.loads(raw.decode("utf-8"))
            document = _unsealed(document, source, passphrase)
            if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
                raise ImportProblem("the file", "format", "not a Secure Base export")
            if int(document.get("version", 0)) > EXPORT_VERSION:
                raise StoreError(messages.IMPORT_TOO_NEW.format(path=source))
            rows = list(_rows(document.get("entries")))
            names = _profiles(document.get("profiles", []))
            settings = _settings(document.get("settings", {}))
        except StoreError:
            raise
        except ImportProblem as problem:
            raise StoreError(messages.IMPORT_UNREADABLE.format(
                path=source, reason=str(problem))) from problem
        except (ValueError, KeyError, TypeError, AttributeError, OverflowError,
                RecursionError) as error:
            reason = ("it is not readable text" if isinstance(error, ValueError)
                      else "part of it is damaged")
            raise StoreError(messages.IMPORT_UNREADABLE.format(
                path=source, reason=reason)) from error
        added = 0
        with self._writing() as con:
            for key, name in names.items():
                ensure_profile(con, key)
                con.execute("UPDATE profiles SET name = ? WHERE key = ? AND name = ''",
                            (name, key))
            # Like names, a setting fills a gap and never overwrites what is already here.
            con.executemany("INSERT INTO settings (key, value) VALUES (?, ?) "
                            "ON CONFLICT (key) DO NOTHING", settings.items())
            for number, row in enumerate(rows, start=1):
                duplicate = con.execute(
                    "SELECT 1 FROM entries WHERE kind = ? AND created_at = ? AND data = ?",
                    (row.kind, row.created.isoformat(), row.data)).fetchone()
                if duplicate:
                    continue
                try:
                    if row.entry is None:
                        insert_unread(con, row.profile, row.kind, row.strategy, row.created,
                                      row.updated, row.data)
                    else:
                        insert(con, row.entry, profile=row.profile, at=row.created,
                               updated=row.updated)
                except database_error() as error:
                    # The journal's own checks refused it: the whole import is undone.
                    if "constraint" not in str(error).lower():
                        raise
                    raise StoreError(messages.IMPORT_UNREADABLE.format(
                        path=source, reason=f"entry {number} can't be stored")) from error
                added += 1
        return added


def _unsealed(document: Any, source: Path, passphrase: str | None) -> Any:
    """The export inside a sealed file (or ``document`` itself when it isn't sealed)."""
    from workbook import sealed

    if not isinstance(document, dict) or document.get("format") != sealed.FORMAT:
        return document
    if passphrase is None:
        raise StoreError(messages.IMPORT_NEEDS_PASSPHRASE.format(path=source))
    try:
        plain = sealed.unseal(document, passphrase, purpose=SEALED_EXPORT_PURPOSE)
    except sealed.WrongSecret as error:
        raise StoreError(messages.IMPORT_WRONG_PASSPHRASE.format(path=source)) from error
    except sealed.BadEnvelope as error:
        raise ImportProblem("the file", "seal", error.reason) from error
    return json.loads(plain.decode("utf-8"))


@dataclasses.dataclass(frozen=True)
class _Row:
    profile: str
    kind: str
    strategy: str | None
    created: dt.datetime
    updated: dt.datetime | None
    data: str  # as stored
    entry: Entry | None  # None for an entry kept as it was, unread


def _exported(row: tuple[Any, ...]) -> dict[str, Any]:
    entry_id, profile, kind, strategy, created, _day, updated, data, _batch, _unread = row
    exported = {"id": entry_id, "profile": profile, "kind": kind, "strategy": strategy,
                "created_at": created, "updated_at": updated}
    try:
        return {**exported, "data": saved(row).entry.to_data()}
    except UnreadableRow:
        return {**exported, "unreadable": True, "stored_data": data}


def _rows(entries: object) -> Iterator[_Row]:
    if not isinstance(entries, list):
        raise ImportProblem("the file", "entries", "missing")
    for number, row in enumerate(entries, start=1):
        where = f"entry {number}"
        if not isinstance(row, dict):
            raise ImportProblem(where, "entry", "not an entry")
        if row.get("unreadable") is True:
            yield _kept_as_it_was(row, where)
            continue
        for name in ("profile", "kind", "data", "created_at"):
            if name not in row:
                raise ImportProblem(where, name, "missing")
        profile = _profile_key(row["profile"], where)
        model = KINDS.get(row["kind"]) if isinstance(row["kind"], str) else None
        if model is None:
            raise ImportProblem(where, "kind", f"unknown kind {str(row['kind'])[:40]!r}")
        try:
            entry = model.from_data(row["data"], validate=True)
        except EntryInvalid as invalid:
            field, detail = next(iter(invalid.problems.items()))
            raise ImportProblem(f"{where} ({row['kind']})", field, detail) from invalid
        except (ValueError, TypeError, AttributeError, OverflowError) as error:
            raise ImportProblem(f"{where} ({row['kind']})", "data", str(error)) from error
        created = _moment(row["created_at"], where, "created_at")
        updated = row.get("updated_at") and _moment(row["updated_at"], where, "updated_at")
        yield _Row(profile, entry.KIND, entry.STRATEGY, created, updated or None,
                   encode(entry), entry)


def _kept_as_it_was(row: dict[str, Any], where: str) -> _Row:
    # An entry that the exporting version could not read either: it travels unchanged.
    # It is kept as it came and never shown, whatever kind and answers it claims.
    for name in ("profile", "kind", "stored_data", "created_at"):
        if not isinstance(row.get(name), str):
            raise ImportProblem(where, name, "missing")
    if not 0 < len(row["kind"]) <= SHORT_TEXT:
        raise ImportProblem(where, "kind", "not a kind of entry")
    try:
        # As strict as SQLite's json_valid, which the journal checks: no NaN or Infinity.
        json.loads(row["stored_data"], parse_constant=_not_json)
    except (ValueError, RecursionError) as error:
        raise ImportProblem(where, "stored_data", "not readable data") from error
    created = _moment(row["created_at"], where, "created_at")
    updated = row.get("updated_at") and _moment(row["updated_at"], where, "updated_at")
    strategy = row.get("strategy")
    strategy = strategy if isinstance(strategy, str) and len(strategy) <= SHORT_TEXT else None
    return _Row(_profile_key(row["profile"], where), row["kind"], strategy,
                created, updated or None, row["stored_data"], None)


def _not_json(constant: str) -> None:
    raise ValueError(f"{constant} is not JSON")


def _profile_key(value: object, where: str) -> str:
    if not isinstance(value, str) or not 0 < len(value) <= SHORT_TEXT:
        raise ImportProblem(where, "profile", "not a profile")
    return value


def _profiles(found: object) -> dict[str, str]:
    """Each profile's name by its key, as the export lists them."""
    if not isinstance(found, list):
        raise ImportProblem("the file", "profiles", "not a list of profiles")
    names = {}
    for profile in found:
        if not isinstance(profile, dict):
            raise ImportProblem("the file", "profiles", "not a list of profiles")
        key = _profile_key(profile.get("key"), "the file")
        name = profile.get("name", "")
        if not isinstance(name, str) or len(name) > SHORT_TEXT:
            raise ImportProblem("the file", "profiles", f"the name of {key!r} is not a name")
        names[key] = name
    return names


def _settings(found: object) -> dict[str, str]:
    """The export's settings (absent in files from before they were exported)."""
    if not isinstance(found, dict) or not all(
            isinstance(key, str) and isinstance(value, str) for key, value in found.items()):
        raise ImportProblem("the file", "settings", "not a list of settings")
    return found


def _moment(value: object, where: str, field: str) -> dt.datetime:
    """A timestamp with its time zone; a time with no zone would land on the wrong day."""
    if not isinstance(value, str):
        raise ImportProblem(where, field, "not a date and time")
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError as error:
        raise ImportProblem(where, field, f"not a date and time: {value[:40]!r}") from error
    if moment.tzinfo is None:
        raise ImportProblem(where, field, f"no time zone in {value[:40]!r}")
    if not within_bounds(moment):
        raise ImportProblem(where, field, f"{moment.day} {moment:%B} {moment.year} is not "
                                          f"{bounds_text()}")
    return moment
