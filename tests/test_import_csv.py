"""Another mood app's CSV: the person's columns and scale, field by field."""

from __future__ import annotations

import datetime as dt

import pytest

from workbook.importers import ImportProblem, bring_in, columns_of, read_generic
from workbook.importers.generic_csv import rescale


def test_a_scale_is_stretched_onto_one_to_ten_in_a_straight_line():
    assert [rescale(v, 1, 5) for v in (1, 2, 3, 4, 5)] == [1, 3, 6, 8, 10]
    assert [rescale(v, 0, 100) for v in (0, 50, 100)] == [1, 6, 10]
    assert [rescale(v, -2, 2) for v in (-2, 0, 2)] == [1, 6, 10]


def test_dates_times_notes_and_unreadable_rows(tmp_path, store):
    path = tmp_path / "moods.csv"
    path.write_text(
        "\ufeffDay , Mood,Time,Note\n"
        "2025-05-01,4,08:30,\"first, with a comma\"\n"
        "02/05/2025,2,9:15 pm,NA\n"
        "2025-05-03T07:00:00,5,,\n"
        "2025-05-04,,,\n"
        "soon,3,,\n"
        "2025-05-05,9,,\n", encoding="utf-8")
    assert columns_of(path) == ["Day", "Mood", "Time", "Note"]
    preview = read_generic(path, date_column="day", mood_column="MOOD", time_column="Time",
                           note_column="Note", scale=(1, 5))
    assert [(r.at, r.mood, r.note) for r in preview.rows] == [
        (dt.datetime(2025, 5, 1, 8, 30), 8, "first, with a comma"),
        (dt.datetime(2025, 5, 2, 21, 15), 3, "NA"),
        (dt.datetime(2025, 5, 3, 7, 0), 10, ""),
    ]
    assert [line for line, _ in preview.unreadable] == [5, 6, 7]
    reasons = dict(preview.unreadable)
    assert "not a number" in reasons[5] and "can't be read" in reasons[6]
    assert "outside 1 to 5" in reasons[7]
    result = bring_in(preview, store=store)
    assert (result.added, result.unreadable) == (3, 3)
    assert bring_in(preview, store=store).added == 0


def test_a_date_alone_is_noon_so_the_day_stays_the_same(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("date,mood\n2025-01-31,7\n")
    (row,) = read_generic(path, date_column="date", mood_column="mood").rows
    assert row.at == dt.datetime(2025, 1, 31, 12, 0) and row.mood == 7


def test_a_missing_column_or_a_bad_scale_says_so(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("date,mood\n2025-01-31,7\n")
    with pytest.raises(ImportProblem, match="no column called 'feeling'"):
        read_generic(path, date_column="date", mood_column="feeling")
    with pytest.raises(ImportProblem, match="lowest first"):
        read_generic(path, date_column="date", mood_column="mood", scale=(5, 5))


def test_dates_far_ahead_or_back_are_listed_not_brought_in(tmp_path):
    path = tmp_path / "moods.csv"
    path.write_text("date,mood\n9999-12-31,5\n0001-01-01,5\n1969-12-31,5\n2025-01-03,5\n")
    preview = read_generic(path, date_column="date", mood_column="mood")
    assert [row.at.date() for row in preview.rows] == [dt.date(2025, 1, 3)]
    assert [line for line, _why in preview.unreadable] == [2, 3, 4]
    from workbook.store import reading

    assert preview.unreadable[0][1] == ("its date, 31 December 9999, is not "
                                        + reading.bounds_text())
