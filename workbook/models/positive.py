"""Focusing on the positive: gratitude, shared wins, savouring, and the weekly 5:1 tally."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from workbook import words
from workbook.models.base import NOTE_TEXT, SHORT_TEXT, Checks, Entry

STRATEGY = "focus_on_the_positive"


@dataclasses.dataclass(frozen=True)
class Gratitude(Entry):
    """Up to three things I appreciate about my partner today, and whether I told them."""

    KIND = "gratitude"
    STRATEGY = STRATEGY
    TITLE = "Gratitude journal"

    items: tuple[str, ...]
    told: tuple[bool, ...]

    def check(self, checks: Checks) -> None:
        most = words.GRATITUDE_MOST_ITEMS
        checks.require("items", 1 <= len(self.items) <= most,
                       f"Please write one to {most} things you appreciate.")
        checks.texts("items", self.items, limit=SHORT_TEXT)
        checks.require("items", all(isinstance(i, str) and i.strip() for i in self.items),
                       "Please leave out empty lines.")
        checks.require("told", len(self.told) == len(self.items),
                       "Please say for each thing whether you told them.")
        checks.require("told", all(isinstance(t, bool) for t in self.told),
                       "Please say for each thing whether you told them.")

    @property
    def count(self) -> int:
        return len(self.items)

    @property
    def told_count(self) -> int:
        return sum(1 for told in self.told if told)

    def summary(self) -> str:
        return "; ".join(f"{item}{' (told them)' if told else ''}"
                         for item, told in zip(self.items, self.told, strict=False))

    def derived(self) -> dict[str, Any]:
        return {"count": self.count, "told_count": self.told_count}

    @classmethod
    def from_rows(cls, lines: Sequence[tuple[str, bool]]) -> Gratitude:
        """The entry for the form's lines of (what I appreciate, whether I told them):
        empty lines left out. Raises `EntryInvalid` with problems keyed ``item<n>``."""
        checks = Checks()
        for number, (item, _told) in enumerate(lines):
            checks.text(f"item{number}", item)
        checks.require("item0", any(item.strip() for item, _told in lines),
                       "Please write at least one thing you appreciate.")
        for number, (item, told) in enumerate(lines):
            # A tick on an empty line would be lost without a word: ask instead.
            checks.require(f"item{number}", bool(item.strip()) or not told,
                           "You ticked \"I told them\" here: please write what you told them "
                           "about, or untick it.")
        checks.done()
        filled = [(item, bool(told)) for item, told in lines if item.strip()]
        return cls(items=tuple(item for item, _t in filled),
                   told=tuple(told for _i, told in filled))

    def rows(self, most: int) -> list[tuple[str, bool]]:
        """``most`` lines of (item, told), empty ones after the items."""
        return [(self.items[n], self.told[n]) if n < self.count else ("", False)
                for n in range(most)]


def monday_of(day: dt.date) -> dt.date:
    """The Monday of ``day``'s week."""
    return day - dt.timedelta(days=day.weekday())


def gratitude_totals(entries: Iterable[Gratitude]) -> tuple[int, int]:
    """(things appreciated, things I told them about) over ``entries``."""
    count = told = 0
    for entry in entries:
        count += entry.count
        told += entry.told_count
    return count, told


@dataclasses.dataclass(frozen=True)
class SharedWin(Entry):
    """A success we had together, and how we celebrated it."""

    KIND = "shared_win"
    STRATEGY = STRATEGY
    TITLE = "Shared wins"

    win: str
    celebrated: str = ""

    def check(self, checks: Checks) -> None:
        checks.text("win", self.win, required=True, limit=NOTE_TEXT)
        checks.text("celebrated", self.celebrated, limit=NOTE_TEXT)

    def summary(self) -> str:
        return self.win + (f" — we celebrated: {self.celebrated}" if self.celebrated else "")


@dataclasses.dataclass(frozen=True)
class SavouredMemory(Entry):
    """A good memory, stepped back into with guided prompts; warmth 0–10 as I remember it."""

    KIND = "savoured_memory"
    STRATEGY = STRATEGY
    TITLE = "Savouring a good memory"

    memory: str
    senses: str
    warmth: int
    where_when: str = ""
    feeling: str = ""
    meaning: str = ""

    def check(self, checks: Checks) -> None:
        checks.text("memory", self.memory, required=True, limit=SHORT_TEXT)
        checks.text("where_when", self.where_when, limit=SHORT_TEXT)
        checks.text("senses", self.senses, required=True, limit=NOTE_TEXT)
        checks.text("feeling", self.feeling, limit=NOTE_TEXT)
        checks.text("meaning", self.meaning, limit=NOTE_TEXT)
        checks.rating("warmth", self.warmth, *words.SAVOURING_WARMTH_RANGE)

    def summary(self) -> str:
        return f"{self.memory} (warmth {self.warmth}/10)"


def ratio(positives: int, negatives: int) -> float | None:
    """Positive moments per negative one, rounded to one place; None with no negatives."""
    if negatives == 0:
        return None
    return round(positives / negatives, 1)


def ratio_words(positives: int, negatives: int) -> str:
    """A kind, plain sentence about what a week's tally may mean."""
    goal = words.TALLY_GOAL_RATIO
    if positives == 0 and negatives == 0:
        return ("No moments noted this week. That's fine: noticing gets easier with "
                "practice. Try jotting one down each evening.")
    if negatives == 0:
        return (f"{positives} good moment{'s' if positives != 1 else ''} and none that hurt. "
                "Enjoy that, and notice what helped.")
    value = ratio(positives, negatives)
    if value is not None and value >= goal:
        return (f"About {value:g} good moments for every hard one. Couples who feel steady "
                f"often have around {goal:g} to 1, so this week had plenty of warmth to lean on.")
    if value is not None and value >= 1:
        return (f"About {value:g} good moments for every hard one. Hard moments weigh more "
                "than good ones, so a few extra small kindnesses can tip the balance.")
    return ("This week had more hard moments than good ones. That happens, and it is not a "
            "verdict on your relationship. Small warm moments, even a thank-you, are a "
            "gentle place to start.")


@dataclasses.dataclass(frozen=True)
class PositiveTally(Entry):
    """How many positive and negative moments I noticed in one week (starting Monday)."""

    KIND = "positive_tally"
    STRATEGY = STRATEGY
    TITLE = "Weekly 5:1 tally"

    week_of: dt.date
    positives: int
    negatives: int
    note: str = ""

    def check(self, checks: Checks) -> None:
        checks.not_future("week_of", self.week_of)
        most = words.TALLY_MOST_MOMENTS
        checks.rating("positives", self.positives, 0, most)
        checks.rating("negatives", self.negatives, 0, most)
        checks.text("note", self.note, limit=NOTE_TEXT)

    @property
    def ratio(self) -> float | None:
        return ratio(self.positives, self.negatives)

    def summary(self) -> str:
        shown = "no hard moments" if self.ratio is None else f"{self.ratio:g} to 1"
        return (f"Week of {self.week_of:%d %b %Y}: {self.positives} good, "
                f"{self.negatives} hard ({shown})")

    def derived(self) -> dict[str, Any]:
        # NaN (not None) keeps the column numeric when no week had a hard moment.
        return {"ratio": float("nan") if self.ratio is None else self.ratio}
