"""Which strategies were practised each week, and mood on practice days vs other days."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from workbook import trends, words
from workbook.charts._style import (
    BLUE,
    GREY,
    PALETTE,
    empty,
    figure,
    monthly_if_long,
    period_ticks,
)
from workbook.charts.mood import number
from workbook.trends import Span

TITLE = "Practice per strategy"
NO_PRACTICE = "No exercises saved in this period yet."


def strategy_name(key: str) -> str:
    return words.STRATEGIES.get(key, key.replace("_", " ").capitalize())


def practice_chart(checkins: pd.DataFrame, practice: pd.DataFrame, span: Span) -> Figure:
    """Top: days practised per week, stacked by strategy. Bottom: mood on practice days
    vs other days, only for strategies with enough days on each side."""
    fig, (weekly_ax, mood_ax) = figure(TITLE, 2, 1, height=6.0)
    weekly_ax.set_ylabel("Days practised")
    weekly_ax.set_xlabel("Week starting")
    mood_ax.set_xlabel("Average mood (1–10)")
    mood_ax.set_ylabel("Strategy")
    weekly = trends.practice_weekly(practice, span)
    if weekly.empty or not weekly.to_numpy().sum():
        empty(weekly_ax, NO_PRACTICE)
        empty(mood_ax, "")
        return fig
    bars, monthly = monthly_if_long(weekly)
    if monthly:
        weekly_ax.set_xlabel("Month")
    positions = list(range(len(bars)))
    bottom = pd.Series(0, index=bars.index)
    for i, strategy in enumerate(bars.columns):
        weekly_ax.bar(positions, bars[strategy], bottom=bottom, label=strategy_name(strategy),
                      color=PALETTE[i % len(PALETTE)])
        bottom = bottom + bars[strategy]
    period_ticks(weekly_ax, bars.index, monthly)
    weekly_ax.legend(fontsize=8, frameon=False, loc="upper left")
    weekly_ax.grid(axis="y", alpha=0.3)

    compared = trends.mood_by_practice(checkins, practice, span)
    enough = {key: c for key, c in compared.items() if c.enough}
    if not enough:
        empty(mood_ax, f"Not enough days yet to compare mood (at least "
                       f"{trends.MIN_DAYS_EACH_SIDE} practice days and "
                       f"{trends.MIN_DAYS_EACH_SIDE} other days with a check-in).")
        return fig
    names = [strategy_name(key) for key in enough]
    rows = range(len(enough))
    mood_ax.barh([r + 0.2 for r in rows], [c.on_mean for c in enough.values()], height=0.4,
                 color=BLUE, label="Practice days")
    mood_ax.barh([r - 0.2 for r in rows], [c.off_mean for c in enough.values()], height=0.4,
                 color=GREY, label="Other days")
    mood_ax.set_yticks(list(rows), names, fontsize=8)
    mood_ax.set_xlim(0, 10.5)
    mood_ax.legend(fontsize=8, frameon=False, loc="lower right")
    return fig


def practice_summary(checkins: pd.DataFrame, practice: pd.DataFrame, span: Span) -> str:
    weekly = trends.practice_weekly(practice, span)
    if weekly.empty or not weekly.to_numpy().sum():
        return ("Each exercise you save in notebooks 01 to 07 counts as practice; "
                "it will show here week by week.")
    most = weekly.sum().idxmax()
    compared = trends.mood_by_practice(checkins, practice, span)
    enough = {k: c for k, c in compared.items() if c.enough}
    text = f"You practised most often with {strategy_name(most).lower()}"
    if not enough:
        return text + (f"; mood is compared once a strategy has at least "
                       f"{trends.MIN_DAYS_EACH_SIDE} practice days and "
                       f"{trends.MIN_DAYS_EACH_SIDE} other days with a check-in.")
    best = max(enough, key=lambda k: enough[k].difference or 0)
    result = enough[best]
    return (text + f"; on days you practised {strategy_name(best).lower()}, your mood averaged "
            f"{number(result.on_mean)}, against {number(result.off_mean)} on other days "
            f"({result.on_days} and {result.off_days} days).")


def practice_numbers(checkins: pd.DataFrame, practice: pd.DataFrame,
                     span: Span) -> list[tuple[str, str]]:
    weekly = trends.practice_weekly(practice, span)
    compared = trends.mood_by_practice(checkins, practice, span)
    table = []
    for key in weekly.columns:
        result = compared.get(key)
        mood = ("not enough days to compare" if result is None or not result.enough else
                f"mood {number(result.on_mean)} vs {number(result.off_mean)} on other days")
        table.append((strategy_name(key), f"{int(weekly[key].sum())} days; {mood}"))
    return table or [("Days practised", "0")]
