"""Connecting with values (notebook 06): the card sort, living my values, shared goals."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any, ClassVar

from workbook import words
from workbook.models._text import shorten
from workbook.models.base import NOTE_TEXT, SHORT_TEXT, Checks, Entry

STRATEGY = "values"


@dataclasses.dataclass(frozen=True)
class ValuesSort(Entry):
    """Value cards in three piles and a ranked top five; may be saved half done.

    The top five come from the "very important" and "important" piles. The sort is
    ``complete`` once every card is in a pile and the top five is filled (or holds
    every value that was kept, when fewer than five were). A rank left empty (None)
    before a later one is refused, named under ``top_five``, rather than closed up.
    """

    KIND = "values_sort"
    STRATEGY = STRATEGY
    TITLE = "Values card sort"
    PICKS: ClassVar[dict[str, str]] = {"very_important": "VALUE_CARDS", "important": "VALUE_CARDS",
                                       "not_important": "VALUE_CARDS", "top_five": "VALUE_CARDS"}

    very_important: tuple[str, ...] = ()
    important: tuple[str, ...] = ()
    not_important: tuple[str, ...] = ()
    top_five: tuple[str, ...] = ()

    def check(self, checks: Checks) -> None:
        placed: list[str] = []
        for pile in words.VALUE_PILES:
            cards = getattr(self, pile)
            checks.choices(pile, cards, words.VALUE_CARDS)
            placed += cards
        checks.require("piles", len(placed) == len(set(placed)),
                       "Each value can only be in one pile.")
        top = self.top_five
        if None in top:
            # 1st and 3rd without a 2nd would quietly become 1st and 2nd: ask instead.
            empty = top.index(None)
            later = next((n for n in range(empty, len(top)) if top[n] is not None), None)
            if later is not None:
                checks.require("top_five", False,
                               f"Please fill in your {words.VALUE_RANKS[empty]} value before "
                               f"your {words.VALUE_RANKS[later]}, so your top five has no gaps.")
        checks.choices("top_five", top, words.VALUE_CARDS)
        checks.require("top_five", len(top) == len(set(top)),
                       "Each value can only be ranked once.")
        checks.require("top_five", len(top) <= words.VALUES_TOP_COUNT,
                       f"Please rank at most {words.VALUES_TOP_COUNT} values.")
        kept = set(self.very_important) | set(self.important)
        checks.require("top_five", set(top) <= kept,
                       "Your top five can only hold values you sorted as important.")

    @property
    def sorted_count(self) -> int:
        return sum(len(getattr(self, pile)) for pile in words.VALUE_PILES)

    def saved_words(self, time: str) -> str:
        if self.complete:
            return f"Saved at {time}. Your top five: {', '.join(label(v) for v in self.top_five)}."
        return (f"Saved at {time}: {self.sorted_count} of {len(words.VALUE_CARDS)} sorted, "
                f"{len(self.top_five)} of {words.VALUES_TOP_COUNT} ranked. You can come back "
                "and carry on any time.")

    @property
    def complete(self) -> bool:
        kept = len(self.very_important) + len(self.important)
        placed = {v for pile in words.VALUE_PILES for v in getattr(self, pile)}
        return (set(words.VALUE_CARDS) <= placed
                and len(self.top_five) == min(words.VALUES_TOP_COUNT, kept))

    def most_important(self) -> tuple[str, ...]:
        """The top five in rank order, then the rest of the "very important" pile."""
        rest = tuple(v for v in self.very_important if v not in self.top_five)
        return self.top_five + rest

    def summary(self) -> str:
        state = "complete" if self.complete else (
            f"in progress, {self.sorted_count} of {len(words.VALUE_CARDS)} sorted")
        top = ", ".join(label(v) for v in self.top_five) or "no top five yet"
        return f"Values sort ({state}): {top}"

    def derived(self) -> dict[str, Any]:
        return {"complete": self.complete, "sorted_count": self.sorted_count}


@dataclasses.dataclass(frozen=True)
class LivingValues(Entry):
    """For each value, how important it is and how I acted on it last week (1–10)."""

    KIND = "living_values"
    PICKS: ClassVar[dict[str, str]] = {"values": "VALUE_CARDS"}
    STRATEGY = STRATEGY
    TITLE = "Living my values"

    values: tuple[str, ...]
    importance: tuple[int, ...]
    consistency: tuple[int, ...]
    note: str = ""

    def check(self, checks: Checks) -> None:
        checks.require("values", bool(self.values),
                       "Please sort your values first, so there is something to rate.")
        checks.choices("values", self.values, words.VALUE_CARDS)
        checks.require("values", len(set(self.values)) == len(self.values),
                       "Each value only once, please.")
        for name in ("importance", "consistency"):
            ratings = getattr(self, name)
            checks.require(name, len(ratings) == len(self.values),
                           "Please rate every value.")
            for rating in ratings:
                checks.rating(name, rating, *words.VALUES_RATING_RANGE)
        checks.text("note", self.note, limit=NOTE_TEXT)

    def gaps(self) -> list[tuple[str, int]]:
        """(value, importance minus how I acted on it) for each value, in order."""
        return [(v, i - c) for v, i, c in zip(self.values, self.importance, self.consistency,
                                              strict=True)]

    def biggest_gap(self) -> tuple[str, int] | None:
        """The value furthest from how I lived last week (first one on a tie), if any."""
        widest = max(self.gaps(), key=lambda pair: pair[1], default=None)
        return widest if widest is not None and widest[1] > 0 else None

    def gap_sentence(self) -> str:
        """One sentence naming the biggest gap, in plain words."""
        widest = self.biggest_gap()
        if widest is None:
            return ("Last week you lived as fully as you hoped by every value here. "
                    "Worth noticing, and worth enjoying.")
        value, gap = widest
        index = self.values.index(value)
        return (f"The biggest gap is {label(value)}: it matters {self.importance[index]}/10 "
                f"to you, and you acted on it {self.consistency[index]}/10 last week "
                f"(a gap of {gap}). One small step there could make a difference.")

    def summary(self) -> str:
        widest = self.biggest_gap()
        if widest is None:
            return "Living my values: no gaps last week"
        return f"Living my values: biggest gap {label(widest[0])} ({widest[1]})"

    def derived(self) -> dict[str, Any]:
        widest = self.biggest_gap()
        gaps = [gap for _value, gap in self.gaps()]
        return {"biggest_gap_value": widest[0] if widest else "",
                "biggest_gap": widest[1] if widest else 0,
                "average_gap": round(sum(gaps) / len(gaps), 1)}


@dataclasses.dataclass(frozen=True)
class SharedGoal(Entry):
    """A goal, the value it serves, the first step and a target date."""

    KIND = "shared_goal"
    STRATEGY = STRATEGY
    TITLE = "Shared goal"
    PICKS: ClassVar[dict[str, str]] = {"value": "VALUE_CARDS"}
    FUTURE_DATES = ("target_date",)

    goal: str
    value: str
    first_step: str
    target_date: dt.date

    def check(self, checks: Checks) -> None:
        checks.text("goal", self.goal, required=True, limit=SHORT_TEXT)
        checks.choice("value", self.value, words.VALUE_CARDS)
        checks.text("first_step", self.first_step, required=True, limit=SHORT_TEXT)
        checks.date("target_date", self.target_date)

    def summary(self) -> str:
        return (f"{shorten(self.goal)} (for {label(self.value)}, by "
                f"{self.target_date:%d %b %Y})")

    def short_name(self) -> str:
        """The goal and the value it serves, as the list of goals to check in on names it."""
        return f"{self.goal} (for {label(self.value)})"


@dataclasses.dataclass(frozen=True)
class GoalProgress(Entry):
    """A progress check-in on a shared goal (0–100 %), with an optional note."""

    KIND = "goal_progress"
    STRATEGY = STRATEGY
    TITLE = "Goal progress"

    goal_id: int
    progress: int
    note: str = ""

    def check(self, checks: Checks) -> None:
        checks.require("goal_id", isinstance(self.goal_id, int) and not
                       isinstance(self.goal_id, bool) and self.goal_id > 0,
                       "Please choose a goal.")
        checks.rating("progress", self.progress, *words.GOAL_PROGRESS_RANGE)
        checks.text("note", self.note, limit=NOTE_TEXT)

    def summary(self) -> str:
        note = f": {shorten(self.note)}" if self.note.strip() else ""
        return f"{self.progress} % of the way{note}"


@dataclasses.dataclass(frozen=True)
class ValuesComparison:
    """Two people's most important values: those they share and those only one holds."""

    shared: tuple[str, ...]
    only_mine: tuple[str, ...]
    only_theirs: tuple[str, ...]

    def talk_prompts(self) -> list[str]:
        """Questions to talk about: one on each of the first three shared values, then one
        on each of the first two values only one of them holds, from each side."""
        shared = zip(self.shared[:3], words.VALUES_SHARED_PROMPTS, strict=False)
        different = zip(self.only_mine[:2] + self.only_theirs[:2],
                        words.VALUES_DIFFERENT_PROMPTS * 2, strict=False)
        return [prompt.format(value=label(value)) for value, prompt in (*shared, *different)]


def compare_values(mine: ValuesSort, theirs: ValuesSort) -> ValuesComparison:
    """Compare what matters most (top five, then "very important"), in each one's order."""
    my_values, their_values = mine.most_important(), theirs.most_important()
    return ValuesComparison(
        shared=tuple(v for v in my_values if v in their_values),
        only_mine=tuple(v for v in my_values if v not in their_values),
        only_theirs=tuple(v for v in their_values if v not in my_values),
    )


def label(value: str) -> str:
    """A value's name as people read it (marked if it is no longer among the cards)."""
    return words.VALUE_CARDS.label(value)


def latest_sort(store: Any, profile: str) -> ValuesSort | None:
    """The profile's most recent card sort, finished or not."""
    latest = store.entries(ValuesSort.KIND, profile=profile, limit=1)
    entry = latest[0].entry if latest else None
    return entry if isinstance(entry, ValuesSort) else None


def progress_by_goal(checkins: Sequence[Any]) -> dict[int, list[int]]:
    """Each goal's progress (in %) from its check-ins (saved `GoalProgress`), in their order."""
    history: dict[int, list[int]] = {}
    for saved in checkins:
        history.setdefault(saved.entry.goal_id, []).append(saved.entry.progress)
    return history
