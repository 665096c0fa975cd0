"""Reframing negative thoughts (notebook 05): thought records, quick checks, patterns."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable
from typing import Any, ClassVar

from workbook import words
from workbook.models._text import shorten
from workbook.models.base import NOTE_TEXT, Checks, Entry

STRATEGY = "reframe_thoughts"
PICK_A_FEELING = "Please pick at least one feeling."
RATE_EACH_FEELING = "Please rate each feeling you picked."


@dataclasses.dataclass(frozen=True)
class ThoughtRecord(Entry):
    """A full thought record.

    ``emotions`` are names from the feelings list; ``intensity_before`` and
    ``intensity_after`` hold one 0–100 rating per emotion, in the same order.
    """

    KIND = "thought_record"
    STRATEGY = STRATEGY
    TITLE = "Thought record"
    PICKS: ClassVar[dict[str, str]] = {"situation_kind": "THOUGHT_SITUATIONS",
                                       "emotions": "EMOTIONS", "traps": "THINKING_TRAPS"}

    situation: str
    situation_kind: str
    emotions: tuple[str, ...]
    intensity_before: tuple[int, ...]
    automatic_thought: str
    belief_before: int
    traps: tuple[str, ...]
    evidence_for: str
    evidence_against: str
    friend_view: str
    balanced_thought: str
    belief_after: int
    intensity_after: tuple[int, ...]

    def check(self, checks: Checks) -> None:
        low, high = words.THOUGHT_BELIEF_RANGE
        checks.text("situation", self.situation, required=True, limit=NOTE_TEXT)
        checks.choice("situation_kind", self.situation_kind, words.THOUGHT_SITUATIONS)
        checks.require("emotions", bool(self.emotions), PICK_A_FEELING)
        checks.choices("emotions", self.emotions, words.EMOTIONS)
        checks.require("emotions", len(set(self.emotions)) == len(self.emotions),
                       "Each feeling only once, please.")
        for name in ("intensity_before", "intensity_after"):
            ratings = getattr(self, name)
            checks.require(name, len(ratings) == len(self.emotions), RATE_EACH_FEELING)
            for rating in ratings:
                checks.rating(name, rating, *words.THOUGHT_INTENSITY_RANGE)
        checks.text("automatic_thought", self.automatic_thought, required=True, limit=NOTE_TEXT)
        checks.rating("belief_before", self.belief_before, low, high)
        checks.choices("traps", self.traps, words.THINKING_TRAPS)
        checks.text("evidence_for", self.evidence_for, limit=NOTE_TEXT)
        checks.text("evidence_against", self.evidence_against, limit=NOTE_TEXT)
        checks.text("friend_view", self.friend_view, limit=NOTE_TEXT)
        checks.text("balanced_thought", self.balanced_thought, required=True, limit=NOTE_TEXT)
        checks.rating("belief_after", self.belief_after, low, high)

    @property
    def belief_change(self) -> int:
        """After minus before: negative when I believe the thought less."""
        return self.belief_after - self.belief_before

    @property
    def intensity_change(self) -> float:
        """Average change across the feelings (after minus before)."""
        changes = [a - b for b, a in zip(self.intensity_before, self.intensity_after,
                                         strict=True)]
        return round(sum(changes) / len(changes), 1)

    def change_text(self) -> str:
        """The before/after change in words, for the person to see once saved."""
        parts = [f"Belief in the thought: {self.belief_before} → {self.belief_after} "
                 f"({_points(self.belief_change)})."]
        feelings = ", ".join(f"{name} {b} → {a}" for name, b, a in
                             zip(self.emotions, self.intensity_before, self.intensity_after,
                                 strict=True))
        parts.append(f"Feelings: {feelings}.")
        return " ".join(parts)

    def summary(self) -> str:
        return (f"{shorten(self.automatic_thought)} — belief {self.belief_before} → "
                f"{self.belief_after}")

    def derived(self) -> dict[str, Any]:
        return {"belief_change": self.belief_change, "intensity_change": self.intensity_change}


@dataclasses.dataclass(frozen=True)
class QuickThoughtCheck(Entry):
    """A short check for the moment: the thought, the trap, a kinder alternative."""

    KIND = "quick_thought_check"
    STRATEGY = STRATEGY
    TITLE = "Quick thought check"
    PICKS: ClassVar[dict[str, str]] = {"trap": "THINKING_TRAPS"}

    thought: str
    trap: str
    alternative: str

    def check(self, checks: Checks) -> None:
        checks.text("thought", self.thought, required=True, limit=NOTE_TEXT)
        checks.choice("trap", self.trap, words.THINKING_TRAPS)
        checks.text("alternative", self.alternative, required=True, limit=NOTE_TEXT)

    def summary(self) -> str:
        trap = words.THINKING_TRAPS.label(self.trap)
        return f"{trap}: {shorten(self.alternative)}"


@dataclasses.dataclass(frozen=True)
class ThoughtPatterns:
    """What a set of thought records has in common."""

    records: int
    traps: list[tuple[str, int]]
    situations: list[tuple[str, int]]
    average_belief_drop: float | None

    def sentences(self) -> list[str]:
        """The patterns in plain words; gentle when there is little to go on."""
        if self.records == 0:
            return ["No thought records yet. Once you have saved a few, the traps and "
                    "moments that come up most often will show here."]
        plural = "record" if self.records == 1 else "records"
        lines = [f"From {self.records} thought {plural}:"]
        if self.traps:
            named = ", ".join(f"{words.THINKING_TRAPS.label(key).lower()} ({n})"
                              for key, n in self.traps[:3])
            lines.append(f"The thinking traps you spotted most: {named}.")
        else:
            lines.append("You have not marked any thinking traps yet.")
        if self.situations:
            named = ", ".join(f"{words.THOUGHT_SITUATIONS.label(kind)} ({n})"
                              for kind, n in self.situations[:3])
            lines.append(f"The moments that set thoughts off most: {named}.")
        drop = self.average_belief_drop
        if drop is not None and drop > 0:
            lines.append(f"On average, your belief in the first thought fell by {drop:g} "
                         "points once you had worked it through.")
        elif drop is not None:
            lines.append("On average, your belief in the first thought stayed about the same. "
                         "That is fine: some thoughts take a few tries to loosen.")
        if self.records < 3:
            lines.append("With a few more records, these patterns will be clearer.")
        return lines


def find_patterns(records: Iterable[ThoughtRecord]) -> ThoughtPatterns:
    """Most frequent traps and situations (most first, ties in list order) and the
    average fall in belief (before minus after), rounded to one decimal."""
    records = list(records)
    traps = Counter(trap for record in records for trap in record.traps)
    situations = Counter(record.situation_kind for record in records)
    drops = [record.belief_before - record.belief_after for record in records]
    return ThoughtPatterns(
        records=len(records),
        traps=sorted(traps.items(),
                     key=lambda kv: (-kv[1], words.THINKING_TRAPS.position(kv[0]), kv[0])),
        situations=sorted(situations.items(), key=lambda kv: (
            -kv[1], words.THOUGHT_SITUATIONS.position(kv[0]), kv[0])),
        average_belief_drop=round(sum(drops) / len(drops), 1) if drops else None,
    )


def _points(change: int) -> str:
    if change < 0:
        return f"down {-change} points"
    if change > 0:
        return f"up {change} points"
    return "no change"
