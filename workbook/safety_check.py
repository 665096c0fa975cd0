"""The safety check's answers, read without widgets: what they point to, and which help
lines fit. The answers themselves are never stored."""

from __future__ import annotations

from collections.abc import Sequence

from workbook import resources, words


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
