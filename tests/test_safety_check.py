"""The safety check's outcome and help lines, read without any widget."""

from __future__ import annotations

import pytest

from workbook import safety_check, words

NONE = [False] * len(words.SAFETY_QUESTIONS)


def answered(*yes: int) -> list[bool]:
    return [i in yes for i in range(len(NONE))]


@pytest.mark.parametrize(("yes", "expected"), [
    ((), "ok"), ((0,), "unsafe"), ((1, 3), "unsafe"),
    ((words.SAFETY_SELF_HARM_QUESTION,), "urgent"),
    ((0, words.SAFETY_SELF_HARM_QUESTION), "urgent"),
])
def test_thoughts_of_self_harm_come_first_then_any_yes(yes, expected):
    assert safety_check.outcome_of(answered(*yes)) == expected


def test_partner_fear_is_read_from_the_partner_questions_only():
    assert not safety_check.partner_feared(answered(words.SAFETY_SELF_HARM_QUESTION))
    assert all(safety_check.partner_feared(answered(i))
               for i in words.PARTNER_FEAR_QUESTIONS)


def test_unsafe_puts_abuse_lines_first_and_lists_each_line_once():
    lines = safety_check.lines_for("unsafe", "US")
    kinds = [line.kind for line in lines]
    assert kinds and kinds[0] == "abuse" and "crisis" in kinds
    assert len(lines) == len(set(lines))


@pytest.mark.parametrize("found", ["ok", "urgent"])
def test_other_outcomes_show_every_line_of_the_region(found):
    from workbook import resources

    lines = safety_check.lines_for(found, "AU")
    assert lines == list(dict.fromkeys(resources.for_region("AU")))
    assert "1800 737 732" in resources.as_html(lines)


def test_every_outcome_has_words_in_a_known_tone():
    assert set(words.SAFETY_OUTCOMES) == {"urgent", "unsafe", "ok"}
    assert all(tone in {"care", "ok"} for _text, tone in words.SAFETY_OUTCOMES.values())


def test_fear_of_a_partner_is_unknown_until_remembered_then_follows_the_last_check(store):
    """Only one yes or no is remembered, never the answers."""
    assert safety_check.partner_fear(store) is False
    safety_check.remember_partner_fear(store, True)
    assert safety_check.partner_fear(store) is True
    assert store.setting(words.PARTNER_SAFETY_SETTING) == "yes"
    safety_check.remember_partner_fear(store, False)
    assert safety_check.partner_fear(store) is False
