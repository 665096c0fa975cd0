"""Every trend computation against small hand-built frames with hand-computed answers."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook import trends
from workbook.trends import Span

D = dt.date


def checkins(*rows: tuple[str, int, int]) -> pd.DataFrame:
    """(day, mood, insecurity) rows shaped like workbook.data('checkin')."""
    days = pd.to_datetime([r[0] for r in rows])
    return pd.DataFrame(
        {"day": days,
         "mood": pd.array([r[1] for r in rows], dtype="Int64"),
         "insecurity": pd.array([r[2] for r in rows], dtype="Int64")},
        index=pd.DatetimeIndex(days + pd.Timedelta(hours=9), name="at"))


def gratitude(*rows: tuple[str, tuple[bool, ...]]) -> pd.DataFrame:
    days = pd.to_datetime([r[0] for r in rows])
    told = [r[1] for r in rows]
    return pd.DataFrame(
        {"day": days, "items": [tuple("x" for _ in t) for t in told], "told": told,
         "count": pd.array([len(t) for t in told], dtype="Int64"),
         "told_count": pd.array([sum(t) for t in told], dtype="Int64")},
        index=pd.DatetimeIndex(days + pd.Timedelta(hours=21), name="at"))


def practice(*rows: tuple[str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        {"profile": pd.array(["me"] * len(rows), dtype="string"),
         "strategy": pd.array([r[1] for r in rows], dtype="string"),
         "entries": pd.array([1] * len(rows), dtype="Int64")},
        index=pd.DatetimeIndex(pd.to_datetime([r[0] for r in rows]), name="day"))


def values(series: pd.Series) -> list[float | None]:
    return [None if pd.isna(v) else round(float(v), 3) for v in series]


# -- spans -------------------------------------------------------------------------


def test_a_span_of_the_last_30_days_and_the_30_days_before_it():
    span = Span.last(30, D(2026, 3, 31))
    assert (span.start, span.end, span.days) == (D(2026, 3, 2), D(2026, 3, 31), 30)
    assert span.previous() == Span(D(2026, 1, 31), D(2026, 3, 1))
    assert span.previous().days == 30
    assert Span.everything(D(2026, 3, 31)).previous() is None


def test_within_keeps_both_ends_of_the_span():
    frame = checkins(("2026-03-01", 1, 0), ("2026-03-02", 2, 0), ("2026-03-05", 3, 0),
                     ("2026-03-06", 4, 0))
    kept = trends.within(frame, Span(D(2026, 3, 2), D(2026, 3, 5)))
    assert kept["mood"].tolist() == [2, 3]
    assert trends.within(frame, Span(None, D(2026, 3, 2)))["mood"].tolist() == [1, 2]


# -- daily values and the rolling mean --------------------------------------------------


def test_daily_averages_several_check_ins_and_leaves_missing_days_empty():
    frame = checkins(("2026-03-01", 4, 6), ("2026-03-01", 7, 2), ("2026-03-03", 9, 1))
    mood = trends.daily(frame, "mood")
    assert list(mood.index.date) == [D(2026, 3, 1), D(2026, 3, 2), D(2026, 3, 3)]
    assert values(mood) == [5.5, None, 9.0]
    assert values(trends.daily(frame, "insecurity")) == [4.0, None, 1.0]


def test_daily_over_a_span_covers_every_day_of_it():
    frame = checkins(("2026-03-02", 5, 5))
    mood = trends.daily(frame, "mood", Span(D(2026, 3, 1), D(2026, 3, 4)))
    assert values(mood) == [None, 5.0, None, None]


def test_the_rolling_mean_stops_at_a_gap_and_picks_up_after_it():
    # 30 Dec, 31 Dec, 1 Jan (two check-ins: 3 and 5), then four days without, then 6 Jan.
    frame = checkins(("2025-12-30", 1, 0), ("2025-12-31", 2, 0), ("2026-01-01", 3, 0),
                     ("2026-01-01", 5, 0), ("2026-01-06", 10, 0))
    mood = trends.daily(frame, "mood")
    rolling = trends.rolling_mean(mood)
    # 30 Dec: 1; 31 Dec: (1+2)/2; 1 Jan: (1+2+4)/3; 2–5 Jan: a gap; 6 Jan: the last
    # seven days (31 Dec .. 6 Jan) hold 2, 4 and 10, so (2+4+10)/3.
    assert values(rolling) == [1.0, 1.5, 2.333, None, None, None, None, 5.333]


def test_one_or_two_missed_days_are_bridged_not_a_gap():
    frame = checkins(("2026-03-01", 2, 0), ("2026-03-02", 4, 0), ("2026-03-05", 9, 0))
    mood = trends.daily(frame, "mood")
    assert values(trends.gaps(mood)) == [False, False, False, False, False]
    # 3 and 4 March have no check-in but the week behind them does: (2+4)/2 = 3.
    assert values(trends.rolling_mean(mood)) == [2.0, 3.0, 3.0, 3.0, 5.0]


def test_gaps_are_runs_of_three_or_more_empty_days():
    series = pd.Series([1, None, None, 2, None, None, None, 3],
                       index=pd.date_range("2026-03-01", periods=8), dtype="float64")
    assert trends.gaps(series).tolist() == [False, False, False, False, True, True, True, False]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([1.0, 2.5, None]), max_size=30), st.integers(1, 5),
       st.sampled_from(["float64", "Float64", "object"]), st.sampled_from(["mood", None]))
def test_gaps_are_every_run_of_empty_days_as_long_as_asked(marks, days, dtype, name):
    series = pd.Series(marks, index=pd.date_range("2026-03-01", periods=len(marks), name="day"),
                       dtype=dtype, name=name)
    # Runs told apart by where the value goes missing or comes back, each run's length
    # counted by pandas itself.
    missing = series.isna()
    runs = (missing != missing.shift()).cumsum()
    expected = missing & (missing.groupby(runs).transform("size") >= days)
    pd.testing.assert_series_equal(trends.gaps(series, days), expected, check_exact=True)


MOOD_VALUES = (st.integers(1, 10) | st.none()
               | st.sampled_from([2**31, 2**31 + 1, -(2**40), 2**53 + 2, 2**60, -(2**60)])
               | st.floats(allow_nan=True, allow_infinity=True))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(-3, 12), st.integers(0, 23), MOOD_VALUES), max_size=30),
       st.sampled_from(["Int64", "float64"]), st.sampled_from([None, 10, 60]),
       st.sampled_from(["ns", "us", "s"]))
def test_daily_means_are_those_a_groupby_per_day_gives(rows, dtype, days, unit):
    at = pd.DatetimeIndex([pd.Timestamp(2026, 3, 1, hour) + pd.Timedelta(days=day)
                           for day, hour, _mood in rows], name="at")
    moods = [mood for _day, _hour, mood in rows]
    if dtype == "Int64":
        moods = [m if m is None or (isinstance(m, int) and abs(m) < 2**62) else None
                 for m in moods]
    frame = pd.DataFrame({"day": at.normalize().as_unit(unit),
                          "mood": pd.array(moods, dtype=dtype)}, index=at)
    span = Span.last(days, today=D(2026, 3, 30)) if days else None
    # The daily means as a groupby per day gives them, summing as pandas does.
    means = pd.Series(dtype="float64")
    if len(frame):
        values = pd.to_numeric(frame["mood"], errors="coerce").astype("float64")
        means = values.groupby(trends.days_of(frame).to_numpy()).mean()
    if span is not None:
        index = pd.date_range(span.start, span.end, freq="D")
    elif len(means):
        index = pd.date_range(means.index.min(), means.index.max(), freq="D")
    else:
        index = pd.DatetimeIndex([])
    expected = means.reindex(index).astype("float64").rename("mood").rename_axis("day")
    found = trends.daily(frame, "mood", span)
    pd.testing.assert_series_equal(found, expected, check_exact=True)
    assert (found.name, found.index.name) == ("mood", "day")


def test_the_rolling_window_is_seven_calendar_days():
    frame = checkins(*[(f"2026-03-{d:02d}", d, 0) for d in range(1, 9)])
    rolling = trends.rolling_mean(trends.daily(frame, "mood"))
    assert rolling.iloc[6] == pytest.approx(sum(range(1, 8)) / 7)  # 1..7 March
    assert rolling.iloc[7] == pytest.approx(sum(range(2, 9)) / 7)  # 2..8 March: 1 March left


def test_empty_and_single_entry_data():
    empty = checkins()
    assert trends.daily(empty, "mood").empty
    assert trends.rolling_mean(trends.daily(empty, "mood")).empty
    assert trends.average(empty, "mood", Span.last(30)) is None
    one = checkins(("2026-03-01", 6, 3))
    assert values(trends.rolling_mean(trends.daily(one, "mood"))) == [6.0]
    assert trends.average(one, "mood", Span(D(2026, 3, 1), D(2026, 3, 1))) == 6.0


def test_average_over_a_span_and_the_span_before():
    frame = checkins(("2026-03-01", 3, 0), ("2026-03-02", 5, 0), ("2026-03-03", 8, 0),
                     ("2026-03-04", 6, 0))
    span = Span(D(2026, 3, 3), D(2026, 3, 4))
    assert trends.average(frame, "mood", span) == 7.0
    assert trends.average(frame, "mood", span.previous()) == 4.0


# -- weeks --------------------------------------------------------------------------------


def test_gratitude_weeks_start_on_monday():
    # Sunday 1 March 2026 closes the week of Monday 23 Feb; Monday 2 March starts a new one.
    frame = gratitude(("2026-03-01", (True, False)), ("2026-03-02", (True,)),
                      ("2026-03-08", (False, False, True)), ("2026-03-17", (False,)))
    weekly = trends.weekly_gratitude(frame, Span(D(2026, 2, 23), D(2026, 3, 22)))
    assert list(weekly.index.date) == [D(2026, 2, 23), D(2026, 3, 2), D(2026, 3, 9),
                                       D(2026, 3, 16)]
    assert weekly["entries"].tolist() == [1, 2, 0, 1]
    assert weekly["items"].tolist() == [2, 4, 0, 1]
    assert weekly["told"].tolist() == [1, 2, 0, 0]
    assert values(weekly["told_share"]) == [0.5, 0.5, None, 0.0]


def test_gratitude_without_derived_columns_is_counted_from_the_answers():
    frame = gratitude(("2026-03-02", (True, True, False))).drop(columns=["count", "told_count"])
    weekly = trends.weekly_gratitude(frame, Span(D(2026, 3, 2), D(2026, 3, 8)))
    assert (weekly["items"].tolist(), weekly["told"].tolist()) == ([3], [2])


def test_no_gratitude_gives_zero_weeks():
    weekly = trends.weekly_gratitude(gratitude(), Span(D(2026, 3, 2), D(2026, 3, 15)))
    assert weekly["entries"].tolist() == [0, 0]
    assert weekly["told_share"].isna().all()


def test_snapshot_trend_is_weekly_with_empty_weeks_left_empty():
    days = pd.to_datetime(["2026-03-01", "2026-03-03", "2026-03-05", "2026-03-19"])
    snaps = pd.DataFrame({"day": days, "score": pd.array([6.0, 5.0, 4.0, 2.5], dtype="Float64")},
                         index=pd.DatetimeIndex(days, name="at"))
    weekly = trends.weekly_snapshot(snaps, Span(D(2026, 2, 23), D(2026, 3, 22)))
    assert list(weekly.index.date) == [D(2026, 2, 23), D(2026, 3, 2), D(2026, 3, 9),
                                       D(2026, 3, 16)]
    assert values(weekly) == [6.0, 4.5, None, 2.5]


# -- comparing days ------------------------------------------------------------------------


def test_mood_on_days_with_and_without_gratitude():
    moods = checkins(("2026-03-01", 8, 0), ("2026-03-01", 6, 0), ("2026-03-02", 4, 0),
                     ("2026-03-03", 5, 0), ("2026-03-04", 9, 0), ("2026-03-06", 3, 0))
    # Gratitude on 1 and 4 March, and on 5 March (no check-in that day, so not counted).
    thanks = gratitude(("2026-03-01", (True,)), ("2026-03-04", (False,)),
                       ("2026-03-05", (True,)))
    result = trends.mood_with_gratitude(moods, thanks, Span(D(2026, 3, 1), D(2026, 3, 7)))
    assert (result.on_days, result.off_days) == (2, 3)
    assert result.on_mean == pytest.approx((7 + 9) / 2)  # 1 March averages 8 and 6
    assert result.off_mean == pytest.approx((4 + 5 + 3) / 3)
    assert not result.enough  # two days with gratitude is fewer than three


def test_without_any_gratitude_every_check_in_day_is_on_the_other_side():
    moods = checkins(("2026-03-01", 8, 0), ("2026-03-02", 4, 0))
    result = trends.mood_with_gratitude(moods, None, Span(D(2026, 3, 1), D(2026, 3, 2)))
    assert (result.on_days, result.on_mean, result.off_days, result.off_mean) == (0, None, 2, 6.0)


@pytest.mark.parametrize(("on", "off", "enough"), [(3, 3, True), (2, 5, False), (5, 2, False),
                                                   (0, 9, False), (4, 3, True)])
def test_the_three_days_each_side_rule(on, off, enough):
    assert trends.Comparison(5.0, on, 5.0, off).enough is enough


def test_mood_by_practice_compares_each_strategy_separately():
    moods = checkins(*[(f"2026-03-{d:02d}", m, 0) for d, m in
                       [(1, 7), (2, 8), (3, 9), (4, 4), (5, 5), (6, 3), (7, 6)]])
    done = practice(("2026-03-01", "values"), ("2026-03-02", "values"), ("2026-03-03", "values"),
                    ("2026-03-03", "self_compassion"), ("2026-03-10", "self_compassion"))
    result = trends.mood_by_practice(moods, done, Span(D(2026, 3, 1), D(2026, 3, 14)))
    values_days = result["values"]
    assert (values_days.on_days, values_days.off_days) == (3, 4)
    assert values_days.on_mean == pytest.approx(8.0)
    assert values_days.off_mean == pytest.approx((4 + 5 + 3 + 6) / 4)
    assert values_days.enough and values_days.difference == pytest.approx(3.5)
    kind = result["self_compassion"]
    # 10 March has no check-in, so only 3 March counts: not enough to compare.
    assert (kind.on_days, kind.off_days, kind.enough) == (1, 6, False)


def test_practice_per_week_counts_days_not_entries():
    done = practice(("2026-03-01", "values"), ("2026-03-02", "values"), ("2026-03-02", "values"),
                    ("2026-03-04", "values"), ("2026-03-04", "self_compassion"),
                    ("2026-03-16", "values"))
    weekly = trends.practice_weekly(done, Span(D(2026, 2, 23), D(2026, 3, 22)))
    assert list(weekly.index.date) == [D(2026, 2, 23), D(2026, 3, 2), D(2026, 3, 9),
                                       D(2026, 3, 16)]
    assert weekly["values"].tolist() == [1, 2, 0, 1]
    assert weekly["self_compassion"].tolist() == [0, 1, 0, 0]


def test_practice_outside_the_span_is_left_out():
    done = practice(("2026-01-05", "values"))
    assert trends.practice_weekly(done, Span(D(2026, 3, 2), D(2026, 3, 8))).to_numpy().sum() == 0


# -- thought records -----------------------------------------------------------------------


def test_belief_before_and_after_and_the_most_frequent_traps():
    records = pd.DataFrame({
        "belief_before": pd.array([80, 60, 90], dtype="Int64"),
        "belief_after": pd.array([40, 50, 30], dtype="Int64"),
        "traps": [("mind_reading", "labelling"), ("mind_reading",),
                  ("catastrophising", "labelling", "mind_reading")],
    })
    change = trends.belief_change(records)
    assert (change.records, change.before, change.after) == (3, pytest.approx(230 / 3),
                                                             pytest.approx(40.0))
    assert trends.top_traps(records) == [("mind_reading", 3), ("labelling", 2),
                                         ("catastrophising", 1)]
    assert trends.top_traps(records, 1) == [("mind_reading", 3)]


def test_no_thought_records():
    empty = pd.DataFrame({"belief_before": pd.array([], dtype="Int64"),
                          "belief_after": pd.array([], dtype="Int64"), "traps": []})
    assert trends.belief_change(empty) == trends.BeliefChange(0, None, None)
    assert trends.top_traps(empty) == []


# -- streaks and the calendar -----------------------------------------------------------------


def test_a_streak_runs_across_the_end_of_a_month_and_a_year():
    days = [D(2025, 12, 29), D(2025, 12, 30), D(2025, 12, 31), D(2026, 1, 1), D(2026, 1, 2)]
    assert trends.streaks(days, D(2026, 1, 2)) == trends.Streak(5, 5, D(2026, 1, 2))
    feb = [D(2026, 2, 27), D(2026, 2, 28), D(2026, 3, 1)]  # 2026 is not a leap year
    assert trends.streaks(feb, D(2026, 3, 1)).current == 3


def test_a_streak_is_still_going_until_a_whole_day_is_missed():
    days = [D(2026, 3, 1), D(2026, 3, 2), D(2026, 3, 3)]
    assert trends.streaks(days, D(2026, 3, 4)).current == 3  # today isn't over yet
    assert trends.streaks(days, D(2026, 3, 5)).current == 0
    assert trends.streaks(days, D(2026, 3, 5)).longest == 3


def test_the_longest_streak_and_repeated_days():
    days = [D(2026, 3, 1), D(2026, 3, 1), D(2026, 3, 2), D(2026, 3, 5), D(2026, 3, 6),
            D(2026, 3, 7), D(2026, 3, 8), D(2026, 3, 10)]
    assert trends.streaks(days, D(2026, 3, 10)) == trends.Streak(1, 4, D(2026, 3, 10))


def test_streaks_with_no_days_one_day_and_timestamps():
    assert trends.streaks([], D(2026, 3, 1)) == trends.Streak(0, 0, None)
    assert trends.streaks([pd.Timestamp("2026-03-01")], D(2026, 3, 1)) == trends.Streak(
        1, 1, D(2026, 3, 1))
    # Days after "today" (e.g. the end of a chosen period) don't count.
    assert trends.streaks([D(2026, 3, 2)], D(2026, 3, 1)) == trends.Streak(0, 0, None)


def test_the_calendar_puts_each_day_under_its_weekday_and_week():
    # Wednesday 4 March 2026 is the end; weeks start Monday 23 Feb and Monday 2 March.
    mood = pd.Series([7.0, 3.0, 5.0], index=pd.to_datetime(["2026-02-23", "2026-03-01",
                                                            "2026-03-04"]))
    grid = trends.calendar(mood, D(2026, 3, 4), weeks=2)
    assert list(grid.columns.date) == [D(2026, 2, 23), D(2026, 3, 2)]
    assert grid.shape == (7, 2)
    assert grid.loc[0, pd.Timestamp("2026-02-23")] == 7.0  # Monday
    assert grid.loc[6, pd.Timestamp("2026-02-23")] == 3.0  # Sunday 1 March
    assert grid.loc[2, pd.Timestamp("2026-03-02")] == 5.0  # Wednesday 4 March
    assert math.isnan(grid.loc[3, pd.Timestamp("2026-03-02")])  # after the end
    assert int(grid.notna().to_numpy().sum()) == 3


def test_load_gives_none_for_kinds_this_version_lacks(store, monkeypatch):
    import workbook

    real = workbook.data

    def data(kind, **kwargs):
        if kind == "gratitude":
            raise KeyError(kind)
        return real(kind, **kwargs)

    monkeypatch.setattr(workbook, "data", data)
    frames = trends.load(store)
    assert frames["gratitude"] is None
    assert frames["checkin"] is not None and frames["checkin"].empty


def test_load_reads_only_the_period_and_the_one_before_it(store):
    from workbook.models import CheckIn

    today = dt.date(2026, 3, 14)
    for days_ago in (0, 29, 30, 59, 60, 400):
        at = dt.datetime.combine(today - dt.timedelta(days=days_ago), dt.time(9)).astimezone()
        store.add(CheckIn(mood=5, insecurity=5), at=at)
    frames = trends.load(store, span=trends.Span.last(30, today))
    # The last 30 days and the 30 before them: 0, 29 | 30, 59 days ago.
    assert sorted(frames["checkin"]["day"].dt.date) == [
        today - dt.timedelta(days=d) for d in (59, 30, 29, 0)]
    # Streaks look at every day with a check-in, whatever the period.
    assert len(frames["checkin_days"]) == 6
    assert len(trends.load(store)["checkin"]) == 6
