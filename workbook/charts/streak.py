"""The check-in streak: days in a row with a check-in, now and at the longest."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from workbook import trends
from workbook.charts._style import BLUE, dates, empty, figure
from workbook.charts.mood import NO_CHECKINS
from workbook.trends import Span

TITLE = "Check-in streak"


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def streak_chart(checkins: pd.DataFrame, span: Span) -> Figure:
    """One bar per day: how many check-ins it had, with the streaks named in the corner."""
    fig, (ax,) = figure(TITLE, height=2.8)
    ax.set_ylabel("Check-ins")
    ax.set_xlabel("Day")
    rows = trends.within(checkins, span)
    if not len(rows):
        empty(ax, NO_CHECKINS)
        return fig
    per_day = trends.days_of(rows).value_counts().sort_index()
    calendar = trends.daily(rows, "mood", span).index
    per_day = per_day.reindex(calendar, fill_value=0)
    ax.bar(per_day.index, per_day.to_numpy(), width=0.85, color=BLUE)
    streak = trends.streaks(trends.days_of(checkins), span.end)
    ax.text(0.01, 0.97, f"Now: {_days(streak.current)} in a row · "
            f"longest: {_days(streak.longest)}", transform=ax.transAxes, va="top", fontsize=9)
    ax.set_ylim(0, max(3, int(per_day.max()) + 1))
    dates(ax, per_day.index[0], per_day.index[-1])
    return fig


def streak_summary(checkins: pd.DataFrame, span: Span) -> str:
    streak = trends.streaks(trends.days_of(checkins), span.end)
    if not streak.longest:
        return "Your first check-in starts a streak. Any day counts, however it went."
    if streak.current:
        return (f"You have checked in {_days(streak.current)} in a row; your longest run "
                f"is {_days(streak.longest)}.")
    return (f"Your longest run of check-ins is {_days(streak.longest)}; a new one starts "
            "with your next check-in, whenever you are ready.")


def streak_numbers(checkins: pd.DataFrame, span: Span) -> list[tuple[str, str]]:
    streak = trends.streaks(trends.days_of(checkins), span.end)
    return [
        ("Current streak (days)", str(streak.current)),
        ("Longest streak (days)", str(streak.longest)),
        ("Last check-in", f"{streak.last_day:%d %b %Y}" if streak.last_day else "–"),
    ]
