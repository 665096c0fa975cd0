"""Thought records: how much the hot thought was believed before and after, and traps."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from workbook import trends, words
from workbook.charts._style import BLUE, GREEN, VERMILLION, empty, figure
from workbook.charts.mood import number
from workbook.trends import Span

TITLE = "Thought records"
NO_RECORDS = "No thought records in this period yet."


def trap_name(key: str) -> str:
    """The trap's label from the words list (a trap no longer listed is marked so)."""
    return words.THINKING_TRAPS.label(key)


def thought_records(records: pd.DataFrame | None, span: Span) -> Figure:
    """Left: average belief before vs after. Right: the most frequent thinking traps."""
    fig, (belief_ax, traps_ax) = figure(TITLE, 1, 2, height=3.6)
    belief_ax.set_ylabel("Average belief (%)")
    belief_ax.set_xlabel("Thought record")
    traps_ax.set_xlabel("Times noticed")
    traps_ax.set_ylabel("Thinking trap")
    rows = trends.within(records, span)
    if rows is None or not len(rows):
        empty(belief_ax, NO_RECORDS)
        empty(traps_ax, "")
        return fig
    change = trends.belief_change(rows)
    bars = belief_ax.bar(["Before", "After"], [change.before or 0, change.after or 0],
                         color=[VERMILLION, BLUE], width=0.55)
    belief_ax.bar_label(bars, labels=[number(change.before), number(change.after)], padding=2)
    belief_ax.set_ylim(0, 105)
    traps = trends.top_traps(rows)
    if traps:
        names = [trap_name(name) for name, _ in reversed(traps)]
        traps_ax.barh(names, [count for _, count in reversed(traps)], color=GREEN)
        traps_ax.tick_params(axis="y", labelsize=8)
    else:
        empty(traps_ax, "No thinking traps picked yet.")
    return fig


def thoughts_summary(records: pd.DataFrame | None, span: Span) -> str:
    rows = trends.within(records, span)
    if rows is None or not len(rows):
        return ("Once you fill in thought records (notebook 05), this shows how your belief "
                "in a hard thought changed after looking at it again.")
    change = trends.belief_change(rows)
    traps = trends.top_traps(rows, 1)
    text = (f"Across {change.records} thought record{'s' if change.records != 1 else ''}, "
            f"belief in the hard thought went from {number(change.before)}% to "
            f"{number(change.after)}% on average")
    if traps:
        text += f", and the trap you noticed most was {trap_name(traps[0][0]).lower()}"
    return text + "."


def thoughts_numbers(records: pd.DataFrame | None, span: Span) -> list[tuple[str, str]]:
    rows = trends.within(records, span)
    if rows is None or not len(rows):
        return [("Thought records", "0")]
    change = trends.belief_change(rows)
    table = [("Thought records", str(len(rows))),
             ("Average belief before (%)", number(change.before)),
             ("Average belief after (%)", number(change.after))]
    table += [(f"Thinking trap: {trap_name(name)}", str(count))
              for name, count in trends.top_traps(rows)]
    return table
