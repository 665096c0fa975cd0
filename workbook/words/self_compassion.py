"""Words for the self-compassion exercises in notebook 04."""

from __future__ import annotations

import datetime as dt

# How much distress right now, before and after a self-compassion break.
SELF_COMPASSION_DISTRESS_RANGE = (0, 10)

# The three steps of a self-compassion break, each answered in the person's own words.
SELF_COMPASSION_BREAK_STEPS: tuple[tuple[str, str, str], ...] = (
    ("noticing",
     "1. Noticing: this is hard",
     "Name what is happening and how it feels, as plainly as you would describe the weather. "
     "For example: \"This hurts. I feel shut out and scared.\""),
    ("common_humanity",
     "2. I am not the only one",
     "Remind yourself that many people feel this way in relationships. "
     "For example: \"Lots of people worry about being left. It is part of caring.\""),
    ("kindness",
     "3. Offering myself kindness",
     "What would be kind to say or do for yourself right now? "
     "For example: \"I can be gentle with myself while this feeling passes.\""),
)

# Gentle suggestions for when to reread a self-compassion letter, in days from today.
SELF_COMPASSION_LETTER_REREAD_DAYS: dict[str, int] = {
    "in a week": 7,
    "in two weeks": 14,
    "in a month": 30,
    "in three months": 91,
}

# A letter's reread day starts this far ahead; "Remind me" puts it off this long.
LETTER_REREAD_AFTER_DAYS = 30
LETTER_REMIND_AGAIN_DAYS = 7
LETTER_KEPT = "Done. Your letter stays in your journal."
LETTER_GONE = "This letter is no longer in your journal."


def no_letters_waiting(upcoming: dt.date | None) -> str:
    """What the letters panel says when no letter waits today (``upcoming``: the next
    reread day, if any)."""
    text = "No letters are waiting for you today."
    if upcoming is not None:
        text += f" The next one comes back on {upcoming:%A %d %B %Y}."
    return text
