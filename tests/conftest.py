"""Fixtures shared by the unit and widget tests: a fresh journal per test."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from workbook.store import Store


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

