"""Any other mood app's CSV: the person says which column holds the date, which the mood
(and on what scale), and optionally which holds a note.

Moods are moved onto the workbook's 1–10 scale in a straight line: the lowest value of
the app's scale becomes 1, the highest 10, rounded to a whole number.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from workbook import messages, words
from workbook.importers._shared import (
    ImportProblem,
    Preview,
    Row,
    Source,
    check_date,
    csv_rows,
    file_name,
    fingerprint,
    parse_time,
    read_text,
    too_long,
)

SOURCE = "csv"
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d")


def columns_of(source: Source, *, name: str | None = None) -> list[str]:
    """The column names of a CSV file as written in its first line (trimmed)."""
    name = name or file_name(source)
    text = read_text(source, name)
    first = next(csv.reader(io.StringIO(text, newline="")), [])
    return [title.strip() for title in first]


def guess_columns(titles: list[str]) -> tuple[str, str, str | None]:
    """The date, mood and note columns as a first guess: the first title that mentions
    each (else the first and the last column, and no note)."""

    def guess(part: str) -> str | None:
        return next((title for title in titles if part in title.lower()), None)

    return guess("date") or titles[0], guess("mood") or titles[-1], guess("note")


def rescale(value: float, low: float, high: float) -> int:
    """``value`` on the app's ``low``..``high`` scale as a mood from 1 to 10."""
    lowest, highest = words.MOOD_RANGE
    return round(lowest + (value - low) * (highest - lowest) / (high - low))


def read_generic(source: Source, *, date_column: str, mood_column: str,
                 scale: tuple[float, float] = (1, 10), note_column: str | None = None,
                 time_column: str | None = None, name: str | None = None) -> Preview:
    """Read a mood CSV with the columns the person chose into a `Preview`.

    The date column may hold a date ("2024-03-01", "01/03/2024", day first) or a date
    and time ("2024-03-01 19:08"). Raises `ImportProblem` for a file that can't be read
    or a column it doesn't have.
    """
    name = name or file_name(source)
    low, high = scale
    if not low < high:
        raise ImportProblem(messages.IMPORT_BAD_SCALE)
    header, rows = csv_rows(read_text(source, name), name)
    chosen = {"date": date_column, "mood": mood_column, "note": note_column,
              "time": time_column}
    index: dict[str, int] = {}
    for what, title in chosen.items():
        if title is None or title == "":
            continue
        key = title.strip().lower()
        if key not in header:
            raise ImportProblem(messages.IMPORT_NO_COLUMN.format(what=what, name=name,
                                                                 column=title))
        index[what] = header.index(key)

    def cell(cells: list[str], what: str) -> str:
        at = index.get(what)
        return cells[at] if at is not None and at < len(cells) else ""

    readable: list[Row] = []
    unreadable: list[tuple[int, str]] = []
    for line, cells in rows:
        try:
            at = check_date(_when(cell(cells, "date"),
                                  cell(cells, "time") if "time" in index else ""))
        except ValueError as error:
            unreadable.append((line, str(error)))
            continue
        try:
            value = float(cell(cells, "mood").strip().replace(",", "."))
        except ValueError:
            unreadable.append((line, f"the mood {cell(cells, 'mood').strip()!r} is not a number"))
            continue
        if not low <= value <= high:
            unreadable.append((line, f"the mood {value:g} is outside {low:g} to {high:g}"))
            continue
        note = cell(cells, "note")
        problem = too_long(note)
        if problem:
            unreadable.append((line, problem))
            continue
        mood = rescale(value, low, high)
        readable.append(Row(line=line, at=at, mood=mood, note=note,
                            origin=f"{at:%Y-%m-%dT%H:%M}:{fingerprint(value, note)}"))
    readable.sort(key=lambda row: (row.at, row.line))
    return Preview(name=name, source=SOURCE, rows=tuple(readable),
                   unreadable=tuple(unreadable))


def _when(date_text: str, time_text: str) -> dt.datetime:
    text = date_text.strip()
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        when = None
        for form in _DATE_FORMATS:
            try:
                when = dt.datetime.strptime(text, form)
                break
            except ValueError:
                continue
        if when is None:
            raise ValueError(f"the date {text!r} can't be read") from None
    if when.tzinfo is not None:
        try:
            when = when.astimezone().replace(tzinfo=None)
        except (OverflowError, OSError):
            raise ValueError(f"the date {text!r} can't be read") from None
    if time_text.strip():
        when = dt.datetime.combine(when.date(), parse_time(time_text))
    elif len(text) <= 10:
        when = when.replace(hour=12)  # a date alone: noon, so the day is the same anywhere
    return when
