"""The rows an import preview lists, in plain words, without any widget."""

from __future__ import annotations

import datetime as dt

from workbook.importers import Preview, Row
from workbook.importers.generic_csv import guess_columns
from workbook.importers.sample import first_rows, mood_shown, problem_lines, short_note

AT = dt.datetime(2026, 3, 4, 18, 30)


def test_the_first_rows_as_they_will_be_saved():
    rows = tuple(Row(line=n, at=AT, mood=n, activities=("walk", "tea"), note="a\nnote")
                 for n in range(2, 10))
    listed = first_rows(Preview("x.csv", "csv", rows))
    assert len(listed) == 5
    assert listed[0] == ("04 Mar 2026 18:30", "2/10", "walk, tea", "a note")


def test_a_mood_named_in_the_app_shows_what_it_becomes():
    assert mood_shown(Row(line=2, at=AT, mood=7)) == "7/10"
    assert mood_shown(Row(line=2, at=AT, label="rad")).startswith("rad → ")
    assert mood_shown(Row(line=2, at=AT, label="wonderful")) == "wonderful → to choose"


def test_a_long_note_is_cut_with_an_ellipsis():
    assert short_note("x" * 60) == "x" * 60
    assert short_note("x" * 61) == "x" * 59 + "…"


def test_unreadable_rows_are_listed_by_line_then_counted():
    preview = Preview("x.csv", "csv", (), unreadable=tuple((n, "why") for n in range(2, 12)))
    lines = problem_lines(preview)
    assert lines[0] == "Line 2: why" and len(lines) == 9
    assert lines[-1] == "… and 2 more"


def test_columns_are_guessed_by_their_names():
    assert guess_columns(["When (date)", "Mood", "Notes"]) == ("When (date)", "Mood", "Notes")
    assert guess_columns(["day", "how", "rating"]) == ("day", "rating", None)
