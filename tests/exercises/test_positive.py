from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from form_steps import (
    delete_newest,
    filled_and_saved,
    refuse_answer,
    reopen_newest,
    save_as_partner,
    shown_text,
    type_answers,
)

import workbook
from workbook.exercises import positive
from workbook.models import EntryInvalid
from workbook.models.base import NOTE_TEXT, SHORT_TEXT
from workbook.models.positive import Gratitude, PositiveTally, ratio, ratio_words

# Read at each use, not once: a test run may pass midnight.
today = dt.date.today


def this_monday() -> dt.date:
    """The Monday of the week the test runs in."""
    return today() - dt.timedelta(days=today().weekday())



def fill_gratitude(form, items=("made me tea", "", "listened to my day"),
                   told=(True, False, False)):
    for control, value in zip(form.items, items, strict=True):
        control.value = value
    for control, value in zip(form.told, told, strict=True):
        control.value = value


def fill_win(form, win="we finished the kitchen", celebrated="pizza on the new floor"):
    form.win.value = win
    form.celebrated.value = celebrated


def fill_memory(form, **changes):
    type_answers(form, dict(memory="our first trip to the sea", where_when="summer, years ago",
                            senses="salt, wind, your cold hand in mine", feeling="light",
                            meaning="we can be silly together", warmth=8), **changes)


def fill_tally(form, positives=20, negatives=4, note="a good week"):
    form.positives.value = positives
    form.negatives.value = negatives
    form.note.value = note


EXERCISES = {
    "gratitude": (positive.gratitude_journal, fill_gratitude, "gratitude"),
    "win": (positive.shared_wins, fill_win, "shared_win"),
    "memory": (positive.savouring, fill_memory, "savoured_memory"),
    "tally": (positive.weekly_tally, fill_tally, "positive_tally"),
}


@pytest.mark.parametrize("name", EXERCISES)
def test_a_valid_save_lands_with_profile_date_and_strategy(store, name):
    save_as_partner(store, *EXERCISES[name], "focus_on_the_positive")
    assert workbook.data("practice", store=store)["strategy"].tolist() == [
        "focus_on_the_positive"]


BAD = [
    ("win", "win", "  ", "write a few words"),
    ("win", "celebrated", "x" * (NOTE_TEXT + 1), "longer than"),
    ("memory", "memory", "", "write a few words"),
    ("memory", "senses", "", "write a few words"),
    ("memory", "memory", "x" * (SHORT_TEXT + 1), "longer than"),
    ("memory", "warmth", 11, "from 0 to 10"),
    ("memory", "warmth", -1, "from 0 to 10"),
    ("tally", "positives", -1, "from 0 to 500"),
    ("tally", "negatives", 501, "from 0 to 500"),
    ("tally", "note", "x" * (NOTE_TEXT + 1), "longer than"),
]


@pytest.mark.parametrize(("name", "field", "value", "says"), BAD)
def test_bad_input_gets_a_message_and_stores_nothing(store, name, field, value, says):
    make, fill, _kind = EXERCISES[name]
    refuse_answer(store, make, fill, field, value, says)


def test_gratitude_needs_at_least_one_thing(store):
    form = positive.gratitude_journal(store=store)
    fill_gratitude(form, items=("", " ", ""), told=(True, False, False))
    form.save.click()
    assert "at least one thing" in form.fields["item0"].message.value
    assert store.entries() == []


def test_gratitude_over_long_item_is_named_by_its_line(store):
    form = positive.gratitude_journal(store=store)
    fill_gratitude(form, items=("tea", "x" * (SHORT_TEXT + 1), ""))
    form.save.click()
    assert form.fields["item0"].message.value == ""
    assert "longer than" in form.fields["item1"].message.value
    assert store.entries() == []
    assert form.items[1].value == "x" * (SHORT_TEXT + 1)


def test_gratitude_skips_empty_lines_and_keeps_told_in_step(store):
    form = positive.gratitude_journal(store=store)
    fill_gratitude(form, items=("", "  a hug  ", "the dishes"), told=(False, False, True))
    form.save.click()
    entry = store.entries("gratitude")[0].entry
    assert entry.items == ("  a hug  ", "the dishes")  # kept exactly as typed
    assert entry.told == (False, True)
    assert "told your partner about 1" in form.week.value and "2 things" in form.week.value


def test_gratitude_model_contract():
    entry = Gratitude(items=("a", "b", "c"), told=(True, False, True))
    assert entry.derived() == {"count": 3, "told_count": 2}
    for items, told in [((), ()), (("a", "b", "c", "d"), (False,) * 4), (("a",), ()),
                        (("",), (False,))]:
        with pytest.raises(EntryInvalid):
            Gratitude(items=items, told=told)


def test_gratitude_charts_per_day_and_per_week(store):
    monday = this_monday()
    days = [monday - dt.timedelta(days=7), monday - dt.timedelta(days=6), monday]
    entries = [(("a", "b"), (True, False)), (("c",), (True,)), (("d", "e", "f"), (False,) * 3)]
    for day, (items, told) in zip(days, entries, strict=True):
        when = dt.datetime.combine(day, dt.time(20)).astimezone()
        store.add(Gratitude(items=items, told=told), at=when)
    frame = workbook.data("gratitude", store=store)
    assert frame["count"].tolist() == [2, 1, 3]
    assert frame["told_count"].tolist() == [1, 1, 0]
    weekly = frame[["count", "told_count"]].resample("W-SUN").sum()
    assert weekly["count"].tolist() == [3, 3]
    assert weekly["told_count"].tolist() == [2, 0]
    daily = frame.groupby("day")["count"].sum()
    assert daily.index[0] == pd.Timestamp(days[0])


@pytest.mark.parametrize("name", EXERCISES)
def test_delete_removes_exactly_one_entry_after_confirming(store, name):
    make, fill, kind = EXERCISES[name]
    form = filled_and_saved(store, make, fill)
    form.fields[next(iter(form.fields))].control.value = (
        1 if name == "tally" else "a second one")
    form.save.click()
    assert len(store.entries(kind)) == 2
    newest = form.recent.items[0]
    newest.delete.click()
    newest.keep.click()
    assert len(store.entries(kind)) == 2
    delete_newest(form, store, kind)


@pytest.mark.parametrize("name", EXERCISES)
def test_edit_brings_every_answer_back_and_saves_in_place(store, name):
    make, fill, kind = EXERCISES[name]
    filled_and_saved(store, make, fill)
    fresh = reopen_newest(store, make, kind)
    fresh.save.click()
    assert len(store.entries(kind)) == 1
    assert store.entries(kind)[0].updated_at is not None


def test_tally_ratio_words_and_week(store):
    form = positive.weekly_tally(store=store)
    fill_tally(form, positives=12, negatives=2)
    assert "About 6 good moments for every hard one" in form.meaning.value
    form.week.value = 1
    form.save.click()
    frame = workbook.data("positive_tally", store=store)
    assert frame["week_of"].tolist() == [pd.Timestamp(this_monday() - dt.timedelta(days=7))]
    assert frame["ratio"].tolist() == [6.0]
    assert str(frame["ratio"].dtype) == "Float64"


def test_tally_with_no_hard_moments_has_no_ratio(store):
    store.add(PositiveTally(week_of=this_monday(), positives=3, negatives=0))
    frame = workbook.data("positive_tally", store=store)
    assert frame["ratio"].isna().tolist() == [True]


@pytest.mark.parametrize(("good", "hard", "expected", "says"), [
    (10, 2, 5.0, "plenty of warmth"),
    (6, 3, 2.0, "a few extra small kindnesses"),
    (1, 4, 0.2, "not a verdict"),
    (3, 0, None, "none that hurt"),
    (0, 0, None, "No moments noted"),
])
def test_ratio_and_its_words(good, hard, expected, says):
    assert ratio(good, hard) == expected
    assert says in ratio_words(good, hard)


def test_tally_week_cannot_be_in_the_future():
    with pytest.raises(EntryInvalid) as raised:
        PositiveTally(week_of=today() + dt.timedelta(days=8), positives=1, negatives=1)
    assert "week_of" in raised.value.problems


def test_gratitude_week_follows_who_is_writing(store):
    store.set_profile("partner", "Sam")
    form = positive.gratitude_journal(store=store)
    fill_gratitude(form, items=("the lighthouse mug", "", ""), told=(True, False, False))
    form.save.click()
    assert "noticed 1 thing" in form.week.value
    fill_gratitude(form, items=("", "", ""), told=(False, False, False))
    form.who.value = "partner"
    assert "lighthouse mug" not in shown_text(form.root)
    assert "Nothing noted yet" in form.week.value
    fill_gratitude(form, items=("a walk", "a song", ""), told=(False, False, False))
    form.save.click()
    assert [s.profile for s in store.entries("gratitude")] == ["partner", "me"]
    assert "noticed 2 things" in form.week.value and "about 0" in form.week.value


def test_told_them_on_an_empty_gratitude_line_is_explained(store):
    form = positive.gratitude_journal(store=store)
    fill_gratitude(form, items=("tea", "", ""), told=(False, True, False))
    form.save.click()
    assert "I told them" in form.fields["item1"].message.value
    assert form.fields["item0"].message.value == ""
    assert store.entries() == []
    form.told[1].value = False
    form.save.click()
    assert store.entries("gratitude")[0].entry.told == (False,)


def test_tally_being_edited_does_not_lend_its_week_to_the_partner(store):
    store.set_profile("partner", "Sam")
    store.add(PositiveTally(week_of=this_monday() - dt.timedelta(weeks=5), positives=2, negatives=1,
                            note="the harbour week"))
    form = positive.weekly_tally(store=store)
    form.recent.items[0].edit.click()
    form.who.value = "partner"
    assert "harbour week" not in shown_text(form.recent.root)
    fill_tally(form, note="ours")
    form.save.click()
    saved = store.entries("positive_tally", profile="partner")[0]
    assert saved.entry.week_of == this_monday() - dt.timedelta(weeks=form.week.value)
