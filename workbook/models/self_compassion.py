"""Self-compassion entries (notebook 04): a break, kinder self-talk, a letter, forgiveness."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from typing import Any, ClassVar

from workbook import messages, words
from workbook.models._text import shorten
from workbook.models.base import LONG_TEXT, NOTE_TEXT, Checks, Entry

STRATEGY = "self_compassion"


@dataclasses.dataclass(frozen=True)
class SelfCompassionBreak(Entry):
    """Three steps in my own words, with distress 0–10 before and after."""

    KIND = "self_compassion_break"
    STRATEGY = STRATEGY
    TITLE = "Self-compassion break"

    distress_before: int
    noticing: str
    common_humanity: str
    kindness: str
    distress_after: int

    def check(self, checks: Checks) -> None:
        low, high = words.SELF_COMPASSION_DISTRESS_RANGE
        checks.rating("distress_before", self.distress_before, low, high)
        checks.texts_required(self, ("noticing", "common_humanity", "kindness"), limit=NOTE_TEXT)
        checks.rating("distress_after", self.distress_after, low, high)

    @property
    def distress_change(self) -> int:
        """After minus before: negative when the break eased the distress."""
        return self.distress_after - self.distress_before

    def summary(self) -> str:
        return (f"Distress {self.distress_before} → {self.distress_after}/10: "
                f"{shorten(self.kindness)}")

    def derived(self) -> dict[str, Any]:
        return {"distress_change": self.distress_change}


@dataclasses.dataclass(frozen=True)
class TreatAFriend(Entry):
    """What I'd say to a friend in my place, what I say to myself, and a kinder version."""

    KIND = "treat_a_friend"
    STRATEGY = STRATEGY
    TITLE = "How would I treat a friend?"

    to_a_friend: str
    to_myself: str
    kinder_to_myself: str

    def check(self, checks: Checks) -> None:
        checks.texts_required(self, ("to_a_friend", "to_myself", "kinder_to_myself"),
                              limit=NOTE_TEXT)

    def summary(self) -> str:
        return f"Kinder to myself: {shorten(self.kinder_to_myself)}"


@dataclasses.dataclass(frozen=True)
class InnerCriticRewrite(Entry):
    """The critical sentence, the feelings it brings, and a kind, accurate rewrite."""

    KIND = "inner_critic_rewrite"
    STRATEGY = STRATEGY
    TITLE = "Inner-critic rewrite"
    PICKS: ClassVar[dict[str, str]] = {"feelings": "EMOTIONS"}

    critic_says: str
    feelings: tuple[str, ...]
    rewrite: str

    def check(self, checks: Checks) -> None:
        checks.text("critic_says", self.critic_says, required=True, limit=NOTE_TEXT)
        checks.require("feelings", bool(self.feelings), "Please pick at least one feeling.")
        checks.choices("feelings", self.feelings, words.EMOTIONS)
        checks.text("rewrite", self.rewrite, required=True, limit=NOTE_TEXT)

    def summary(self) -> str:
        return f"Rewritten: {shorten(self.rewrite)}"


@dataclasses.dataclass(frozen=True)
class SelfCompassionLetter(Entry):
    """A letter to myself and the day to read it again; ``reread`` once I have.

    Whether the date may be in the past is the form's question, not the entry's:
    a letter stays valid after its day has come.
    """

    KIND = "self_compassion_letter"
    STRATEGY = STRATEGY
    TITLE = "Self-compassion letter"

    letter: str
    reread_on: dt.date
    reread: bool = False

    FUTURE_DATES = ("reread_on",)

    def saved_words(self, time: str) -> str:
        if self.reread_on <= dt.date.today():
            when = "today: it is waiting for you in the letters panel"
        else:
            when = f"on {self.reread_on:%A %d %B %Y}"
        return f"Saved at {time}. Your letter will be offered back {when}."

    def revised(self, before: Entry) -> SelfCompassionLetter:
        # A new reread day means the letter is waiting to be read again.
        if isinstance(before, SelfCompassionLetter) and self.reread_on == before.reread_on:
            return self
        return dataclasses.replace(self, reread=False)

    def check(self, checks: Checks) -> None:
        checks.text("letter", self.letter, required=True, limit=LONG_TEXT)
        checks.date("reread_on", self.reread_on)
        checks.require("reread", isinstance(self.reread, bool), messages.NO_DATE)

    def due(self, today: dt.date) -> bool:
        """Whether the letter is waiting to be reread on ``today``."""
        return not self.reread and self.reread_on <= today

    def summary(self) -> str:
        when = "reread" if self.reread else f"to reread on {self.reread_on:%d %b %Y}"
        return f"Letter ({when}): {shorten(self.letter)}"


@dataclasses.dataclass(frozen=True)
class ForgivingAMistake(Entry):
    """What happened, what I learned, and what I'll do next time."""

    KIND = "forgiving_a_mistake"
    STRATEGY = STRATEGY
    TITLE = "Forgiving a mistake"

    what_happened: str
    what_i_learned: str
    next_time: str

    def check(self, checks: Checks) -> None:
        checks.texts_required(self, ("what_happened", "what_i_learned", "next_time"),
                              limit=NOTE_TEXT)

    def summary(self) -> str:
        return f"Next time: {shorten(self.next_time)}"


def letters_waiting(letters: Iterable[Any], today: dt.date) -> tuple[list[Any], dt.date | None]:
    """Of saved letters (each with its ``entry``), those waiting to be reread on ``today``,
    earliest reread day first, and the next reread day still to come (None if none)."""
    letters = list(letters)
    due = sorted((s for s in letters if s.entry.due(today)), key=lambda s: s.entry.reread_on)
    upcoming = [s.entry.reread_on for s in letters
                if not s.entry.reread and not s.entry.due(today)]
    return due, min(upcoming, default=None)
