"""A gentle nudge towards support, computed from the person's own check-ins."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from workbook import words

if TYPE_CHECKING:
    import pandas as pd


@dataclasses.dataclass(frozen=True)
class Nudge:
    """Why support is suggested; ``days`` is the number of days with a check-in."""

    days: int
    low_mood_days: int
    high_insecurity_days: int

    @property
    def low_mood(self) -> bool:
        return self.days >= words.NUDGE_MIN_DAYS and self.low_mood_days * 2 > self.days

    @property
    def high_insecurity(self) -> bool:
        return self.days >= words.NUDGE_MIN_DAYS and self.high_insecurity_days == self.days

    @property
    def suggested(self) -> bool:
        return self.low_mood or self.high_insecurity

    def message(self) -> str:
        """One or two kind sentences; empty when there is nothing to suggest."""
        parts = []
        if self.low_mood:
            parts.append(
                f"On {self.low_mood_days} of the {self.days} days you checked in over the last "
                f"two weeks, your mood was {words.NUDGE_LOW_MOOD} or lower.")
        if self.high_insecurity:
            parts.append(
                f"Your insecurity stayed at {words.NUDGE_HIGH_INSECURITY} or higher on every "
                f"day you checked in over the last two weeks.")
        if not parts:
            return ""
        return " ".join(parts) + (
            " That is a lot to carry. Talking to someone you trust, or to a professional, "
            "could make it lighter.")

    def said(self) -> tuple[str, str]:
        """What to say, and its tone: the suggestion ("care"), too few check-ins to go by
        yet ("info"), or nothing that stands out ("ok")."""
        if self.suggested:
            return self.message(), "care"
        if self.days < words.NUDGE_MIN_DAYS:
            return words.NUDGE_TOO_FEW_DAYS.format(days=self.days), "info"
        return words.NUDGE_NOTHING_STANDS_OUT, "ok"


def support_nudge(checkins: pd.DataFrame, today: dt.date) -> Nudge:
    """Look at the 14 days ending ``today`` (inclusive), one value per day (the mean).

    ``checkins`` is a frame from ``workbook.data("checkin")``, already limited to one
    profile. Days without a check-in are left out rather than guessed.
    """
    first = today - dt.timedelta(days=words.NUDGE_DAYS - 1)
    if checkins.empty:
        return Nudge(0, 0, 0)
    days = checkins["day"].dt.date
    window = checkins[(days >= first) & (days <= today)]
    daily = window.groupby(window["day"].dt.date)[["mood", "insecurity"]].mean()
    return Nudge(
        days=len(daily),
        low_mood_days=int((daily["mood"] <= words.NUDGE_LOW_MOOD).sum()),
        high_insecurity_days=int((daily["insecurity"] >= words.NUDGE_HIGH_INSECURITY).sum()),
    )
