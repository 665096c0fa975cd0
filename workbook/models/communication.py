"""Open communication: clear statements, conversation plans and reflections afterwards."""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

from workbook import statements, words
from workbook.models.base import KINDS, NOTE_TEXT, SHORT_TEXT, Checks, Entry

STRATEGY = "open_communication"


@dataclasses.dataclass(frozen=True)
class ClearStatement(Entry):
    """Situation, feelings, needs and a request, put together as one clear statement.

    Other exercises reuse the statement by subclassing with their own ``KIND`` and
    ``STRATEGY`` (and, optionally, extra fields with defaults).
    """

    KIND = "clear_statement"
    STRATEGY = STRATEGY
    TITLE = "Clear statement"
    PICKS: ClassVar[dict[str, str]] = {"feelings": "STATEMENT_FEELINGS", "needs": "STATEMENT_NEEDS"}

    situation: str
    feelings: tuple[str, ...]
    needs: tuple[str, ...]
    request: str

    def check(self, checks: Checks) -> None:
        most = words.STATEMENT_MOST_PICKS
        checks.text("situation", self.situation, required=True, limit=SHORT_TEXT)
        checks.require("feelings", len(self.feelings) > 0, "Please pick at least one feeling.")
        checks.require("feelings", len(self.feelings) <= most,
                       f"Please pick up to {most} feelings, the ones that matter most.")
        checks.choices("feelings", self.feelings, words.STATEMENT_FEELINGS)
        checks.require("needs", len(self.needs) > 0, "Please pick at least one need.")
        checks.require("needs", len(self.needs) <= most,
                       f"Please pick up to {most} needs, the ones that matter most.")
        checks.choices("needs", self.needs, words.STATEMENT_NEEDS)
        checks.text("request", self.request, required=True, limit=SHORT_TEXT)

    @property
    def statement(self) -> str:
        return statements.compose(self.situation, words.STATEMENT_FEELINGS.labels(self.feelings),
                                  words.STATEMENT_NEEDS.labels(self.needs), self.request)

    def flags(self) -> list[statements.Flag]:
        return statements.check(self.situation, self.request)

    def summary(self) -> str:
        return self.statement

    def derived(self) -> dict[str, Any]:
        return {"statement": self.statement, "flags": len(self.flags())}


def statement_kind(purpose: str) -> type[ClearStatement]:
    """The statement kind saved for ``purpose`` (a strategy key such as "open_communication").

    Raises ``KeyError`` when no statement kind records that strategy.
    """
    for model in KINDS.values():
        if issubclass(model, ClearStatement) and purpose == model.STRATEGY:
            return model
    raise KeyError(f"No kind of clear statement records the strategy {purpose!r}.")


@dataclasses.dataclass(frozen=True)
class ConversationPlan(Entry):
    """Getting ready to talk about something that matters, including a plan for flooding."""

    KIND = "conversation_plan"
    STRATEGY = STRATEGY
    TITLE = "Conversation plan"

    topic: str
    time_and_place: str
    goal: str
    listen_for: str
    compromises: str = ""
    if_flooded: str = ""
    break_minutes: int = words.CONVERSATION_SHORTEST_BREAK
    coming_back: str = ""

    def check(self, checks: Checks) -> None:
        checks.text("topic", self.topic, required=True, limit=SHORT_TEXT)
        checks.text("time_and_place", self.time_and_place, required=True, limit=SHORT_TEXT)
        checks.text("goal", self.goal, required=True, limit=NOTE_TEXT)
        checks.text("listen_for", self.listen_for, required=True, limit=NOTE_TEXT)
        checks.text("compromises", self.compromises, limit=NOTE_TEXT)
        checks.text("if_flooded", self.if_flooded, required=True, limit=NOTE_TEXT)
        shortest = words.CONVERSATION_SHORTEST_BREAK
        if isinstance(self.break_minutes, int) and 0 <= self.break_minutes < shortest:
            checks.require("break_minutes", False,
                           f"A break of at least {shortest} minutes gives your body time to "
                           f"settle. Please choose {shortest} or more.")
        checks.rating("break_minutes", self.break_minutes, shortest,
                      words.CONVERSATION_LONGEST_BREAK)
        checks.text("coming_back", self.coming_back, required=True, limit=NOTE_TEXT)

    def summary(self) -> str:
        return f"Plan to talk about: {self.topic} ({self.time_and_place})"


@dataclasses.dataclass(frozen=True)
class ConversationReflection(Entry):
    """Looking back on a conversation: how it went, their view, what we agreed."""

    KIND = "conversation_reflection"
    STRATEGY = STRATEGY
    TITLE = "After the conversation"

    topic: str
    how_it_went: int
    partner_view: str
    agreed: str = ""
    differently: str = ""

    def check(self, checks: Checks) -> None:
        checks.text("topic", self.topic, required=True, limit=SHORT_TEXT)
        checks.rating("how_it_went", self.how_it_went, 1, len(words.CONVERSATION_HOW_IT_WENT))
        checks.text("partner_view", self.partner_view, required=True, limit=NOTE_TEXT)
        checks.text("agreed", self.agreed, limit=NOTE_TEXT)
        checks.text("differently", self.differently, limit=NOTE_TEXT)

    def summary(self) -> str:
        scale = words.CONVERSATION_HOW_IT_WENT
        went = scale[self.how_it_went - 1] if 1 <= self.how_it_went <= len(scale) else "?"
        return f"{self.topic}: {went} ({self.how_it_went}/{len(scale)})"
