"""What the home page says around the person's numbers."""

from __future__ import annotations

HOME_COLUMNS = ("Part", "Days practised", "Last time")
HOME_NOT_YET = "not yet"
HOME_NEXT_STEP = "A next step:"
HOME_WAITING = "Waiting for you:"
HOME_NOTHING_WAITING = "Nothing is waiting for you. Take your time."


def streak(days: int) -> str:
    """The check-in streak still going, in words."""
    if not days:
        return "No check-in streak yet. Every day you check in starts one."
    return f"Check-in streak: {'1 day' if days == 1 else f'{days} days'} in a row."
