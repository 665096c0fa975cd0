"""Announcing a changed journal to the pages that show it, without any widget."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from workbook import changes


class Page:
    def __init__(self) -> None:
        self.told: list[Path] = []

    def journal_changed(self, journal: Path) -> None:
        self.told.append(journal)


def test_every_page_watching_is_told_which_journal_changed(tmp_path):
    first, second = Page(), Page()
    changes.watch(first)
    changes.watch(second)
    changes.announce(tmp_path / "journal.sqlite3")
    assert first.told == second.told == [tmp_path / "journal.sqlite3"]


def test_a_page_that_is_gone_is_not_kept_alive(tmp_path):
    page = Page()
    changes.watch(page)
    gone = weakref.ref(page)
    del page
    gc.collect()
    assert gone() is None
    changes.announce(tmp_path / "journal.sqlite3")  # nobody left to tell: no error
