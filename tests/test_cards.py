"""The guides, tables and cards the exercises show, read without any form: every typed
answer escaped, every word from the lists there."""

from __future__ import annotations

import datetime as dt

from workbook import cards, statements, words
from workbook.models.professional_help import TherapistCandidate
from workbook.models.vulnerability import CopingPlan


def test_a_statement_card_escapes_what_was_typed_and_keeps_line_breaks():
    card = cards.statement_card("you said <b>later</b>\nagain")
    assert "you said &lt;b&gt;later&lt;/b&gt;<br>again" in card and "<b>later" not in card


def test_statement_flags_name_the_partner_escaped():
    flags = statements.check("you never call", "")
    assert any("your partner" in flag.suggestion for flag in flags)
    shown = cards.statement_flags(flags, False, "Sam <3")
    assert "A gentle suggestion or two" in shown and "Sam &lt;3" in shown
    assert "your partner" not in shown
    assert "your partner" in cards.statement_flags(flags, True)


def test_a_whole_statement_without_flags_is_called_clear_and_a_partial_one_nothing():
    assert words.STATEMENT_ALL_CLEAR in cards.statement_flags([], True)
    assert cards.statement_flags([], False) == ""


def test_the_coping_card_shows_each_plan_escaped_or_where_it_will_show():
    assert "will show here" in cards.coping_card(None)
    card = cards.coping_card(CopingPlan(whens=("no reply <3 hours",), wills=("breathe",)))
    assert "My coping plan" in card and "no reply &lt;3 hours" in card and "<3" not in card


def test_the_traps_guide_lists_every_trap_with_an_example():
    guide = cards.traps_guide()
    assert guide.count("<li>") == len(words.THINKING_TRAPS)
    assert all(trap.label in guide for trap in words.THINKING_TRAPS.values())


def test_the_therapist_table_lines_candidates_up_and_escapes_them():
    assert "No candidates yet" in cards.therapist_table([])
    table = cards.therapist_table([TherapistCandidate(name="Dr <b>Rivera</b>", fit=4),
                                   TherapistCandidate(name="Harbour", fit=2)])
    assert "<th>Dr &lt;b&gt;Rivera&lt;/b&gt;</th><th>Harbour</th>" in table
    assert table.count("<tr>") == 2 + len(words.THERAPIST_QUESTIONS)


def test_the_shared_computer_section_holds_every_point():
    section = cards.shared_computer()
    assert words.SHARED_COMPUTER_TITLE in section
    assert section.count("<li>") == len(words.SHARED_COMPUTER_POINTS)


def test_a_letter_says_when_it_was_written_and_escapes_the_letter():
    shown = cards.letter("Dear me,\n<i>breathe</i>", dt.datetime(2026, 3, 4, 9, 0))
    assert "You wrote this on Wednesday 04 March 2026." in shown
    assert "Dear me,<br>&lt;i&gt;breathe&lt;/i&gt;" in shown
