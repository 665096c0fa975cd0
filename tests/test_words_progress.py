"""Sentences for the progress page's report and export, without any widget."""

from __future__ import annotations

from pathlib import Path

from workbook import messages
from workbook.words import progress


def test_a_report_from_a_locked_journal_says_the_file_is_not_locked():
    plain = progress.report_saved(Path("/r.pdf"), locked=False)
    assert plain == "Your report is saved at /r.pdf. Only your user account can open it."
    assert progress.report_saved(Path("/r.pdf"), locked=True).endswith(
        messages.EXPORT_NOT_LOCKED)


def test_an_export_counts_its_files_and_names_the_folder():
    said = progress.exported([Path("/e/a.json"), Path("/e/b.csv")], locked=False)
    assert said.startswith("Exported 2 files to /e: one JSON file")
    assert messages.EXPORT_NOT_LOCKED not in said
