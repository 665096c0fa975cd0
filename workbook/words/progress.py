"""Words for the progress page (notebook 08): periods, the demo, the report and the export.

Plain text, no HTML: the page escapes what it shows.
"""

from __future__ import annotations

from pathlib import Path

PROGRESS_PERIODS: tuple[tuple[str, str], ...] = (
    ("Last 30 days", "30"),
    ("Last 90 days", "90"),
    ("Last 365 days", "365"),
    ("Everything", "all"),
    ("Choose dates", "custom"),
)
REPORT_FORMATS: tuple[tuple[str, str], ...] = (("PDF", "pdf"), ("Web page (HTML)", "html"))
DEMO_BANNER = ("These charts are drawn from made-up entries, not from your journal. "
               "Nothing here is saved, and your own entries are never mixed in.")
DEMO_OFFER = ("There are no entries in your journal yet, so there is nothing to chart. "
              "Would you like to see what this page will look like after a few months? "
              "The demo uses made-up entries and keeps them apart from your journal.")
EXPORT_OFF_IN_DEMO = "Reports and exports are for your own entries, so they are off in the demo."
REPORT_ABOUT = ("The report holds the charts above, each with its sentence and its numbers, "
                "for the period and person chosen. It is one file, a PDF or a page for a "
                "browser, that you can print or bring to a session. Untick a chart to leave "
                "it out.")
CHARTS_DRAWING = "Drawing your charts, one at a time…"
DATES_REVERSED = "Please choose a start date on or before the end date."
REPORT_NOTHING_TICKED = "Please tick at least one chart to put in the report."


def report_saved(path: Path, locked: bool) -> str:
    """Where the report is, and (from a locked journal) that the file itself is not locked."""
    return (f"Your report is saved at {path}. Only your user account can open it."
            + _not_locked(locked))


def exported(written: list[Path], locked: bool) -> str:
    """What an export of every entry wrote, and where."""
    return (f"Exported {len(written)} files to {written[0].parent}: one JSON file with "
            "everything, and one CSV file per kind of entry. Only your user account can open "
            "them." + _not_locked(locked))


def _not_locked(locked: bool) -> str:
    from workbook import messages

    return f" {messages.EXPORT_NOT_LOCKED}" if locked else ""
