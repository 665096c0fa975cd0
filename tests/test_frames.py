from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from examples import EXAMPLES, with_text
from hypothesis import given, settings
from hypothesis import strategies as st

import workbook
from workbook import frames, words
from workbook.frames import columns_frame, entries_frame
from workbook.models import KINDS, CheckIn, InsecuritySnapshot, UnreadableData
from workbook.sealed import KdfSettings
from workbook.store import Store, columns
from workbook.words import Picks


def test_check_ins_come_back_as_a_typed_frame_with_a_datetime_index(store):
    at = dt.datetime(2026, 3, 1, 9, 30).astimezone()
    store.add(CheckIn(mood=4, insecurity=7, emotions=("anxious",), note="None"), at=at)
    store.add(CheckIn(mood=8, insecurity=2), at=at + dt.timedelta(hours=10))
    frame = workbook.data("checkin", store=store)
    assert isinstance(frame.index, pd.DatetimeIndex) and frame.index.name == "at"
    assert list(frame.index) == [pd.Timestamp(2026, 3, 1, 9, 30), pd.Timestamp(2026, 3, 1, 19, 30)]
    assert str(frame["mood"].dtype) == "Int64" and str(frame["insecurity"].dtype) == "Int64"
    assert str(frame["note"].dtype) == "string"
    assert frame["note"].tolist() == ["None", ""]  # typed text is never turned into missing
    assert frame["emotions"].tolist() == [("anxious",), ()]
    assert frame["day"].tolist() == [pd.Timestamp(2026, 3, 1)] * 2
    assert frame["mood"].mean() == 6


def test_an_empty_kind_still_has_its_columns_and_types(store):
    frame = workbook.data("insecurity_snapshot", store=store)
    assert frame.empty
    assert {"answers", "note", "profile"} <= set(frame.columns)
    assert isinstance(frame.index, pd.DatetimeIndex)


def test_snapshot_frame_carries_the_score(store):
    store.add(InsecuritySnapshot(answers=(4, 4, 4, 4, 4, 4)))
    assert workbook.data("insecurity_snapshot", store=store)["score"].tolist() == [10.0]


def test_profile_filter_and_all_kinds_at_once(store):
    store.add(CheckIn(mood=4, insecurity=7))
    store.add(CheckIn(mood=6, insecurity=3), profile="partner")
    assert workbook.data("checkin", store=store, profile="partner")["mood"].tolist() == [6]
    everything = workbook.data(store=store)
    assert {"checkin", "insecurity_snapshot", "practice"} <= set(everything)


def test_unknown_kind_is_a_key_error(store):
    with pytest.raises(KeyError):
        workbook.data("no-such-kind", store=store)


def test_the_search_for_reference_cycles_goes_on_after_a_frame_is_read(store):
    store.add(CheckIn(mood=4, insecurity=7))
    assert workbook.data("checkin", store=store)["mood"].tolist() == [4]
    assert gc.isenabled()
    gc.disable()
    try:  # held off by someone else: left so
        workbook.data("checkin", store=store)
        assert not gc.isenabled()
    finally:
        gc.enable()
    store.close()
    with pytest.raises(sqlite3.ProgrammingError):  # closed: the search goes on all the same
        workbook.data("checkin", store=store)
    assert gc.isenabled()


def test_importing_the_package_loads_no_heavy_libraries():
    code = ("import sys, workbook, workbook.store, workbook.models; "
            "print(sorted(m for m in ('pandas', 'matplotlib', 'ipywidgets') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# -- frames read straight from the rows match frames made through entry objects -------

PASSPHRASE = "correct horse battery staple"
FAST_KDF = KdfSettings(time_cost=1, memory_kib=8 * 1024, parallelism=1)
OFFSETS = [dt.UTC, dt.timezone(dt.timedelta(hours=5, minutes=30)),
           dt.timezone(dt.timedelta(hours=-8)), None]
AWKWARD = ["NA", "None", "null", "", " ", "👋🏽 שלום", "<b>x</b>", '"quoted", \\ back']


def _row(kind: str, data: object, *, profile: str = "me",
         created: object = "2026-11-01T09:00:00.250000+01:00", day: object = "2026-11-01",
         updated: object = None) -> tuple[object, ...]:
    """A row as another version (or a damaged write) might have left it."""
    return (profile, kind, created, day, updated,
            data if isinstance(data, str | bytes) else json.dumps(data))


def _put(store: Store, rows: list[tuple[object, ...]]) -> None:
    with store._writing() as con:  # the store's own connection: plain or locked alike
        con.execute("PRAGMA ignore_check_constraints = ON")
        con.execute("INSERT OR IGNORE INTO profiles (key, name, created_at)"
                    " VALUES ('partner', '', '2026-01-01T00:00:00+00:00')")
        con.executemany("INSERT INTO entries (profile, kind, strategy, created_at, day,"
                        " updated_at, data) VALUES (?, ?, NULL, ?, ?, ?, ?)", rows)
        con.execute("PRAGMA ignore_check_constraints = OFF")


def _fill(store: Store) -> None:
    """Entries of every kind as a person's years leave them, and rows that can't be read."""
    start = dt.datetime(2025, 3, 30, 0, 30)  # a clock change in Europe, for local times
    raw = []
    with store.batch("import", "entries of every kind") as batch:
        for n, example in enumerate(EXAMPLES[kind] for kind in sorted(EXAMPLES)):
            for k, text in enumerate(AWKWARD):
                offset = OFFSETS[(n + k) % len(OFFSETS)]
                at = start + dt.timedelta(days=n * 3 + k, hours=k, microseconds=k * 7)
                batch.add(with_text(example, text), profile=("me", "partner")[k % 2],
                          at=at.replace(tzinfo=offset) if offset else at)
    for kind, example in sorted(EXAMPLES.items()):
        plain = example.to_data()
        # Older rows without the answers that have a default today.
        for name in [f.name for f in dataclasses.fields(example)
                     if f.default is not dataclasses.MISSING]:
            raw.append(_row(kind, {key: value for key, value in plain.items() if key != name}))
        # Picks that were renamed or retired since: kept as written.
        for name in KINDS[kind].PICKS:
            value = plain[name]
            retired = (["retired_key"] * len(value) if isinstance(value, list)
                       else "retired_key")
            raw.append(_row(kind, {**plain, name: retired}, profile="partner"))
        # Unreadable: a newer answer, a missing one, not answers at all, broken JSON.
        raw.append(_row(kind, {**plain, "from_a_newer_version": 1}))
        raw.append(_row(kind, {key: value for key, value in list(plain.items())[1:]}))
        raw.append(_row(kind, [plain]))
        raw.append(_row(kind, "{not json"))
        raw.append(_row(kind, json.dumps(plain)[:-1] + ', "x": 1} trailing'))
        # Readable although written oddly: spaces around, or bytes.
        raw.append(_row(kind, "  " + json.dumps(plain) + "\n"))
        raw.append(_row(kind, json.dumps(plain).encode()))
        # Dates and times that can't be read make the whole row unreadable.
        raw.append(_row(kind, plain, created="yesterday"))
        raw.append(_row(kind, plain, day="2026-13-01"))
        raw.append(_row(kind, plain, updated="not a time"))
        raw.append(_row(kind, plain, created="2026-11-02T10:00:00", day="2026-11-02",
                        updated="2026-11-03T08:00:00+00:00"))
    goal = EXAMPLES["shared_goal"].to_data()
    raw += [_row("shared_goal", {**goal, "target_date": "20260601"}),  # read, written anew
            _row("shared_goal", {**goal, "target_date": "June"}),
            _row("checkin", '{"mood": NaN, "insecurity": 3}'),
            _row("checkin", '{"mood": 4, "insecurity": 3, "mood": 9}'),
            _row("checkin", {"mood": True, "insecurity": None, "note": 5, "emotions": "calm"})]
    # Numbers orjson reads otherwise than json (or not at all), text as other tools write
    # it, and times with a zone or in the short form.
    check = EXAMPLES["checkin"].to_data()
    raw += [_row("checkin", '{"mood": 4, "insecurity": 3, "emotions": [1234567890123456789012'
                 '34567890, -9223372036854775809, 18446744073709551615, 1e300, Infinity]}'),
            _row("checkin", json.dumps(check).encode("utf-16")),
            _row("checkin", json.dumps(check).encode("utf-8-sig")),
            _row("checkin", "\ufeff" + json.dumps(check)),
            _row("checkin", check, created="2026-11-01T09:00:00Z", day="20261101"),
            _row("checkin", check, created="20261101T090000+0530", day="2026-W44-7"),
            _row("checkin", check, updated="")]
    _put(store, raw)
    with store._writing() as con:
        # Kept unread (as an entry marked unreadable comes in), whatever its answers say;
        # and strategies another version wrote.
        con.execute("UPDATE entries SET unread = 1 WHERE id IN (SELECT id FROM entries"
                    " WHERE kind = 'checkin' ORDER BY id DESC LIMIT 3)")
        con.execute("UPDATE entries SET unread = 1 WHERE id = (SELECT id FROM entries"
                    " WHERE data LIKE '%from_a_newer_version%' ORDER BY id LIMIT 1)")
        con.execute("UPDATE entries SET strategy = 'renamed' WHERE id IN (SELECT id FROM"
                    " entries ORDER BY id LIMIT 5)")
    workbook.import_daylio(_daylio_export(store.path.parent), store=store)
    edited = store.entries("checkin")[0]
    store.update(edited.id, dataclasses.replace(edited.entry, note="changed"))


def _daylio_export(folder: Path) -> Path:
    from daylio_exports import export_csv, generated

    path = folder / "daylio.csv"
    path.write_bytes(export_csv(generated(0.2, per_day=2)))
    return path


def _typed_repr(frame: pd.DataFrame) -> str:
    # `==` takes True for 1 and a list for a tuple's equal: repr tells them apart.
    return repr([[(type(v).__name__, v) for v in row] for row in frame.astype(object).values])


def assert_columns_match_entries(store: Store, **filters: Any) -> None:
    for kind, model in KINDS.items():
        found = store.entries(kind, newest_first=False, **filters)
        columns = store.entry_columns(kind, **filters)
        assert columns.ids == [s.id for s in found]
        assert columns.profiles == [s.profile for s in found]
        assert columns.strategies == [s.strategy for s in found]
        assert columns.at == [s.created_at.replace(tzinfo=None) for s in found]
        assert columns.days == [s.day for s in found]
        expected = model.data_columns([s.entry for s in found])
        assert repr(columns.answers) == repr(expected), kind
        assert ([(r.entry_id, r.reason) for r in columns.skipped]
                == [(r.entry_id, r.reason) for r in found.skipped]), kind
        fast = workbook.data(kind, store=store, **filters)
        slow = entries_frame(kind, found)
        pd.testing.assert_frame_equal(fast, slow, check_exact=True)
        assert _typed_repr(fast) == _typed_repr(slow), kind
        # Both hold what converting every column with `astype` holds.
        plain = _typed_by_astype(model, frames._columns(model, list(found)),
                                 [s.created_at.replace(tzinfo=None) for s in found])
        pd.testing.assert_frame_equal(slow, plain, check_exact=True)
        assert _typed_repr(slow) == _typed_repr(plain), kind


def _typed_by_astype(model: type, columns: dict[str, list[Any]],
                     index: list[dt.datetime]) -> pd.DataFrame:
    """A frame typed the plain way: columns made from lists, then each one `astype`."""
    types = {**frames.COMMON_COLUMNS, **model.column_types()}
    frame = pd.DataFrame(columns, columns=list(types) if not index else None)
    for column, dtype in types.items():
        if column not in frame:
            frame[column] = pd.Series(dtype=dtype)
        frame[column] = frame[column].astype(dtype)
    for column in frame.columns.difference(list(types)):
        frame[column] = frame[column].astype(frames._derived_dtype(frame[column]))
    frame.index = pd.DatetimeIndex(index, name="at", dtype="datetime64[ns]")
    return frame


FILTERS = [{}, {"profile": "partner"}, {"since": dt.date(2025, 5, 1)},
           {"until": dt.date(2025, 4, 20), "profile": "me"}]


def test_frames_straight_from_the_rows_match_frames_made_from_entries(store):
    _fill(store)
    reasons = [row.reason for row in store.entries().skipped]
    assert reasons.count("newer") == len(KINDS) and reasons.count("data") >= 6 * len(KINDS)
    for filters in FILTERS:
        assert_columns_match_entries(store, **filters)


def test_they_match_when_rows_are_read_a_few_at_a_time(store, monkeypatch):
    _fill(store)
    monkeypatch.setattr(columns, "BATCH", 7)
    assert_columns_match_entries(store)


def test_they_match_after_pick_lists_are_reworded_or_emptied(store, monkeypatch):
    _fill(store)
    for name, picks in vars(words).copy().items():
        if isinstance(picks, Picks):
            monkeypatch.setattr(words, name, Picks({}) if len(name) % 2 else
                                picks.renamed(lambda label: f"reworded {label}"))
    assert_columns_match_entries(store)


def test_they_match_for_an_empty_journal(store):
    assert_columns_match_entries(store)


def test_they_match_for_a_locked_journal(tmp_path):
    with Store(tmp_path / "locked" / "journal.sqlite3", PASSPHRASE, kdf=FAST_KDF) as locked:
        assert locked.locked
        _fill(locked)
        assert_columns_match_entries(locked)
        assert_columns_match_entries(locked, profile="me")


def test_only_kinds_that_derive_nothing_are_framed_from_columns(store):
    store.add(InsecuritySnapshot(answers=(4, 4, 4, 4, 4, 4)))
    with pytest.raises(ValueError, match="derives"):
        columns_frame("insecurity_snapshot", store.entry_columns("insecurity_snapshot"))
    with pytest.raises(KeyError):
        store.entry_columns("no-such-kind")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(max_size=8) | st.sampled_from(["2026-06-01", "20260601", "2026-W01-1", "x"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner,
                                                                max_size=2),
    max_leaves=6)


@settings(max_examples=250, deadline=None)
@given(data=st.data(), kind=st.sampled_from(sorted(KINDS)))
def test_plain_data_is_what_an_entry_would_give_for_any_stored_answers(data, kind):
    model = KINDS[kind]
    names = [f.name for f in dataclasses.fields(model)]
    stored = data.draw(st.dictionaries(st.sampled_from([*names, "unknown"]), JSON_VALUES)
                       | JSON_VALUES)
    try:
        expected: object = repr(model.from_data(stored).to_data())
    except UnreadableData as error:
        expected = ("unreadable", error.reason)
    except ValueError:
        expected = ("unreadable", "data")
    try:
        found: object = repr(model.plain_from_data(stored))
    except UnreadableData as error:
        found = ("unreadable", error.reason)
    except ValueError:
        found = ("unreadable", "data")
    assert found == expected


# -- typed columns built straight from their values hold what `astype` makes of them ----

TYPED_VALUES = [
    ([1, 2, 3], "Int64"), ([1, None, 3], "Int64"), ([None, None], "Int64"),
    ([2**53 + 1, None], "Int64"), ([-(2**53) - 1, 1], "Int64"), ([2**63, 1], "Int64"),
    ([-(2**63), None], "Int64"), ([True, 2], "Int64"), ([1.0, 2], "Int64"), (["1"], "Int64"),
    (["a", None, ""], "string"), ([None, None], "string"), (["a", 5], "string"),
    (["NA", "None", "nan"], "string"), ([float("nan"), "a"], "string"),
    ([(), ("a",), ("a", "b")], "object"), ([("a", "b"), ("c", "d")], "object"),
    ([(), "x"], "object"), ([None, ("a",)], "object"), ([1, None], "object"),
    ([dt.date(2026, 1, 1), dt.date(1970, 1, 1)], "datetime64[ns]"),
    ([dt.date(1677, 9, 22), dt.date(2262, 4, 11)], "datetime64[ns]"),
    ([dt.date(1, 1, 1)], "datetime64[ns]"), ([dt.date(9999, 12, 31)], "datetime64[ns]"),
    ([dt.date(2026, 1, 1), None], "datetime64[ns]"), (["2026-01-01"], "datetime64[ns]"),
    ([dt.datetime(2026, 1, 1, 9, 30)], "datetime64[ns]"),
]


@pytest.mark.parametrize(("values", "dtype"), TYPED_VALUES)
def test_a_column_built_from_its_values_holds_what_astype_makes_of_them(values, dtype):
    try:
        expected = pd.DataFrame({"c": values})["c"].astype(dtype)
    except Exception as error:  # then the quick way must fail alike
        with pytest.raises(type(error)):
            _typed_column(values, dtype)
        return
    found = _typed_column(values, dtype)
    pd.testing.assert_series_equal(found, expected, check_exact=True)
    assert _typed_repr(found.to_frame()) == _typed_repr(expected.to_frame())


def _typed_column(values: list[Any], dtype: str) -> pd.Series:
    # As `frames._typed` builds a column: by `_array`, or else by `astype`.
    built = frames._array(values, dtype)
    if built is None:
        return pd.DataFrame({"c": values})["c"].astype(dtype)
    return pd.DataFrame({"c": built})["c"]
