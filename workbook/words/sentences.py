"""Sentences built from numbers the person has gathered (counts, changes, what is due).

Plain text, no HTML: the exercise that shows one escapes it.
"""

from __future__ import annotations

import datetime as dt

HEAVY_DAY = ("Today sounds really heavy. You don't have to hold it alone: "
             "these people are there to listen, any time. The 'Need help now?' button at "
             "the top of every notebook opens this list again.")


def checked_in_today(count: int) -> str:
    """How many check-ins there are today."""
    if count == 0:
        return "No check-ins yet today."
    if count == 1:
        return "You have checked in once today."
    return f"You have checked in {count} times today."


def gratitude_week(count: int, told: int) -> str:
    """What this week's gratitude journal holds ("your partner" stays to be named)."""
    if count == 0:
        return "Nothing noted yet this week. One small thing is a lovely start."
    things = "thing" if count == 1 else "things"
    return (f"This week you have noticed {count} {things} you appreciate, and told your "
            f"partner about {told}.")


def distress_change(before: int, after: int) -> str:
    """The before/after change of one self-compassion break, in words."""
    change = after - before
    if change < 0:
        how = f"eased by {-change} point{'s' if change < -1 else ''}"
    elif change > 0:
        how = (f"rose by {change} point{'s' if change > 1 else ''}. That happens: naming a hard "
               "feeling can make it louder for a while")
    else:
        how = "stayed the same. Taking the time was still a kind thing to do"
    return f"Your distress went from {before} to {after}: it {how}."


def letter_offered_back(reread_on: dt.date, today: dt.date) -> str:
    """When a saved self-compassion letter comes back."""
    if reread_on <= today:
        return "today: it is waiting for you in the letters panel"
    return f"on {reread_on:%A %d %B %Y}"
