"""The numbers behind the progress charts: plain pandas, no drawing, no widgets.

Every function takes the frames `workbook.data` gives (or hand-built ones with the
same columns) and returns numbers, Series or small frames. Days are calendar days;
weeks start on Monday.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Iterable

import numpy as np
import pandas as pd

from workbook.progress import Streak, streaks  # noqa: F401  (one streak, light)

ROLLING_DAYS = 7
# This many days in a row without a check-in is a gap: the rolling line stops there.
GAP_DAYS = 3
# Mood on practice days vs other days is only compared with at least this many days each side.
MIN_DAYS_EACH_SIDE = 3
TOP_TRAPS = 5
CALENDAR_WEEKS = 53


@dataclasses.dataclass(frozen=True)
class Span:
    """The days a chart covers, both ends included; ``start`` None means from the first entry."""

    start: dt.date | None
    end: dt.date

    @classmethod
    def last(cls, days: int, today: dt.date | None = None) -> Span:
        """The last ``days`` days, today included."""
        end = today or dt.date.today()
        return cls(end - dt.timedelta(days=days - 1), end)

    @classmethod
    def everything(cls, today: dt.date | None = None) -> Span:
        return cls(None, today or dt.date.today())

    @property
    def days(self) -> int | None:
        return None if self.start is None else (self.end - self.start).days + 1

    def previous(self) -> Span | None:
        """The span of the same length just before this one (None for "everything")."""
        if self.start is None or self.days is None:
            return None
        return Span(self.start - dt.timedelta(days=self.days), self.start - dt.timedelta(days=1))

    def describe(self) -> str:
        if self.start is None:
            return "all your entries"
        if self.end == dt.date.today():
            return f"the last {self.days} days"
        return f"{self.start:%d %b %Y} to {self.end:%d %b %Y}"


# -- selecting ----------------------------------------------------------------


def days_of(frame: pd.DataFrame) -> pd.Series:
    """The calendar day of each row: the ``day`` column, or the index's date."""
    if "day" in frame.columns:
        return pd.to_datetime(frame["day"]).dt.normalize()
    return pd.Series(pd.DatetimeIndex(frame.index).normalize(), index=frame.index)


def within(frame: pd.DataFrame | None, span: Span | None) -> pd.DataFrame | None:
    """The rows of ``frame`` written on days inside ``span``."""
    if frame is None or span is None:
        return frame
    days = days_of(frame)
    keep = days <= pd.Timestamp(span.end)
    if span.start is not None:
        keep &= days >= pd.Timestamp(span.start)
    return frame[keep.to_numpy()]


def first_day(*frames: pd.DataFrame | None) -> dt.date | None:
    found = [days_of(f).min() for f in frames if f is not None and len(f)]
    return min(found).date() if found else None


def _calendar(span: Span, frame: pd.DataFrame | None) -> pd.DatetimeIndex:
    start = span.start or first_day(frame) or span.end
    return pd.date_range(pd.Timestamp(start), pd.Timestamp(span.end), freq="D")


# -- daily values and the rolling mean -------------------------------------------


def daily(frame: pd.DataFrame, column: str, span: Span | None = None) -> pd.Series:
    """The mean of ``column`` per calendar day, one row per day, NaN on days without entries.

    Covers ``span`` when given (from the first entry when it starts nowhere), else the
    days from the first to the last entry.
    """
    if len(frame):
        values = pd.to_numeric(frame[column], errors="coerce").astype("float64")
        means = _means_by_day(values, days_of(frame).to_numpy())
    else:
        means = pd.Series(dtype="float64")
    if span is not None:
        index = _calendar(span, frame)
    elif len(means):
        index = pd.date_range(means.index.min(), means.index.max(), freq="D")
    else:
        index = pd.DatetimeIndex([])
    result = means.reindex(index).astype("float64")
    result.index.name = "day"
    result.name = column
    return result


# Whole numbers no larger than this add up exactly in floats, in any order, for up to
# 2**21 of them: their daily means come out the same however they are summed.
_EXACT_WHOLE = 2.0**31
_PER_DAY = {"s": 86_400, "ms": 86_400 * 10**3, "us": 86_400 * 10**6, "ns": 86_400 * 10**9}


def _means_by_day(values: pd.Series, days: np.ndarray) -> pd.Series:
    """``values.groupby(days).mean()`` for days at midnight; counted into one slot per day
    when every value is a small whole number (as moods are), so no sum is rounded."""
    numbers = values.to_numpy(dtype="float64")
    known = ~np.isnan(numbers)
    unit, count = np.datetime_data(days.dtype) if days.dtype.kind == "M" else ("", 0)
    per_day = _PER_DAY.get(unit, 0) if count == 1 else 0
    if (not per_day or len(numbers) > 2**21 or np.isnat(days).any()
            or (days.view("int64") % per_day).any()
            or (np.abs(numbers[known]) > _EXACT_WHOLE).any()
            or (numbers[known] != np.round(numbers[known])).any()):
        return values.groupby(days).mean()
    slots = days.view("int64") // per_day
    first = slots.min()
    slots -= first
    width = int(slots.max()) + 1
    counts = np.bincount(slots[known], minlength=width)
    sums = np.bincount(slots[known], weights=numbers[known], minlength=width)
    where = np.flatnonzero(np.bincount(slots, minlength=width))
    with np.errstate(invalid="ignore"):  # a day whose every value is missing: NaN
        means = sums[where] / counts[where]
    return pd.Series(means, index=pd.DatetimeIndex(((where + first) * per_day)
                                                   .view(days.dtype)))


def gaps(series: pd.Series, days: int = GAP_DAYS) -> pd.Series:
    """True on every day inside a run of at least ``days`` days without a value."""
    missing = series.isna()
    marks = missing.to_numpy(dtype=bool)
    # Each day's run (of days alike, with or without a value) and that run's length.
    starts = np.flatnonzero(np.r_[True, marks[1:] != marks[:-1]])
    lengths = np.diff(np.r_[starts, len(marks)])
    return missing & np.repeat(lengths >= days, lengths)


def rolling_mean(series: pd.Series, days: int = ROLLING_DAYS) -> pd.Series:
    """Mean of the days with values among the last ``days`` calendar days.

    ``series`` has one row per calendar day (as `daily` gives). The result is NaN
    inside gaps (see `gaps`), so a line drawn from it stops instead of bridging them.
    """
    result = series.rolling(days, min_periods=1).mean()
    return result.mask(gaps(series))


def average(frame: pd.DataFrame | None, column: str, span: Span | None) -> float | None:
    """Mean of ``column`` over entries in ``span`` (None when there are none)."""
    rows = within(frame, span)
    if rows is None or span is None or not len(rows):
        return None
    value = pd.to_numeric(rows[column], errors="coerce").astype("float64").mean()
    return None if pd.isna(value) else float(value)


# -- weeks ----------------------------------------------------------------------


def week_start(days: pd.Series | pd.DatetimeIndex) -> pd.Series | pd.DatetimeIndex:
    """The Monday of each day's week."""
    if isinstance(days, pd.DatetimeIndex):
        return (days - pd.to_timedelta(days.day_of_week, unit="D")).normalize()
    return (days - pd.to_timedelta(days.dt.day_of_week, unit="D")).dt.normalize()


def _weeks(span: Span, frame: pd.DataFrame | None) -> pd.DatetimeIndex:
    calendar = _calendar(span, frame)
    if not len(calendar):
        return pd.DatetimeIndex([], name="week")
    mondays = pd.date_range(week_start(calendar[:1])[0], calendar[-1], freq="7D")
    return pd.DatetimeIndex(mondays, name="week")


def weekly_gratitude(gratitude: pd.DataFrame, span: Span) -> pd.DataFrame:
    """Per week (Monday): entries, things appreciated, how many were told, and the share told.

    ``told_share`` is NaN in weeks without gratitude.
    """
    rows = within(gratitude, span)
    assert rows is not None
    items = _counts(rows, "count", "items")
    told = _counts(rows, "told_count", "told")
    table = pd.DataFrame({"entries": 1, "items": items, "told": told})
    table["week"] = week_start(days_of(rows)).to_numpy()
    weekly = table.groupby("week")[["entries", "items", "told"]].sum()
    weekly = weekly.reindex(_weeks(span, rows), fill_value=0).astype("int64")
    weekly["told_share"] = (weekly["told"] / weekly["items"].where(weekly["items"] > 0))
    weekly.index.name = "week"
    return weekly


def _counts(rows: pd.DataFrame, derived: str, field: str) -> pd.Series:
    if derived in rows.columns:
        return pd.to_numeric(rows[derived], errors="coerce").fillna(0).astype("int64")
    if field == "told":
        return rows["told"].map(lambda told: sum(bool(t) for t in told)).astype("int64")
    return rows[field].map(len).astype("int64")


# -- comparing days ---------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Comparison:
    """Mean mood on marked days and on the other days, with how many days each."""

    on_mean: float | None
    on_days: int
    off_mean: float | None
    off_days: int

    @property
    def enough(self) -> bool:
        return min(self.on_days, self.off_days) >= MIN_DAYS_EACH_SIDE

    @property
    def difference(self) -> float | None:
        if self.on_mean is None or self.off_mean is None:
            return None
        return self.on_mean - self.off_mean


def compare_days(mood: pd.Series, marked: Iterable[pd.Timestamp]) -> Comparison:
    """Split daily ``mood`` (days without a check-in are left out) into marked / other days."""
    mood = mood.dropna()
    marked_days = pd.DatetimeIndex(list(marked)).normalize()
    on = mood[mood.index.isin(marked_days)]
    off = mood[~mood.index.isin(marked_days)]

    def mean(values: pd.Series) -> float | None:
        return float(values.mean()) if len(values) else None

    return Comparison(mean(on), len(on), mean(off), len(off))


def mood_with_gratitude(checkins: pd.DataFrame, gratitude: pd.DataFrame | None,
                        span: Span) -> Comparison:
    """Mood on days with a gratitude entry vs days without (check-in days only)."""
    mood = daily(within(checkins, span), "mood")
    grateful = days_of(within(gratitude, span)) if gratitude is not None else []
    return compare_days(mood, grateful)


def practice_weekly(practice: pd.DataFrame, span: Span) -> pd.DataFrame:
    """Days practised per week (rows, Mondays) for each strategy practised (columns)."""
    rows = practice[_practice_keep(practice, span)]
    if not len(rows):
        return pd.DataFrame(index=_weeks(span, None) if span.start else pd.DatetimeIndex([]))
    days = pd.Series(pd.DatetimeIndex(rows.index).normalize(), index=rows.index)
    table = pd.DataFrame({"week": week_start(days).to_numpy(), "day": days.to_numpy(),
                          "strategy": rows["strategy"].astype(str).to_numpy()})
    counted = (table.drop_duplicates(["day", "strategy"])
               .groupby(["week", "strategy"]).size().unstack(fill_value=0))
    start = span.start or days.min().date()
    weeks = _weeks(Span(start, span.end), None)
    counted = counted.reindex(weeks, fill_value=0).astype("int64")
    counted.columns.name = "strategy"
    return counted


def _practice_keep(practice: pd.DataFrame, span: Span) -> pd.Series:
    days = pd.DatetimeIndex(practice.index).normalize()
    keep = days <= pd.Timestamp(span.end)
    if span.start is not None:
        keep &= days >= pd.Timestamp(span.start)
    return keep


def mood_by_practice(checkins: pd.DataFrame, practice: pd.DataFrame,
                     span: Span) -> dict[str, Comparison]:
    """For each strategy practised: mood on its practice days vs the other check-in days."""
    mood = daily(within(checkins, span), "mood")
    rows = practice[_practice_keep(practice, span)]
    result = {}
    for strategy in sorted(set(rows["strategy"].astype(str))):
        marked = pd.DatetimeIndex(rows.index[rows["strategy"].astype(str) == strategy])
        result[strategy] = compare_days(mood, marked)
    return result


# -- thought records and snapshots ------------------------------------------------


@dataclasses.dataclass(frozen=True)
class BeliefChange:
    records: int
    before: float | None
    after: float | None


def belief_change(records: pd.DataFrame) -> BeliefChange:
    """Average belief (0–100) in the hot thought before and after reframing it."""
    if not len(records):
        return BeliefChange(0, None, None)
    before = pd.to_numeric(records["belief_before"], errors="coerce").astype("float64")
    after = pd.to_numeric(records["belief_after"], errors="coerce").astype("float64")
    both = before.notna() & after.notna()
    if not both.any():
        return BeliefChange(0, None, None)
    return BeliefChange(int(both.sum()), float(before[both].mean()), float(after[both].mean()))


def top_traps(records: pd.DataFrame, n: int = TOP_TRAPS) -> list[tuple[str, int]]:
    """The thinking traps noticed most often, most frequent first (ties by name)."""
    counts: Counter[str] = Counter()
    for traps in records.get("traps", pd.Series(dtype=object)):
        counts.update(traps or ())
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n]


def weekly_snapshot(snapshots: pd.DataFrame, span: Span) -> pd.Series:
    """Mean snapshot score (0–10) per week (Monday); NaN in weeks without one."""
    rows = within(snapshots, span)
    assert rows is not None
    if len(rows):
        scores = pd.to_numeric(rows["score"], errors="coerce").astype("float64")
        means = scores.groupby(week_start(days_of(rows)).to_numpy()).mean()
    else:
        means = pd.Series(dtype="float64")
    result = means.reindex(_weeks(span, rows)).astype("float64")
    result.index.name = "week"
    result.name = "score"
    return result


# -- streaks and the calendar -------------------------------------------------------


def calendar(series: pd.Series, end: dt.date, weeks: int = CALENDAR_WEEKS) -> pd.DataFrame:
    """Daily values laid out as a calendar: rows Monday..Sunday, one column per week.

    The last column is the week holding ``end``; days after ``end`` are NaN.
    """
    last_monday = pd.Timestamp(end) - pd.Timedelta(days=end.weekday())
    first_monday = last_monday - pd.Timedelta(weeks=weeks - 1)
    days = pd.date_range(first_monday, last_monday + pd.Timedelta(days=6), freq="D")
    values = series.reindex(days).mask(days > pd.Timestamp(end)).to_numpy()
    values = values.astype("float64").reshape(weeks, 7).T
    grid = pd.DataFrame(values, index=list(range(7)),
                        columns=pd.date_range(first_monday, last_monday, freq="7D"))
    grid.index.name = "weekday"
    grid.columns.name = "week"
    return grid


# -- loading ------------------------------------------------------------------------

# The kinds the progress charts read; a kind this version doesn't have yet loads as None.
CHARTED_KINDS = ("checkin", "gratitude", "thought_record", "insecurity_snapshot", "practice")
# Every day with a check-in (and how many), whatever the period: streaks need them all.
CHECKIN_DAYS = "checkin_days"


def load(store: object, profile: str | None = None,
         span: Span | None = None) -> dict[str, pd.DataFrame | None]:
    """Every charted kind for ``profile`` from ``store``, via `workbook.data`.

    With ``span``, entries are read only for it and for the period of the same length
    before it (which the summaries compare with), not the whole journal. Also gives
    ``"checkin_days"``: one row per day with a check-in, over the whole journal.
    """
    import workbook
    from workbook.frames import days_frame

    since = None
    if span is not None and span.start is not None:
        before = span.previous()
        since = before.start if before is not None else span.start
    until = span.end if span is not None else None
    frames: dict[str, pd.DataFrame | None] = {}
    for kind in CHARTED_KINDS:
        try:
            frames[kind] = workbook.data(kind, store=store, profile=profile,  # type: ignore[arg-type]
                                         **({"since": since, "until": until}
                                            if kind != "practice" and span else {}))
        except KeyError:
            frames[kind] = None
    frames[CHECKIN_DAYS] = days_frame(store, "checkin", profile=profile)  # type: ignore[arg-type]
    return frames
