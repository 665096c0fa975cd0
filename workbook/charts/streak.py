"""The check-in streak: days in a row with a check-in, now and at the longest.

The bars count days with a check-in per week (per month over spans longer than two
years), so drawing costs the same for ten years as for one.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from workbook import trends
from workbook.charts._style import BLUE, empty, figure, week_ticks
from workbook.charts.mood import NO_CHECKINS
from workbook.trends import Span

TITLE = "Check-in streak"
# Longer than this many weeks, the bars are months.
WEEKLY_UP_TO = 104


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def _all_days(checkins: pd.DataFrame | None) -> pd.Series:
    if checkins is None or not len(checkins):
        return pd.Series(dtype="datetime64[ns]")
    return trends.days_of(checkins)


def days_checked_in(checkins: pd.DataFrame | None, span: Span) -> tuple[pd.Series, str]:
    """Days with a check-in per week (Monday) or per month over ``span``, and which."""
    rows = trends.within(checkins, span) if checkins is not None else None
    days = pd.DatetimeIndex(_all_days(rows).unique()) if rows is not None else \
        pd.DatetimeIndex([])
    start = span.start or (days.min().date() if len(days) else span.end)
    weeks = (span.end - start).days // 7 + 1
    if weeks <= WEEKLY_UP_TO:
        periods = trends.week_start(pd.DatetimeIndex([pd.Timestamp(start)]))[0]
        index = pd.date_range(periods, pd.Timestamp(span.end), freq="7D")
        counted = pd.Series(1, index=trends.week_start(days)).groupby(level=0).sum()
        unit = "week"
    else:
        index = pd.date_range(pd.Timestamp(start).to_period("M").to_timestamp(),
                              pd.Timestamp(span.end), freq="MS")
        counted = pd.Series(1, index=days.to_period("M").to_timestamp()).groupby(level=0).sum()
        unit = "month"
    return counted.reindex(index, fill_value=0).astype("int64"), unit


def streak_chart(checkins: pd.DataFrame | None, span: Span) -> Figure:
    """Bars: days with a check-in per week (or month), with the streaks named in the corner."""
    fig, (ax,) = figure(TITLE, height=2.8)
    ax.set_ylabel("Days with a check-in")
    rows = trends.within(checkins, span) if checkins is not None else None
    if rows is None or not len(rows):
        ax.set_xlabel("Week starting")
        empty(ax, NO_CHECKINS)
        return fig
    counted, unit = days_checked_in(checkins, span)
    ax.set_xlabel(f"{unit.title()} starting")
    ax.bar(range(len(counted)), counted.to_numpy(), width=0.85, color=BLUE)
    if unit == "week":
        week_ticks(ax, counted.index)
    else:
        step = max(1, -(-len(counted) // 8))
        ax.set_xticks(range(0, len(counted), step),
                      [f"{month:%b %Y}" for month in counted.index[::step]], fontsize=8)
    streak = trends.streaks(_all_days(checkins), span.end)
    ax.text(0.01, 0.97, f"Now: {_days(streak.current)} in a row · "
            f"longest: {_days(streak.longest)}", transform=ax.transAxes, va="top", fontsize=9)
    most = 7 if unit == "week" else 31
    ax.set_ylim(0, most * 1.25)
    return fig


def streak_summary(checkins: pd.DataFrame | None, span: Span) -> str:
    streak = trends.streaks(_all_days(checkins), span.end)
    if not streak.longest:
        return "Your first check-in starts a streak. Any day counts, however it went."
    if streak.current:
        return (f"You have checked in {_days(streak.current)} in a row; your longest run "
                f"is {_days(streak.longest)}.")
    return (f"Your longest run of check-ins is {_days(streak.longest)}; a new one starts "
            "with your next check-in, whenever you are ready.")


def streak_numbers(checkins: pd.DataFrame | None, span: Span) -> list[tuple[str, str]]:
    streak = trends.streaks(_all_days(checkins), span.end)
    return [
        ("Current streak (days)", str(streak.current)),
        ("Longest streak (days)", str(streak.longest)),
        ("Last check-in", f"{streak.last_day:%d %b %Y}" if streak.last_day else "–"),
    ]
