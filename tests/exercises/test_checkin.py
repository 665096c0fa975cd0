from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from form_steps import shown_text

import workbook
from workbook.exercises.checkin import check_in
from workbook.models import CheckIn
from workbook.models.base import NOTE_TEXT


def fill(form, mood=6, insecurity=3, emotions=("calm", "hopeful"), note="a quiet evening"):
    form.mood.value = mood
    form.insecurity.value = insecurity
    form.emotions.value = emotions
    form.note.value = note


def test_a_saved_check_in_is_in_the_frame_with_the_right_types(store):
    form = check_in(store=store)
    fill(form)
    form.save.click()
    assert "Saved at" in form.status.value
    frame = workbook.data("checkin", store=store)
    assert len(frame) == 1
    row = frame.iloc[0]
    assert (row["mood"], row["insecurity"], row["emotions"], row["note"]) == (
        6, 3, ("calm", "hopeful"), "a quiet evening")
    assert row["profile"] == "me"
    assert frame.index[0].date() == dt.date.today()
    assert {c: str(t) for c, t in frame.dtypes.items() if c in ("mood", "insecurity", "note")} \
        == {"mood": "Int64", "insecurity": "Int64", "note": "string"}


def test_picking_feelings_by_clicking_their_buttons(store):
    form = check_in(store=store)
    form.emotions.toggles[0].value = True
    form.emotions.toggles[9].value = True
    assert form.emotions.value == ("calm", "anxious")
    form.save.click()
    assert store.entries("checkin")[0].entry.emotions == ("calm", "anxious")


def test_the_form_counts_todays_check_ins(store):
    form = check_in(store=store)
    assert "No check-ins yet today" in form.today.value
    fill(form, note="one")
    form.save.click()
    assert "once today" in form.today.value
    fill(form, note="two")
    form.save.click()
    assert "2 times today" in form.today.value


def test_double_clicking_save_stores_one_entry(store):
    form = check_in(store=store)
    fill(form)
    form.save.click()
    form.save.click()
    assert len(store.entries("checkin")) == 1
    assert "already saved" in form.status.value


BAD_VALUES = [
    ("mood", 0, "from 1 to 10"),
    ("mood", 11, "from 1 to 10"),
    ("insecurity", 11, "from 0 to 10"),
    ("insecurity", -1, "from 0 to 10"),
    ("note", "x" * (NOTE_TEXT + 1), "longer than"),
    ("note", "lonely half \udc80 of a pair", "be stored"),
]


@pytest.mark.parametrize(("name", "value", "says"), BAD_VALUES)
def test_bad_values_get_a_message_by_the_field_and_nothing_is_stored(store, name, value, says):
    store.add(CheckIn(mood=5, insecurity=5, note="earlier"))
    form = check_in(store=store)
    fill(form)
    getattr(form, name).value = value
    form.save.click()
    assert says in form.fields[name].message.value
    assert "look at the notes" in form.status.value
    assert [s.entry.note for s in store.entries("checkin")] == ["earlier"]
    assert getattr(form, name).value == value  # what was typed stays in the form


def test_fixing_the_value_clears_the_message_and_saves(store):
    form = check_in(store=store)
    fill(form, mood=11)
    form.save.click()
    form.mood.value = 10
    form.save.click()
    assert form.fields["mood"].message.value == ""
    assert store.entries("checkin")[0].entry.mood == 10


def test_a_failure_while_saving_keeps_everything_typed(store, monkeypatch):
    form = check_in(store=store)
    fill(form, note="please keep this")

    def disk_full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(type(store), "add", lambda *a, **k: disk_full())
    form.save.click()
    assert "Everything you typed is still here" in form.status.value
    assert "Traceback" not in form.status.value
    assert form.note.value == "please keep this"
    monkeypatch.undo()
    form.save.click()
    assert [s.entry.note for s in store.entries("checkin")] == ["please keep this"]


def test_mood_one_points_gently_to_support(store):
    store.set_setting("region", "UK")
    form = check_in(store=store)
    fill(form, mood=1)
    form.save.click()
    assert "116 123" in form.care.value
    fill(form, mood=4)
    form.save.click()
    assert form.care.value == ""


def test_recent_check_ins_are_escaped_and_deleted_only_after_confirming(store):
    form = check_in(store=store)
    fill(form, note="<img src=x onerror=alert(1)>")
    form.save.click()
    fill(form, mood=2, note="second")
    form.save.click()
    items = form.recent.items
    assert len(items) == 2
    shown = "".join(i.text.value for i in items)
    assert "<img" not in shown and "&lt;img src=x onerror=alert(1)&gt;" in shown
    items[0].delete.click()
    assert len(store.entries("checkin")) == 2  # asking is not deleting
    items[0].keep.click()
    assert items[0].confirm_row.layout.display == "none"
    items[0].delete.click()
    items[0].confirm.click()
    assert len(store.entries("checkin")) == 1
    assert len(form.recent.items) == 1


def test_editing_a_check_in_changes_it_in_place(store):
    form = check_in(store=store)
    fill(form, note="typo hree")
    form.save.click()
    form.recent.items[0].edit.click()
    assert form.save.description == "Save changes"
    form.note.value = "typo here"
    form.save.click()
    entries = store.entries("checkin")
    assert len(entries) == 1 and entries[0].entry.note == "typo here"


def test_partner_profile_can_check_in_separately(store):
    store.set_profile("partner", "Sam")
    form = check_in(store=store)
    assert form.who is not None
    form.who.value = "partner"
    fill(form, note="from Sam")
    form.save.click()
    assert store.entries("checkin", profile="partner")[0].entry.note == "from Sam"
    assert store.entries("checkin", profile="me") == []


def test_the_notebook_text_of_a_form_never_holds_what_was_typed(store):
    form = check_in(store=store)
    fill(form, note="secret words")
    bundle = form._repr_mimebundle_()
    assert "secret" not in bundle["text/plain"]
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_switching_who_is_writing_hides_the_other_persons_entries(store):
    store.set_profile("partner", "Sam")
    form = check_in(store=store)
    fill(form, note="only mine to see")
    form.save.click()
    form.recent.items[0].edit.click()
    form.who.value = "partner"
    assert "only mine to see" not in shown_text(form.recent.root)
    assert "No check-ins yet today" in form.today.value
    assert form.editing is None and form.save.description == "Save check-in"
    assert form.note.value == ""  # the entry being edited is not carried over
    form.note.value = "Sam's own words"
    form.save.click()
    assert [s.entry.note for s in store.entries("checkin", profile="me")] == ["only mine to see"]
    assert [s.entry.note for s in store.entries("checkin", profile="partner")] == [
        "Sam's own words"]
    form.who.value = "me"
    assert "only mine to see" in shown_text(form.recent.root)


def test_saving_after_the_edited_entry_was_deleted_keeps_the_answers(store):
    form = check_in(store=store)
    fill(form, note="first")
    form.save.click()
    form.recent.items[0].edit.click()
    form.note.value = "changed after all"
    form.recent.items[0].delete.click()
    form.recent.items[0].confirm.click()
    form.save.click()
    assert "Saved at" in form.status.value
    assert [s.entry.note for s in store.entries("checkin")] == ["changed after all"]
