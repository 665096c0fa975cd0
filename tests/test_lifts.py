"""What lifts my mood: hand-computed means on days with and without each item."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from workbook import lifts, trends
from workbook.charts import lifts as lifts_chart

SPAN = trends.Span(dt.date(2026, 3, 1), dt.date(2026, 3, 7))


def week() -> pd.DataFrame:
    """Seven days (Sunday 1 March 2026 .. Saturday 7 March), two check-ins on the first.

    Daily mood: 1st (4+6)/2 = 5, 2nd 8, 3rd 2, 4th 9, 5th 3, 6th 7, 7th 5.
    """
    return pd.DataFrame({
        "day": pd.to_datetime(["2026-03-01", "2026-03-01", "2026-03-02", "2026-03-03",
                               "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07"]),
        "mood": pd.array([4, 6, 8, 2, 9, 3, 7, 5], dtype="Int64"),
        "insecurity": pd.array([None] * 8, dtype="Int64"),
        "activities": [("walk",), (), ("walk", "work"), ("work",), ("walk",), ("work",),
                       ("walk",), ()],
        "emotions": [(), ("calm",), ("calm",), (), ("calm",), (), ("calm",), ("sad",)],
    })


def test_each_item_with_and_without_by_hand():
    table = lifts.what_lifts(week(), SPAN)
    # walk: days 1, 2, 4, 6 → (5 + 8 + 9 + 7) / 4 = 7.25; without: 3, 5, 7 → (2 + 3 + 5) / 3.
    # calm: the same days (the 1st counts once, through its second check-in).
    # work: days 2, 3, 5 → 13 / 3; without: 1, 4, 6, 7 → 26 / 4 = 6.5.
    # sad: 1 day with it, too few to compare.
    assert list(table["name"]) == ["calm", "walk", "work"]
    assert list(table["kind"]) == ["feeling", "activity", "activity"]
    assert list(table["with_days"]) == [4, 4, 3]
    assert list(table["without_days"]) == [3, 3, 4]
    np.testing.assert_allclose(table["with_mean"], [7.25, 7.25, 13 / 3])
    np.testing.assert_allclose(table["without_mean"], [10 / 3, 10 / 3, 6.5])
    np.testing.assert_allclose(table["difference"], [7.25 - 10 / 3, 7.25 - 10 / 3, 13 / 3 - 6.5])


def test_fewer_than_three_days_on_a_side_is_left_out():
    frame = week()
    frame["activities"] = [("walk",)] * 7 + [()]  # only the 7th is without walk
    assert "walk" not in set(lifts.what_lifts(frame, SPAN)["name"])


def test_the_period_is_respected_and_empty_frames_give_an_empty_table():
    short = trends.Span(dt.date(2026, 3, 2), dt.date(2026, 3, 4))
    assert lifts.what_lifts(week(), short).empty
    assert lifts.what_lifts(week().iloc[:0], SPAN).empty
    assert list(lifts.what_lifts(None).columns) == lifts.LIFT_TABLE


def test_mood_by_weekday_by_hand():
    frame = pd.concat([week(), week().assign(day=week()["day"] + pd.Timedelta(days=7),
                                             mood=pd.array([10] * 8, dtype="Int64"))])
    table = lifts.mood_by_weekday(frame)
    # Sunday (6): the 1st (5) and the 8th (10); Monday (0): the 2nd (8) and the 9th (10).
    assert table.loc[6, "mean"] == pytest.approx(7.5)
    assert table.loc[0, "mean"] == pytest.approx(9.0)
    assert list(table["days"]) == [2] * 7
    assert lifts.mood_by_weekday(week().iloc[:0])["mean"].isna().all()


def test_the_chart_draws_the_differences_and_the_weekdays():
    fig = lifts_chart.lifts_chart(week(), SPAN)
    items_ax, weekday_ax = fig.axes
    assert fig.get_suptitle() == "What lifts my mood"
    widths = sorted(round(p.get_width(), 3) for p in items_ax.patches)
    assert widths == sorted([round(7.25 - 10 / 3, 3)] * 2 + [round(13 / 3 - 6.5, 3)])
    labels = [t.get_text() for t in items_ax.get_yticklabels()]
    assert "calm (feeling): 4 days with, 3 without" in labels
    assert [round(p.get_height(), 2) for p in weekday_ax.patches] == [8, 2, 9, 3, 7, 5, 5]
    assert "not cause and effect" in fig.get_supxlabel().lower() or \
        "does not show that one causes" in fig.get_supxlabel()


def test_the_sentence_keeps_the_care():
    text = lifts_chart.lifts_summary(week(), SPAN)
    assert text == ("Your mood averaged 7.2 on the 4 days with calm and 3.3 on the 3 days "
                    "without; Wednesdays were your best days on average. This shows days "
                    "side by side, not cause and effect.")
    assert lifts_chart.lifts_summary(week().iloc[:0], SPAN).endswith(".")
    numbers = dict(lifts_chart.lifts_numbers(week(), SPAN))
    assert numbers["work (activity): with / without"] == "4.3 (3 days) / 6.5 (4 days)"
    assert numbers["Average mood on Sundays"] == "5.0 (1 day)"


def test_the_report_has_the_section_and_escapes_names_from_a_file(tmp_path, store):
    from daylio_exports import DaylioDay, export_csv

    import workbook
    from workbook import report

    today = dt.date(2026, 3, 14)
    days = [DaylioDay(dt.datetime.combine(today - dt.timedelta(days=n), dt.time(9)),
                      "rad" if n % 2 else "meh", ("<b>walk</b>",) if n % 2 else ())
            for n in range(8)]
    path = tmp_path / "export.csv"
    path.write_bytes(export_csv(days))
    workbook.import_daylio(path, store=store)
    span = trends.Span.last(30, today)
    page = report.build_html(trends.load(store, span=span), span)
    assert "<h2>What lifts my mood</h2>" in page
    assert "&lt;b&gt;walk&lt;/b&gt; (activity): with / without" in page
    assert "<b>walk</b>" not in page
