from __future__ import annotations

import datetime as dt
import json

import pytest

import workbook
from workbook.exercises import start_here
from workbook.models import CheckIn


def test_privacy_panel_shows_where_the_journal_lives_and_exports_it(store):
    store.add(CheckIn(mood=5, insecurity=5, note="exported words"))
    panel = start_here.privacy(store=store)
    assert str(store.path) in panel.where.value
    panel.export.click()
    exported = sorted(store.exports_dir.glob("*.json"))
    assert len(exported) == 1 and str(exported[0]) in panel.status.value
    assert json.loads(exported[0].read_text())["entries"][0]["data"]["note"] == "exported words"


def test_delete_everything_needs_the_typed_word(store):
    store.add(CheckIn(mood=5, insecurity=5))
    panel = start_here.privacy(store=store)
    panel.start_delete.click()
    assert panel.confirm_row.layout.display == "flex"
    panel.confirm_text.value = "yes"
    panel.confirm.click()
    assert "Nothing was deleted" in panel.status.value and store.path.exists()
    panel.confirm_text.value = "delete"
    panel.confirm.click()
    assert "deleted" in panel.status.value
    assert not store.path.exists()


@pytest.mark.parametrize(
    ("yes_to", "outcome", "shows"),
    [
        ((), "ok", "988"),
        ((1,), "unsafe", "1-800-799-7233"),
        ((0, 2), "unsafe", "never your fault"),
        ((4,), "urgent", "988"),
    ],
)
def test_safety_check_outcomes(store, yes_to, outcome, shows):
    store.set_setting("region", "US")
    check = start_here.safety_check(store=store)
    for i, answer in enumerate(check.answers):
        answer.value = i in yes_to
    check.show.click()
    assert check.outcome() == outcome
    assert shows in check.result.value
    assert store.entries() == []  # answers are never stored


def test_safety_check_region_is_remembered_and_changes_the_lines(store):
    check = start_here.safety_check(store=store)
    check.answers[3].value = True
    check.show.click()
    check.region.value = "AU"
    assert store.setting("region") == "AU"
    assert "1800 737 732" in check.result.value
    assert start_here.safety_check(store=store).region.value == "AU"


def test_unsafe_outcome_warns_that_some_exercises_may_not_be_safe(store):
    check = start_here.safety_check(store=store)
    check.answers[0].value = True
    check.show.click()
    assert "may not be safe" in check.result.value


def test_profiles_add_rename_and_remove_an_unused_partner(store):
    form = start_here.profiles(store=store)
    form.my_name.value = "Alex"
    form.with_partner.value = True
    form.partner_name.value = "Sam"
    form.save.click()
    assert "Saved at" in form.status.value
    assert [(p.key, p.name) for p in store.profiles()] == [("me", "Alex"), ("partner", "Sam")]
    again = start_here.profiles(store=store)
    assert again.partner_name.value == "Sam" and again.with_partner.value
    again.with_partner.value = False
    again.save.click()
    assert [p.key for p in store.profiles()] == ["me"]


def test_a_partner_with_entries_is_kept(store):
    store.add(CheckIn(mood=5, insecurity=5), profile="partner")
    form = start_here.profiles(store=store)
    form.with_partner.value = False
    form.save.click()
    assert "stays" in form.status.value
    assert "partner" in [p.key for p in store.profiles()]


def test_profile_names_are_checked(store):
    form = start_here.profiles(store=store)
    form.my_name.value = "x" * 81
    form.save.click()
    assert "longer than" in form.status.value
    assert store.profiles()[0].name == ""


def test_snapshot_needs_every_answer_and_saves_a_score(store):
    form = start_here.insecurity_snapshot(store=store)
    form.answers[0].value = 3
    form.save.click()
    assert form.fields["q0"].message.value == ""
    assert "Please pick" in form.fields["q1"].message.value
    assert store.entries() == []
    for answer in form.answers:
        answer.value = 2
    form.save.click()
    frame = workbook.data("insecurity_snapshot", store=store)
    assert frame["score"].tolist() == [5.0]
    assert "from today" in form.due.value


def test_snapshot_due_text():
    today = dt.date(2026, 11, 24)
    assert "first" in start_here.snapshot_due_text(None, today)
    assert "3 days ago" in start_here.snapshot_due_text(today - dt.timedelta(days=3), today)
    assert "1 day ago" in start_here.snapshot_due_text(today - dt.timedelta(days=1), today)
    assert "is due" in start_here.snapshot_due_text(today - dt.timedelta(days=7), today)


# -- what the person calls their partner(s) ----------------------------------------

XSS = "<img src=x onerror=alert(1)>"


def test_what_i_call_my_partner_is_saved_shown_again_and_editable(store):
    form = start_here.profiles(store=store)
    assert form.partner_called.value == ""  # empty by default
    form.partner_called.value = "Sam and Alex"
    form.save.click()
    assert "Saved" in form.status.value
    again = start_here.profiles(store=store)
    assert again.partner_called.value == "Sam and Alex"
    again.partner_called.value = ""
    again.save.click()
    assert start_here.profiles(store=store).partner_called.value == ""
    assert store.setting("partner_called:me") is None


def test_a_name_on_two_lines_gets_a_message_under_the_field_and_nothing_is_saved(store):
    form = start_here.profiles(store=store)
    form.my_name.value = "Robin"
    form.partner_called.value = "Sam\nAlex"
    form.save.click()
    assert "one line" in form.called.message.value and "one line" in form.status.value
    assert store.profiles()[0].name == "" and store.setting("partner_called:me") is None


def test_the_name_field_shows_what_was_typed_escaped(store):
    form = start_here.profiles(store=store)
    form.partner_called.value = XSS
    form.save.click()
    assert start_here.profiles(store=store).partner_called.value == XSS
    assert XSS not in form.status.value
