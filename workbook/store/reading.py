"""Reading a file that came from outside: at most a limit, never waiting on a pipe.

Every file the workbook reads from outside (an export, a share file, the key file, a
mood app's CSV) goes through `read_bounded`. It refuses anything that is not an
ordinary file (a folder, a named pipe, a device such as ``/dev/zero``) without waiting
for it, refuses a file bigger than its limit before reading it, and never reads more
than one byte past the limit, so a file growing while it is read is refused too.

Dates in such files are checked with `within_bounds`: a time before 1970 or more than a
day ahead is not one a journal, a share file or a mood app could have written.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

_CHUNK = 1024 * 1024
EARLIEST = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
# A day ahead leaves room for clocks and time zones that disagree a little.
AHEAD = dt.timedelta(days=1)


class FileRefused(OSError):
    """The file can't be read as asked; ``reason`` says why in a few plain words."""

    def __init__(self, reason: str, size: int | None = None):
        super().__init__(reason)
        self.reason, self.size = reason, size


class NotAFile(FileRefused):
    """A folder, a named pipe, a device: anything but an ordinary file."""


class TooBig(FileRefused):
    """More bytes than the limit; ``size`` is what was found (at least limit + 1)."""


def read_bounded(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the ordinary file ``path``, if there are no more than ``limit``.

    Raises `FileNotFoundError` for a missing file, `NotAFile` for a folder, pipe or
    device, `TooBig` for a file over ``limit`` bytes, and `OSError` for others.
    """
    # O_NONBLOCK: opening a named pipe for reading would otherwise wait for a writer.
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | os.O_CLOEXEC
    try:
        fd = os.open(Path(path), flags)
    except IsADirectoryError as error:
        raise NotAFile("it is a folder, not a file") from error
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise NotAFile("it is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise NotAFile("it is not an ordinary file")
        if info.st_size > limit:
            raise TooBig(f"it is larger than {limit:,} bytes", info.st_size)
        chunks, left = [], limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, _CHUNK))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        if left <= 0:
            raise TooBig(f"it is larger than {limit:,} bytes", limit + 1)
        return b"".join(chunks)
    finally:
        os.close(fd)


def within_bounds(moment: dt.datetime) -> bool:
    """Whether ``moment`` lies between 1970 and a day from now.

    A time without a zone (a mood app's CSV) is read as this computer's local time.
    """
    if moment.tzinfo is None:
        earliest, latest = naive_bounds()
        return earliest <= moment <= latest
    return EARLIEST <= moment <= dt.datetime.now(dt.UTC) + AHEAD


def naive_bounds() -> tuple[dt.datetime, dt.datetime]:
    """The first and last moment `within_bounds` takes, as of now, for a time without a
    zone (this computer's local time)."""
    return EARLIEST.replace(tzinfo=None), dt.datetime.now() + AHEAD


def bounds_text() -> str:
    """The bounds of `within_bounds` in words, for a message."""
    latest = dt.datetime.now(dt.UTC) + AHEAD
    return f"between 1 January 1970 and {latest.day} {latest:%B %Y}"
