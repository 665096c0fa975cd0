"""Charts are checked by their data and axes (titles, labels, lines, bars), never pixels."""

from __future__ import annotations

import datetime as dt

import matplotlib
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from workbook import charts
from workbook.charts import _style, gratitude, mood, practice, snapshot, streak, thoughts
from workbook.trends import Span

matplotlib.use("Agg")

D = dt.date
SPAN = Span(D(2026, 3, 1), D(2026, 3, 14))


def checkins(rows: list[tuple[str, int, int]]) -> pd.DataFrame:
    days = pd.to_datetime([r[0] for r in rows])
    return pd.DataFrame(
        {"day": days, "mood": pd.array([r[1] for r in rows], dtype="Int64"),
         "insecurity": pd.array([r[2] for r in rows], dtype="Int64")},
        index=pd.DatetimeIndex(days + pd.Timedelta(hours=9), name="at"))


def two_weeks() -> pd.DataFrame:
    # 1–14 March; no check-ins on 6, 7 and 8 March (a gap), two on 10 March.
    rows = [(f"2026-03-{d:02d}", 3 + d % 5, 8 - d % 4) for d in range(1, 15) if d not in (6, 7, 8)]
    return checkins([*rows, ("2026-03-10", 9, 1)])


def thanks(rows: list[tuple[str, tuple[bool, ...]]]) -> pd.DataFrame:
    days = pd.to_datetime([r[0] for r in rows])
    return pd.DataFrame(
        {"day": days, "items": [tuple("x" for _ in t) for _, t in rows],
         "told": [t for _, t in rows],
         "count": pd.array([len(t) for _, t in rows], dtype="Int64"),
         "told_count": pd.array([sum(t) for _, t in rows], dtype="Int64")},
        index=pd.DatetimeIndex(days + pd.Timedelta(hours=21), name="at"))


def practised(rows: list[tuple[str, str]]) -> pd.DataFrame:
    return pd.DataFrame(
        {"profile": pd.array(["me"] * len(rows), dtype="string"),
         "strategy": pd.array([r[1] for r in rows], dtype="string"),
         "entries": pd.array([1] * len(rows), dtype="Int64")},
        index=pd.DatetimeIndex(pd.to_datetime([r[0] for r in rows]), name="day"))


def shown_text(ax) -> str:
    return " ".join(t.get_text() for t in ax.texts)


def colours(artists) -> set[str]:
    found = set()
    for artist in artists:
        getter = getattr(artist, "get_facecolor", None) or artist.get_color
        found.add(to_hex(getter()))
    return found


# -- 1. mood and insecurity --------------------------------------------------------------


def test_mood_chart_has_daily_points_and_a_rolling_line_on_each_axes():
    fig = mood.mood_over_time(two_weeks(), SPAN)
    assert isinstance(fig, Figure)
    assert fig.get_suptitle() == "Mood and insecurity over time"
    mood_ax, insecurity_ax = fig.axes
    assert mood_ax.get_ylabel() == "Mood (1–10)"
    assert insecurity_ax.get_ylabel() == "Insecurity (0–10)"
    assert insecurity_ax.get_xlabel() == "Day"
    for ax in (mood_ax, insecurity_ax):
        daily_points, average = ax.get_lines()
        assert daily_points.get_linestyle() == "None" and daily_points.get_marker() == "o"
        assert len(daily_points.get_xdata()) == 14  # every day of the span
        assert colours([average]) <= {c.lower() for c in _style.PALETTE}
    # 10 March averages 3 + 10 % 5 = 3 and the extra 9: 6.
    daily_mood = mood_ax.get_lines()[0].get_ydata()
    assert daily_mood[9] == 6.0
    # The 7-day line is missing exactly over the gap 6–8 March.
    average = mood_ax.get_lines()[1].get_ydata()
    assert [i for i, v in enumerate(average) if np.isnan(v)] == [5, 6, 7]


def test_mood_summary_compares_with_the_period_before():
    frame = checkins([("2026-02-20", 4, 5), ("2026-02-25", 6, 5),
                      ("2026-03-02", 6, 3), ("2026-03-03", 5, 4), ("2026-03-04", 7, 2)])
    span = Span(D(2026, 3, 1), D(2026, 3, 14))
    text = mood.mood_summary(frame, span)
    assert text == ("Your average mood over 01 Mar 2026 to 14 Mar 2026 was 6.0, up from 5.0 "
                    "the 14 days before; insecurity averaged 3.0 out of 10.")
    down = checkins([("2026-02-20", 8, 5), ("2026-03-02", 6, 3)])
    assert "down from 8.0" in mood.mood_summary(down, span)
    assert "the same as" in mood.mood_summary(checkins([("2026-02-20", 6, 0),
                                                        ("2026-03-02", 6, 0)]), span)


def test_mood_numbers():
    numbers = dict(mood.mood_numbers(two_weeks(), SPAN))
    assert numbers["Check-ins"] == "12"
    assert numbers["Days with a check-in"] == "11"
    assert numbers["Average mood, period before"] == "–"


# -- 2 and 3. gratitude -----------------------------------------------------------------


def test_gratitude_chart_has_a_bar_per_week_and_the_share_told():
    frame = thanks([("2026-03-02", (True, False)), ("2026-03-03", (True, True)),
                    ("2026-03-10", (False,))])
    fig = gratitude.gratitude_weekly(frame, SPAN)
    assert fig.get_suptitle() == "Gratitude per week"
    count_ax, share_ax = fig.axes
    assert count_ax.get_ylabel() == "Things appreciated"
    assert share_ax.get_ylabel() == "Told my partner (%)"
    assert share_ax.get_xlabel() == "Week starting"
    # 1 March is a Sunday, so the span touches the weeks of 23 Feb, 2 March and 9 March.
    assert [bar.get_height() for bar in count_ax.patches] == [0, 4, 1]
    share = share_ax.get_lines()[0].get_ydata()
    assert np.isnan(share[0]) and list(share[1:]) == [75.0, 0.0]
    assert [t.get_text() for t in share_ax.get_xticklabels()] == ["23 Feb", "02 Mar", "09 Mar"]
    assert gratitude.gratitude_summary(frame, SPAN) == (
        "Over 01 Mar 2026 to 14 Mar 2026 you noted 5 things you appreciate (about 1.7 a week) "
        "and told your partner about 60% of them.")


@pytest.mark.parametrize("frame", [None, thanks([])], ids=["kind not there yet", "no entries"])
def test_gratitude_without_entries_says_so(frame):
    fig = gratitude.gratitude_weekly(frame, SPAN)
    assert fig.get_suptitle() == "Gratitude per week"
    assert "No gratitude entries" in shown_text(fig.axes[0])
    assert not fig.axes[0].patches
    assert "notebook 02" in gratitude.gratitude_summary(frame, SPAN)


def test_mood_with_and_without_gratitude_shows_two_bars_with_day_counts():
    frame = thanks([("2026-03-02", (True,)), ("2026-03-03", (False,)), ("2026-03-04", (True,))])
    fig = gratitude.mood_with_gratitude(two_weeks(), frame, SPAN)
    (ax,) = fig.axes
    assert fig.get_suptitle() == "Mood on days with and without gratitude"
    assert ax.get_ylabel() == "Average mood (1–10)"
    assert "not show that one causes the other" in fig.get_supxlabel()
    assert len(ax.patches) == 2
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels == ["With gratitude\n(3 days)", "Without gratitude\n(8 days)"]
    # 2, 3, 4 March: moods 5, 6, 7.
    assert ax.patches[0].get_height() == pytest.approx(6.0)
    summary = gratitude.with_and_without_summary(two_weeks(), frame, SPAN)
    assert summary.startswith("On the 3 days with a gratitude entry your mood averaged 6.0")
    assert "not cause and effect" in summary


def test_too_few_grateful_days_are_named_in_the_summary():
    frame = thanks([("2026-03-02", (True,))])
    text = gratitude.with_and_without_summary(two_weeks(), frame, SPAN)
    assert text.startswith("There are 1 day with gratitude and 10 days without")
    assert "at least 3 of each" in text


# -- 4. calendar --------------------------------------------------------------------------


def test_calendar_is_a_weekday_by_week_grid_of_mood():
    fig = mood.mood_calendar(two_weeks(), SPAN)
    ax = fig.axes[0]
    assert fig.get_suptitle() == "Mood calendar"
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("Week starting", "Day of the week")
    grid = ax.get_images()[0].get_array()
    assert grid.shape == (7, 5)  # at least five weeks are shown
    assert int(grid.count()) == 11  # days with a check-in; the rest are masked
    assert ax.get_yticklabels()[0].get_text() == "Mon"
    assert ax.get_images()[0].get_cmap().name == "viridis"
    summary = mood.calendar_summary(two_weeks(), SPAN)
    assert summary.startswith("Each square is one day; you checked in on 11 of them")


def test_a_year_of_calendar_is_53_weeks():
    rows = [(str(d.date()), 5, 5) for d in pd.date_range("2025-01-01", "2026-03-14")]
    fig = mood.mood_calendar(checkins(rows), Span.last(365, D(2026, 3, 14)))
    assert fig.axes[0].get_images()[0].get_array().shape == (7, 53)


# -- 5. practice ----------------------------------------------------------------------------


def test_practice_chart_stacks_strategies_and_compares_only_with_enough_days():
    done = practised([("2026-03-01", "values"), ("2026-03-02", "values"),
                      ("2026-03-03", "values"), ("2026-03-04", "self_compassion")])
    fig = practice.practice_chart(two_weeks(), done, SPAN)
    weekly_ax, mood_ax = fig.axes
    assert fig.get_suptitle() == "Practice per strategy"
    assert weekly_ax.get_ylabel() == "Days practised"
    assert len(weekly_ax.containers) == 2  # one bar series per strategy
    legend = [t.get_text() for t in weekly_ax.get_legend().get_texts()]
    assert legend == ["Self-compassion", "Connecting with values"]
    # Weeks of 23 Feb, 2 March, 9 March: values on 1 (Sunday), 2 and 3 March.
    heights = {c.get_label(): [b.get_height() for b in c] for c in weekly_ax.containers}
    assert heights["Connecting with values"] == [1, 2, 0]
    # Only values has 3 practice days and 3 other days with a check-in.
    assert [t.get_text() for t in mood_ax.get_yticklabels()] == ["Connecting with values"]
    assert len(mood_ax.patches) == 2
    summary = practice.practice_summary(two_weeks(), done, SPAN)
    assert "connecting with values" in summary
    numbers = dict(practice.practice_numbers(two_weeks(), done, SPAN))
    assert numbers["Self-compassion"] == "1 days; not enough days to compare"


def test_practice_chart_says_when_no_strategy_has_enough_days():
    done = practised([("2026-03-02", "values")])
    fig = practice.practice_chart(two_weeks(), done, SPAN)
    assert "Not enough days yet to compare" in shown_text(fig.axes[1])
    assert not fig.axes[1].patches
    assert "at least 3 practice days" in practice.practice_summary(two_weeks(), done, SPAN)


# -- 6. thought records -----------------------------------------------------------------------


def test_thought_records_chart_shows_belief_before_after_and_top_traps():
    days = pd.to_datetime(["2026-03-02", "2026-03-05"])
    records = pd.DataFrame({
        "day": days, "belief_before": pd.array([80, 70], dtype="Int64"),
        "belief_after": pd.array([40, 30], dtype="Int64"),
        "traps": [("mind_reading", "labelling"), ("mind_reading",)]},
        index=pd.DatetimeIndex(days, name="at"))
    fig = thoughts.thought_records(records, SPAN)
    belief_ax, traps_ax = fig.axes
    assert fig.get_suptitle() == "Thought records"
    assert belief_ax.get_ylabel() == "Average belief (%)"
    assert [b.get_height() for b in belief_ax.patches] == [75.0, 35.0]
    assert [b.get_width() for b in traps_ax.patches] == [1, 2]  # most frequent on top
    assert [t.get_text() for t in traps_ax.get_yticklabels()][-1] == thoughts.trap_name(
        "mind_reading")
    text = thoughts.thoughts_summary(records, SPAN)
    assert text.startswith("Across 2 thought records, belief in the hard thought went from "
                           "75.0% to 35.0% on average")


def test_thought_records_empty_state():
    fig = thoughts.thought_records(None, SPAN)
    assert "No thought records" in shown_text(fig.axes[0])
    assert "notebook 05" in thoughts.thoughts_summary(None, SPAN)


# -- 7. snapshot -------------------------------------------------------------------------------


def test_snapshot_trend_has_one_point_per_week_with_gaps():
    days = pd.to_datetime(["2026-03-02", "2026-03-14"])
    snaps = pd.DataFrame({"day": days, "score": pd.array([6.0, 4.5], dtype="Float64")},
                         index=pd.DatetimeIndex(days, name="at"))
    span = Span(D(2026, 3, 2), D(2026, 3, 22))
    fig = snapshot.snapshot_trend(snaps, span)
    (ax,) = fig.axes
    assert fig.get_suptitle() == "Weekly insecurity snapshot"
    assert ax.get_ylabel() == "Snapshot score (0–10)"
    (line,) = ax.get_lines()
    assert list(line.get_ydata()[:2]) == [6.0, 4.5] and np.isnan(line.get_ydata()[2])
    assert snapshot.snapshot_summary(snaps, span) == (
        "Your snapshot score went down from 6.0 in the week of 02 Mar to 4.5 in the week of "
        "09 Mar (lower means less insecure).")


# -- 8. streak -----------------------------------------------------------------------------------


# Weeks from Monday 23 Feb (1 March only), 2 March (2–5; 6–8 missing), 9 March (9–14).
WEEKLY_DAYS = [1, 4, 6]


def test_streak_chart_counts_days_per_week_and_names_the_streaks():
    fig = streak.streak_chart(two_weeks(), SPAN)
    (ax,) = fig.axes
    assert fig.get_suptitle() == "Check-in streak"
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("Week starting", "Days with a check-in")
    counted, unit = streak.days_checked_in(two_weeks(), SPAN)
    assert unit == "week"
    assert [b.get_height() for b in ax.patches] == list(counted) == WEEKLY_DAYS
    assert "Now: 6 days in a row · longest: 6 days" in shown_text(ax)
    assert streak.streak_summary(two_weeks(), SPAN) == (
        "You have checked in 6 days in a row; your longest run is 6 days.")


def test_streak_bars_stay_few_over_many_years():
    days = pd.date_range("2016-01-01", "2026-03-14", freq="D")
    frame = pd.DataFrame({"day": days, "entries": 1})
    span = Span(dt.date(2016, 1, 1), dt.date(2026, 3, 14))
    fig = streak.streak_chart(frame, span)
    (ax,) = fig.axes
    assert ax.get_xlabel() == "Month starting"
    assert len(ax.patches) == 123  # Jan 2016 .. Mar 2026
    assert [p.get_height() for p in ax.patches][:2] == [31, 29]
    assert streak.streak_summary(frame, span).startswith(f"You have checked in {len(days)} days")


def test_weekly_bars_become_monthly_over_more_than_two_years():
    span = Span(D(2023, 1, 2), D(2026, 3, 1))  # from a Monday, about 165 weeks
    days = [d.strftime("%Y-%m-%d") for d in pd.date_range("2023-01-02", "2026-03-01", freq="7D")]
    fig = gratitude.gratitude_weekly(thanks([(d, (True, False)) for d in days]), span)
    count_ax, share_ax = fig.axes
    assert share_ax.get_xlabel() == "Month"
    assert len(count_ax.patches) == 38  # January 2023 .. February 2026 (last Monday: 23rd)
    # Each Monday lands in one month: January 2023 has five of them, two things each.
    assert count_ax.patches[0].get_height() == 10
    assert list(share_ax.lines[0].get_ydata()[:2]) == [50.0, 50.0]
    fig = practice.practice_chart(checkins([]), practised([(d, "open_communication")
                                                           for d in days]), span)
    assert fig.axes[0].get_xlabel() == "Month" and len(fig.axes[0].patches) == 38


# -- all charts together ------------------------------------------------------------------------


EMPTY_FRAMES = {"checkin": checkins([]), "gratitude": None, "thought_record": None,
                "insecurity_snapshot": pd.DataFrame({"day": pd.to_datetime([]),
                                                     "score": pd.array([], dtype="Float64")}),
                "practice": practised([])}


def test_every_chart_draws_with_no_data_at_all():
    assert len(charts.CHARTS) == 9
    for chart in charts.CHARTS:
        fig = chart.figure(EMPTY_FRAMES, SPAN)
        assert fig.get_suptitle() == chart.title
        assert all(ax.get_xlabel() or ax.get_ylabel() for ax in fig.axes), chart.key
        assert chart.summary(EMPTY_FRAMES, SPAN).endswith(".")
        assert chart.numbers(EMPTY_FRAMES, SPAN)
        assert charts.png(fig).startswith(b"\x89PNG")


def test_every_chart_with_a_single_check_in():
    frames = {**EMPTY_FRAMES, "checkin": checkins([("2026-03-14", 6, 4)])}
    for chart in charts.CHARTS:
        assert chart.figure(frames, SPAN).get_suptitle() == chart.title


def test_demo_charts_are_marked():
    fig = charts.mark_demo(mood.mood_over_time(two_weeks(), SPAN))
    assert any(t.get_text() == "DEMO · made-up data" for t in fig.texts)


def test_the_palette_is_okabe_ito():
    assert _style.PALETTE[:7] == ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9",
                                  "#D55E00", "#F0E442")


def test_draw_all_gives_every_chart_as_a_picture_with_its_sentence(store):
    from workbook import trends

    drawn = charts.draw_all(trends.load(store, "me", SPAN), SPAN, demo=True)
    assert [one.chart.key for one in drawn] == [chart.key for chart in charts.CHARTS]
    assert all(one.png and one.png.startswith(b"\x89PNG") and one.summary for one in drawn)


def test_one_chart_failing_leaves_the_others_drawn(store, monkeypatch, caplog):
    import dataclasses

    from workbook import trends

    def broken(*_args):
        raise ValueError("private words")

    failing = dataclasses.replace(charts.by_key("mood"), _draw=broken)
    monkeypatch.setattr(charts, "CHARTS", (failing, *charts.CHARTS[1:]))
    drawn = charts.draw_all(trends.load(store, "me", SPAN), SPAN)
    assert drawn[0].png is None and drawn[0].summary is None
    assert all(one.png for one in drawn[1:])
    assert "ValueError" in caplog.text and "private words" not in caplog.text
