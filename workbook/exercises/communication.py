"""Open communication: the clear statement builder, a conversation plan, and a look back."""

from __future__ import annotations

from typing import ClassVar

import ipywidgets as widgets

from workbook import statements, words
from workbook.models.communication import (
    ClearStatement,
    ConversationPlan,
    ConversationReflection,
    statement_kind,
)
from workbook.store import Store, StoreError
from workbook.widgets import Field, Form, RecentEntries, fields, html

__all__ = ["ConversationPlanForm", "ReflectionForm", "StatementBuilder", "after_the_conversation",
           "conversation_plan", "statement_builder"]

CARD_STYLE = ("border-left:4px solid #7aa6a1;background:#f3f7f6;padding:0.6em 0.9em;"
              "margin:0.2em 0;border-radius:4px;line-height:1.5")


class StatementBuilder(Form):
    """Situation → feelings → needs → request, with a live preview and gentle flags.

    Other notebooks embed it: ``StatementBuilder(store=..., profile=..., purpose=...)``
    saves the statement kind that records ``purpose`` (a strategy key, see
    `statement_kind`). Subclasses may add their own fields before the statement with
    `lead_fields`, named like the fields their model adds.
    """

    model: ClassVar[type[ClearStatement]] = ClearStatement
    title = "Clear statement builder"
    css_class = "sb-statement"
    save_label = "Save statement"
    intro = ("Say what happened, how you feel, what you need, and one thing you'd like. "
             "The preview shows the whole statement as you type, with gentle suggestions.")

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
        self.lead_fields()
        most = words.STATEMENT_MOST_PICKS
        self.situation = self.field("situation", fields.text(
            "What happened", lines=2,
            hint="Only what a camera could have recorded: who did what, and when.",
            placeholder="e.g. you came home at eleven and I hadn't heard from you"))
        self.feelings = self.field("feelings", fields.many(
            "How I feel", words.STATEMENT_FEELINGS, hint=f"Pick one to {most}."))
        self.needs = self.field("needs", fields.many(
            "What I need", words.STATEMENT_NEEDS, hint=f"Pick one to {most}."))
        self.request = self.field("request", fields.text(
            "My request", hint="Something specific and doable that your partner could say "
            "yes to.", placeholder="e.g. send me a short message if you'll be home after nine"))
        self.preview = widgets.HTML("")
        self.preview.add_class("sb-preview")
        self.flags = widgets.HTML("")
        self.flags.add_class("sb-flags")
        self.field("statement", Field("How it sounds", widgets.VBox([self.preview, self.flags])))
        for control in (self.situation, self.feelings, self.needs, self.request):
            control.observe(self._refresh_preview, names="value")
        self.recent = RecentEntries(self.model.KIND, form=self, limit=4)
        self.layout(self.recent.root)
        self.update_preview()

    # -- hooks for exercises built on the statement ------------------------------------

    def lead_fields(self) -> None:
        """Add fields shown before the statement (none here)."""

    # -- the statement -------------------------------------------------------------------

    def current_flags(self) -> list[statements.Flag]:
        return statements.check(self.situation.value, self.request.value)

    def update_preview(self) -> None:
        text = statements.compose(self.situation.value,
                                  words.STATEMENT_FEELINGS.labels(self.feelings.value),
                                  words.STATEMENT_NEEDS.labels(self.needs.value),
                                  self.request.value, blanks=True)
        self.preview.value = f"<div style='{CARD_STYLE}'>{html.text(text)}</div>"
        found = self.current_flags()
        if found:
            items = "".join(f"<li><b>{html.text(flag.name)}</b>: "
                            f"{self.partner_words(html.text(flag.suggestion))}</li>"
                            for flag in found)
            self.flags.value = (f"<div class='sb-message sb-care' style='color:#4a3b00'>"
                                f"A gentle suggestion or two:<ul>{items}</ul></div>")
        elif all((self.situation.value.strip(), self.feelings.value, self.needs.value,
                  self.request.value.strip())):
            self.flags.value = html.message(words.STATEMENT_ALL_CLEAR, "ok")
        else:
            self.flags.value = ""

    def _refresh_preview(self, _change: object = None) -> None:
        self.update_preview()


class ConversationPlanForm(Form):
    """Getting ready for a conversation that matters, with a plan for feeling flooded."""

    model = ConversationPlan
    title = "Conversation plan"
    css_class = "sb-conversation-plan"
    save_label = "Save plan"
    intro = ("A little planning helps a hard conversation stay calm. If either of you gets "
             "flooded (heart racing, thoughts spinning), a real break helps more than pushing on.")

    def __init__(self, *, store: Store | None = None, profile: str | None = None):
        super().__init__(store=store, profile=profile)
        shortest = words.CONVERSATION_SHORTEST_BREAK
        self.topic = self.field("topic", fields.text(
            "What I'd like to talk about", placeholder="e.g. how we keep in touch on late nights"))
        self.time_and_place = self.field("time_and_place", fields.text(
            "A calm time and place", hint="When you are both rested, fed and not in a hurry.",
            placeholder="e.g. Sunday morning, on a walk"))
        self.goal = self.field("goal", fields.text(
            "My goal for the conversation", lines=2,
            hint="What would make it feel worthwhile, even if nothing is solved?"))
        self.listen_for = self.field("listen_for", fields.text(
            "What I'll listen for", lines=2,
            hint="What might matter to your partner here? What do you want to understand?"))
        self.compromises = self.field("compromises", fields.text(
            "Compromises I could offer (optional)", lines=2))
        self.if_flooded = self.field("if_flooded", fields.text(
            "If I get flooded, I will…", lines=2,
            placeholder="e.g. say 'I need a break, I'll come back', then walk round the block"))
        self.break_minutes = self.field("break_minutes", fields.rating(
            "How long my break will be (minutes)", shortest, words.CONVERSATION_LONGEST_BREAK,
            value=30, hint=f"At least {shortest} minutes: that is often how long the body "
            "takes to settle."))
        self.coming_back = self.field("coming_back", fields.text(
            "How I'll come back to the conversation", lines=2,
            placeholder="e.g. I'll come back after dinner and start with what I heard"))
        self.recent = RecentEntries(ConversationPlan.KIND, form=self, limit=4)
        self.layout(self.recent.root)


class ReflectionForm(Form):
    """After the conversation: how it went 1–5, their view, what we agreed, what I'd change."""

    model = ConversationReflection
    title = "After the conversation"
    css_class = "sb-conversation-reflection"
    save_label = "Save reflection"
    intro = ("Looking back, gently. Every conversation you try teaches you something, "
             "whatever the outcome.")

    def __init__(self, *, store: Store | None = None, profile: str | None = None):
        super().__init__(store=store, profile=profile)
        scale = words.CONVERSATION_HOW_IT_WENT
        self.topic = self.field("topic", Field(
            "What we talked about",
            fields.suggest(options=self._planned_topics(), ensure_option=False,
                           placeholder="type, or pick one of your plans",
                           layout=fields.wide())))
        self.how_it_went = self.field("how_it_went", fields.rating(
            "How it went", 1, len(scale), value=3,
            hint=" · ".join(f"{n} {label}" for n, label in enumerate(scale, start=1))))
        self.partner_view = self.field("partner_view", fields.text(
            "My partner's view, in my own words", lines=3,
            hint="As fairly as you can, the way they might put it."))
        self.agreed = self.field("agreed", fields.text("What we agreed (optional)", lines=2))
        self.differently = self.field("differently", fields.text(
            "What I would do differently next time (optional)", lines=2))
        self.recent = RecentEntries(ConversationReflection.KIND, form=self, limit=4)
        self.layout(self.recent.root)

    def profile_changed(self) -> None:
        super().profile_changed()
        self.topic.options = self._planned_topics()

    def _planned_topics(self) -> list[str]:
        try:
            plans = self.store.entries(ConversationPlan.KIND, profile=self.profile, limit=10)
        except StoreError:
            return []
        return list(dict.fromkeys(s.entry.topic for s in plans if isinstance(
            s.entry, ConversationPlan)))


def statement_builder(*, store: Store | None = None, profile: str | None = None,
                      purpose: str | None = None) -> StatementBuilder:
    """The clear statement builder, ready to display."""
    return StatementBuilder(store=store, profile=profile, purpose=purpose)


def conversation_plan(*, store: Store | None = None,
                      profile: str | None = None) -> ConversationPlanForm:
    """Plan a conversation, including what to do if you get flooded."""
    return ConversationPlanForm(store=store, profile=profile)


def after_the_conversation(*, store: Store | None = None,
                           profile: str | None = None) -> ReflectionForm:
    """Reflect on a conversation once it has happened."""
    return ReflectionForm(store=store, profile=profile)
