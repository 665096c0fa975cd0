from __future__ import annotations

import datetime as dt

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
from workbook.exercises import communication
from workbook.models.base import NOTE_TEXT, SHORT_TEXT
from workbook.models.communication import ClearStatement, statement_kind

# Read at each use, not once: a test run may pass midnight.
today = dt.date.today



def fill_statement(form, situation="you came home at eleven", feelings=("worried",),
                   needs=("reassurance",), request="send me a message if you'll be late"):
    form.situation.value = situation
    form.feelings.value = feelings
    form.needs.value = needs
    form.request.value = request


def fill_plan(form, **changes):
    type_answers(form, dict(topic="late nights", time_and_place="Sunday morning walk",
                            goal="understand each other",
                            listen_for="what evenings mean to them",
                            compromises="a message at nine", if_flooded="say I need a break",
                            break_minutes=30,
                            coming_back="after dinner, starting with what I heard"), **changes)


def fill_reflection(form, **changes):
    type_answers(form, dict(topic="late nights", how_it_went=4, partner_view="they feel watched",
                            agreed="a message at nine", differently="start softer"), **changes)


EXERCISES = {
    "statement": (communication.statement_builder, fill_statement, "clear_statement"),
    "plan": (communication.conversation_plan, fill_plan, "conversation_plan"),
    "reflection": (communication.after_the_conversation, fill_reflection,
                   "conversation_reflection"),
}


@pytest.mark.parametrize("name", EXERCISES)
def test_a_valid_save_lands_with_profile_date_and_strategy(store, name):
    save_as_partner(store, *EXERCISES[name], "open_communication")
    assert store.practice(profile="partner") == [(today().isoformat(), "partner",
                                                  "open_communication", 1)]


BAD = [
    # (exercise, field, value, words in the message)
    ("statement", "situation", "   ", "write a few words"),
    ("statement", "request", "", "write a few words"),
    ("statement", "situation", "x" * (SHORT_TEXT + 1), "longer than"),
    ("statement", "feelings", (), "at least one feeling"),
    ("statement", "needs", (), "at least one need"),
    ("statement", "feelings", ("worried", "sad", "hurt", "tired"), "up to 3"),
    ("statement", "feelings", ("furious-ish",), "choose from the list"),
    ("plan", "topic", "", "write a few words"),
    ("plan", "if_flooded", "", "write a few words"),
    ("plan", "coming_back", " ", "write a few words"),
    ("plan", "goal", "x" * (NOTE_TEXT + 1), "longer than"),
    ("plan", "break_minutes", 10, "at least 20 minutes"),
    ("plan", "break_minutes", 241, "from 20 to 240"),
    ("reflection", "partner_view", "", "write a few words"),
    ("reflection", "how_it_went", 0, "from 1 to 5"),
    ("reflection", "how_it_went", 6, "from 1 to 5"),
    ("reflection", "agreed", "x" * (NOTE_TEXT + 1), "longer than"),
]


@pytest.mark.parametrize(("name", "field", "value", "says"), BAD)
def test_bad_input_gets_a_message_and_stores_nothing(store, name, field, value, says):
    make, fill, _kind = EXERCISES[name]
    refuse_answer(store, make, fill, field, value, says)


@pytest.mark.parametrize("name", EXERCISES)
def test_delete_removes_exactly_one_entry_after_confirming(store, name):
    make, fill, kind = EXERCISES[name]
    form = filled_and_saved(store, make, fill)
    getattr(form, "topic", getattr(form, "situation", None)).value = "a second one"
    form.save.click()
    assert len(store.entries(kind)) == 2
    delete_newest(form, store, kind)
    assert len(form.recent.items) == 1


@pytest.mark.parametrize("name", EXERCISES)
def test_edit_changes_the_entry_in_place(store, name):
    make, fill, kind = EXERCISES[name]
    filled_and_saved(store, make, fill)
    fresh = reopen_newest(store, make, kind)
    field = "request" if name == "statement" else "topic"
    getattr(fresh, field).value = "changed words"
    fresh.save.click()
    [saved] = store.entries(kind)
    assert getattr(saved.entry, field) == "changed words"


def test_recent_statements_are_escaped(store):
    form = communication.statement_builder(store=store)
    fill_statement(form, situation="<img src=x onerror=alert(1)> arrived")
    form.save.click()
    assert "<img" not in form.recent.items[0].text.value
    assert "&lt;img" in form.recent.items[0].text.value


def test_preview_updates_live_and_escapes(store):
    form = communication.statement_builder(store=store)
    assert "[what happened]" in form.preview.value
    form.situation.value = "you said <b>later</b>"
    assert "you said &lt;b&gt;later&lt;/b&gt;" in form.preview.value
    form.feelings.value = ("hurt",)
    assert "I feel hurt because I need [what I need]" in form.preview.value
    form.needs.value = ("closeness",)
    form.request.value = "sit with me tonight"
    assert "Would you be willing to sit with me tonight?" in form.preview.value
    assert "clear and kind" in form.flags.value


def test_flags_show_as_you_type_and_do_not_block_saving(store):
    form = communication.statement_builder(store=store)
    fill_statement(form, situation="you never text and you obviously don't care")
    assert "An absolute" in form.flags.value and "Mind-reading" in form.flags.value
    assert "&quot;never&quot;" in form.flags.value
    form.situation.value = "you hadn't texted by ten"
    assert "An absolute" not in form.flags.value
    form.situation.value = "you never text"
    form.save.click()
    frame = workbook.data("clear_statement", store=store)
    assert frame["flags"].tolist() == [1]


def test_statements_come_back_as_a_tidy_frame(store):
    form = communication.statement_builder(store=store)
    fill_statement(form, feelings=("worried", "lonely"))
    form.save.click()
    frame = workbook.data("clear_statement", store=store)
    row = frame.iloc[0]
    assert row["feelings"] == ("worried", "lonely")
    assert row["statement"] == (
        "When you came home at eleven, I feel worried and lonely because I need reassurance. "
        "Would you be willing to send me a message if you'll be late?")
    assert str(frame.index.dtype) == "datetime64[ns]" and frame.index.name == "at"


def test_plan_and_reflection_frames(store):
    plan = communication.conversation_plan(store=store)
    fill_plan(plan, break_minutes=45)
    plan.save.click()
    after = communication.after_the_conversation(store=store)
    assert "late nights" in after.topic.options  # the plan's topic is offered
    fill_reflection(after, how_it_went=2)
    after.save.click()
    plans = workbook.data("conversation_plan", store=store)
    assert plans["break_minutes"].tolist() == [45]
    assert str(plans["break_minutes"].dtype) == "Int64"
    reflections = workbook.data("conversation_reflection", store=store)
    assert reflections["how_it_went"].tolist() == [2]
    assert "difficult in places" in after.recent.items[0].text.value


def test_statement_builder_can_save_for_another_strategy(store):
    form = communication.StatementBuilder(store=store, purpose="embrace_vulnerability",
                                          title="Say it clearly")
    assert form.model is statement_kind("embrace_vulnerability")
    assert "Say it clearly" in form.root.children[0].value
    with pytest.raises(KeyError):
        statement_kind("no_such_strategy")
    assert statement_kind("open_communication") is ClearStatement


def test_the_notebook_text_never_holds_what_was_typed(store):
    form = communication.statement_builder(store=store)
    fill_statement(form, situation="secret words")
    assert "secret" not in form._repr_mimebundle_()["text/plain"]


def test_reflection_topics_follow_who_is_writing(store):
    store.set_profile("partner", "Sam")
    plan = communication.conversation_plan(store=store)
    fill_plan(plan, topic="the attic boxes")
    plan.save.click()
    form = communication.after_the_conversation(store=store)
    assert form.topic.options == ("the attic boxes",)
    form.who.value = "partner"
    assert "attic boxes" not in shown_text(form.root)
    fill_reflection(form)
    form.save.click()
    assert [s.profile for s in store.entries("conversation_reflection")] == ["partner"]
