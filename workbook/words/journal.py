"""Words for My journal (notebook 09): what the page says about the entries it shows.

Plain text, no HTML: the page escapes what it shows.
"""

from __future__ import annotations

JOURNAL_DATES_REVERSED = ("The first date is after the last one. Swap them to see the "
                          "entries in between.")
JOURNAL_NOTHING_MATCHES = "Nothing matches. Fewer words or wider filters may find it."
JOURNAL_NOTHING_YET = ("Nothing is saved yet. What you write in any part of the workbook "
                       "will gather here.")
JOURNAL_EDITING = ("Change what you like, then save. The journal below shows the change as "
                   "soon as it is saved.")
JOURNAL_CHANGES_SAVED = "Your changes are saved."
JOURNAL_DELETED = "Deleted."


def showing(first: int, last: int, total: int) -> str:
    """Which entries of how many the page shows, e.g. "Showing 1–40 of 1,234 entries"."""
    noun = "entry" if total == 1 else "entries"
    return f"Showing {first}–{last} of {total:,} {noun}, newest first."
