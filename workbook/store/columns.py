"""Entries of one kind read as columns, straight from their rows: no object per entry.

Frames are read far more often than entries are written, so reading years of
check-ins for a table must stay quick. Rows as the workbook writes them are read
column by column, every value converted by a function written in C
(`datetime.fromisoformat`, `orjson.loads`) mapped over the whole column. A row those
can't vouch for (kept unread, edited, with a date, a time or answers out of the
ordinary) is read on its own, exactly as `rows.saved` reads it: each row is read, or
skipped for the same reason, as `rows.read` would.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Iterable
from itertools import chain, compress, islice, repeat
from operator import eq, is_, itemgetter, not_
from typing import Any

import orjson

from workbook.models import KINDS, Entry, UnreadableData
from workbook.store.rows import UnreadableRow

# The rows `columns` reads: those of `rows.SELECT`, without what a table of one kind
# doesn't show.
SELECT = ("SELECT id, profile, strategy, created_at, day, updated_at, data, unread"
          " FROM entries")

# Rows are read this many at a time, so years of them (and their decoded answers)
# never sit in memory all at once: getting that memory took longer than the reading.
BATCH = 512
# A value only the row-by-row reading can judge.
_ODD: Any = object()
# orjson reads a whole number that doesn't fit 64 bits as a float (at least 2**63 in
# size), where `json` keeps it whole: answers holding such a float are left to `json`.
_LONG = 2.0**63
_SCALARS = frozenset({int, float, str, bool, type(None)})
# Decodes one JSON value that fills the whole text, without `json.loads`'s extra steps.
_RAW_DECODE = json.JSONDecoder().raw_decode


@dataclasses.dataclass(frozen=True)
class Columns:
    """Entries of one kind as columns, read from their rows without making entries.

    Row by row the values are those of the `Saved` entries `rows.read` gives: ``at``
    is the local time written (no offset), ``answers`` holds one list per answer, as
    `Entry.data_columns` gives it. ``skipped`` lists the rows that could not be read,
    as `Found.skipped` does.
    """

    ids: list[int]
    profiles: list[str]
    strategies: list[str | None]
    at: list[dt.datetime]
    days: list[dt.date]
    answers: dict[str, list[Any]]
    skipped: list[UnreadableRow]

    def __len__(self) -> int:
        return len(self.ids)


def columns(kind: str, found: Iterable[tuple[Any, ...]]) -> Columns:
    """Rows of ``kind`` (as `SELECT` reads them) as `Columns`.

    A row is read, or skipped for the same reason, exactly as `rows.saved` would.
    """
    shape = _Shape(KINDS[kind])
    read = Columns([], [], [], [], [], {name: [] for name in shape.names}, [])
    rows = iter(found)
    while batch := list(islice(rows, BATCH)):
        _read_batch(kind, shape, batch, read)
    return read


def _read_batch(kind: str, shape: _Shape, rows: list[tuple[Any, ...]], read: Columns) -> None:
    """Add ``rows`` to ``read``."""
    ids, profiles, strategies, created, days, updated, data, unread = zip(*rows, strict=True)
    written, odd_written = _each(dt.datetime.fromisoformat, created)
    on, odd_on = _each(dt.date.fromisoformat, days)
    stored, odd_stored = _decoded(data)
    # Rows only `_read_row` can judge: kept unread, edited, or with a value mapped above
    # that could not be read the usual way.
    everywhere = range(len(rows))
    odd = {*compress(everywhere, unread), *compress(everywhere, updated)}
    for values, marked in ((written, odd_written), (on, odd_on), (stored, odd_stored)):
        if marked:
            odd.update(compress(everywhere, map(is_, values, repeat(_ODD))))
    answers = None if odd else _as_stored(stored, shape)
    kept: list[int] | range = everywhere
    if answers is None:
        kept = _settle(kind, shape, rows, odd, written, on, stored, read.skipped)
        if len(kept) < len(rows):
            keep = [False] * len(rows)
            for n in kept:
                keep[n] = True
            ids, profiles, strategies, written, on, stored = (
                list(compress(values, keep))
                for values in (ids, profiles, strategies, written, on, stored))
        answers = {name: list(map(itemgetter(name), stored)) for name in shape.names}
    # Where orjson may have read a long whole number as a float, `json` reads it again.
    suspects = [name for name, values in answers.items() if _may_hold_long_numbers(values)]
    for k in range(len(kept)) if suspects else ():
        if _may_hold_long_numbers([answers[name][k] for name in suspects]):
            again = shape.plain(json.loads(data[kept[k]]))
            for name in shape.names:
                answers[name][k] = again[name]
    read.ids.extend(ids)
    read.profiles.extend(profiles)
    read.strategies.extend(strategies)
    # The local time written, without its offset (as `replace(tzinfo=None)`, faster).
    read.at.extend(map(dt.datetime.combine, map(dt.datetime.date, written),
                       map(dt.datetime.time, written)))
    read.days.extend(on)
    for name, values in answers.items():
        read.answers[name].extend(values)


def _as_stored(stored: list[Any], shape: _Shape) -> dict[str, list[Any]] | None:
    """The answers, one list per name, if every row holds exactly the kind's answers
    and they need no converting (as the workbook writes them); else None."""
    if (not shape.as_stored or set(map(type, stored)) != {dict}
            or set(map(len, stored)) != {len(shape.names)}):
        return None
    try:  # as many answers as names, and every name there: exactly the kind's answers
        return {name: list(map(itemgetter(name), stored)) for name in shape.names}
    except KeyError:
        return None


def _settle(kind: str, shape: _Shape, rows: list[tuple[Any, ...]], odd: set[int],
            written: list[Any], on: list[Any], stored: list[Any],
            skipped: list[UnreadableRow]) -> list[int]:
    """Read the ``odd`` rows one by one and bring every row's answers to their plain
    data, in place; add the rows that can't be read to ``skipped``, in order, and
    return where the others are."""
    unreadable: dict[int, UnreadableRow] = {}
    for n in sorted(odd):
        row = _read_row(kind, shape, rows[n])
        if isinstance(row, UnreadableRow):
            unreadable[n] = row
        else:
            written[n], on[n], stored[n] = row
    for n in _unlike(stored, shape) if shape.as_stored else range(len(rows)):
        if n not in odd:
            try:
                stored[n] = shape.plain(stored[n])
            except UnreadableData as error:
                unreadable[n] = UnreadableRow(rows[n][0], kind, error.reason)
            except (ValueError, TypeError, AttributeError):
                unreadable[n] = UnreadableRow(rows[n][0], kind, "data")
    skipped.extend(unreadable[n] for n in sorted(unreadable))
    return [n for n in range(len(rows)) if n not in unreadable]


class _Shape:
    """The answers of one kind, and how its stored answers become its plain data."""

    def __init__(self, model: type[Entry]):
        self.model = model
        self.names = [field.name for field in dataclasses.fields(model)]
        self.every = frozenset(self.names)
        # Answers that change on the way through an entry (dates) need `plain_from_data`.
        self.as_stored = not model.restores_answers()

    def plain(self, stored: Any) -> Any:
        """The plain data an entry made from ``stored`` gives; raises as
        `Entry.plain_from_data` does."""
        # Our own rows hold every answer as stored: nothing to fill in or convert.
        if self.as_stored and type(stored) is dict and stored.keys() == self.every:
            return stored
        return self.model.plain_from_data(stored)


def _each(read: Callable[[Any], Any], values: list[Any]) -> tuple[list[Any], bool]:
    """``read`` of every value, with `_ODD` for each one it can't read; and whether
    there was such a value."""
    try:
        return list(map(read, values)), False
    except Exception:  # `_read_row` meets the same value, and says why
        return [_or_odd(read, value) for value in values], True


def _or_odd(read: Callable[[Any], Any], value: Any) -> Any:
    try:
        return read(value)
    except Exception:
        return _ODD


def _decoded(texts: list[Any]) -> tuple[list[Any], bool]:
    """Each stored text's answers as orjson reads them, with `_ODD` where it can't; and
    whether there was such a text."""
    if set(map(type, texts)) == {str}:
        try:
            return list(map(orjson.loads, texts)), False
        except orjson.JSONDecodeError:
            pass
    return list(map(_decoded_one, texts)), True


def _decoded_one(text: Any) -> Any:
    # Only text goes to orjson: bytes and the rest are `json`'s to read (in `_read_row`).
    if type(text) is not str:
        return _ODD
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return _ODD


def _may_hold_long_numbers(values: list[Any]) -> bool:
    """Whether ``values`` holds, at any depth, a float orjson may have made of a long
    whole number. Level by level, so years of answers are looked through in a few passes."""
    while values:
        kinds = set(map(type, values))
        if float in kinds and any(abs(v) >= _LONG for v in values if type(v) is float):
            return True
        if kinds <= _SCALARS:
            return False
        inner: list[Any] = []
        if list in kinds:
            inner.extend(chain.from_iterable(values if kinds == {list} else _only(list, values)))
        if dict in kinds:
            inner.extend(chain.from_iterable(map(dict.values, _only(dict, values))))
        values = inner
    return False


def _only(kind: type, values: list[Any]) -> Iterable[Any]:
    return compress(values, map(is_, map(type, values), repeat(kind)))


def _unlike(stored: list[Any], shape: _Shape) -> Iterable[int]:
    """Where ``stored`` is not a set of answers with exactly the kind's names."""
    if set(map(type, stored)) == {dict}:
        return compress(range(len(stored)),
                        map(not_, map(eq, map(dict.keys, stored), repeat(shape.every))))
    return (n for n, answers in enumerate(stored)
            if type(answers) is not dict or answers.keys() != shape.every)


def _read_row(kind: str, shape: _Shape,
              row: tuple[Any, ...]) -> UnreadableRow | tuple[dt.datetime, dt.date, Any]:
    """The time written, the day and the plain answers of one row, or why it can't be
    read: exactly as `rows.saved` reads it."""
    entry_id, _profile, _strategy, created, day, updated, data, unread = row
    try:
        written, on = dt.datetime.fromisoformat(created), dt.date.fromisoformat(day)
        if updated:
            dt.datetime.fromisoformat(updated)
        try:
            stored, end = _RAW_DECODE(data)
            if end != len(data):
                raise ValueError("more after the answers")
        except (ValueError, TypeError):
            # Spaces around, bytes, or not JSON at all: exactly as `saved` decodes.
            stored = json.loads(data)
        plain = shape.plain(stored)
    except UnreadableData as error:
        return UnreadableRow(entry_id, kind, error.reason)
    except (ValueError, TypeError, AttributeError):
        return UnreadableRow(entry_id, kind, "data")
    if unread:
        # Kept unread even when its answers look readable, exactly as `saved` skips it.
        return UnreadableRow(entry_id, kind, "data")
    return written, on, plain
