"""Fixtures shared by the unit and widget tests: a fresh journal per test."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from workbook.store import Store

# Argon2id at its cheapest, for tests about what is sealed rather than what sealing costs.
CHEAP_KDF_SETTINGS = {"time_cost": 1, "memory_kib": 8 * 1024, "parallelism": 1}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A real SQLite journal in a private temporary folder."""
    journal = Store(tmp_path / "secure-base" / "journal.sqlite3")
    yield journal
    journal.close()


def _dump(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [*con.iterdump(), str(con.execute("PRAGMA user_version").fetchone()[0])]
    finally:
        con.close()


@pytest.fixture
def dump() -> Callable[[Path], list[str]]:
    """Reads a journal file as its SQL and schema version, to compare before and after."""
    return _dump



@pytest.fixture
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Seal with the cheapest Argon2id settings unless a caller asks for others.

    The settings travel in each sealed envelope and opening reads them from there,
    so reading takes the same path; only the deliberate cost (about 0.8 s a seal
    here) is left out. A test that checks the real cost does not use this.
    """
    from workbook import sealed

    cheap = sealed.KdfSettings(**CHEAP_KDF_SETTINGS)
    real_seal = sealed.seal

    def seal(plain: bytes, secret: str, *, purpose: str, settings=None) -> dict:
        return real_seal(plain, secret, purpose=purpose, settings=settings or cheap)

    monkeypatch.setattr(sealed, "seal", seal)
