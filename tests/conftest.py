"""Fixtures shared by the unit and widget tests: a fresh journal per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from workbook.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A real SQLite journal in a private temporary folder."""
    journal = Store(tmp_path / "secure-base" / "journal.sqlite3")
    yield journal
    journal.close()


def message_of(field) -> str:
    """The text of the message shown under a field ('' when there is none)."""
    return field.message.value
