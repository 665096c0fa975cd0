"""The recent list under a form: after a save only what changed is made again."""

from __future__ import annotations

import dataclasses

from workbook.models import CheckIn
from workbook.widgets.recent import RecentEntries


def _checkin(note: str) -> CheckIn:
    return CheckIn(mood=6, insecurity=3, note=note)


def test_a_save_adds_one_item_and_keeps_the_others(store):
    for note in ("a walk by the river", "tea with my sister"):
        store.add(_checkin(note))
    recent = RecentEntries("checkin", store=store)
    shown = list(recent.items)
    boxes = [item.box for item in shown]

    store.add(_checkin("a quiet evening"))
    recent.refresh()

    assert len(recent.items) == 3
    assert "a quiet evening" in recent.items[0].text.value
    assert recent.items[1:] == shown
    assert [item.box for item in recent.items[1:]] == boxes
    assert list(recent.root.children[2:4]) == boxes


def test_an_item_whose_card_changes_is_made_again(store):
    saved = store.add(_checkin("a walk by the river"))
    recent = RecentEntries("checkin", store=store)
    before = recent.items[0]

    store.update(saved.id, _checkin("a long walk by the river"))
    recent.refresh()

    assert recent.items[0] is not before
    assert "a long walk by the river" in recent.items[0].text.value


def test_a_kept_item_holds_the_entry_as_saved_now_for_edit_to_load(store):
    saved = store.add(_checkin("a walk by the river"))
    # Cards that say the same whatever the answers: the item is kept across the change.
    recent = RecentEntries("checkin", store=store, describe=lambda s: "a check-in")
    kept = recent.items[0]

    store.update(saved.id, dataclasses.replace(saved.entry, mood=2))
    recent.refresh()

    assert recent.items[0] is kept
    assert kept.saved.entry.mood == 2
    assert kept.saved.updated_at is not None


def test_a_kept_item_asks_again_before_a_delete_and_deletes_once(store):
    for note in ("a walk by the river", "tea with my sister"):
        store.add(_checkin(note))
    changes = []
    recent = RecentEntries("checkin", store=store, on_change=lambda: changes.append(1))
    newest = recent.items[0]
    newest.delete.click()
    assert newest.confirm_row.layout.display == "flex"

    for _ in range(3):
        recent.refresh()
    # As when the list was made again: the question is put away.
    assert recent.items[0] is newest
    assert newest.confirm_row.layout.display == "none"

    newest.delete.click()
    newest.confirm.click()
    assert [s.entry.note for s in store.entries("checkin")] == ["a walk by the river"]
    assert changes == [1]
    assert "Deleted." in recent.status.value
    assert len(recent.items) == 1


def test_the_list_says_when_nothing_is_saved_yet(store):
    recent = RecentEntries("checkin", store=store)
    assert recent.items == []
    assert "Nothing saved here yet." in recent.empty.value
    assert recent.empty in recent.root.children
    store.add(_checkin("a walk by the river"))
    recent.refresh()
    assert recent.empty not in recent.root.children


def test_an_item_that_leaves_the_list_is_closed_and_the_others_stay_open(store):
    for day in range(5):
        store.add(_checkin(f"day {day}"))
    recent = RecentEntries("checkin", store=store, limit=5)
    oldest = recent.items[-1]
    parts = [oldest.box, oldest.text, oldest.text.layout, oldest.edit,
             oldest.confirm_row, oldest.question, oldest.keep]
    assert all(part.comm is not None for part in parts)
    # Edit's layout and style are shared with every other button: they stay for those.
    kept = [oldest.edit.layout, oldest.edit.style]

    store.add(_checkin("day 5"))
    recent.refresh()

    assert oldest not in recent.items
    assert all(part.comm is None for part in parts)
    assert all(part.comm is not None for part in kept)
    assert all(item.box.comm is not None and item.delete.comm is not None
               for item in recent.items)


def test_delete_makes_its_question_the_first_time_it_is_pressed(store):
    store.add(_checkin("a walk by the river"))
    recent = RecentEntries("checkin", store=store)
    [item] = recent.items
    assert len(item.box.children) == 1  # the entry's line alone
    item.delete.click()
    question = item.confirm_row
    assert item.box.children[-1] is question and question.layout.display == "flex"
    item.keep.click()
    item.delete.click()
    assert item.confirm_row is question and len(item.box.children) == 2
    item.confirm.click()
    assert store.entries("checkin") == []
