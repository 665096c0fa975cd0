"""What Start here says about privacy: where the journal lives, exporting and deleting it,
restoring a backup, and the passphrase lock (locking, the recovery code, unlocking)."""

from __future__ import annotations

from html import escape
from pathlib import Path

DELETE_WORD = "delete"


def where_it_lives(journal: Path) -> str:
    """Where the journal file is and what that means, as safe HTML."""
    return ("<p>Everything you write stays on this computer, in one file that only your "
            f"user account can open:<br><code>{escape(str(journal))}</code></p>"
            "<p>Nothing is sent anywhere. Saved notebooks never contain what you typed. "
            "You can take a copy of everything, or delete it all, at any time.</p>")


def exported(target: Path, note: str = "") -> str:
    """What an export did; ``note`` follows when the copy is less private than the journal."""
    return f"Exported to {target}. Only your user account can open it.{note}"


DELETE_WARNING = (
    "This removes every entry, profile, backup and export kept in the journal folder. "
    f"Type '{DELETE_WORD}' and press the red button if you are sure.")
NOTHING_DELETED = f"Nothing was deleted. To go ahead, type '{DELETE_WORD}' first."


def deleted(files: int) -> str:
    """What deleting everything did."""
    return (f"Your journal is deleted ({files} {'file' if files == 1 else 'files'} removed). "
            "A new, empty one starts the next time you save something.")


NO_BACKUP_YET = "There is no backup to restore yet."


def restored(backup: Path, kept: Path) -> str:
    """What restoring a backup did, and where the file it replaced is kept."""
    return (f"Restored the backup {backup.name}. The file it replaced is kept at {kept}, "
            "untouched.")


PROFILES_ABOUT = ("<p>Names are optional and stay on this computer. A partner profile keeps "
                  "their entries apart from yours.</p>")
PARTNER_KEPT = "Your partner's profile already has entries, so it stays. Their entries are safe."

# -- the passphrase lock --------------------------------------------------------------

LOCKED_TEXT = (
    "Your journal is locked: its file, its backups and its key are unreadable without "
    "your passphrase or recovery code.")
UNLOCKED_TEXT = (
    "Your journal is not locked. Anyone who can open your files can read it. A passphrase "
    "lock keeps the file, and its backups, unreadable without it.")
LOCKED_NOTE = (
    "The plain file and its old backups were removed. A disk (especially an SSD) may keep "
    "old copies of removed files for a while; if that matters to you, a new journal "
    "started after locking is the safest.")
EXPORTS_TEXT = (
    "These exports in <code>{folder}</code> are not locked, and locking your journal "
    "does not change them: anyone who can open your files can read them. What would you "
    "like to do with them when you lock?")
REMOVE_EXPORTS = "Remove them when I lock my journal"
KEEP_EXPORTS = "Keep them as they are, readable without my passphrase"
CHOOSE_FIRST = (
    "Nothing is locked yet. Please choose first whether to remove or keep the exports "
    "listed above, then type your passphrase again and lock.")
EXPORTS_REMOVED = "The plain exports you chose to remove are gone ({files})."
EXPORTS_KEPT = (
    "You chose to keep your plain exports ({files} in {folder}): they stay readable by "
    "anyone who can open your files until you delete them.")
RECOVERY_TEXT = (
    "Write this down and keep it somewhere only you can reach. It opens your journal if "
    "you forget your passphrase. It is shown only now and is not stored anywhere. If both "
    "the passphrase and this code are lost, nobody can open the journal, including us. "
    "Once it is written down, press the button below to clear it from the screen.")
PASSPHRASE_CHANGED = "Your passphrase is changed. Your recovery code still works."
RECOVERY_CODE_FIRST = "Please type your recovery code first."
RECOVERED = ("Your journal is open and has a new passphrase. Your old recovery code no longer "
             "works: here is a new one.")
LOCK_REMOVED = ("The lock is removed. Your journal is a plain file again, readable by anyone "
                "who can open your files.")
LOCKED_NOW = "Locked. Your passphrase is needed to open the journal again."
EXPORT_PASSPHRASE_FIRST = "Please type a passphrase for the exported copy first."
UNLOCK_PASSPHRASE_FIRST = "Please type your passphrase first."
UNLOCKED = "Unlocked. Every notebook running now can use your journal."
UNLOCK_WAITING = ("Your journal is locked. Type your passphrase to open it in this notebook "
                  "and every other one you run now.")
UNLOCK_OPEN = ("Your journal is unlocked while these notebooks run. Press Lock now when you "
               "step away.")


def _files(count: int) -> str:
    return f"{count} file" if count == 1 else f"{count} files"


def locked(removed: list[Path], kept: list[Path]) -> str:
    """What locking did, with the plain exports removed or kept as the person chose."""
    if removed:
        about_exports = EXPORTS_REMOVED.format(files=_files(len(removed))) + " "
    elif kept:
        about_exports = EXPORTS_KEPT.format(files=_files(len(kept)), folder=kept[0].parent) + " "
    else:
        about_exports = ""
    return "Your journal is locked. " + about_exports + LOCKED_NOTE


def plain_exports_listed(found: list[Path]) -> str:
    """The plain exports locking would not cover, as safe HTML (empty when none)."""
    if not found:
        return ""
    names = "".join(f"<li><code>{escape(p.name)}</code></li>" for p in found)
    folder = escape(str(found[0].parent))
    return f"{EXPORTS_TEXT.format(folder=folder)}<ul>{names}</ul>"


def recovery_code(code: str) -> str:
    """The recovery code, shown once, with what to do with it, as safe HTML."""
    return ("<b>Your recovery code:</b> "
            f"<code style='font-size:1.2em'>{escape(code)}</code><br>{RECOVERY_TEXT}")


def exported_locked(target: Path) -> str:
    """What exporting a locked copy did."""
    return (f"Exported a locked copy to {target}. It opens only with the passphrase you "
            "typed (Import in a workbook asks for it).")
