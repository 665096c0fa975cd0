"""Safety plans: a general one for hard moments, and one for safety with a partner."""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from workbook import messages, words
from workbook.models.base import NOTE_TEXT, Checks, Entry


def _own_words(entry: Entry, names: tuple[str, ...], checks: Checks) -> None:
    # A plan needs something the person wrote; lines filled in for them don't count.
    if not any(str(getattr(entry, name)).strip() for name in names):
        checks.require(names[0], False, words.PLAN_ANSWER_NEEDED)


@dataclasses.dataclass(frozen=True)
class SafetyPlan(Entry):
    """My safety plan: warning signs, what helps, who to ask, and what keeps me going."""

    KIND = "safety_plan"
    TITLE = "My safety plan"

    warning_signs: str = ""
    on_my_own: str = ""
    distractions: str = ""
    people: str = ""
    professionals: str = ""
    safer_surroundings: str = ""
    reasons: str = ""
    in_report: bool = False

    PARTS: ClassVar[tuple[str, ...]] = tuple(name for name, _h, _t in words.SAFETY_PLAN_PARTS)

    def check(self, checks: Checks) -> None:
        for name in self.PARTS:
            checks.text(name, getattr(self, name), limit=NOTE_TEXT)
        if not isinstance(self.in_report, bool):
            checks.require("in_report", False, messages.UNKNOWN_CHOICE)
        _own_words(self, tuple(n for n in self.PARTS if n != "professionals"), checks)

    def summary(self) -> str:
        filled = sum(1 for name in self.PARTS if getattr(self, name).strip())
        return f"My safety plan: {filled} of {len(self.PARTS)} parts written"


@dataclasses.dataclass(frozen=True)
class PartnerSafetyPlan(Entry):
    """A plan for safety with a partner: safe people and places, a bag, a code word, lines."""

    KIND = "partner_safety_plan"
    TITLE = "My plan for safety in my relationship"
    PICKS: ClassVar[dict[str, str]] = {"go_bag": "GO_BAG_ITEMS"}

    safe_people: str = ""
    safe_places: str = ""
    go_bag: tuple[str, ...] = ()
    bag_kept_where: str = ""
    code_word: str = ""
    help_lines: str = ""
    other_steps: str = ""
    in_report: bool = False

    PARTS: ClassVar[tuple[str, ...]] = tuple(name for name, _h, _t in words.PARTNER_PLAN_PARTS)

    def check(self, checks: Checks) -> None:
        for name in self.PARTS:
            checks.text(name, getattr(self, name), limit=NOTE_TEXT)
        checks.choices("go_bag", self.go_bag, words.GO_BAG_ITEMS)
        if not isinstance(self.in_report, bool):
            checks.require("in_report", False, messages.UNKNOWN_CHOICE)
        if not self.go_bag:
            _own_words(self, tuple(n for n in self.PARTS if n != "help_lines"), checks)

    def summary(self) -> str:
        filled = sum(1 for name in self.PARTS if getattr(self, name).strip())
        return (f"My plan for safety in my relationship: {filled} of {len(self.PARTS)} parts "
                f"written, {len(self.go_bag)} thing(s) to keep ready")

