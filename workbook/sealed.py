"""Sealing bytes with a passphrase: Argon2id derives a key, AES-256-GCM seals and checks.

One envelope format serves every secret the workbook keeps: the journal's wrapped
data key, a locked share file, an encrypted export. The key-derivation settings are
written into each envelope, so they can be raised later without breaking old files.
argon2 and cryptography load only when something is sealed or opened.
"""

from __future__ import annotations

import base64
import dataclasses
import os
from typing import Any

FORMAT = "secure-base-sealed"
VERSION = 1
CIPHER = "aes-256-gcm"
KDF = "argon2id"


class WrongSecret(ValueError):
    """The passphrase (or code) does not open this envelope."""


class BadEnvelope(ValueError):
    """The envelope is damaged, or not one this version understands.

    ``reason`` says what is wrong in a few plain words ("its salt has the wrong length"),
    for a caller to put in its own sentence; ``str()`` of the error is a whole sentence.
    """

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(f"This sealed file can't be opened: {reason}.")


@dataclasses.dataclass(frozen=True)
class KdfSettings:
    """Argon2id cost: about a third of a second and 64 MiB on an ordinary laptop."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 2


# What a file may ask of the key derivation, lowest and highest (both included). A
# crafted file could otherwise ask for hours of work or all the memory there is.
# Argon2 itself needs at least 8 KiB per lane; the highest settings are a few times
# what we write today, so stronger files from a later version still open.
TIME_COST = (1, 10)
PARALLELISM = (1, 8)
MEMORY_KIB = (8, 256 * 1024)
# Passes times memory: at most about five times our own setting's work (3 × 64 MiB).
MOST_WORK_KIB = 1024 * 1024
SALT_BYTES = (16, 64)
NONCE_BYTES = 12


def derive_key(secret: str, salt: bytes, settings: KdfSettings) -> bytes:
    """A 256-bit key from ``secret`` (Argon2id)."""
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(secret.encode("utf-8"), salt, time_cost=settings.time_cost,
                           memory_cost=settings.memory_kib, parallelism=settings.parallelism,
                           hash_len=32, type=Type.ID)


def seal(plain: bytes, secret: str, *, purpose: str,
         settings: KdfSettings | None = None) -> dict[str, Any]:
    """Encrypt ``plain`` under ``secret``; returns a JSON-ready envelope.

    ``purpose`` is bound into the seal, so an envelope made for one use (say a share
    file) can't be passed off as another (say a journal key).
    """
    settings = settings or KdfSettings()
    salt, nonce = os.urandom(16), os.urandom(NONCE_BYTES)
    kdf = {"name": KDF, "salt": _b64(salt), **dataclasses.asdict(settings)}
    # Never write what `checked` would refuse to open.
    checked({"format": FORMAT, "version": VERSION, "cipher": CIPHER, "kdf": kdf,
             "nonce": _b64(nonce), "data": ""})
    return seal_with_key(plain, derive_key(secret, salt, settings), purpose=purpose,
                         kdf=kdf, nonce=nonce)


def seal_with_key(plain: bytes, key: bytes, *, purpose: str, kdf: dict[str, Any],
                  nonce: bytes | None = None) -> dict[str, Any]:
    """Encrypt ``plain`` under an already derived ``key`` (see `derive_for`)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = nonce or os.urandom(NONCE_BYTES)
    sealed = AESGCM(key).encrypt(nonce, plain, purpose.encode("utf-8"))
    return {"format": FORMAT, "version": VERSION, "purpose": purpose, "kdf": kdf,
            "cipher": CIPHER, "nonce": _b64(nonce), "data": _b64(sealed)}


@dataclasses.dataclass(frozen=True)
class Opening:
    """What an envelope read from a file asks for, each part checked (see `checked`)."""

    settings: KdfSettings
    salt: bytes
    nonce: bytes
    data: bytes


def checked(envelope: object) -> Opening:
    """Every setting of ``envelope`` checked against the limits above, before any work.

    The one check for every sealed thing read from a file (sealed exports, share files,
    the journal's key file). Raises `BadEnvelope` naming what is wrong: an unknown
    format, version, cipher or key derivation; key settings out of bounds (time,
    memory, lanes, or memory too small for the lanes); a salt or nonce of the wrong
    length; data that isn't base64.
    """
    if not isinstance(envelope, dict) or envelope.get("format") != FORMAT:
        raise BadEnvelope("it is not a sealed envelope")
    if envelope.get("version") != VERSION:
        raise BadEnvelope("it was sealed by a newer version of Secure Base")
    if envelope.get("cipher") != CIPHER:
        raise BadEnvelope("it uses a cipher this version doesn't know")
    kdf = envelope.get("kdf")
    if not isinstance(kdf, dict) or kdf.get("name") != KDF:
        raise BadEnvelope("it uses a key derivation this version doesn't know")
    time_cost = _whole(kdf, "time_cost", *TIME_COST, "number of passes")
    parallelism = _whole(kdf, "parallelism", *PARALLELISM, "number of lanes")
    memory_kib = _whole(kdf, "memory_kib", max(MEMORY_KIB[0], 8 * parallelism),
                        MEMORY_KIB[1], "memory")
    if time_cost * memory_kib > MOST_WORK_KIB:
        raise BadEnvelope("its key settings ask for more work than any Secure Base file needs")
    salt = _bytes(kdf.get("salt"), "salt")
    if not SALT_BYTES[0] <= len(salt) <= SALT_BYTES[1]:
        raise BadEnvelope("its salt has the wrong length")
    nonce = _bytes(envelope.get("nonce"), "nonce")
    if len(nonce) != NONCE_BYTES:
        raise BadEnvelope("its nonce has the wrong length")
    data = _bytes(envelope.get("data"), "sealed data")
    return Opening(KdfSettings(time_cost, memory_kib, parallelism), salt, nonce, data)


def _whole(kdf: dict[str, Any], name: str, least: int, most: int, what: str) -> int:
    value = kdf.get(name)
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadEnvelope(f"its key settings give no {what}")
    if not least <= value <= most:
        raise BadEnvelope(f"its key settings ask for a {what} outside {least} to {most}")
    return value


def _bytes(text: object, what: str) -> bytes:
    try:
        return _unb64(text)
    except (TypeError, ValueError) as error:
        raise BadEnvelope(f"its {what} is unreadable") from error


def derive_for(envelope: dict[str, Any], secret: str) -> bytes:
    """The key ``secret`` gives for ``envelope``'s settings; raises `BadEnvelope`."""
    opening = checked(envelope)
    return derive_key(secret, opening.salt, opening.settings)


def unseal(envelope: dict[str, Any], secret: str, *, purpose: str) -> bytes:
    """The bytes sealed in ``envelope``; raises `WrongSecret` or `BadEnvelope`."""
    return unseal_with_key(envelope, derive_for(envelope, secret), purpose=purpose)


def unseal_with_key(envelope: dict[str, Any], key: bytes, *, purpose: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    opening = checked(envelope)
    if envelope.get("purpose") != purpose:
        raise BadEnvelope("it was made for another use")
    try:
        return AESGCM(key).decrypt(opening.nonce, opening.data, purpose.encode("utf-8"))
    except InvalidTag as error:
        # A wrong secret and altered bytes look the same to an authenticated cipher.
        raise WrongSecret("the secret does not open this, or it was changed") from error
    except ValueError as error:
        raise BadEnvelope("its sealed data has the wrong size") from error


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise TypeError("expected text")
    return base64.b64decode(text.encode("ascii"), validate=True)
