"""Words for bringing history in from another app and for calendar reminders (notebooks 00
and 08). Plain text, no HTML: the panels escape what they show."""

from __future__ import annotations

from pathlib import Path

IMPORT_INTRO = ("Already tracked your mood in another app? Bring those days in, so your charts "
                "start with your history. Nothing is saved until you press Import, and an "
                "import can be undone.")
IMPORT_COLUMNS_HELP = ("Which columns hold what? The mood scale is the lowest and highest mood "
                       "the app allows; it is moved onto 1–10 here.")
IMPORT_NAME_THE_FILE = "Please type where the file is, or choose it with the button."
IMPORT_MAP_MOODS = ("These moods have names of your own. Which of the five levels does each "
                    "one mean?")
IMPORT_SAMPLE = ("The first rows, as they will be saved (insecurity stays empty: the file "
                 "doesn't have it):")
IMPORT_SAMPLE_HEADINGS = ("When", "Mood", "Activities", "Note")
REMINDERS_INTRO = ("A gentle nudge helps a habit stick. This saves a calendar file with a daily "
                   "check-in and a weekly snapshot, each with a reminder. Open it with your "
                   "calendar app to add them. The events only say “Daily check-in” and “Weekly "
                   "snapshot”, nothing about you, unless you write your own title; anyone who "
                   "sees your calendar sees it.")


def unreadable_rows(count: int) -> str:
    """The line above the list of rows an import leaves out."""
    return f"{count} {'row' if count == 1 else 'rows'} can't be read and will be left out:"


def import_undone(removed: int) -> str:
    return (f"Undone: the {removed} check-ins from that import are gone. Everything else in "
            "your journal is as it was.")


def reminders_saved(path: Path) -> str:
    return (f"Saved {path}. Only your user account can read it. Open it with your calendar app "
            "to add the reminders.")


def not_saved(error: OSError) -> str:
    """A file that could not be written, with the system's reason."""
    return f"The file could not be saved ({error.strerror or 'error'})."
