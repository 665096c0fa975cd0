"""Daylio's CSV export, as it is found in the wild, read into check-ins.

Columns are matched by name, in any capitalisation, with or without a byte-order
mark: the current ``full_date,date,weekday,time,mood,activities,note_title,note``;
older exports without ``note_title``; and older ones still that start with
``year`` and give ``date`` as a day and a month ("4 April", "Apr 4"). Rows may be
newest first; times may read "19:08" or "10:25 pm"; activities are joined by
" | "; notes may run over several lines. A note reading "NA" or "None" is kept as
written: only an empty cell means no note.

Moods: Daylio has five levels, rad, good, meh, bad and awful, which people may
rename. They map onto the workbook's 1–10 mood scale by one rule: each level is
two points apart, with the middle level ("meh") at 5, so rad 9, good 7, meh 5,
bad 3, awful 1 (mood = 2 × level − 1, awful being level 1). A label the file uses
that isn't one of the five is shown to the person to map before anything is
written. Insecurity is left empty: Daylio never asked, and it is not invented.
"""

from __future__ import annotations

import datetime as dt
import operator

from workbook import messages
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
from workbook.store.reading import naive_bounds

SOURCE = "daylio"
# Daylio's five levels, best first, as the app names them by default.
DAYLIO_LEVELS: tuple[str, ...] = ("rad", "good", "meh", "bad", "awful")
# mood = 2 × level − 1, counting awful as level 1 and rad as level 5.
MOOD_FOR_LEVEL: dict[str, int] = {
    label: 2 * (len(DAYLIO_LEVELS) - n) - 1 for n, label in enumerate(DAYLIO_LEVELS)}
ACTIVITY_SEPARATOR = "|"
# The columns this reader uses, by their titles in the header.
_COLUMNS = ("full_date", "year", "date", "time", "mood", "activities", "note_title", "note")
_DAY_MONTH_FORMATS = ("%d %B", "%B %d", "%d %b", "%b %d", "%d. %B", "%d.%m.", "%d/%m")


def normal_label(label: str) -> str:
    """How a mood label is compared: stray spaces gone, any case."""
    return " ".join(label.split()).casefold()


def read_daylio(source: Source, *, name: str | None = None) -> Preview:
    """Read a Daylio export (a path, or the file's bytes) into a `Preview`.

    Raises `ImportProblem` if the file is missing, empty, binary, huge, has broken
    quoting, or is not a Daylio export. Rows that can't be read are listed in
    ``Preview.unreadable`` with the reason.
    """
    name = name or file_name(source)
    header, rows = csv_rows(read_text(source, name), name)
    # "Full Date" and "full_date" name the same column; the first of a name wins.
    column = {"_".join(title.split()): index
              for index, title in reversed(list(enumerate(header)))}
    dated = "full_date" in column or {"year", "date"} <= column.keys()
    missing = [title for title, ok in (("the date", dated), ("time", "time" in column),
                                       ("mood", "mood" in column)) if not ok]
    if missing:
        raise ImportProblem(messages.IMPORT_NOT_DAYLIO.format(name=name, missing=missing[0]))

    width = len(header)
    shortest = width - (2 if "note" in column else 0)
    # The cells this reader uses, by column; a column the file lacks reads the empty
    # cell put last on every row, as do the last columns of a short row.
    pick = operator.itemgetter(*(column.get(title, -1) for title in _COLUMNS))
    # Taken once for the file: a row outside them is checked again, which says why.
    earliest, latest = naive_bounds()
    readable: list[Row] = []
    unreadable: list[tuple[int, str]] = []
    labels: dict[str, str] = {}
    for line, cells in rows:
        if len(cells) < shortest:
            unreadable.append((line, f"it has {len(cells)} columns, not {width}"))
            continue
        if len(cells) < width:
            cells.extend([""] * (width - len(cells)))
        cells.append("")
        full_date, year, day_month, clock, mood, listed, note_title, note = pick(cells)
        try:
            at = dt.datetime.combine(_day(full_date, year, day_month), parse_time(clock))
            if not earliest <= at <= latest:
                at = check_date(at)
        except ValueError as error:
            unreadable.append((line, str(error)))
            continue
        label = labels.get(mood)
        if label is None:
            label = labels[mood] = normal_label(mood)
        if not label:
            unreadable.append((line, "it has no mood"))
            continue
        activities = tuple([activity for part in listed.split(ACTIVITY_SEPARATOR)
                            if (activity := part.strip())]) if listed else ()
        note = _note(note_title, note)
        problem = too_long(note, activities)
        if problem:
            unreadable.append((line, problem))
            continue
        readable.append(Row(line=line, at=at, label=label, activities=activities, note=note,
                            origin=f"{_minute(at)}:{fingerprint(label, *activities, '', note)}"))
    readable.sort(key=operator.attrgetter("at", "line"))
    unknown = tuple(sorted({row.label for row in readable} - set(MOOD_FOR_LEVEL)))
    return Preview(name=name, source=SOURCE, rows=tuple(readable),
                   unreadable=tuple(unreadable), unknown_labels=unknown)


def _minute(at: dt.datetime) -> str:
    """The row's time to the minute, as origins have always named it: "2025-01-03T19:08".

    Origins must never change, or a file imported again would come in twice.
    """
    if at.year >= 1000:
        return at.isoformat()[:16]  # "2025-01-03T19:08:00": the same, made quicker
    return f"{at:%Y-%m-%dT%H:%M}"  # strftime writes years before 1000 without zeros


def _day(full_date: str, year: str, day_month: str) -> dt.date:
    if full_date.strip():
        try:
            return dt.date.fromisoformat(full_date.strip())
        except ValueError:
            raise ValueError(f"the date {full_date.strip()!r} can't be read") from None
    text = " ".join(day_month.split())
    for form in _DAY_MONTH_FORMATS:
        try:
            return dt.datetime.strptime(f"{year.strip()} {text}", f"%Y {form}").date()
        except ValueError:
            continue
    raise ValueError(f"the date {(year + ' ' + text).strip()!r} can't be read")


def _note(title: str, note: str) -> str:
    """The note as written; a title, when there is one, stays as its first line."""
    if title and note:
        return f"{title}\n\n{note}"
    return title or note
