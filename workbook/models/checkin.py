"""The daily check-in and the weekly insecurity snapshot."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any, ClassVar

from workbook import words
from workbook.models._text import shorten
from workbook.models.base import LONG_TEXT, NOTE_TEXT, Checks, Entry, EntryInvalid


@dataclasses.dataclass(frozen=True)
class CheckIn(Entry):
    """How I feel right now: mood 1–10, insecurity 0–10, feelings and an optional note.

    A check-in brought in from another app (``source`` names it, e.g. "daylio") may
    have no insecurity (that app never asked) and keeps the activities written there.
    """

    KIND = "checkin"
    TITLE = "Daily check-in"
    PICKS: ClassVar[dict[str, str]] = {"emotions": "EMOTIONS"}

    mood: int
    insecurity: int | None
    emotions: tuple[str, ...] = ()
    note: str = ""
    activities: tuple[str, ...] = ()
    source: str = ""

    def check(self, checks: Checks) -> None:
        checks.rating("mood", self.mood, *words.MOOD_RANGE)
        if self.insecurity is not None or not self.source:
            checks.rating("insecurity", self.insecurity, *words.INSECURITY_RANGE)
        checks.choices("emotions", self.emotions, words.EMOTIONS)
        # Another app's notes may be longer than the check-in form allows; none is cut.
        checks.text("note", self.note, limit=LONG_TEXT if self.source else NOTE_TEXT)
        checks.texts("activities", self.activities)
        checks.text("source", self.source)

    def summary(self) -> str:
        feelings = (", ".join(words.EMOTIONS.labels(self.emotions)) if self.emotions
                    else "no feelings picked")
        insecurity = ("insecurity not recorded" if self.insecurity is None
                      else f"insecurity {self.insecurity}/10")
        line = f"Mood {self.mood}/10, {insecurity}, {feelings}"
        if self.activities:
            line += f"; {', '.join(self.activities)}"
        return f"{line}: {shorten(self.note)}" if self.note.strip() else line


@dataclasses.dataclass(frozen=True)
class InsecuritySnapshot(Entry):
    """The weekly snapshot: how true each sentence was, 0 (not at all) to 4 (very much)."""

    KIND = "insecurity_snapshot"
    TITLE = "Insecurity snapshot"

    answers: tuple[int, ...]
    note: str = ""

    def check(self, checks: Checks) -> None:
        highest = len(words.SNAPSHOT_SCALE) - 1
        if len(self.answers) != len(words.SNAPSHOT_QUESTIONS):
            checks.require("answers", False, "Please answer every sentence.")
        for answer in self.answers:
            checks.rating("answers", answer, 0, highest)
        checks.text("note", self.note, limit=NOTE_TEXT)

    @classmethod
    def from_answers(cls, answers: Sequence[int | None], note: str) -> InsecuritySnapshot:
        """The entry from one answer per sentence (None: not picked yet). Raises
        `EntryInvalid`, naming each unanswered sentence ``q<n>``."""
        missing = {f"q{i}": "Please pick how true this was."
                   for i, answer in enumerate(answers) if answer is None}
        if missing:
            raise EntryInvalid(missing)
        return cls(answers=tuple(a for a in answers if a is not None), note=note)

    @property
    def score(self) -> float:
        """0 (no insecurity this week) to 10 (very much, on every sentence)."""
        highest = len(words.SNAPSHOT_SCALE) - 1
        return round(10 * sum(self.answers) / (highest * len(self.answers)), 1)

    def summary(self) -> str:
        return f"Insecurity snapshot: {self.score}/10"

    def derived(self) -> dict[str, Any]:
        return {"score": self.score}
