"""Rows read as columns give, row for row, what reading each row as an entry gives.

`columns.columns` reads a whole column at a time and leaves the rows it can't vouch
for to the row-by-row reading; `rows.read` is the reference. Rows here are built in
memory the way the journal hands them over, odd ones mixed in among ordinary ones.
"""

from __future__ import annotations

import dataclasses
import json
import math
from typing import Any
from unittest import mock

import pytest
from examples import EXAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.models import KINDS
from workbook.store import columns, rows

ORDINARY_TIMES = ["2026-11-01T09:00:00.250000+01:00", "2026-11-01T09:00:00+00:00",
                  "2026-03-29T02:30:00+05:30", "2026-11-01T23:59:59.999999-08:00",
                  "2026-11-01T09:00:00"]
ODD_TIMES = ["2026-11-01T09:00:00Z", "20261101T090000", "2026-11-01 09:00", "yesterday",
             "2026-11-01T25:00:00", "", None, 5, b"2026-11-01T09:00:00"]
ORDINARY_DAYS = ["2026-11-01", "2025-02-28", "1999-12-31"]
ODD_DAYS = ["20261101", "2026-W44-1", "2026-13-01", "2026-02-30", "", None, b"2026-11-01"]
LONG_NUMBERS = [2**63 - 1, 2**63, 2**64 - 1, 2**64, -(2**63), -(2**63) - 1, 10**30, -(10**25)]
NUMBERS = st.sampled_from(LONG_NUMBERS) | st.integers() | st.floats()
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | NUMBERS | st.text(max_size=6)
    | st.sampled_from(["2026-06-01", "20260601", "x", "\ud800", "👋🏽"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner,
                                                                max_size=2),
    max_leaves=6)


def _text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


@st.composite
def stored_data(draw: st.DrawFn, kind: str) -> object:
    """What a row's ``data`` might hold: mostly answers as written, some odd."""
    plain = EXAMPLES[kind].to_data()
    names = [field.name for field in dataclasses.fields(KINDS[kind])]
    choice = draw(st.integers(0, 9))
    if choice <= 3:
        return _text(plain)
    if choice == 4:  # one answer changed to any JSON value, perhaps a long number
        return _text({**plain, draw(st.sampled_from(names)): draw(JSON_VALUES)})
    if choice == 5:  # answers missing or unknown
        drawn = draw(st.dictionaries(st.sampled_from([*names, "unknown"]), JSON_VALUES))
        return _text(drawn)
    if choice == 6:  # written oddly but readable, or not
        return draw(st.sampled_from([
            " " + _text(plain) + "\n", _text(plain).encode(), _text(plain).encode("utf-16"),
            _text(plain).encode("utf-8-sig"), "\ufeff" + _text(plain), _text(plain)[:-1],
            _text(plain) + " x", _text([plain]), "", "null", b"\xff\xfe",
            _text(plain).replace("{", '{"dup": 1, "dup": 2, ', 1)]))
    if choice == 7:  # numbers orjson and json read differently, or not at all
        number = draw(st.sampled_from(["NaN", "Infinity", "-Infinity", "1e400", "-1e400",
                                       "123456789012345678901234567890", "1e19",
                                       "-9223372036854775809", "18446744073709551616",
                                       "9223372036854775807", "0.1", "-0"]))
        name = draw(st.sampled_from(names))
        return _text({**plain, name: None}).replace(f'"{name}": null', f'"{name}": [{number}]')
    if choice == 8:
        return _text({**plain, draw(st.sampled_from(names)): "\ud800"})
    return _text(draw(JSON_VALUES))


@st.composite
def stored_rows(draw: st.DrawFn) -> tuple[str, list[tuple[Any, ...]]]:
    kind = draw(st.sampled_from(sorted(KINDS)))
    found = []
    for entry_id in range(1, draw(st.integers(0, 12)) + 1):
        odd = draw(st.integers(0, 4)) == 0
        found.append((
            entry_id,
            draw(st.sampled_from(["me", "partner"])),
            draw(st.sampled_from([None, None, "checkin", ""])),
            draw(st.sampled_from(ODD_TIMES if odd else ORDINARY_TIMES)),
            draw(st.sampled_from(ODD_DAYS if odd and draw(st.booleans()) else ORDINARY_DAYS)),
            draw(st.sampled_from([None, None, "", "2026-11-02T08:00:00+00:00", "later", 0])),
            draw(stored_data(kind)),
            draw(st.sampled_from([0, 0, 0, 0, 1])),
        ))
    return kind, found


def assert_read_alike(kind: str, found: list[tuple[Any, ...]]) -> None:
    # `rows.read` takes rows as `rows.SELECT` reads them: with the kind and the batch.
    every = [(i, profile, kind, strategy, created, day, updated, data, None, unread)
             for i, profile, strategy, created, day, updated, data, unread in found]
    try:
        expected = rows.read(every)
    except Exception as error:  # then both must fail alike
        with pytest.raises(type(error)):
            columns.columns(kind, found)
        return
    read = columns.columns(kind, found)
    assert read.ids == [s.id for s in expected]
    assert read.profiles == [s.profile for s in expected]
    assert read.strategies == [s.strategy for s in expected]
    assert read.at == [s.created_at.replace(tzinfo=None) for s in expected]
    assert [type(at.tzinfo) for at in read.at] == [type(None)] * len(expected)
    assert read.days == [s.day for s in expected]
    wanted = KINDS[kind].data_columns([s.entry for s in expected])
    # repr tells 1 from True and from 1.0, and a long whole number from its float.
    assert repr(read.answers) == repr(wanted)
    assert ([(r.entry_id, r.reason) for r in read.skipped]
            == [(r.entry_id, r.reason) for r in expected.skipped])


@settings(max_examples=400, deadline=None)
@given(stored_rows(), st.sampled_from([1, 2, 5, columns.BATCH]))
def test_columns_read_every_row_as_reading_it_as_an_entry_would(case, batch):
    with mock.patch.object(columns, "BATCH", batch):  # a few rows at a time, or all at once
        assert_read_alike(*case)


def test_long_whole_numbers_stay_whole_where_orjson_would_make_them_floats():
    plain = EXAMPLES["checkin"].to_data()
    found = [(n, "me", None, "2026-11-01T09:00:00+00:00", "2026-11-01", None,
              _text({**plain, "emotions": [number], "activities": [[{"x": number}]]}), 0)
             for n, number in enumerate([*LONG_NUMBERS, 1.5, 1e300, -(2.0**63)], start=1)]
    assert_read_alike("checkin", found)
    read = columns.columns("checkin", found)
    assert read.answers["emotions"][5] == [-(2**63) - 1] and read.answers["emotions"][6] == [10**30]
    assert type(read.answers["activities"][6][0][0]["x"]) is int


def test_a_row_kept_unread_or_edited_or_malformed_leaves_the_others_as_they_are():
    plain = EXAMPLES["checkin"].to_data()
    ordinary = (0, "me", None, "2026-11-01T09:00:00+01:00", "2026-11-01", None, _text(plain), 0)
    odd = [(1, "me", None, "2026-11-01T09:00:00", "2026-11-01", None, _text(plain), 1),
           (2, "me", None, "2026-11-01T09:00:00", "2026-11-01", "2026-11-02T10:00:00",
            _text(plain), 0),
           (3, "me", None, "2026-11-01T09:00:00", "2026-11-01", "not a time", _text(plain), 0),
           (4, "me", None, "2026-11-01T09:00:00", "2026-11-01", None,
            '{"mood": NaN, "insecurity": 3}', 0),
           (5, "me", None, "2026-11-01T09:00:00", "2026-11-01", None, _text({"mood": 2}), 0),
           (6, "me", None, "2026-11-01T09:00:00", "2026-11-01", None,
            _text({**plain, "new": 1}), 0)]
    found = [(n + 10, *ordinary[1:]) for n in range(40)]
    for row in odd:
        found.insert(row[0] * 6, row)
    assert_read_alike("checkin", found)
    read = columns.columns("checkin", found)
    assert [(r.entry_id, r.reason) for r in read.skipped] == [
        (1, "data"), (3, "data"), (5, "data"), (6, "newer")]
    assert 2 in read.ids and 4 in read.ids and len(read) == 42
    assert math.isnan(read.answers["mood"][read.ids.index(4)])


def test_no_rows_give_empty_columns_for_every_answer():
    read = columns.columns("checkin", [])
    assert len(read) == 0 and set(read.answers) == {f.name for f in
                                                     dataclasses.fields(KINDS["checkin"])}
