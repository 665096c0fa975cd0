from __future__ import annotations

import datetime as dt

import pytest

from workbook.models import CheckIn


def test_a_batch_is_written_whole_and_undone_exactly(store):
    mine = store.add(CheckIn(mood=5, insecurity=5, note="written here"))
    with store.batch("import", "Daylio export", {"file": "daylio.csv"}) as batch:
        assert batch.add(CheckIn(mood=7, insecurity=3), origin="daylio:1")
        assert batch.add(CheckIn(mood=2, insecurity=8), origin="daylio:2")
    [listed] = store.batches("import")
    assert (listed.id, listed.label, listed.entries) == (batch.id, "Daylio export", 2)
    assert listed.details == {"file": "daylio.csv"}
    assert {s.batch for s in store.entries("checkin")} == {None, batch.id}
    assert store.undo_batch(batch.id) == 2
    assert [s.id for s in store.entries()] == [mine.id]
    assert store.batches() == []


def test_the_same_origin_is_never_added_twice(store):
    with store.batch("import") as first:
        first.add(CheckIn(mood=5, insecurity=5), origin="row-1")
    with store.batch("import") as second:
        assert not second.add(CheckIn(mood=5, insecurity=5), origin="row-1")
        assert second.add(CheckIn(mood=6, insecurity=5), origin="row-2")
    assert (second.added, second.skipped) == (1, 1)
    assert store.count("checkin") == 2


def test_a_batch_that_adds_nothing_leaves_no_trace(store):
    with store.batch("import") as first:
        first.add(CheckIn(mood=5, insecurity=5), origin="row-1")
    with store.batch("import") as again:
        again.add(CheckIn(mood=5, insecurity=5), origin="row-1")
    assert [b.id for b in store.batches()] == [first.id]


def test_a_failing_batch_changes_nothing(store, dump):
    store.add(CheckIn(mood=5, insecurity=5))
    before = dump(store.path)
    with pytest.raises(RuntimeError), store.batch("import") as batch:
        batch.add(CheckIn(mood=7, insecurity=3), origin="a")
        raise RuntimeError("the file ended half way")
    assert dump(store.path) == before


def test_a_batch_can_replace_an_older_one_in_the_same_transaction(store):
    mine = store.add(CheckIn(mood=5, insecurity=5))
    with store.batch("share", "first file") as old:
        old.add(CheckIn(mood=7, insecurity=3))
        old.add(CheckIn(mood=6, insecurity=3))
    with store.batch("share", "newer file", replaces=[old.id]) as new:
        new.add(CheckIn(mood=8, insecurity=2))
    assert [b.id for b in store.batches("share")] == [new.id]
    assert sorted(s.entry.mood for s in store.entries()) == [5, 8]
    assert mine.id in {s.id for s in store.entries()}


def test_a_failing_replacement_keeps_the_older_batch(store, dump):
    with store.batch("share", "first file") as old:
        old.add(CheckIn(mood=7, insecurity=3))
    before = dump(store.path)
    with pytest.raises(RuntimeError), store.batch("share", replaces=[old.id]) as new:
        new.add(CheckIn(mood=8, insecurity=2))
        raise RuntimeError("the newer file ended half way")
    assert dump(store.path) == before
    assert [b.id for b in store.batches("share")] == [old.id]


def test_many_rows_at_once_are_written_in_order_each_with_its_own_answers(store):
    # More rows than one statement writes, and not a whole number of statements.
    start = dt.datetime(2024, 1, 1, 9, 0)
    items = [(CheckIn(mood=1 + n % 10, insecurity=4, note=f"row {n}"),
              start + dt.timedelta(hours=n), f"file:{n}") for n in range(257)]
    items.insert(130, (CheckIn(mood=3, insecurity=4), start, "file:5"))  # a repeat
    with store.batch("import") as batch:
        assert batch.add_many(items) == 257
    assert (batch.added, batch.skipped) == (257, 1)
    saved = store.entries("checkin", newest_first=False)
    assert [s.id for s in saved] == sorted(s.id for s in saved)
    assert [s.entry.note for s in saved] == [f"row {n}" for n in range(257)]
    assert [s.entry.mood for s in saved] == [1 + n % 10 for n in range(257)]
    assert [s.created_at.replace(tzinfo=None) for s in saved] == [
        start + dt.timedelta(hours=n) for n in range(257)]
    assert {s.batch for s in saved} == {batch.id}
    assert [hit.saved.id for hit in store.search("256")] == [saved[-1].id]
