"""What every chart shares: a colour-blind-safe palette, the figure, the empty state."""

from __future__ import annotations

import io

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

# Okabe and Ito's palette, readable with every common kind of colour blindness.
BLUE = "#0072B2"
ORANGE = "#E69F00"
GREEN = "#009E73"
PINK = "#CC79A7"
SKY = "#56B4E9"
VERMILLION = "#D55E00"
YELLOW = "#F0E442"
GREY = "#7F7F7F"
PALETTE = (BLUE, ORANGE, GREEN, PINK, SKY, VERMILLION, YELLOW, GREY)
# Perceptually even and colour-blind safe; empty days are drawn in a light grey.
HEAT_MAP = "viridis"
EMPTY_DAY = "#EEEEEE"

WIDTH = 8.0
DEMO_MARK = "DEMO · made-up data"


def figure(title: str, rows: int = 1, cols: int = 1, *, height: float = 3.6,
           **kwargs: object) -> tuple[Figure, list[Axes]]:
    """A figure (no pyplot, so nothing lingers) with ``title`` and its axes as a flat list."""
    fig = Figure(figsize=(WIDTH, height), layout="constrained")
    fig.suptitle(title, fontsize=13, fontweight="bold")
    axes = fig.subplots(rows, cols, squeeze=False, **kwargs)
    return fig, [ax for row in axes for ax in row]


def empty(ax: Axes, text: str) -> None:
    """Say so in the middle of the axes when there is nothing to draw yet."""
    ax.text(0.5, 0.5, text, transform=ax.transAxes, ha="center", va="center",
            fontsize=11, color=GREY, wrap=True)
    ax.set_xticks([])
    ax.set_yticks([])


def dates(ax: Axes, first: object, last: object) -> None:
    """Show the days ``first`` to ``last`` with short, uncluttered date labels."""
    import matplotlib.dates as mdates
    import pandas as pd

    half = pd.Timedelta(hours=12)
    ax.set_xlim(pd.Timestamp(first) - half, pd.Timestamp(last) + half)
    locator = mdates.AutoDateLocator(minticks=2, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def week_ticks(ax: Axes, weeks: object, most: int = 8) -> None:
    """Label at most ``most`` of the bars at positions 0..n-1 with their week's Monday."""
    labels = [f"{week:%d %b}" for week in weeks]  # type: ignore[attr-defined]
    step = max(1, -(-len(labels) // most))
    ax.set_xticks(range(0, len(labels), step), labels[::step], fontsize=8)


# Over more weeks than this, weekly bars are drawn per month, so a chart of ten years
# costs about what one of two years does.
MOST_WEEKS = 104


def monthly_if_long(weekly: pd.DataFrame) -> tuple[pd.DataFrame, bool]:
    """``weekly`` (rows are Mondays) summed per month when it has too many weeks to draw.

    A week counts in the month its Monday falls in. Returns the table and whether it
    is monthly.
    """
    if len(weekly) <= MOST_WEEKS:
        return weekly, False
    months = pd.DatetimeIndex(weekly.index).to_period("M").to_timestamp()
    monthly = weekly.groupby(months).sum()
    monthly.index.name = "month"
    return monthly, True


def period_ticks(ax: Axes, periods: object, monthly: bool, most: int = 8) -> None:
    """Label bars at 0..n-1 with their week's Monday, or their month when ``monthly``."""
    if not monthly:
        week_ticks(ax, periods, most)
        return
    labels = [f"{month:%b %Y}" for month in periods]  # type: ignore[attr-defined]
    step = max(1, -(-len(labels) // most))
    ax.set_xticks(range(0, len(labels), step), labels[::step], fontsize=8)


def note(fig: Figure, text: str) -> None:
    """A small line under the chart (cautions, what is left out)."""
    fig.supxlabel(text, fontsize=8.5, color="#444444", style="italic")


def mark_demo(fig: Figure) -> Figure:
    """Label a chart drawn from the generated demo data, so it can't be taken for real."""
    fig.text(0.995, 0.995, DEMO_MARK, ha="right", va="top", fontsize=8.5, fontweight="bold",
             color=VERMILLION)
    return fig


def png(fig: Figure, dpi: int = 96) -> bytes:
    """The figure as PNG bytes."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def title_of(fig: Figure) -> str:
    return fig.get_suptitle()
