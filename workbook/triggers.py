"""Patterns in the trigger log (notebook 03): the triggers and fears that come up most,
and a chart of them. Plain logic; pandas and matplotlib load inside the functions."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, NamedTuple

from workbook import words
from workbook.models.vulnerability import TriggerLog, fear_words
from workbook.store import Store

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def top_triggers(store: Store, *, profile: str | None = None,
                 most: int = words.PATTERNS_TOP) -> list[str]:
    """The triggers logged most often (newest spelling of each), most frequent first."""
    saved = store.entries(TriggerLog.KIND, profile=profile)
    counts: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for item in saved:
        entry = item.entry
        if isinstance(entry, TriggerLog):
            key = _key(entry.trigger)
            counts[key] += 1
            spelling.setdefault(key, " ".join(entry.trigger.split()))
    return [spelling[key] for key, _count in counts.most_common(most)]


class Patterns(NamedTuple):
    logs: int
    fears: pd.DataFrame
    triggers: pd.DataFrame


def trigger_patterns(frame: pd.DataFrame, *, most: int = words.PATTERNS_TOP) -> Patterns:
    """The most frequent fears and triggers in a trigger-log frame, with average intensity.

    ``frame`` is ``workbook.data("trigger_log")``. Each result has the columns
    ``times`` and ``average intensity`` (the mean of each log's average feeling, 0–100),
    most frequent first, at most ``most`` rows.
    """
    import pandas as pd

    def table(rows: pd.DataFrame, column: str, label: str) -> pd.DataFrame:
        if rows.empty:
            return pd.DataFrame({"times": pd.Series(dtype="Int64"),
                                 "average intensity": pd.Series(dtype="Float64")},
                                index=pd.Index([], name=label, dtype="string"))
        grouped = rows.groupby(column, sort=False)["mean_intensity"]
        result = pd.DataFrame({"times": grouped.size(), "average intensity": grouped.mean()})
        result = result.astype({"times": "Int64", "average intensity": "Float64"}).round(1)
        result.index = result.index.astype("string").rename(label)
        return result.sort_values(["times", "average intensity"],
                                  ascending=[False, False], kind="stable").head(most)

    fears = frame.assign(fear=[fear_words(chosen, other) for chosen, other
                               in zip(frame["fears"], frame["fear_other"], strict=True)])
    fears = fears.explode("fear").dropna(subset=["fear"])
    triggers = frame.assign(trigger_key=[" ".join(str(t).split()) for t in frame["trigger"]])
    triggers = triggers.assign(trigger_key=_first_spelling(triggers["trigger_key"]))
    return Patterns(len(frame), table(fears, "fear", "fear"),
                    table(triggers, "trigger_key", "trigger"))


def _first_spelling(values: pd.Series) -> pd.Series:
    # "Late reply" and "late  reply" are the same trigger; show it as first written.
    first: dict[str, str] = {}
    return values.map(lambda text: first.setdefault(_key(text), text))


def patterns_chart(found: Patterns) -> Figure:
    """Two bar charts side by side: how often each fear and each trigger came up."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(9, 3.2), layout="constrained")
    for axes, table, title in zip(figure.subplots(1, 2), (found.fears, found.triggers),
                                  ("Fears underneath", "Triggers"), strict=True):
        # Matplotlib reads "$" as maths; typed text must show as written.
        labels = [str(label).replace("$", r"\$") for label in table.index][::-1]
        axes.barh(labels, list(table["times"])[::-1], color="#7aa6a1")
        axes.set_title(title)
        axes.set_xlabel("times logged")
        axes.xaxis.get_major_locator().set_params(integer=True)
    return figure


def journal_patterns(store: Store, profile: str) -> tuple[int, Patterns | None]:
    """How many trigger logs ``profile`` has, and their patterns once there are enough."""
    from workbook.frames import data

    frame = data(TriggerLog.KIND, store=store, profile=profile)
    if len(frame) < words.PATTERNS_FEWEST_LOGS:
        return len(frame), None
    return len(frame), trigger_patterns(frame)


def patterns_html(found: Patterns) -> str:
    """The fears and triggers tables side by side (typed text escaped)."""
    from html import escape

    def table_html(table: pd.DataFrame, caption: str) -> str:
        # to_html escapes typed text (escape=True by default).
        body = table.to_html(escape=True, border=0, na_rep="", index_names=False,
                             float_format="{:.0f}".format)
        return f"<div><b>{escape(caption)}</b>{body}</div>"

    return ("<div style='display:flex;gap:2em;flex-wrap:wrap'>"
            + table_html(found.fears, "Fears underneath")
            + table_html(found.triggers, "Triggers") + "</div>")


def patterns_png(found: Patterns) -> bytes:
    """`patterns_chart` as a PNG picture."""
    import io

    buffer = io.BytesIO()
    patterns_chart(found).savefig(buffer, format="png", dpi=90)
    return buffer.getvalue()
