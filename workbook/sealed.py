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
    """The envelope is damaged, or not one this version understands."""


@dataclasses.dataclass(frozen=True)
class KdfSettings:
    """Argon2id cost: about a third of a second and 64 MiB on an ordinary laptop."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 2


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
    salt, nonce = os.urandom(16), os.urandom(12)
    return seal_with_key(plain, derive_key(secret, salt, settings), purpose=purpose,
                         kdf={"name": KDF, "salt": _b64(salt), **dataclasses.asdict(settings)},
                         nonce=nonce)


def seal_with_key(plain: bytes, key: bytes, *, purpose: str, kdf: dict[str, Any],
                  nonce: bytes | None = None) -> dict[str, Any]:
    """Encrypt ``plain`` under an already derived ``key`` (see `derive_for`)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = nonce or os.urandom(12)
    sealed = AESGCM(key).encrypt(nonce, plain, purpose.encode("utf-8"))
    return {"format": FORMAT, "version": VERSION, "purpose": purpose, "kdf": kdf,
            "cipher": CIPHER, "nonce": _b64(nonce), "data": _b64(sealed)}


def derive_for(envelope: dict[str, Any], secret: str) -> bytes:
    """The key ``secret`` gives for ``envelope``'s settings; raises `BadEnvelope`."""
    kdf = _check(envelope)["kdf"]
    try:
        settings = KdfSettings(time_cost=int(kdf["time_cost"]),
                               memory_kib=int(kdf["memory_kib"]),
                               parallelism=int(kdf["parallelism"]))
        salt = _unb64(kdf["salt"])
    except (KeyError, TypeError, ValueError) as error:
        raise BadEnvelope("key settings are unreadable") from error
    return derive_key(secret, salt, settings)


def unseal(envelope: dict[str, Any], secret: str, *, purpose: str) -> bytes:
    """The bytes sealed in ``envelope``; raises `WrongSecret` or `BadEnvelope`."""
    return unseal_with_key(envelope, derive_for(envelope, secret), purpose=purpose)


def unseal_with_key(envelope: dict[str, Any], key: bytes, *, purpose: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    envelope = _check(envelope)
    if envelope.get("purpose") != purpose:
        raise BadEnvelope(f"made for {envelope.get('purpose')!r}, not {purpose!r}")
    try:
        nonce, data = _unb64(envelope["nonce"]), _unb64(envelope["data"])
    except (KeyError, TypeError, ValueError) as error:
        raise BadEnvelope("sealed data is unreadable") from error
    try:
        return AESGCM(key).decrypt(nonce, data, purpose.encode("utf-8"))
    except InvalidTag as error:
        # A wrong secret and altered bytes look the same to an authenticated cipher.
        raise WrongSecret("the secret does not open this, or it was changed") from error
    except ValueError as error:
        raise BadEnvelope("sealed data has the wrong size") from error


def _check(envelope: object) -> dict[str, Any]:
    if not isinstance(envelope, dict) or envelope.get("format") != FORMAT:
        raise BadEnvelope("not a sealed envelope")
    if envelope.get("version") != VERSION or envelope.get("cipher") != CIPHER:
        raise BadEnvelope("sealed by a newer version")
    kdf = envelope.get("kdf")
    if not isinstance(kdf, dict) or kdf.get("name") != KDF:
        raise BadEnvelope("unknown key derivation")
    return envelope


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise TypeError("expected text")
    return base64.b64decode(text.encode("ascii"), validate=True)
