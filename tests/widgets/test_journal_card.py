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


def _hit(entry, *fields):
    import datetime as dt

    from workbook.store import Saved
    from workbook.store.search import Hit

    at = dt.datetime(2026, 3, 1, 20, 0, tzinfo=dt.UTC)
    return Hit(Saved(id=7, profile="me", kind=entry.KIND, strategy=entry.STRATEGY,
                     created_at=at, day=at.date(), updated_at=None, entry=entry), fields)


def test_the_card_line_is_the_recent_list_text_in_full_with_the_matches_marked_in_it():
    from workbook.models import CheckIn
    from workbook.widgets.journal_card import card_line

    note = "<b>far</b> " * 20 + "the lighthouse at the end\nof the pier"
    at = note.index("lighthouse")
    line, elsewhere = card_line(_hit(CheckIn(mood=5, insecurity=4, note=note),
                                     FieldMatch("note", note, ((at, at + 10),))))
    assert CheckIn(mood=5, insecurity=4, note=note).summary().endswith("…")
    assert "<mark>lighthouse</mark> at the end<br>of the pier" in line
    assert line.count("&lt;b&gt;far&lt;/b&gt;") == 20 and "<b>far" not in line
    assert "…" not in line and elsewhere == []


def test_a_matched_answer_the_card_line_does_not_quote_goes_under_it():
    from workbook.models import CheckIn
    from workbook.widgets.journal_card import card_line

    entry = CheckIn(mood=5, insecurity=4, note="walked", source="<i>daylio</i> import")
    found = FieldMatch("source", entry.source, ((15, 21),))
    line, elsewhere = card_line(_hit(entry, found))
    assert "<mark>" not in line and elsewhere == [found]


def test_an_answer_that_shows_twice_in_the_line_is_not_marked_in_it():
    from workbook.models import CheckIn
    from workbook.widgets.journal_card import card_line

    entry = CheckIn(mood=5, insecurity=4, note="Mood")  # "Mood" opens the line too
    found = FieldMatch("note", "Mood", ((0, 4),))
    line, elsewhere = card_line(_hit(entry, found))
    assert "<mark>" not in line and elsewhere == [found]


def test_in_the_app_edit_is_a_link_carrying_only_the_entry_id():
    from workbook.models import CheckIn
    from workbook.widgets.journal_card import JournalCard

    hit = _hit(CheckIn(mood=5, insecurity=4, note="private words"))
    card = JournalCard(hit, kind_title="Daily check-in", whose="Me", editable=True,
                       edit_href="00_start_here.ipynb?edit=7")
    line = card.item.box.children[0]
    assert card.item.edit not in line.children and card.edit_link in line.children
    assert card.edit_link.value.startswith("<a href='00_start_here.ipynb?edit=7' ")
    assert "private" not in card.edit_link.value
    # Not editable (a partner's entry): no link, no button.
    theirs = JournalCard(hit, kind_title="Daily check-in", whose="Sam", editable=False,
                         edit_href="00_start_here.ipynb?edit=7")
    assert theirs.edit_link is None and theirs.item.edit not in theirs.item.box.children[0].children


def test_the_edit_link_escapes_its_address():
    from workbook.widgets.journal_card import edit_link

    assert edit_link("a.ipynb?edit=1'><script>") == (
        "<a href='a.ipynb?edit=1&#x27;&gt;&lt;script&gt;' class='jupyter-button widget-button "
        "sb-edit-link' style='width:auto;display:inline-flex;align-items:center;"
        "text-decoration:none;color:inherit'>Edit</a>")
