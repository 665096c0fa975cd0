"""What every importer shares: reading the file safely, rows, the preview, writing a batch."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import functools
import hashlib
import io
import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path

from workbook import messages, words
from workbook.models import CheckIn, EntryInvalid
from workbook.models.base import LONG_TEXT, SHORT_TEXT
from workbook.store import Store, StoreError
from workbook.store.reading import FileRefused, TooBig, bounds_text, read_bounded, within_bounds

# Ten years of several check-ins a day is well under 5 MB; more is not a mood export.
MAX_BYTES = 50 * 1024 * 1024
# How often, in rows, the progress callback hears about an import.
PROGRESS_EVERY = 100

Source = str | os.PathLike[str] | bytes


class ImportProblem(StoreError):
    """The file can't be brought in; ``message`` says why, for the person. Nothing changed."""


@dataclasses.dataclass(frozen=True)
class Row:
    """One readable row of the file, as it will be saved."""

    line: int
    at: dt.datetime
    label: str = ""
    mood: int | None = None
    activities: tuple[str, ...] = ()
    note: str = ""
    origin: str = ""


@dataclasses.dataclass(frozen=True)
class Preview:
    """What a file holds, before anything is written."""

    name: str
    source: str
    rows: tuple[Row, ...]
    # (line number, why) for each row that can't be read.
    unreadable: tuple[tuple[int, str], ...] = ()
    # Mood labels the person must map onto a level before importing.
    unknown_labels: tuple[str, ...] = ()

    @property
    def days(self) -> int:
        return len({row.at.date() for row in self.rows})

    @property
    def first(self) -> dt.date | None:
        return min(row.at for row in self.rows).date() if self.rows else None

    @property
    def last(self) -> dt.date | None:
        return max(row.at for row in self.rows).date() if self.rows else None

    def describe(self) -> str:
        """One plain sentence: how many check-ins on how many days, from when to when."""
        if not self.rows:
            return f"{self.name} has no day that could be read."
        entries = "check-in" if len(self.rows) == 1 else "check-ins"
        days = "day" if self.days == 1 else "days"
        return (f"{self.name} holds {len(self.rows)} {entries} on {self.days} {days}, "
                f"from {self.first:%d %B %Y} to {self.last:%d %B %Y}.")


@dataclasses.dataclass(frozen=True)
class ImportResult:
    """How an import went: check-ins added, rows already in the journal, its batch."""

    added: int
    skipped: int
    unreadable: int
    batch: int | None


def file_name(source: Source) -> str:
    return "The uploaded file" if isinstance(source, bytes) else Path(source).name


def read_text(source: Source, name: str | None = None) -> str:
    """The file's text; raises `ImportProblem` if it is missing, empty, binary or huge."""
    name = name or file_name(source)
    if isinstance(source, bytes):
        data = source
    else:
        path = Path(source)
        try:
            data = read_bounded(path, MAX_BYTES)
        except FileNotFoundError as error:
            raise ImportProblem(messages.IMPORT_NOT_FOUND.format(name=str(path))) from error
        except TooBig as error:
            raise _too_big(name, error.size or MAX_BYTES + 1) from error
        except FileRefused as error:
            raise ImportProblem(messages.IMPORT_NOT_A_FILE.format(
                name=name, reason=error.reason)) from error
        except OSError as error:
            raise ImportProblem(messages.IMPORT_NOT_A_FILE.format(
                name=name, reason=error.strerror or type(error).__name__)) from error
    if len(data) > MAX_BYTES:
        raise _too_big(name, len(data))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as error:
            raise ImportProblem(messages.IMPORT_BINARY.format(name=name)) from error
    if b"\x00" in data:
        raise ImportProblem(messages.IMPORT_BINARY.format(name=name))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportProblem(messages.IMPORT_BINARY.format(name=name)) from error
    if not text.strip():
        raise ImportProblem(messages.IMPORT_EMPTY.format(name=name))
    return text


def _too_big(name: str, size: int) -> ImportProblem:
    return ImportProblem(messages.IMPORT_TOO_BIG.format(
        name=name, size=round(size / 1024 / 1024), limit=MAX_BYTES // 1024 // 1024))


def csv_rows(text: str, name: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header (trimmed, lower case) and each following row with its line number.

    Quoted cells may span lines (multi-line notes); quotes that don't match raise
    `ImportProblem` rather than swallowing the rest of the file.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, list[str]]] = []
    header: list[str] | None = None
    try:
        line = 1
        for cells in reader:
            if header is None:
                header = [cell.strip().lower() for cell in cells]
            elif "".join(cells).strip():  # a row of empty cells is no row
                rows.append((line, cells))
            line = reader.line_num + 1
    except csv.Error as error:
        raise ImportProblem(messages.IMPORT_BAD_QUOTES.format(
            name=name, line=reader.line_num)) from error
    if header is None:
        raise ImportProblem(messages.IMPORT_EMPTY.format(name=name))
    if text.count('"') % 2:
        # An opening quote never closed makes the csv module read to the end quietly.
        raise ImportProblem(messages.IMPORT_BAD_QUOTES.format(name=name, line=_odd_quote(text)))
    return header, rows


def _odd_quote(text: str) -> int:
    """The line where the quote that is never closed was opened."""
    quotes, opened = 0, 1
    for number, line in enumerate(text.splitlines(), start=1):
        was_open = quotes % 2
        quotes += line.count('"')
        if not was_open and quotes % 2:
            opened = number
    return opened


_TIME = re.compile(r"^\s*(\d{1,2})[:.](\d{2})(?::\d{2})?\s*([ap])?\.?\s*(m\.?)?\s*$", re.I)


@functools.lru_cache(maxsize=4096)
def parse_time(text: str) -> dt.time:
    """'19:08', '6:50 pm', '10:25 PM', '7.05 a.m.' → a time; raises ValueError.

    The same few hundred times fill a file, so each one read is remembered.
    """
    found = _TIME.match(text)
    unreadable = ValueError(f"the time {text.strip()!r} can't be read")
    if not found:
        raise unreadable
    hour, minute, half = int(found[1]), int(found[2]), (found[3] or "").lower()
    if half:
        if not 1 <= hour <= 12:
            raise unreadable
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59:
        raise unreadable
    return dt.time(hour, minute)


def check_date(at: dt.datetime) -> dt.datetime:
    """``at`` itself; raises ValueError (the row's reason) for a date out of bounds."""
    if not within_bounds(at):
        raise ValueError(f"its date, {at.day} {at:%B} {at.year}, is not {bounds_text()}")
    return at


def too_long(note: str, activities: tuple[str, ...] = ()) -> str | None:
    """Why a row can't be kept as a check-in because of its length, or None."""
    if len(note) > LONG_TEXT:
        return f"its note is longer than {LONG_TEXT:,} characters"
    if activities and max(map(len, activities)) > SHORT_TEXT:
        return f"an activity is longer than {SHORT_TEXT} characters"
    return None


def fingerprint(*parts: object) -> str:
    """A stable name for a source row: the same row always gives the same name."""
    try:
        joined = "\x1f".join(parts)  # type: ignore[arg-type]  # text, as it mostly is
    except TypeError:
        joined = "\x1f".join(map(str, parts))
    # The first 24 hex digits of the digest, written out from its first 12 bytes alone.
    return hashlib.sha256(joined.encode("utf-8")).digest()[:12].hex()


def bring_in(preview: Preview, *, store: Store, profile: str | None = None,
             mapping: Mapping[str, int] | None = None,
             on_progress: Callable[[int, int], object] | None = None) -> ImportResult:
    """Write every readable row of ``preview`` as a check-in, in one batch.

    ``mapping`` gives a mood (1–10) for each label the file uses that isn't known
    (`Preview.unknown_labels`). Rows already in the journal (same origin) are skipped.
    Raises `ImportProblem` (nothing written) if a label has no mood or no row is readable.
    """
    from workbook.importers.daylio import MOOD_FOR_LEVEL

    profile = profile or words.PROFILE_ME
    moods = {**MOOD_FOR_LEVEL, **(mapping or {})}
    missing = [label for label in preview.unknown_labels if label not in moods]
    if missing:
        raise ImportProblem(messages.IMPORT_UNMAPPED.format(labels=", ".join(missing)))
    if not preview.rows:
        raise ImportProblem(messages.IMPORT_NO_ROWS.format(name=preview.name))
    entries = []
    # Rows with the same answers (no note, the same activities) make one entry, checked
    # once: entries are values that never change, so they may be shared.
    made: dict[tuple[str, int | None, str, tuple[str, ...]], CheckIn] = {}
    for row in preview.rows:
        entry = made.get((row.label, row.mood, row.note, row.activities))
        if entry is None:
            mood = row.mood if row.mood is not None else moods[row.label]
            try:
                entry = CheckIn(mood=mood, insecurity=None, note=row.note,
                                activities=row.activities, source=preview.source)
            except EntryInvalid as invalid:
                raise ImportProblem(
                    f"Line {row.line} of {preview.name} can't be saved "
                    f"({'; '.join(invalid.problems.values())}) Nothing was changed.") from invalid
            made[row.label, row.mood, row.note, row.activities] = entry
        entries.append(entry)
    label = f"{preview.name} ({preview.first:%d %b %Y} to {preview.last:%d %b %Y})"
    details = {"file": preview.name, "source": preview.source, "rows": len(preview.rows)}
    total = len(entries)
    origins = [f"{preview.source}:{profile}:{row.origin}" for row in preview.rows]
    items = list(zip(entries, (row.at for row in preview.rows), origins, strict=True))
    with store.batch("import", label, details) as batch:
        for start in range(0, total, PROGRESS_EVERY):
            batch.add_many(items[start:start + PROGRESS_EVERY], profile=profile)
            if on_progress is not None:
                on_progress(min(total, start + PROGRESS_EVERY), total)
    return ImportResult(added=batch.added, skipped=batch.skipped,
                        unreadable=len(preview.unreadable),
                        batch=batch.id if batch.added else None)
