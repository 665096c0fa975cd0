"""The safety check's answers, read without widgets: what they point to, and which help
lines fit. The answers themselves are never stored: only whether they last pointed to
fear of a partner, so the plan for safety in a relationship can be offered where plans are."""

from __future__ import annotations

from collections.abc import Sequence

from workbook import resources, words
from workbook.store import Store, StoreError


def outcome_of(answers: Sequence[bool]) -> str:
    """'urgent' (thoughts of self-harm), 'unsafe' (any other "yes") or 'ok'.

    ``answers`` follow `words.SAFETY_QUESTIONS`, True for "yes".
    """
    if answers[words.SAFETY_SELF_HARM_QUESTION]:
        return "urgent"
    return "unsafe" if any(answers) else "ok"


def partner_feared(answers: Sequence[bool]) -> bool:
    """Whether any answer points to fear of a partner (`words.PARTNER_FEAR_QUESTIONS`)."""
    return any(answers[i] for i in words.PARTNER_FEAR_QUESTIONS)


def lines_for(found: str, region: str | None) -> list[resources.Resource]:
    """The help lines for an ``outcome`` in ``region``, each once: abuse lines first
    when the answers point to being unsafe with someone, else the region's lines."""
    if found == "unsafe":
        lines = resources.for_region(region, "abuse") + resources.for_region(region, "crisis")
    else:
        lines = resources.for_region(region)
    return list(dict.fromkeys(lines))


def partner_fear(store: Store) -> bool:
    """Whether the safety check last pointed to fear of a partner (False if unknown)."""
    try:
        return store.setting(words.PARTNER_SAFETY_SETTING) == "yes"
    except StoreError:
        return False


def remember_partner_fear(store: Store, fear: bool) -> None:
    """Remember only whether the safety check pointed to fear of a partner.

    Raises `StoreError` when the journal can't be written.
    """
    store.set_setting(words.PARTNER_SAFETY_SETTING, "yes" if fear else "no")
