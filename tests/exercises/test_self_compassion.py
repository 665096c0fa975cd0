"""Notebook 04 forms, driven as a person would: type, click Save, read the journal."""

from __future__ import annotations

import datetime as dt

import pytest
from form_steps import assert_refused, delete_newest, shown_text, type_answers

import workbook
from workbook.charts.distress import distress_chart, distress_summary
from workbook.exercises import self_compassion
from workbook.models.base import LONG_TEXT, NOTE_TEXT
from workbook.models.self_compassion import SelfCompassionLetter

# Read at each use, not once: a test run may pass midnight.
today = dt.date.today


def fill_break(form, before=7, after=4):
    form.distress_before.value = before
    form.noticing.value = "This hurts. I feel shut out."
    form.common_humanity.value = "Lots of people feel this."
    form.kindness.value = "I can be gentle with myself."
    form.distress_after.value = after


def test_break_saves_the_change_in_distress_and_records_practice(store):
    form = self_compassion.self_compassion_break(store=store)
    fill_break(form, before=8, after=5)
    form.save.click()
    assert "Saved at" in form.status.value
    assert "from 8 to 5" in form.change.value and "eased by 3 points" in form.change.value
    frame = workbook.data("self_compassion_break", store=store)
    row = frame.iloc[0]
    assert (row["distress_before"], row["distress_after"], row["distress_change"]) == (8, 5, -3)
    assert row["strategy"] == "self_compassion"
    practice = workbook.data("practice", store=store)
    assert practice["strategy"].tolist() == ["self_compassion"]


def test_break_says_kindly_when_distress_rose(store):
    form = self_compassion.self_compassion_break(store=store)
    fill_break(form, before=3, after=5)
    form.save.click()
    assert "rose by 2 points" in form.change.value


@pytest.mark.parametrize(
    ("name", "value", "says"),
    [("distress_before", 11, "from 0 to 10"), ("distress_after", -1, "from 0 to 10"),
     ("noticing", "", "a few words"), ("common_humanity", " ", "a few words"),
     ("kindness", "x" * (NOTE_TEXT + 1), "longer than")],
)
def test_break_refuses_bad_answers_and_stores_nothing(store, name, value, says):
    form = self_compassion.self_compassion_break(store=store)
    fill_break(form)
    getattr(form, name).value = value
    assert_refused(store, form, name, says, "self_compassion_break")


def test_break_is_deleted_only_after_confirming(store):
    form = self_compassion.self_compassion_break(store=store)
    fill_break(form)
    form.save.click()
    delete_newest(form, store, "self_compassion_break")


def test_distress_chart_has_title_axes_and_a_summary(store):
    for before, after in ((8, 5), (6, 6), (4, 2)):
        form = self_compassion.self_compassion_break(store=store)
        fill_break(form, before=before, after=after)
        form.save.click()
    frame = workbook.data("self_compassion_break", store=store)
    fig = distress_chart(frame)
    ax = fig.axes[0]
    assert "self-compassion" in fig.get_suptitle()
    assert ax.get_ylabel() == "Distress (0–10)" and ax.get_xlabel()
    assert [list(line.get_ydata()) for line in ax.get_lines()] == [[8, 6, 4], [5, 6, 2]]
    # Changes -3, 0 and -2 average -5/3 = -1.7.
    summary = distress_summary(frame)
    assert summary == "Across 3 breaks, distress eased by 1.7 points on average."
    empty = distress_chart(frame.iloc[0:0])
    assert empty.axes[0].get_lines() == []


@pytest.mark.parametrize(
    ("maker", "kind", "answers"),
    [
        (self_compassion.treat_a_friend, "treat_a_friend",
         {"to_a_friend": "You did nothing wrong.", "to_myself": "You're too needy.",
          "kinder_to_myself": "Needing closeness is human."}),
        (self_compassion.forgive_a_mistake, "forgiving_a_mistake",
         {"what_happened": "I snapped at them.", "what_i_learned": "I was exhausted.",
          "next_time": "Say I need ten minutes."}),
    ],
)
def test_written_prompts_save_refuse_blanks_and_delete(store, maker, kind, answers):
    form = maker(store=store)
    type_answers(form, answers)
    for name in answers:
        getattr(form, name).value = ""
        form.save.click()
        assert "a few words" in form.fields[name].message.value
        assert store.entries(kind) == []
        getattr(form, name).value = answers[name]
    form.save.click()
    frame = workbook.data(kind, store=store)
    assert {name: frame.iloc[0][name] for name in answers} == answers
    assert frame.iloc[0]["strategy"] == "self_compassion"
    delete_newest(form, store, kind)


def test_inner_critic_rewrite_needs_a_feeling_and_saves_them(store):
    form = self_compassion.inner_critic_rewrite(store=store)
    form.critic_says.value = "You're too much."
    form.rewrite.value = "I have big feelings, and I'm learning to share them."
    form.save.click()
    assert "at least one feeling" in form.fields["feelings"].message.value
    assert store.entries("inner_critic_rewrite") == []
    form.feelings.value = ("ashamed", "sad")
    form.critic_says.value = ""
    form.save.click()
    assert "a few words" in form.fields["critic_says"].message.value
    form.critic_says.value = "You're too much."
    form.save.click()
    frame = workbook.data("inner_critic_rewrite", store=store)
    assert frame.iloc[0]["feelings"] == ("ashamed", "sad")
    delete_newest(form, store, "inner_critic_rewrite")


def test_letter_with_a_date_ahead_is_saved_and_offered_back_on_that_day(store):
    form = self_compassion.compassion_letter(store=store)
    form.letter.value = "Dear me,\n<b>you are doing your best</b>."
    form.reread_on.value = today() + dt.timedelta(days=14)
    form.save.click()
    assert "offered back on" in form.status.value
    frame = workbook.data("self_compassion_letter", store=store)
    assert frame.iloc[0]["reread_on"].date() == today() + dt.timedelta(days=14)
    assert not frame.iloc[0]["reread"]

    early = self_compassion.LettersToReread(store=store, today=today() + dt.timedelta(days=13))
    assert early.due == [] and "No letters are waiting" in shown_text(early.root)
    assert "comes back on" in shown_text(early.root)
    due = self_compassion.LettersToReread(store=store, today=today() + dt.timedelta(days=14))
    assert len(due.due) == 1
    text = shown_text(due.root)
    assert "&lt;b&gt;you are doing your best&lt;/b&gt;" in text and "<b>you are" not in text
    assert "you are doing" not in due._repr_mimebundle_()["text/plain"]


def test_a_due_letter_can_be_marked_reread_or_put_off_a_week(store):
    store.add(SelfCompassionLetter(letter="first", reread_on=today() - dt.timedelta(days=3)))
    store.add(SelfCompassionLetter(letter="second", reread_on=today()))
    panel = self_compassion.letters_to_reread(store=store)
    assert [s.entry.letter for s in panel.due] == ["first", "second"]  # oldest day first
    panel.later_buttons[0].click()
    assert [s.entry.letter for s in panel.due] == ["second"]
    first = [s.entry for s in store.entries("self_compassion_letter") if s.entry.letter == "first"]
    assert first[0].reread_on == today() + dt.timedelta(days=7)
    panel.reread_buttons[0].click()
    assert panel.due == []
    assert len(store.entries("self_compassion_letter")) == 2  # nothing is thrown away


def test_a_letter_due_today_is_accepted(store):
    form = self_compassion.compassion_letter(store=store)
    form.letter.value = "Dear me"
    form.reread_on.value = today()
    form.save.click()
    assert "offered back today" in form.status.value


@pytest.mark.parametrize(
    ("name", "value", "says"),
    [("reread_on", today() - dt.timedelta(days=1), "already passed"),
     ("reread_on", None, "pick a date"),
     ("letter", "", "a few words"),
     ("letter", "x" * (LONG_TEXT + 1), "longer than")],
)

def test_letter_refuses_bad_answers_and_stores_nothing(store, name, value, says):
    form = self_compassion.compassion_letter(store=store)
    form.letter.value = "Dear me"
    form.reread_on.value = today() + dt.timedelta(days=3)
    getattr(form, name).value = value
    assert_refused(store, form, name, says, "self_compassion_letter")


def test_editing_a_letter_whose_day_has_passed_keeps_that_day(store):
    store.add(SelfCompassionLetter(letter="Dear me", reread_on=today() - dt.timedelta(days=2)))
    form = self_compassion.compassion_letter(store=store)
    form.recent.items[0].edit.click()
    form.letter.value = "Dear me, again"
    form.save.click()
    saved = store.entries("self_compassion_letter")
    assert len(saved) == 1 and saved[0].entry.letter == "Dear me, again"
    delete_newest(form, store, "self_compassion_letter")


def test_the_break_form_draws_distress_before_and_after(store):
    from workbook.exercises.self_compassion import self_compassion_break

    form = self_compassion_break(store=store)
    assert form.chart.layout.display == "none"  # nothing to draw yet
    form.distress_before.value = 8
    form.noticing.value = "this hurts"
    form.common_humanity.value = "others feel this too"
    form.kindness.value = "I can be gentle with myself"
    form.distress_after.value = 5
    form.save.click()
    assert form.chart.layout.display == "flex"
    assert bytes(form.chart.value).startswith(b"\x89PNG")
    again = self_compassion_break(store=store)
    assert again.chart.layout.display == "flex"


def test_a_reread_letter_given_a_new_day_waits_again(store):
    store.add(SelfCompassionLetter(letter="read once", reread_on=today(), reread=True))
    form = self_compassion.compassion_letter(store=store)
    form.recent.items[0].edit.click()
    form.reread_on.value = today() + dt.timedelta(days=3)
    form.save.click()
    [saved] = store.entries("self_compassion_letter")
    assert saved.entry.reread is False
    later = self_compassion.LettersToReread(store=store, today=today() + dt.timedelta(days=3))
    assert [s.entry.letter for s in later.due] == ["read once"]


def test_each_profile_gets_its_own_letters_back(store):
    store.set_profile("partner", "Sam")
    store.add(SelfCompassionLetter(letter="Sam's letter", reread_on=today()), profile="partner")
    panel = self_compassion.letters_to_reread(store=store)
    assert panel.due == []
    panel.who.value = "partner"
    assert [s.entry.letter for s in panel.due] == ["Sam's letter"]
