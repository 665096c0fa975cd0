"""Mood and insecurity over time, and a calendar of daily mood."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from workbook import trends
from workbook.charts._style import (
    BLUE,
    EMPTY_DAY,
    HEAT_MAP,
    SKY,
    VERMILLION,
    dates,
    empty,
    figure,
)
from workbook.trends import Span

OVER_TIME = "Mood and insecurity over time"
CALENDAR = "Mood calendar"
NO_CHECKINS = "No check-ins in this period yet."
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MIN_CALENDAR_WEEKS = 5


def number(value: float | None) -> str:
    return "–" if value is None or pd.isna(value) else f"{value:.1f}"


def mood_over_time(checkins: pd.DataFrame, span: Span) -> Figure:
    """Daily mood and insecurity as dots, each with its 7-day rolling mean as a line.

    The line stops across gaps of `trends.GAP_DAYS` days or more without a check-in.
    """
    fig, (mood_ax, insecurity_ax) = figure(OVER_TIME, 2, 1, height=5.2, sharex=True)
    rows = trends.within(checkins, span)
    for ax, column, label, limits, colour in (
            (mood_ax, "mood", "Mood (1–10)", (0.5, 10.5), BLUE),
            (insecurity_ax, "insecurity", "Insecurity (0–10)", (-0.5, 10.5), VERMILLION)):
        ax.set_ylabel(label)
        if not len(rows):
            empty(ax, NO_CHECKINS)
            continue
        values = trends.daily(rows, column, span)
        ax.plot(values.index, values.to_numpy(), linestyle="none", marker="o", markersize=3.5,
                color=SKY if column == "mood" else colour, alpha=0.8, label="Daily value")
        ax.plot(values.index, trends.rolling_mean(values).to_numpy(), color=colour,
                linewidth=2.2, label=f"{trends.ROLLING_DAYS}-day average")
        ax.set_ylim(*limits)
        ax.grid(axis="y", alpha=0.3)
        ax.legend(loc="upper left", fontsize=8, frameon=False, ncols=2)
    insecurity_ax.set_xlabel("Day")
    if len(rows):
        dates(insecurity_ax, values.index[0], values.index[-1])
    return fig


def _direction(now: float, before: float) -> str:
    if round(now, 1) > round(before, 1):
        return "up from"
    if round(now, 1) < round(before, 1):
        return "down from"
    return "the same as"


def mood_summary(checkins: pd.DataFrame, span: Span) -> str:
    """E.g. 'Your average mood over the last 30 days was 5.8, up from 4.9 the 30 days before.'"""
    mood = trends.average(checkins, "mood", span)
    if mood is None:
        return "There are no check-ins in this period yet, so there is no average to show."
    insecurity = trends.average(checkins, "insecurity", span)
    text = f"Your average mood over {span.describe()} was {number(mood)}"
    previous = span.previous()
    before = trends.average(checkins, "mood", previous)
    if before is not None and previous is not None:
        text += f", {_direction(mood, before)} {number(before)} the {previous.days} days before"
    if insecurity is None:
        return text + "; insecurity wasn't recorded on these days."
    return text + f"; insecurity averaged {number(insecurity)} out of 10."


def mood_numbers(checkins: pd.DataFrame, span: Span) -> list[tuple[str, str]]:
    rows = trends.within(checkins, span)
    days = trends.days_of(rows).nunique() if len(rows) else 0
    previous = span.previous()
    return [
        ("Check-ins", str(len(rows))),
        ("Days with a check-in", str(days)),
        ("Average mood", number(trends.average(checkins, "mood", span))),
        ("Average mood, period before", number(trends.average(checkins, "mood", previous))),
        ("Average insecurity", number(trends.average(checkins, "insecurity", span))),
        ("Average insecurity, period before",
         number(trends.average(checkins, "insecurity", previous))),
    ]


def calendar_weeks(checkins: pd.DataFrame, span: Span) -> int:
    """Weeks the calendar shows: the span's weeks, at least 5, at most a year."""
    start = span.start or trends.first_day(checkins) or span.end
    weeks = (span.end - start).days // 7 + 1
    return max(MIN_CALENDAR_WEEKS, min(trends.CALENDAR_WEEKS, weeks))


def mood_calendar(checkins: pd.DataFrame, span: Span) -> Figure:
    """Daily mood as coloured squares: a row per weekday, a column per week."""
    fig, (ax,) = figure(CALENDAR, height=2.9)
    ax.set_xlabel("Week starting")
    ax.set_ylabel("Day of the week")
    rows = trends.within(checkins, span)
    if not len(rows):
        empty(ax, NO_CHECKINS)
        return fig
    grid = trends.calendar(trends.daily(rows, "mood"), span.end, calendar_weeks(checkins, span))
    ax.set_facecolor(EMPTY_DAY)
    image = ax.imshow(np.ma.masked_invalid(grid.to_numpy()), cmap=HEAT_MAP, vmin=1, vmax=10,
                      aspect="auto", interpolation="nearest")
    ax.set_yticks(range(7), WEEKDAYS, fontsize=8)
    step = max(1, len(grid.columns) // 8)
    ax.set_xticks(range(0, len(grid.columns), step),
                  [f"{week:%d %b}" for week in grid.columns[::step]], fontsize=8)
    fig.colorbar(image, ax=ax, label="Mood", shrink=0.9, pad=0.01)
    return fig


def calendar_summary(checkins: pd.DataFrame, span: Span) -> str:
    rows = trends.within(checkins, span)
    if not len(rows):
        return "Each square will be one day, coloured by your mood, once you have check-ins."
    mood = trends.daily(rows, "mood").dropna()
    weekday = mood.groupby(mood.index.day_of_week).mean()
    text = f"Each square is one day; you checked in on {len(mood)} of them"
    if len(weekday) < 2:
        return text + "."
    best = WEEKDAY_NAMES[int(weekday.idxmax())]
    return text + f", and your mood was highest on {best}s ({number(weekday.max())} on average)."



def calendar_numbers(checkins: pd.DataFrame, span: Span) -> list[tuple[str, str]]:
    rows = trends.within(checkins, span)
    mood = trends.daily(rows, "mood").dropna() if len(rows) else pd.Series(dtype=float)
    return [
        ("Days with a check-in", str(len(mood))),
        ("Lowest daily mood", number(mood.min() if len(mood) else None)),
        ("Highest daily mood", number(mood.max() if len(mood) else None)),
    ]
