"""pandas is the analysis surface: one tidy, typed DataFrame per kind of entry."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import repeat
from operator import is_
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from workbook.models import KINDS, Entry
from workbook.store import Store, default_store

if TYPE_CHECKING:
    from collections.abc import Iterable

    from workbook.store import Saved
    from workbook.store.columns import Columns

PRACTICE = "practice"
COMMON_COLUMNS = {"id": "Int64", "profile": "string", "strategy": "string",
                  "day": "datetime64[ns]"}


def data(kind: str | None = None, *, store: Store | None = None,
         profile: str | None = None, since: dt.date | None = None,
         until: dt.date | None = None) -> pd.DataFrame | dict[str, pd.DataFrame]:
    """A DataFrame for ``kind`` (or a dict of all kinds), indexed by local time written.

    Columns: ``id``, ``profile``, ``strategy``, ``day``, then the entry's own answers
    and any derived numbers. ``"practice"`` gives one row per day, profile and
    strategy practised. ``since`` and ``until`` (days, both included) read only part
    of the journal. Raises ``KeyError`` for an unknown kind.
    """
    store = store or default_store()
    if kind is None:
        return {name: data(name, store=store, profile=profile, since=since, until=until)
                for name in [*KINDS, PRACTICE]}
    if kind == PRACTICE:
        return practice_frame(store, profile=profile)
    if kind not in KINDS:
        raise KeyError(f"No kind of entry called {kind!r}; known kinds: {', '.join(KINDS)}")
    if KINDS[kind].derived is Entry.derived:
        # Nothing to work out from whole entries: the columns come straight from the rows.
        with _no_cycle_search():
            return columns_frame(kind, store.entry_columns(kind, profile=profile, since=since,
                                                           until=until))
    return entries_frame(kind, store.entries(kind, profile=profile, since=since, until=until,
                                             newest_first=False))


@contextmanager
def _no_cycle_search() -> Iterator[None]:
    """Hold off Python's search for reference cycles while a frame is built.

    Reading years of entries makes and drops tens of thousands of small containers
    (decoded answers, lists), none of them in a cycle: searching them over and over
    took longer than building the frame. Afterwards the search goes on as before.
    """
    if not gc.isenabled():  # someone else holds it off: theirs to turn back on
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def entries_frame(kind: str, saved: Iterable[Saved]) -> pd.DataFrame:
    """The frame of ``kind`` for these saved entries (see `data`)."""
    model = KINDS[kind]
    saved = list(saved)
    index = [item.created_at.replace(tzinfo=None) for item in saved]
    return _typed(model, _columns(model, saved), index)


def columns_frame(kind: str, found: Columns) -> pd.DataFrame:
    """The frame of ``kind`` for entries read as columns (see `Store.entry_columns`).

    The same frame `entries_frame` gives for the same entries. Only for kinds that
    derive nothing: derived numbers are worked out from whole entries.
    """
    model = KINDS[kind]
    if model.derived is not Entry.derived:
        raise ValueError(f"{kind!r} derives columns from whole entries: use entries_frame")
    columns: dict[str, list[Any]] = {"id": found.ids, "profile": found.profiles,
                                     "strategy": found.strategies, "day": found.days}
    for name, values in found.answers.items():
        columns[name] = _tuples(values)
    return _typed(model, columns, found.at)


def _tuples(values: list[Any]) -> list[Any]:
    """``values`` with every list made a tuple, as `_columns` does (decoded JSON holds
    no other kind of list)."""
    found = set(map(type, values))
    if list not in found:
        return values
    if found == {list}:
        return list(map(tuple, values))
    return [tuple(v) if type(v) is list else v for v in values]


def _typed(model: type[Entry], columns: dict[str, list[Any]],
           index: list[dt.datetime]) -> pd.DataFrame:
    types = {**COMMON_COLUMNS, **model.column_types()}
    # Columns built straight from their values; the others are converted by `astype`.
    built = {}
    for name, values in columns.items() if index else ():
        array = _array(values, types[name]) if name in types else None
        if array is not None:
            built[name] = array
    frame = pd.DataFrame({name: built.get(name, values) for name, values in columns.items()},
                         columns=list(types) if not index else None)
    for column, dtype in types.items():
        if column not in frame:
            frame[column] = pd.Series(dtype=dtype)
        if built.get(column) is None:
            frame[column] = frame[column].astype(dtype)
    for column in frame.columns.difference(list(types)):
        frame[column] = frame[column].astype(_derived_dtype(frame[column]))
    frame.index = pd.DatetimeIndex(index, name="at", dtype="datetime64[ns]")
    return frame


_NONE = type(None)
# Days since 1 January 1 (`date.toordinal`) of 1 January 1970, and the days a
# datetime64[ns] column can hold.
_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
_NS_DAYS = (pd.Timestamp.min.ceil("D").date().toordinal(),
            pd.Timestamp.max.floor("D").date().toordinal())


def _array(values: list[Any], dtype: str) -> Any:
    """``values`` as an array of ``dtype``, built straight from the values when they are
    of the usual types (else None, for `astype` to convert them).

    Either way the column holds what ``pd.Series(values).astype(dtype)`` holds.
    """
    found = set(map(type, values))
    if dtype == "Int64" and found <= {int, _NONE}:
        return _integers(values, _NONE in found)
    if dtype == "string" and found == {_NONE}:
        return pd.array(np.full(len(values), pd.NA, dtype=object), dtype="string")
    if dtype == "string" and found <= {str, _NONE}:
        return pd.array(values, dtype="string")
    if dtype == "object" and found == {tuple}:
        # One tuple per cell (a plain `np.array` would make rows of them).
        return np.fromiter(values, dtype=object, count=len(values))
    if dtype == "datetime64[ns]" and found == {dt.date}:
        days = np.fromiter(map(dt.date.toordinal, values), dtype=np.int64, count=len(values))
        if _NS_DAYS[0] <= days.min() and days.max() <= _NS_DAYS[1]:
            return (days - _EPOCH_ORDINAL).astype("datetime64[D]").astype("datetime64[ns]")
    return None


def _integers(values: list[int | None], missing: bool) -> Any:
    mask = (np.fromiter(map(is_, values, repeat(None)), dtype=bool, count=len(values))
            if missing else np.zeros(len(values), dtype=bool))
    try:
        numbers = np.array([0 if value is None else value for value in values] if missing
                           else values, dtype=np.int64)
    except OverflowError:
        return None
    # Through `astype`, numbers beside a missing one pass through floats: past 2**53
    # they would come out rounded, so those are left to `astype`.
    if missing and len(numbers) and max(-int(numbers.min()), int(numbers.max())) > 2**53:
        return None
    return pd.arrays.IntegerArray(numbers, mask)


def _columns(model: type[Entry], saved: list[Saved]) -> dict[str, list[Any]]:
    """One list per column, built column by column (much faster than row by row)."""
    columns: dict[str, list[Any]] = {
        "id": [item.id for item in saved], "profile": [item.profile for item in saved],
        "strategy": [item.strategy for item in saved], "day": [item.day for item in saved]}
    entries = [item.entry for item in saved]
    for name, values in model.data_columns(entries).items():
        # Lists stay as tuples so a cell can't be changed in place by accident.
        columns[name] = [tuple(v) if isinstance(v, list) else v for v in values]
    # Most kinds derive nothing: skip the call for them (it adds up over years of entries).
    if model.derived is not Entry.derived:
        derived = [entry.derived() for entry in entries]
        for name in dict.fromkeys(name for found in derived for name in found):
            columns[name] = [found.get(name) for found in derived]
    return columns


def _derived_dtype(column: pd.Series) -> str:
    # Derived numbers get the same nullable types as answers do, so frames stay alike.
    values = column.dropna()
    if values.empty:
        return "Float64"
    if all(isinstance(v, bool) for v in values):
        return "boolean"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "Int64"
    if all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        return "Float64"
    if all(isinstance(v, str) for v in values):
        return "string"
    return "object"


def days_frame(store: Store, kind: str, *, profile: str | None = None) -> pd.DataFrame:
    """One row per day with an entry of ``kind``: ``day`` and how many ``entries``."""
    frame = pd.DataFrame(store.days_with(kind, profile=profile), columns=["day", "entries"])
    return frame.astype({"day": "datetime64[ns]", "entries": "int64"})


def practice_frame(store: Store, *, profile: str | None = None) -> pd.DataFrame:
    rows = store.practice(profile=profile)
    frame = pd.DataFrame(rows, columns=["day", "profile", "strategy", "entries"])
    frame = frame.astype({"profile": "string", "strategy": "string", "entries": "Int64"})
    frame.index = pd.DatetimeIndex(pd.to_datetime(frame.pop("day")), name="day",
                                   dtype="datetime64[ns]")
    return frame
