"""Open communication: the clear statement builder, a conversation plan, and a look back."""

from __future__ import annotations

from typing import ClassVar

import ipywidgets as widgets

from workbook import cards, statements, words
from workbook.models.communication import (
    ClearStatement,
    ConversationPlan,
    ConversationReflection,
    statement_kind,
)
from workbook.store import Store, StoreError
from workbook.widgets import Form, ask, fields

__all__ = ["ConversationPlanForm", "ReflectionForm", "StatementBuilder", "after_the_conversation",
           "conversation_plan", "statement_builder"]


def _preview() -> widgets.VBox:
    return widgets.VBox([fields.html_area("sb-preview"), fields.html_area("sb-flags")])


class StatementBuilder(Form):
    """Situation → feelings → needs → request, with a live preview and gentle flags.

    Other notebooks embed it: ``StatementBuilder(store=..., profile=..., purpose=...)``
    saves the statement kind that records ``purpose`` (a strategy key, see
    `statement_kind`). Subclasses may declare fields of their own before the statement
    (``before="situation"``), named like the fields their model adds.
    """

    model: ClassVar[type[ClearStatement]] = ClearStatement
    title = "Clear statement builder"
    css_class = "sb-statement"
    save_label = "Save statement"
    intro = ("Say what happened, how you feel, what you need, and one thing you'd like. "
             "The preview shows the whole statement as you type, with gentle suggestions.")
    recent_limit = 4

    situation = ask.text("What happened", lines=2,
                         hint="Only what a camera could have recorded: who did what, and when.",
                         placeholder="e.g. you came home at eleven and I hadn't heard from you")
    feelings = ask.many("How I feel", words.STATEMENT_FEELINGS,
                        hint=f"Pick one to {words.STATEMENT_MOST_PICKS}.")
    needs = ask.many("What I need", words.STATEMENT_NEEDS,
                     hint=f"Pick one to {words.STATEMENT_MOST_PICKS}.")
    request = ask.text("My request", hint="Something specific and doable that your partner "
                       "could say yes to.",
                       placeholder="e.g. send me a short message if you'll be home after nine")
    statement = ask.control("How it sounds", _preview)

    def __init__(self, *, store: Store | None = None, profile: str | None = None,
                 purpose: str | None = None, title: str | None = None,
                 intro: str | None = None):
        if purpose is not None:
            self.model = statement_kind(purpose)  # type: ignore[misc]
        if title is not None:
            self.title = title  # type: ignore[misc]
        if intro is not None:
            self.intro = intro  # type: ignore[misc]
        super().__init__(store=store, profile=profile)

    # The preview and its flags follow what is typed.
    def wire(self) -> None:
        self.preview, self.flags = self.statement.children
        for control in (self.situation, self.feelings, self.needs, self.request):
            control.observe(lambda _change: self.update_preview(), names="value")
        self.update_preview()

    def update_preview(self) -> None:
        situation, request = self.situation.value, self.request.value
        feelings = words.STATEMENT_FEELINGS.labels(self.feelings.value)
        needs = words.STATEMENT_NEEDS.labels(self.needs.value)
        self.preview.value = cards.statement_card(
            statements.compose(situation, feelings, needs, request, blanks=True))
        whole = all((situation.strip(), feelings, needs, request.strip()))
        self.flags.value = cards.statement_flags(statements.check(situation, request), whole,
                                                 self.partner_called)


class ConversationPlanForm(Form):
    """Getting ready for a conversation that matters, with a plan for feeling flooded."""

    model = ConversationPlan
    title = "Conversation plan"
    css_class = "sb-conversation-plan"
    save_label = "Save plan"
    intro = ("A little planning helps a hard conversation stay calm. If either of you gets "
             "flooded (heart racing, thoughts spinning), a real break helps more than pushing on.")
    recent_limit = 4

    topic = ask.text("What I'd like to talk about",
                     placeholder="e.g. how we keep in touch on late nights")
    time_and_place = ask.text("A calm time and place",
                              hint="When you are both rested, fed and not in a hurry.",
                              placeholder="e.g. Sunday morning, on a walk")
    goal = ask.text("My goal for the conversation", lines=2,
                    hint="What would make it feel worthwhile, even if nothing is solved?")
    listen_for = ask.text("What I'll listen for", lines=2,
                          hint="What might matter to your partner here? What do you want to "
                               "understand?")
    compromises = ask.text("Compromises I could offer (optional)", lines=2)
    if_flooded = ask.text("If I get flooded, I will…", lines=2,
                          placeholder="e.g. say 'I need a break, I'll come back', then walk "
                                      "round the block")
    break_minutes = ask.rating(
        "How long my break will be (minutes)", words.CONVERSATION_SHORTEST_BREAK,
        words.CONVERSATION_LONGEST_BREAK, value=30,
        hint=f"At least {words.CONVERSATION_SHORTEST_BREAK} minutes: that is often how long "
             "the body takes to settle.")
    coming_back = ask.text("How I'll come back to the conversation", lines=2,
                           placeholder="e.g. I'll come back after dinner and start with what I "
                                       "heard")


class ReflectionForm(Form):
    """After the conversation: how it went 1–5, their view, what we agreed, what I'd change."""

    model = ConversationReflection
    title = "After the conversation"
    css_class = "sb-conversation-reflection"
    save_label = "Save reflection"
    intro = ("Looking back, gently. Every conversation you try teaches you something, "
             "whatever the outcome.")
    recent_limit = 4

    topic = ask.control("What we talked about", lambda: fields.suggest(
        options=[], ensure_option=False, placeholder="type, or pick one of your plans",
        layout=fields.wide()), choices=lambda form: _planned_topics(form))
    how_it_went = ask.rating(
        "How it went", 1, len(words.CONVERSATION_HOW_IT_WENT), value=3,
        hint=" · ".join(f"{n} {label}" for n, label
                        in enumerate(words.CONVERSATION_HOW_IT_WENT, start=1)))
    partner_view = ask.text("My partner's view, in my own words", lines=3,
                            hint="As fairly as you can, the way they might put it.")
    agreed = ask.text("What we agreed (optional)", lines=2)
    differently = ask.text("What I would do differently next time (optional)", lines=2)


def _planned_topics(form: Form) -> list[str]:
    try:
        plans = form.store.entries(ConversationPlan.KIND, profile=form.profile, limit=10)
    except StoreError:
        return []
    return list(dict.fromkeys(s.entry.topic for s in plans if isinstance(
        s.entry, ConversationPlan)))


# One call per exercise in the notebook.
statement_builder = StatementBuilder
conversation_plan = ConversationPlanForm
after_the_conversation = ReflectionForm
