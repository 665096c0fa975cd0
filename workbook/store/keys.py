"""The key file of a locked journal: one random data key, wrapped twice.

The journal is encrypted by SQLCipher under a random 256-bit data key. That key is
kept in ``journal.sqlite3.key`` beside it, sealed (`workbook.sealed`: Argon2id, then
AES-256-GCM) once under the person's passphrase and once under a recovery code. The
passphrase can change without touching the journal: only its wrapping is redone.
Without the passphrase and the recovery code, nobody can open the journal.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path
from typing import Any

from workbook import messages, sealed
from workbook.store.errors import KeyFileProblem, WrongPassphrase
from workbook.store.files import make_private_file
from workbook.store.reading import read_bounded

FORMAT = "secure-base-journal-key"
VERSION = 1
PASSPHRASE_PURPOSE = "journal-key"
RECOVERY_PURPOSE = "journal-key-recovery"
KEY_BYTES = 32
# Crockford's base32: no I, L, O or U, so a written-down code reads back unambiguously.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PLAIN_HEADER = b"SQLite format 3\x00"
CODE_GROUPS = 6  # 6 groups of 4 characters: 120 random bits
# Ours is under 2 KB: two sealed 32-byte keys and their settings.
LARGEST_KEY_FILE = 64 * 1024


def key_path(journal: Path) -> Path:
    """Where the key file of ``journal`` lives: beside it, same name plus ``.key``."""
    journal = Path(journal)
    return journal.with_name(journal.name + ".key")


def is_encrypted(path: Path) -> bool:
    """Whether ``path`` holds bytes that are not a plain SQLite file (missing/empty: no).

    This opens the file, and closing any handle on a file drops every SQLite lock this
    process holds on it (POSIX locks belong to the process): call it only for a file
    this process has no connection to. `workbook.store.lock.is_locked` knows when.
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(PLAIN_HEADER))
    except FileNotFoundError:
        return False
    return bool(head) and head != PLAIN_HEADER


def new_data_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def new_recovery_code() -> str:
    chars = "".join(secrets.choice(CODE_ALPHABET) for _ in range(4 * CODE_GROUPS))
    return "-".join(chars[i:i + 4] for i in range(0, len(chars), 4))


def normalise_code(code: str) -> str:
    """A recovery code as typed, read the way it was meant (case, spaces, O/0, I/1)."""
    raw = "".join(ch for ch in code.upper() if ch.isalnum())
    raw = raw.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))
    return "-".join(raw[i:i + 4] for i in range(0, len(raw), 4))


def wrap(data_key: bytes, passphrase: str, recovery_code: str,
         settings: sealed.KdfSettings | None = None) -> dict[str, Any]:
    """A key-file document holding ``data_key`` under both secrets."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "passphrase": sealed.seal(data_key, passphrase, purpose=PASSPHRASE_PURPOSE,
                                  settings=settings),
        "recovery": sealed.seal(data_key, normalise_code(recovery_code),
                                purpose=RECOVERY_PURPOSE, settings=settings),
    }


def rewrap_passphrase(document: dict[str, Any], data_key: bytes, passphrase: str,
                      settings: sealed.KdfSettings | None = None) -> dict[str, Any]:
    """``document`` with the passphrase wrapping redone; the recovery one is kept."""
    return {**document, "passphrase": sealed.seal(data_key, passphrase,
                                                  purpose=PASSPHRASE_PURPOSE,
                                                  settings=settings)}


def read(journal: Path) -> dict[str, Any]:
    """The key file of ``journal``; raises `KeyFileProblem` naming it."""
    path = key_path(journal)
    try:
        document = json.loads(read_bounded(path, LARGEST_KEY_FILE).decode("utf-8"))
    except FileNotFoundError as error:
        raise KeyFileProblem(messages.KEY_FILE_MISSING.format(path=path)) from error
    except (OSError, ValueError, RecursionError) as error:
        raise KeyFileProblem(messages.KEY_FILE_DAMAGED.format(path=path)) from error
    if (not isinstance(document, dict) or document.get("format") != FORMAT
            or document.get("version") != VERSION
            or not isinstance(document.get("passphrase"), dict)
            or not isinstance(document.get("recovery"), dict)):
        raise KeyFileProblem(messages.KEY_FILE_DAMAGED.format(path=path))
    return document


def open_with_passphrase(journal: Path, passphrase: str) -> bytes:
    """The data key of ``journal``; raises `WrongPassphrase` or `KeyFileProblem`."""
    return _unwrap(journal, read(journal), "passphrase", passphrase, PASSPHRASE_PURPOSE,
                   messages.WRONG_PASSPHRASE)


def open_with_recovery_code(journal: Path, code: str) -> bytes:
    """The data key of ``journal`` from its recovery code."""
    return _unwrap(journal, read(journal), "recovery", normalise_code(code),
                   RECOVERY_PURPOSE, messages.WRONG_RECOVERY_CODE)


def _unwrap(journal: Path, document: dict[str, Any], slot: str, secret: str, purpose: str,
            wrong: str) -> bytes:
    try:
        data_key = sealed.unseal(document[slot], secret, purpose=purpose)
    except sealed.WrongSecret as error:
        raise WrongPassphrase(wrong) from error
    except sealed.BadEnvelope as error:
        raise KeyFileProblem(messages.KEY_FILE_DAMAGED.format(path=key_path(journal))) from error
    if len(data_key) != KEY_BYTES:
        raise KeyFileProblem(messages.KEY_FILE_DAMAGED.format(path=key_path(journal)))
    return data_key


def write(journal: Path, document: dict[str, Any]) -> Path:
    """Replace the key file atomically: a new file beside it, synced, then renamed."""
    path = key_path(journal)
    fresh = path.with_name(path.name + ".new")
    fresh.unlink(missing_ok=True)
    make_private_file(fresh)
    with open(fresh, "w", encoding="utf-8") as handle:
        json.dump(document, handle, indent=1)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(fresh, path)
    sync_folder(path.parent)
    return path


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sqlcipher_key(data_key: bytes) -> str:
    """The SQL literal SQLCipher takes as a raw key (no key derivation of its own)."""
    return f"\"x'{data_key.hex()}'\""
