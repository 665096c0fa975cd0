"""Distress before and after each self-compassion break."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from workbook.charts import _style


def distress_chart(breaks: pd.DataFrame) -> Figure:
    """Distress before and after each self-compassion break, from its data frame."""
    fig, (ax,) = _style.figure("Distress before and after each self-compassion break")
    ax.set_xlabel("Self-compassion break (oldest first)")
    ax.set_ylabel("Distress (0–10)")
    if breaks is None or not len(breaks):
        _style.empty(ax, "No self-compassion breaks saved yet.")
    else:
        numbers = range(1, len(breaks) + 1)
        ax.plot(numbers, breaks["distress_before"].astype(float), "o-", color=_style.VERMILLION,
                label="Before")
        ax.plot(numbers, breaks["distress_after"].astype(float), "s-", color=_style.BLUE,
                label="After")
        ax.set_ylim(-0.5, 10.5)
        ax.set_xticks(list(numbers))
        ax.legend(loc="upper right")
    _style.note(fig, distress_summary(breaks))
    return fig


def distress_summary(breaks: pd.DataFrame) -> str:
    """One sentence on how distress changed across the breaks."""
    if breaks is None or not len(breaks):
        return "Once you save a self-compassion break, the change in distress shows here."
    average = round(float(breaks["distress_change"].astype(float).mean()), 1)
    count = len(breaks)
    plural = "break" if count == 1 else "breaks"
    if average < 0:
        return f"Across {count} {plural}, distress eased by {-average:g} points on average."
    if average > 0:
        return f"Across {count} {plural}, distress rose by {average:g} points on average."
    return f"Across {count} {plural}, distress stayed the same on average."


def journal_distress_chart(store: object, profile: str) -> Figure | None:
    """The chart for ``profile``'s breaks in ``store`` (None before the first break)."""
    from workbook.frames import data

    breaks = data("self_compassion_break", store=store, profile=profile)
    return distress_chart(breaks) if len(breaks) else None
