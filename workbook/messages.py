"""Everything the workbook says to the person when something needs their attention."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

REQUIRED = "Please write a few words here."
TOO_LONG = "This is longer than {limit:,} characters. Please shorten it a little."
BAD_CHARACTER = (
    "Part of this text contains a character that can't be stored (often from a copy and "
    "paste). Please retype that part."
)
NOT_A_NUMBER = "Please choose a whole number from {low} to {high}."
OUT_OF_RANGE = "Please choose a number from {low} to {high}."
UNKNOWN_CHOICE = "Please choose from the list."
IN_THE_FUTURE = "This date is in the future. Please pick today or an earlier day."
IN_THE_PAST = "This date has already passed. Please pick today or a later day."
NO_DATE = "Please pick a date."
CHECK_ANSWERS = "Almost there: please look at the notes next to the answers above."
SAVED_AT = "Saved at {time}."
ALREADY_SAVED = "This is already saved (at {time}). Change something to save a new one."
UNEXPECTED = (
    "Something went wrong on our side and this was not saved. Everything you typed is "
    "still here. Please try Save again in a moment."
)
DISK_PROBLEM = (
    "Your computer could not write the journal file ({reason}). Everything you typed is "
    "still here. Once the problem is sorted (for example, by freeing some space), press "
    "Save again."
)
TOO_NEW = (
    "Your journal at {path} was written by a newer version of Secure Base. It can be read "
    "but not changed by this version, so nothing is lost. Please update Secure Base to keep "
    "writing."
)
UPGRADE_FAILED = (
    "Your journal at {path} could not be brought up to date ({reason}). It has not been "
    "changed: everything you wrote is still there. Please try again, or keep using the "
    "previous version of Secure Base."
)
IMPORT_UNREADABLE = (
    "{path} could not be imported: it doesn't look like a complete Secure Base export "
    "({reason}). Nothing was changed."
)
IMPORT_TOO_NEW = (
    "{path} was exported by a newer version of Secure Base. Please update to import it. "
    "Nothing was changed."
)
LOCKED = (
    "The journal is busy in another notebook right now. Nothing was lost; please press "
    "Save again."
)

PATH_IS_FOLDER = (
    "The journal should be a file, but {path} is a folder. Nothing was changed. Please "
    "point SECURE_BASE_HOME at the folder that holds journal.sqlite3, or move that folder "
    "aside."
)
PATH_IS_LINK = (
    "{path} is a shortcut (a symbolic link) to another file. To keep your journal private, "
    "Secure Base only opens a real file there. Nothing was changed. Please replace the "
    "shortcut with the file itself."
)
NO_LONGER_LISTED = (
    "Something picked here is no longer on the list. It is kept as you chose it; you can "
    "keep it or change it."
)

def damaged(path: Path, backup: Path | None) -> str:
    """The message for a journal file that can't be read."""
    text = (
        f"The journal file at {path} could not be read; it may be damaged. It has not been "
        "changed or deleted."
    )
    if backup is not None:
        return text + f" The newest backup is {backup}; you can restore it from 'Start here'."
    return text + " There is no backup yet to restore."


def not_shown(reasons: Mapping[str, int]) -> str:
    """A line for entries that can't be shown: ``reasons`` counts them as "newer" (from
    a newer version of the workbook) or "data" (can't be read). "" when there are none."""
    lines = []
    newer, unreadable = reasons.get("newer", 0), reasons.get("data", 0)
    if newer:
        lines.append(f"{_entries(newer)} from a newer version of Secure Base "
                     f"{_is_not(newer)} shown here.")
    if unreadable:
        lines.append(f"{_entries(unreadable)} couldn't be read and {_is_not(unreadable)} "
                     "shown here.")
    if lines:
        kept = "It is" if newer + unreadable == 1 else "They are"
        lines.append(f"{kept} kept safely in your journal, unchanged.")
    return " ".join(lines)


def _is_not(count: int) -> str:
    return "isn't" if count == 1 else "aren't"


def _entries(count: int) -> str:
    return "1 entry" if count == 1 else f"{count:,} entries"
