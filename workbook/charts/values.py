"""Living my values: importance beside last week's action, and the biggest gap."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from workbook.charts import _style
from workbook.models.values import LivingValues, label
from workbook.store import Saved


def saved_gap_chart(saved: Saved) -> Figure:
    """`gap_chart` for one saved entry."""
    from workbook.frames import entries_frame

    return gap_chart(entries_frame(LivingValues.KIND, [saved]))


def gap_chart(living: pd.DataFrame) -> Figure:
    """Importance beside last week's action for each value in the latest entry of ``living``."""
    fig, (ax,) = _style.figure("Living my values: what matters and what I did",
                               height=3.8)
    ax.set_xlabel("Rating (1–10)")
    ax.set_ylabel("Value")
    entry = _latest_living(living)
    if entry is None:
        _style.empty(ax, "Save 'Living my values' to see your gaps here.")
    else:
        names = [label(v) for v in entry.values][::-1]
        places = list(range(len(names)))
        ax.barh([p + 0.2 for p in places], list(entry.importance)[::-1], height=0.4,
                color=_style.BLUE, label="How important to me")
        ax.barh([p - 0.2 for p in places], list(entry.consistency)[::-1], height=0.4,
                color=_style.ORANGE, label="How I acted on it last week")
        ax.set_yticks(places, names)
        ax.set_xlim(0, 10.5)
        ax.legend(loc="lower right", fontsize=8)
    _style.note(fig, gap_summary(living))
    return fig


def gap_summary(living: pd.DataFrame) -> str:
    """One sentence naming the biggest gap in the latest entry."""
    entry = _latest_living(living)
    if entry is None:
        return "Once you rate your values, the biggest gap is named here."
    return entry.gap_sentence()


def _latest_living(living: pd.DataFrame | None) -> LivingValues | None:
    if living is None or not len(living):
        return None
    row = living.sort_index().iloc[-1]
    return LivingValues(values=tuple(row["values"]), importance=tuple(row["importance"]),
                        consistency=tuple(row["consistency"]), note=str(row["note"]))
