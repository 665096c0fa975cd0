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
APP_NEEDS_KEY = (
    "This page opens only from the address Secure Base showed when it started, because that "
    "address carries a key for this run. Please open that address again, or start the app "
    "again (secure-base, or make app in a clone)."
)
APP_OTHER_ADDRESS = (
    "Secure Base answers only at 127.0.0.1 or localhost on this computer. Please open the "
    "address it showed when it started."
)
# An app page opened from Edit in My journal (``?edit=<id>``), and why it can't be.
ASKED_OPEN = (
    "Your entry “{title}” from {when} is open for changing in its form further down "
    "this page. Change what you like, then press Save changes."
)
ASKED_SAVED = "Your changes are saved. My journal shows them when you go back to it."
ASKED_FAILED = (
    "Something went wrong on our side and the entry could not be opened here. It is safe "
    "in your journal. Please try Edit on its card in My journal again."
)
ASKED_TRY_AGAIN = (
    "Once it can be read (unlocked at the top of this page, if it is locked), press Try "
    "again to open the entry."
)
ASKED_NOT_AN_ENTRY = (
    "This page was opened to change an entry, but its address doesn't name one. The forms "
    "below start empty, ready for something new."
)
ASKED_GONE = (
    "The entry this page was opened to change isn't in your journal. It may have been "
    "deleted. The forms below start empty, ready for something new."
)
ASKED_UNREADABLE = (
    "The entry this page was opened to change can't be read by this version of Secure "
    "Base, so it stays just as it is. The forms below start empty."
)
ASKED_RECEIVED = (
    "That entry came from your partner's share file, so it stays as they wrote it. You can "
    "still read it in My journal. The forms below start empty."
)
ASKED_ELSEWHERE = (
    "That entry is changed on another page. Please use Edit on its card in My journal. The "
    "forms below start empty."
)
IMPORT_UNREADABLE = (
    "{path} could not be imported: it doesn't look like a complete Secure Base export "
    "({reason}). Nothing was changed."
)
IMPORT_CANT_READ = (
    "{path} could not be imported: {reason}. Please check it is the export you meant. "
    "Nothing was changed."
)
IMPORT_TOO_NEW = (
    "{path} was exported by a newer version of Secure Base. Please update to import it. "
    "Nothing was changed."
)
IMPORT_NEEDS_PASSPHRASE = (
    "{path} is a locked export. Please give the passphrase it was exported with. Nothing "
    "was changed."
)
IMPORT_WRONG_PASSPHRASE = (
    "That passphrase does not open {path}. Nothing was changed. Please try again."
)
EXPORT_NOT_LOCKED = (
    "Your journal is locked, but the file this writes is not: anyone who opens it can "
    "read it. For a copy that stays locked, use 'Export locked copy' in Start here."
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

# Share files between partners (workbook/share.py).
SHARE_CARE = (
    "Sharing is always optional. You choose each thing that goes in the file, and you can "
    "stop at any time. Nobody should be pressured into sharing, and nobody should ask for "
    "the whole journal: it is yours. If your partner demands to see it, or you feel you have "
    "no choice, please look at the safety check in <i>Start here</i>: it has support for "
    "exactly that."
)
SHARE_NOTHING_PICKED = "Please tick at least one thing to share. Nothing is ticked for you."
SHARE_NO_NAME = "Please write the name your partner will see (a first name or a nickname)."
SHARE_NAME_TOO_LONG = "Please keep the name to {limit} characters or fewer."
SHARE_NEVER_SHARED = (
    "{title} entries are never put in a share file: they stay in your journal only."
)
SHARE_NOT_YOURS = (
    "Only your own entries can be shared. Things your partner shared with you stay here."
)
SHARE_GONE = "One of the ticked entries is no longer in your journal. Please look again."
SHARE_SHORT_PASSPHRASE = (
    "Please use a passphrase of at least {least} characters, or leave it empty."
)
SHARE_READABLE = (
    "Without a passphrase, anyone who gets hold of the file can read it. With one, only "
    "someone who knows it can."
)
SHARE_CANT_WRITE = (
    "The share file could not be written to {path} ({reason}). Nothing was saved. Please "
    "choose another place."
)
SHARE_NO_PATH = "Please type the full path of the file, including its name."
SHARE_NOT_FOUND = "There is no file at {path}. Please check the name and the folder."
SHARE_NOT_A_SHARE_FILE = (
    "{path} is not a Secure Base share file. Nothing was changed."
)
SHARE_NOT_A_SHARE_FILE_BECAUSE = (
    "{path} can't be opened as a share file: {reason}. Nothing was changed."
)
SHARE_TOO_NEW = (
    "{path} was made by a newer version of Secure Base. Please update to open it. Nothing "
    "was changed."
)
SHARE_NEEDS_PASSPHRASE = (
    "This share file is protected with a passphrase. Please type the one you agreed on. "
    "Nothing was changed."
)
SHARE_WRONG_PASSPHRASE = (
    "That passphrase does not open this share file (or the file was changed after it was "
    "made). Please check it with your partner. Nothing was changed."
)
SHARE_DAMAGED = (
    "{path} could not be read as a share file ({reason}). It may be damaged. Nothing was "
    "changed."
)
SHARE_HOLDS_PRIVATE = (
    "{path} holds {title} entries, which are never shared between journals. It was not "
    "opened, and nothing was changed."
)
SHARE_ALREADY_HERE = (
    "You already brought in this share file from {name} (or a newer one). Nothing was "
    "changed."
)

JOURNAL_LOCKED = (
    "Your journal is locked. Please unlock it with your passphrase at the top of this "
    "notebook, next to 'Need help now?'. Nothing typed here is lost."
)
WRONG_PASSPHRASE = (
    "That passphrase does not open your journal. Nothing was changed. Check Caps Lock and "
    "try again; if you have lost it, your recovery code opens the journal too."
)
WRONG_RECOVERY_CODE = (
    "That recovery code does not open your journal. Nothing was changed. Please check it "
    "letter by letter and try again."
)
KEY_FILE_MISSING = (
    "Your journal is locked, but its key file {path} is missing, so it can't be opened. "
    "Nothing was changed or deleted. If you moved the journal, please put the key file "
    "back beside it."
)
KEY_FILE_DAMAGED = (
    "Your journal's key file {path} is damaged and can't be read, so the journal can't be "
    "opened. Nothing was changed or deleted. If you have a copy of the key file, put it "
    "back beside the journal."
)
KEY_FILE_HINT = (
    "If you locked this journal, its key file {path} is missing: please put it back beside "
    "the journal."
)
NOT_LOCKED = "Your journal at {path} is not locked, so there is nothing to unlock."
ALREADY_LOCKED = "Your journal at {path} is already locked."
OPEN_ELSEWHERE = (
    "Your journal is open in another notebook, so it can't be changed safely right now. "
    "Nothing was changed. Please shut down the other notebooks' kernels (Kernel, then "
    "Shut Down Kernel) and try again."
)
PASSPHRASE_TOO_SHORT = (
    "Please choose a passphrase of at least {length} characters. A few ordinary words "
    "in a row are easy to remember and hard to guess."
)
PASSPHRASES_DIFFER = "The two passphrases are not the same. Please type them again."
LOCK_FAILED = (
    "The lock could not be changed ({reason}). Your journal is as it was: nothing was lost."
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

# Bringing history in from another app (workbook.importers).
IMPORT_EMPTY = "{name} is empty, so there is nothing to bring in. Nothing was changed."
IMPORT_BINARY = (
    "{name} isn't a text file (it may be a backup, a picture or a spreadsheet file). Please "
    "choose the CSV file the app exported. Nothing was changed."
)
IMPORT_TOO_BIG = (
    "{name} is {size} MB, more than the {limit} MB a mood export could be. Please check it "
    "is the right file. Nothing was changed."
)
IMPORT_NOT_A_FILE = (
    "{name} can't be brought in: {reason}. Please choose the file the app exported. "
    "Nothing was changed."
)
IMPORT_BAD_QUOTES = (
    "{name} can't be read: its quotation marks don't match up near line {line}, so the "
    "file may be cut short or damaged. Please export it again. Nothing was changed."
)
IMPORT_NOT_DAYLIO = (
    "{name} doesn't look like a Daylio export: its first line should name the columns "
    "(date, time, mood, activities, note), but {missing} is missing. Nothing was changed."
)
IMPORT_NO_ROWS = (
    "{name} has no day that could be read, so nothing was brought in. Nothing was changed."
)
IMPORT_UNMAPPED = (
    "Please choose a level for each of these moods first: {labels}. Nothing was changed."
)
IMPORT_NOT_FOUND = "There is no file at {name}. Please check the name and folder."
IMPORT_NO_COLUMN = "Please choose the {what} column; {name} has no column called {column!r}."
IMPORT_BAD_SCALE = "Please give the mood scale as two different whole numbers, lowest first."


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
