"""What lifts my mood: activities and feelings against daily mood, and mood by weekday."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from workbook import lifts, trends, words
from workbook.charts._style import GREEN, GREY, ORANGE, SKY, empty, figure, note
from workbook.charts.gratitude import CAUTION
from workbook.charts.mood import NO_CHECKINS, WEEKDAY_NAMES, WEEKDAYS, number
from workbook.trends import Span

TITLE = "What lifts my mood"
# The chart shows at most this many items: the highest and the lowest differences.
SHOWN = 10
NOT_ENOUGH = (f"Once an activity or a feeling has at least {trends.MIN_DAYS_EACH_SIDE} days "
              "with it and without it, it is compared here.")


def _shown(table: pd.DataFrame) -> pd.DataFrame:
    if len(table) <= SHOWN:
        return table
    half = SHOWN // 2
    return pd.concat([table.head(half), table.tail(SHOWN - half)])


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def item_name(row: pd.Series) -> str:
    """An activity as the other app wrote it; a feeling by its label in the pick list."""
    return words.EMOTIONS.label(row["name"]) if row["kind"] == "feeling" else str(row["name"])


def _label(row: pd.Series) -> str:
    return f"{item_name(row)} ({row['kind']})"


def lifts_chart(checkins: pd.DataFrame | None, span: Span) -> Figure:
    """Bars: mood with minus mood without, per item; below, average mood per weekday."""
    fig, (items_ax, weekday_ax) = figure(TITLE, 2, 1, height=6.4,
                                         gridspec_kw={"height_ratios": [3, 2]})
    items_ax.set_xlabel("Mood on days with it, minus days without (points out of 10)")
    items_ax.set_ylabel("Activity or feeling")
    weekday_ax.set_xlabel("Day of the week")
    weekday_ax.set_ylabel("Average mood (1–10)")
    note(fig, CAUTION)
    rows = trends.within(checkins, span) if checkins is not None else None
    if rows is None or not len(rows):
        empty(items_ax, NO_CHECKINS)
        empty(weekday_ax, "")
        return fig
    table = _shown(lifts.what_lifts(rows))
    if len(table):
        labels = [f"{_label(row)}: {_days(row['with_days'])} with, {row['without_days']} "
                  "without" for _, row in table.iterrows()]
        values = table["difference"].to_numpy(dtype="float64")
        positions = np.arange(len(table))[::-1]
        items_ax.barh(positions, values, color=[GREEN if v >= 0 else ORANGE for v in values])
        items_ax.set_yticks(positions, labels, fontsize=8)
        items_ax.axvline(0, color=GREY, linewidth=0.8)
        items_ax.grid(axis="x", alpha=0.3)
    else:
        empty(items_ax, NOT_ENOUGH)
        items_ax.set_ylabel("Activity or feeling")
    weekdays = lifts.mood_by_weekday(rows)
    bars = weekday_ax.bar(list(WEEKDAYS), weekdays["mean"].fillna(0).to_numpy(), color=SKY)
    weekday_ax.bar_label(bars, labels=[number(v) for v in weekdays["mean"]], padding=2,
                         fontsize=8)
    weekday_ax.set_ylim(0, 10.5)
    weekday_ax.grid(axis="y", alpha=0.3)
    return fig


def lifts_summary(checkins: pd.DataFrame | None, span: Span) -> str:
    rows = trends.within(checkins, span) if checkins is not None else None
    if rows is None or not len(rows):
        return ("Once you have check-ins, this compares your mood on days with and without "
                "each activity and feeling.")
    table = lifts.what_lifts(rows)
    if not len(table):
        return NOT_ENOUGH
    top = table.iloc[0]
    text = (f"Your mood averaged {number(top['with_mean'])} on the {top['with_days']} days "
            f"with {item_name(top)} and {number(top['without_mean'])} on the "
            f"{top['without_days']} days without")
    weekdays = lifts.mood_by_weekday(rows).dropna()
    if len(weekdays) >= 2:
        best = weekdays["mean"].idxmax()
        text += f"; {WEEKDAY_NAMES[int(best)]}s were your best days on average"
    return text + ". This shows days side by side, not cause and effect."


def lifts_numbers(checkins: pd.DataFrame | None, span: Span) -> list[tuple[str, str]]:
    rows = trends.within(checkins, span) if checkins is not None else None
    table = lifts.what_lifts(rows) if rows is not None else lifts.what_lifts(None)
    numbers = [(f"{_label(row)}: with / without",
                f"{number(row['with_mean'])} ({_days(row['with_days'])}) / "
                f"{number(row['without_mean'])} ({_days(row['without_days'])})")
               for _, row in _shown(table).iterrows()]
    weekdays = lifts.mood_by_weekday(rows)
    numbers += [(f"Average mood on {WEEKDAY_NAMES[day]}s",
                 f"{number(weekdays.loc[day, 'mean'])} ({_days(weekdays.loc[day, 'days'])})")
                for day in range(7)]
    return numbers
