"""Seeking professional help: the support reflection and therapist candidates."""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from workbook import words
from workbook.models.base import NOTE_TEXT, SHORT_TEXT, Checks, Entry
from workbook.models.communication import ClearStatement

STRATEGY = "professional_help"


def guidance(signs: frozenset[str] | set[str] | tuple[str, ...]) -> str:
    """Which of the three messages fits: 'keep_practising', 'see_professional' or
    'reach_out_now'."""
    chosen = set(signs)
    if chosen & words.URGENT_SIGNS:
        return "reach_out_now"
    if len(chosen) >= words.SIGNS_FOR_SUPPORT:
        return "see_professional"
    return "keep_practising"


@dataclasses.dataclass(frozen=True)
class SupportReflection(Entry):
    """Which signs fit right now, and a note; leads to one of three plain messages."""

    KIND = "support_reflection"
    STRATEGY = STRATEGY
    TITLE = "Is it time for support?"
    PICKS: ClassVar[dict[str, str]] = {"signs": "SUPPORT_SIGNS"}

    signs: tuple[str, ...] = ()
    note: str = ""

    def check(self, checks: Checks) -> None:
        checks.choices("signs", self.signs, words.SUPPORT_SIGNS)
        checks.text("note", self.note, limit=NOTE_TEXT)

    @property
    def outcome(self) -> str:
        return guidance(self.signs)

    def summary(self) -> str:
        label = {"keep_practising": "keep practising", "see_professional":
                 "talking to a professional could help", "reach_out_now": "reach out now"}
        return f"{len(self.signs)} sign(s) noticed: {label[self.outcome]}"

    def derived(self) -> dict[str, object]:
        return {"outcome": self.outcome, "sign_count": len(self.signs)}


@dataclasses.dataclass(frozen=True)
class TherapistCandidate(Entry):
    """A possible therapist and my answers to the questions worth asking."""

    KIND = "therapist_candidate"
    STRATEGY = STRATEGY
    TITLE = "Therapist candidate"
    PICKS: ClassVar[dict[str, str]] = {"licensed": "THERAPIST_YES_NO_UNSURE",
                                       "format": "THERAPIST_FORMATS"}

    name: str
    licensed: str = "not_sure_yet"
    experience: str = ""
    approach: str = ""
    cost: str = ""
    availability: str = ""
    format: str = "not_sure_yet"
    first_contact: str = ""
    fit: int = 3

    def check(self, checks: Checks) -> None:
        checks.text("name", self.name, required=True, limit=120)
        checks.choice("licensed", self.licensed, words.THERAPIST_YES_NO_UNSURE)
        checks.choice("format", self.format, words.THERAPIST_FORMATS)
        for name in ("experience", "approach", "cost", "availability", "first_contact"):
            checks.text(name, getattr(self, name), limit=SHORT_TEXT)
        checks.rating("fit", self.fit, *words.FIT_RANGE)

    def summary(self) -> str:
        return f"{self.name}: fit {self.fit}/5"


@dataclasses.dataclass(frozen=True)
class TherapyStatement(ClearStatement):
    """A clear statement for raising therapy with my partner (built in notebook 07)."""

    KIND = "therapy_statement"
    STRATEGY = STRATEGY
    TITLE = "Talking with my partner about therapy"


@dataclasses.dataclass(frozen=True)
class SessionPrep(Entry):
    """What I want to bring to a session, so the time is spent on what matters."""

    KIND = "session_prep"
    STRATEGY = STRATEGY
    TITLE = "Session prep"

    topics: str
    hopes: str = ""
    questions: str = ""

    def check(self, checks: Checks) -> None:
        checks.text("topics", self.topics, required=True, limit=NOTE_TEXT)
        checks.text("hopes", self.hopes, limit=NOTE_TEXT)
        checks.text("questions", self.questions, limit=NOTE_TEXT)

    def summary(self) -> str:
        return self.topics
