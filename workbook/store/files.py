"""Where the journal lives and how its files are made private (folder 0700, files 0600)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from workbook import messages
from workbook.store.errors import StoreError

HOME_VARIABLE = "SECURE_BASE_HOME"
FILE_NAME = "journal.sqlite3"


def home() -> Path:
    """The folder that holds the journal: ``$SECURE_BASE_HOME`` or the user data dir."""
    override = os.environ.get(HOME_VARIABLE)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return platformdirs.user_data_path("secure-base", appauthor=False)


def default_path() -> Path:
    return home() / FILE_NAME


def now() -> dt.datetime:
    return dt.datetime.now().astimezone()


def make_private_dir(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder, 0o700)


def make_private_file(path: Path) -> None:
    """Create ``path`` as 0600 (or tighten it), so SQLite's WAL and SHM follow suit.

    A missing folder is created 0700; an existing one is left as it is (it may be the
    person's own folder, chosen for an export). Raises `StoreError` when ``path`` is a
    folder or a symbolic link: a link could make us tighten, or write, a file elsewhere.
    """
    check_journal_path(path)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if path.exists():
        # Tightened by name, never opened: closing a handle on a journal would drop the
        # SQLite locks this process holds on it (POSIX locks belong to the process).
        os.chmod(path, 0o600)
        return
    # O_EXCL and O_NOFOLLOW: a file or link put in place since the check is refused.
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_NOFOLLOW, 0o600)
    except IsADirectoryError as error:
        raise StoreError(messages.PATH_IS_FOLDER.format(path=path)) from error
    except FileExistsError:
        return make_private_file(path)
    except OSError as error:
        if path.is_symlink():
            raise StoreError(messages.PATH_IS_LINK.format(path=path)) from error
        raise
    try:
        os.fchmod(fd, 0o600)
    finally:
        os.close(fd)


def check_journal_path(path: Path) -> None:
    """Raise `StoreError` with a plain sentence if ``path`` can't hold a private file."""
    if path.is_symlink():
        raise StoreError(messages.PATH_IS_LINK.format(path=path))
    if path.is_dir():
        raise StoreError(messages.PATH_IS_FOLDER.format(path=path))
