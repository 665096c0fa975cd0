"""What lifts my mood: daily mood on days with and without each activity and feeling,
and mood by weekday. Plain pandas, no drawing; days side by side, not cause and effect.
"""

from __future__ import annotations

import pandas as pd

from workbook.trends import MIN_DAYS_EACH_SIDE, Span, days_of, within

# Check-in columns whose items are compared: activities (imported) and feelings picked.
LIFT_COLUMNS = (("activities", "activity"), ("emotions", "feeling"))
LIFT_TABLE = ["kind", "name", "with_mean", "with_days", "without_mean", "without_days",
              "difference"]


def what_lifts(checkins: pd.DataFrame | None, span: Span | None = None) -> pd.DataFrame:
    """For each activity and each feeling: mean daily mood on days with it and without it.

    Only days with a check-in count; a day "has" an item if any check-in that day lists
    it. Rows are kept only with at least `MIN_DAYS_EACH_SIDE` days on each side, and
    sorted by ``difference`` (with minus without), largest first, then by name.
    Columns: kind ("activity" or "feeling"), name, with_mean, with_days, without_mean,
    without_days, difference. Days side by side, not cause and effect.
    """
    rows = within(checkins, span)
    if rows is None or not len(rows):
        return pd.DataFrame(columns=LIFT_TABLE)
    days = days_of(rows).to_numpy()
    mood = pd.to_numeric(rows["mood"], errors="coerce").astype("float64")
    daily_mood = mood.groupby(days).mean().dropna()
    total, count = float(daily_mood.sum()), len(daily_mood)
    tables = []
    for column, kind in LIFT_COLUMNS:
        if column not in rows.columns:
            continue
        pairs = pd.DataFrame({"day": days, "name": rows[column].to_numpy()})
        pairs = pairs.explode("name").dropna().drop_duplicates()
        pairs = pairs[pairs["day"].isin(daily_mood.index)]
        if not len(pairs):
            continue
        pairs["mood"] = daily_mood.reindex(pairs["day"]).to_numpy()
        grouped = pairs.groupby("name")["mood"].agg(["sum", "count"])
        table = pd.DataFrame({
            "kind": kind,
            "name": grouped.index.astype(str),
            "with_mean": (grouped["sum"] / grouped["count"]).to_numpy(),
            "with_days": grouped["count"].to_numpy(),
            "without_days": (count - grouped["count"]).to_numpy(),
        })
        table["without_mean"] = ((total - grouped["sum"].to_numpy())
                                 / table["without_days"].where(table["without_days"] > 0))
        tables.append(table)
    if not tables:
        return pd.DataFrame(columns=LIFT_TABLE)
    table = pd.concat(tables, ignore_index=True)
    table = table[(table["with_days"] >= MIN_DAYS_EACH_SIDE)
                  & (table["without_days"] >= MIN_DAYS_EACH_SIDE)]
    table["difference"] = table["with_mean"] - table["without_mean"]
    table = table.sort_values(["difference", "name"], ascending=[False, True], kind="stable")
    table = table.astype({"with_days": "int64", "without_days": "int64"})
    return table[LIFT_TABLE].reset_index(drop=True)


def mood_by_weekday(checkins: pd.DataFrame | None, span: Span | None = None) -> pd.DataFrame:
    """Mean daily mood for each day of the week (0 Monday .. 6 Sunday) and how many days.

    Columns ``mean`` (NaN for a weekday without check-ins) and ``days``.
    """
    rows = within(checkins, span)
    table = pd.DataFrame({"mean": float("nan"), "days": 0}, index=pd.RangeIndex(7, name="weekday"))
    if rows is None or not len(rows):
        return table
    mood = pd.to_numeric(rows["mood"], errors="coerce").astype("float64")
    daily_mood = mood.groupby(days_of(rows).to_numpy()).mean().dropna()
    weekday = pd.DatetimeIndex(daily_mood.index).day_of_week
    grouped = daily_mood.groupby(weekday).agg(["mean", "count"])
    table.loc[grouped.index, "mean"] = grouped["mean"].to_numpy()
    table.loc[grouped.index, "days"] = grouped["count"].to_numpy()
    return table.astype({"mean": "float64", "days": "int64"})
