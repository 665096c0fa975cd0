"""Notebook 05 forms: the thought record, the quick check and the pattern finder."""

from __future__ import annotations

import pytest
from form_steps import assert_refused, delete_newest, shown_text

import workbook
from workbook.exercises import reframe
from workbook.models.base import NOTE_TEXT
from workbook.models.reframe import ThoughtRecord


def fill(form, *, traps=("mind_reading", "catastrophising"), kind="waiting_for_a_message_or_call",
         before=85, after=35):
    form.situation.value = "No reply to my message for three hours."
    form.situation_kind.value = kind
    form.emotions.value = ("anxious", "hurt")
    form.intensity_before.value = (90, 70)
    form.automatic_thought.value = "They're losing interest in me."
    form.belief_before.value = before
    form.traps.value = traps
    form.evidence_for.value = "They were short with me yesterday."
    form.evidence_against.value = "They said they had a long meeting."
    form.friend_view.value = "A busy afternoon isn't a verdict on you."
    form.balanced_thought.value = "They're busy; I can check in tonight."
    form.belief_after.value = after
    form.intensity_after.value = (40, 30)


def test_a_thought_record_saves_and_shows_the_change(store):
    form = reframe.thought_record(store=store)
    fill(form)
    form.save.click()
    assert "Saved at" in form.status.value
    assert "85 → 35 (down 50 points)" in form.change.value
    assert "anxious 90 → 40, hurt 70 → 30" in form.change.value
    row = workbook.data("thought_record", store=store).iloc[0]
    assert row["traps"] == ("mind_reading", "catastrophising")
    assert row["intensity_before"] == (90, 70) and row["intensity_after"] == (40, 30)
    # belief 35 - 85; feelings (-50 + -40) / 2
    assert (row["belief_change"], row["intensity_change"]) == (-50, -45.0)
    assert row["strategy"] == "reframe_thoughts"
    assert workbook.data("practice", store=store)["strategy"].tolist() == ["reframe_thoughts"]


def test_traps_are_picked_by_clicking_their_buttons(store):
    form = reframe.thought_record(store=store)
    fill(form, traps=())
    labels = [toggle.description for toggle in form.traps.toggles]
    assert labels[0] == "Mind reading" and len(labels) == 12
    form.traps.toggles[labels.index("Labelling")].value = True
    assert form.traps.value == ("labelling",)
    assert "For example" in form.guide.children[0].value


def test_picking_feelings_gives_a_slider_for_each_before_and_after(store):
    form = reframe.thought_record(store=store)
    form.emotions.value = ("sad",)
    assert list(form.intensity_before.sliders) == ["sad"]
    form.intensity_before.sliders["sad"].value = 70
    form.emotions.value = ("sad", "lonely")
    assert form.intensity_before.value == (70, 50)  # the first rating is kept
    assert list(form.intensity_after.sliders) == ["sad", "lonely"]


@pytest.mark.parametrize(
    ("name", "value", "says"),
    [("situation", "", "a few words"), ("situation_kind", None, "choose from the list"),
     ("emotions", (), "at least one feeling"), ("automatic_thought", " ", "a few words"),
     ("belief_before", 101, "from 0 to 100"), ("belief_after", -1, "from 0 to 100"),
     ("balanced_thought", "", "a few words"),
     ("evidence_against", "x" * (NOTE_TEXT + 1), "longer than")],
)
def test_bad_answers_get_a_message_and_nothing_is_stored(store, name, value, says):
    form = reframe.thought_record(store=store)
    fill(form)
    getattr(form, name).value = value
    assert_refused(store, form, name, says, "thought_record")


def test_an_out_of_range_feeling_rating_is_refused(store):
    form = reframe.thought_record(store=store)
    fill(form)
    form.intensity_after.sliders["hurt"].value = 120
    form.save.click()
    assert "from 0 to 100" in form.fields["intensity_after"].message.value
    assert store.entries("thought_record") == []


def test_editing_and_deleting_a_thought_record(store):
    form = reframe.thought_record(store=store)
    fill(form)
    form.save.click()
    other = reframe.thought_record(store=store)
    other.recent.items[0].edit.click()
    assert other.emotions.value == ("anxious", "hurt")
    assert other.intensity_after.value == (40, 30)
    other.belief_after.value = 20
    other.save.click()
    assert [s.entry.belief_after for s in store.entries("thought_record")] == [20]
    delete_newest(other, store, "thought_record")


def test_quick_check_saves_refuses_and_deletes(store):
    form = reframe.quick_thought_check(store=store)
    form.thought.value = "Everyone else's relationship is easier."
    form.alternative.value = "I only see other couples' best moments."
    form.save.click()
    assert "choose from the list" in form.fields["trap"].message.value
    assert store.entries("quick_thought_check") == []
    form.trap.value = "comparing"
    form.alternative.value = ""
    form.save.click()
    assert "a few words" in form.fields["alternative"].message.value
    assert store.entries("quick_thought_check") == []
    form.alternative.value = "I only see other couples' best moments."
    form.save.click()
    row = workbook.data("quick_thought_check", store=store).iloc[0]
    assert (row["trap"], row["strategy"]) == ("comparing", "reframe_thoughts")
    assert "Comparing:" in form.recent.items[0].text.value
    form.recent.items[0].delete.click()
    form.recent.items[0].confirm.click()
    assert store.entries("quick_thought_check") == []


def test_pattern_finder_is_friendly_when_empty_and_counts_when_full(store):
    finder = reframe.pattern_finder(store=store)
    assert "No thought records yet" in finder.result.value
    form = reframe.thought_record(store=store)
    fill(form, before=80, after=50)
    form.save.click()
    fill(form, traps=("catastrophising",), kind="time_apart", before=60, after=50)
    form.save.click()
    finder.look_again.click()
    # catastrophising twice; drops 30 and 10 average 20.
    assert "catastrophising (2), mind reading (1)" in finder.result.value
    assert "fell by 20 points" in finder.result.value
    assert "few more records" in finder.result.value
    assert finder.patterns.records == 2


def test_pattern_finder_escapes_nothing_typed_and_stays_per_profile(store):
    store.add(ThoughtRecord(
        situation="<script>", situation_kind="social_media", emotions=("sad",),
        intensity_before=(50,), automatic_thought="t", belief_before=50, traps=(),
        evidence_for="", evidence_against="", friend_view="", balanced_thought="b",
        belief_after=50, intensity_after=(50,)), profile="partner")
    assert "No thought records yet" in reframe.pattern_finder(store=store).result.value
    partner = reframe.pattern_finder(store=store, profile="partner")
    assert "social media (1)" in partner.result.value and "<script>" not in partner.result.value


def test_the_traps_guide_lists_all_twelve():
    guide = reframe.thinking_traps()
    text = guide.root.children[0].value
    assert text.count("<li>") == 12 and "Emotional reasoning" in text


def test_the_change_and_the_patterns_follow_who_is_writing(store):
    store.set_profile("partner", "Sam")
    form = reframe.thought_record(store=store)
    fill(form)
    form.save.click()
    assert "down 50 points" in form.change.value
    form.who.value = "partner"
    assert "down 50 points" not in shown_text(form.root)
    assert reframe.pattern_finder(store=store).who is not None
    finder = reframe.pattern_finder(store=store)
    assert "waiting for a message or call (1)" in finder.result.value
    finder.who.value = "partner"
    assert "No thought records yet" in finder.result.value
    form.save.click()
    assert [s.profile for s in store.entries("thought_record")] == ["partner", "me"]
    finder.look_again.click()
    assert "waiting for a message or call (1)" in finder.result.value


def test_the_pattern_finder_has_no_picker_for_one_person(store):
    assert reframe.pattern_finder(store=store).who is None
