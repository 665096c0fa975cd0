"""Sentences for imports and reminders, without any widget."""

from __future__ import annotations

from pathlib import Path

from workbook.words import history


def test_unreadable_rows_say_row_or_rows():
    assert history.unreadable_rows(1) == "1 row can't be read and will be left out:"
    assert history.unreadable_rows(3).startswith("3 rows can't")


def test_a_file_not_saved_gives_the_systems_reason():
    assert history.not_saved(PermissionError(13, "Permission denied")) == (
        "The file could not be saved (Permission denied).")
    assert history.not_saved(OSError()) == "The file could not be saved (error)."


def test_undo_and_saved_reminders_in_words():
    assert "the 4 check-ins from that import are gone" in history.import_undone(4)
    assert history.reminders_saved(Path("/c.ics")).startswith("Saved /c.ics. Only your user")
