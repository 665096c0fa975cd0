"""The weekly insecurity snapshot, week by week."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from workbook import trends
from workbook.charts._style import PINK, dates, empty, figure
from workbook.charts.mood import number
from workbook.trends import Span

TITLE = "Weekly insecurity snapshot"
NO_SNAPSHOTS = "No insecurity snapshots in this period yet."


def snapshot_trend(snapshots: pd.DataFrame, span: Span) -> Figure:
    """The snapshot score (0–10) per week; weeks without one are left as gaps."""
    fig, (ax,) = figure(TITLE, height=3.2)
    ax.set_ylabel("Snapshot score (0–10)")
    ax.set_xlabel("Week starting")
    weekly = trends.weekly_snapshot(snapshots, span)
    if not weekly.notna().any():
        empty(ax, NO_SNAPSHOTS)
        return fig
    ax.plot(weekly.index, weekly.to_numpy(), color=PINK, marker="o", linewidth=2,
            label="Snapshot score")
    ax.set_ylim(-0.5, 10.5)
    ax.grid(axis="y", alpha=0.3)
    dates(ax, weekly.index[0], weekly.index[-1] + pd.Timedelta(days=6))
    return fig


def snapshot_summary(snapshots: pd.DataFrame, span: Span) -> str:
    weekly = trends.weekly_snapshot(snapshots, span).dropna()
    if not len(weekly):
        return ("The snapshot in 'Start here' takes two minutes a week; each one adds a "
                "point here.")
    if len(weekly) == 1:
        return f"Your snapshot score this period was {number(weekly.iloc[0])} out of 10."
    first, last = weekly.iloc[0], weekly.iloc[-1]
    way = "down" if last < first else "up" if last > first else "unchanged"
    return (f"Your snapshot score went {way} from {number(first)} in the week of "
            f"{weekly.index[0]:%d %b} to {number(last)} in the week of "
            f"{weekly.index[-1]:%d %b} (lower means less insecure).")


def snapshot_numbers(snapshots: pd.DataFrame, span: Span) -> list[tuple[str, str]]:
    weekly = trends.weekly_snapshot(snapshots, span).dropna()
    return [
        ("Weeks with a snapshot", str(len(weekly))),
        ("First score", number(weekly.iloc[0] if len(weekly) else None)),
        ("Latest score", number(weekly.iloc[-1] if len(weekly) else None)),
        ("Average score", number(weekly.mean() if len(weekly) else None)),
    ]
