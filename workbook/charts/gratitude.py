"""Gratitude per week, how much of it was said out loud, and mood on grateful days."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from workbook import trends
from workbook.charts._style import (
    BLUE,
    GREEN,
    ORANGE,
    empty,
    figure,
    monthly_if_long,
    note,
    period_ticks,
)
from workbook.charts.mood import NO_CHECKINS, number
from workbook.trends import Span

WEEKLY = "Gratitude per week"
WITH_AND_WITHOUT = "Mood on days with and without gratitude"
NO_GRATITUDE = "No gratitude entries in this period yet."
CAUTION = ("These days are compared side by side; this does not show that one causes the "
           "other.")


def gratitude_weekly(gratitude: pd.DataFrame | None, span: Span) -> Figure:
    """Bars: things appreciated per week. Line: the share of them told to the partner."""
    fig, (count_ax, share_ax) = figure(WEEKLY, 2, 1, height=4.8, sharex=True)
    count_ax.set_ylabel("Things appreciated")
    share_ax.set_ylabel("Told my partner (%)")
    share_ax.set_xlabel("Week starting")
    weekly = _weekly(gratitude, span)
    if weekly is None or not weekly["entries"].sum():
        empty(count_ax, NO_GRATITUDE)
        empty(share_ax, "")
        return fig
    bars, monthly = monthly_if_long(weekly[["entries", "items", "told"]])
    if monthly:
        share_ax.set_xlabel("Month")
    share = bars["told"] / bars["items"].where(bars["items"] > 0)
    positions = range(len(bars))
    count_ax.bar(positions, bars["items"], color=GREEN, label="Things appreciated")
    share_ax.plot(positions, (100 * share).to_numpy(), color=BLUE, marker="o",
                  label="Share told")
    share_ax.set_ylim(-5, 105)
    period_ticks(share_ax, bars.index, monthly)
    for ax in (count_ax, share_ax):
        ax.grid(axis="y", alpha=0.3)
    return fig


def _weekly(gratitude: pd.DataFrame | None, span: Span) -> pd.DataFrame | None:
    return None if gratitude is None else trends.weekly_gratitude(gratitude, span)


def gratitude_summary(gratitude: pd.DataFrame | None, span: Span) -> str:
    weekly = _weekly(gratitude, span)
    if weekly is None or not weekly["entries"].sum():
        return ("Once you keep the gratitude journal (notebook 02), this shows how many things "
                "you appreciated each week and how many you told your partner about.")
    items, told = int(weekly["items"].sum()), int(weekly["told"].sum())
    share = round(100 * told / items) if items else 0
    per_week = items / len(weekly)
    return (f"Over {span.describe()} you noted {items} things you appreciate "
            f"(about {number(per_week)} a week) and told your partner about {share}% of them.")


def gratitude_numbers(gratitude: pd.DataFrame | None, span: Span) -> list[tuple[str, str]]:
    weekly = _weekly(gratitude, span)
    if weekly is None:
        return [("Gratitude entries", "0")]
    items, told = int(weekly["items"].sum()), int(weekly["told"].sum())
    return [
        ("Gratitude entries", str(int(weekly["entries"].sum()))),
        ("Things appreciated", str(items)),
        ("Told my partner", f"{told} ({round(100 * told / items) if items else 0}%)"),
        ("Weeks shown", str(len(weekly))),
    ]


def mood_with_gratitude(checkins: pd.DataFrame, gratitude: pd.DataFrame | None,
                        span: Span) -> Figure:
    """Two bars: average mood on days with a gratitude entry and on the other days."""
    fig, (ax,) = figure(WITH_AND_WITHOUT, height=3.4)
    ax.set_ylabel("Average mood (1–10)")
    ax.set_xlabel("Days with a check-in")
    note(fig, CAUTION)
    if not len(trends.within(checkins, span)):
        empty(ax, NO_CHECKINS)
        return fig
    result = trends.mood_with_gratitude(checkins, gratitude, span)
    labels = [f"With gratitude\n({_days(result.on_days)})",
              f"Without gratitude\n({_days(result.off_days)})"]
    heights = [result.on_mean or 0.0, result.off_mean or 0.0]
    bars = ax.bar(labels, heights, color=[GREEN, ORANGE], width=0.55)
    ax.bar_label(bars, labels=[number(result.on_mean), number(result.off_mean)], padding=2)
    ax.set_ylim(0, 10.5)
    ax.grid(axis="y", alpha=0.3)
    return fig


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def with_and_without_summary(checkins: pd.DataFrame, gratitude: pd.DataFrame | None,
                             span: Span) -> str:
    result = trends.mood_with_gratitude(checkins, gratitude, span)
    if not result.on_days + result.off_days:
        return "There are no check-ins in this period yet to compare."
    if not result.enough:
        return (f"There are {_days(result.on_days)} with gratitude and {_days(result.off_days)} "
                f"without; at least {trends.MIN_DAYS_EACH_SIDE} of each are needed for a fair "
                "comparison.")
    return (f"On the {_days(result.on_days)} with a gratitude entry your mood averaged "
            f"{number(result.on_mean)}, and {number(result.off_mean)} on the "
            f"{_days(result.off_days)} without; this shows days side by side, not cause "
            "and effect.")


def with_and_without_numbers(checkins: pd.DataFrame, gratitude: pd.DataFrame | None,
                             span: Span) -> list[tuple[str, str]]:
    result = trends.mood_with_gratitude(checkins, gratitude, span)
    return [
        ("Days with gratitude (and a check-in)", str(result.on_days)),
        ("Average mood on those days", number(result.on_mean)),
        ("Days without gratitude", str(result.off_days)),
        ("Average mood on those days", number(result.off_mean)),
    ]
