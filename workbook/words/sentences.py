"""Sentences built from numbers the person has gathered (counts, changes, what is due).

Plain text, no HTML: the exercise that shows one escapes it.
"""

from __future__ import annotations

import datetime as dt

HEAVY_DAY = ("Today sounds really heavy. You don't have to hold it alone: "
             "these people are there to listen, any time. The 'Need help now?' button at "
             "the top of every notebook opens this list again.")

OTHER_NOT_PICKED = ("\u201cOther\u201d isn't picked, so these words will be saved as a note "
                    "with the entry, not counted as the fear. Pick \u201cOther\u201d to count "
                    "them, or clear the box.")


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


def patterns_not_yet(logs: int) -> str:
    """Why trigger-log patterns don't show yet."""
    from workbook import words

    fewest = words.PATTERNS_FEWEST_LOGS
    so_far = "no logs yet" if logs == 0 else f"{logs} so far"
    return (f"Patterns show up once there are at least {fewest} logs ({so_far}). "
            "Each one you add makes the picture clearer; come back after a few.")


def snapshot_due(last: dt.date | None, today: dt.date) -> str:
    """When the next weekly insecurity snapshot is due, in words."""
    # The rhythm is decided in one place, with the list of what is waiting.
    from workbook import progress

    if last is None:
        return "This will be your first snapshot. Come back in a week to see how it moves."
    days = (today - last).days
    due = progress.next_snapshot(last)
    if days == 0:
        return f"Your latest snapshot is from today. The next one is due on {due:%A %d %B}."
    if not progress.snapshot_due(last, today):
        return (f"Your latest snapshot is from {days} day{'s' if days > 1 else ''} ago. "
                f"The next one is due on {due:%A %d %B}.")
    return f"Your latest snapshot is from {days} days ago, so a new one is due."


def support_guidance(outcome: str, today: dt.date) -> str:
    """What the "Is it time for support?" answers lead to."""
    from workbook import words

    text = words.GUIDANCE[outcome]
    if outcome == "keep_practising":
        revisit = today + dt.timedelta(days=words.REVISIT_AFTER_DAYS)
        text += f" A good day to look again: {revisit:%A %d %B}."
    return text


def imported(added: int, skipped: int, unreadable: int) -> str:
    """What an import of another app's check-ins did."""
    text = f"Imported {added} {'check-in' if added == 1 else 'check-ins'}."
    if skipped:
        text += f" {skipped} were already in your journal, so they were not added again."
    if unreadable:
        text += f" {unreadable} rows that couldn't be read were left out."
    return text
