from __future__ import annotations

from workbook.store.search import FieldMatch
from workbook.widgets import html
from workbook.widgets.journal_card import label, snippet


def test_marked_escapes_every_piece_and_marks_only_the_spans():
    text = "<b>calm</b> & calm"
    assert html.marked(text, [(3, 7), (14, 18)]) == (
        "&lt;b&gt;<mark>calm</mark>&lt;/b&gt; &amp; <mark>calm</mark>")


def test_marked_keeps_line_breaks_and_ignores_overlapping_or_empty_spans():
    assert html.marked("one\ntwo", [(0, 3), (1, 2), (5, 5)]) == "<mark>one</mark><br>two"


def test_a_long_answer_is_cut_around_its_first_match_with_marks_kept():
    text = "a" * 500 + " lighthouse " + "b" * 500
    start = text.index("lighthouse")
    shown = snippet(FieldMatch("note", text, ((start, start + 10),)))
    assert shown.startswith("…") and shown.endswith("…")
    assert "<mark>lighthouse</mark>" in shown and len(shown) < 320


def test_a_short_answer_shows_in_full():
    assert snippet(FieldMatch("note", "<i>x</i> home", ((9, 13),))) == \
        "&lt;i&gt;x&lt;/i&gt; <mark>home</mark>"


def test_answer_names_read_as_words():
    assert label("what_helped") == "What helped"
