"""Sentences built from the person's numbers, checked without any widget."""

from __future__ import annotations

import datetime as dt

from workbook import words
from workbook.words import sentences

TODAY = dt.date(2026, 3, 4)


def test_check_ins_today_are_counted_in_words():
    assert sentences.checked_in_today(0) == "No check-ins yet today."
    assert sentences.checked_in_today(1) == "You have checked in once today."
    assert sentences.checked_in_today(3) == "You have checked in 3 times today."


def test_gratitude_week_says_thing_or_things():
    assert "lovely start" in sentences.gratitude_week(0, 0)
    assert "noticed 1 thing you" in sentences.gratitude_week(1, 1)
    assert "noticed 2 things" in sentences.gratitude_week(2, 0)


def test_distress_change_in_words():
    assert sentences.distress_change(7, 4).endswith("eased by 3 points.")
    assert "rose by 1 point." in sentences.distress_change(3, 4)
    assert "stayed the same" in sentences.distress_change(5, 5)


def test_snapshot_due_follows_the_weekly_rhythm():
    every = words.SNAPSHOT_EVERY_DAYS
    assert "first snapshot" in sentences.snapshot_due(None, TODAY)
    assert "from today" in sentences.snapshot_due(TODAY, TODAY)
    assert "1 day ago" in sentences.snapshot_due(TODAY - dt.timedelta(days=1), TODAY)
    assert "a new one is due" in sentences.snapshot_due(TODAY - dt.timedelta(days=every), TODAY)


def test_support_guidance_names_a_day_to_look_again_only_when_practising():
    assert "A good day to look again" in sentences.support_guidance("keep_practising", TODAY)
    assert "look again" not in sentences.support_guidance("reach_out_now", TODAY)


def test_import_result_in_words():
    assert sentences.imported(1, 0, 0) == "Imported 1 check-in."
    text = sentences.imported(3, 2, 1)
    assert text.startswith("Imported 3 check-ins.") and "2 were already" in text \
        and "1 rows" in text


def test_no_letters_waiting_names_the_next_day_when_there_is_one():
    from workbook.words.self_compassion import no_letters_waiting

    assert no_letters_waiting(None) == "No letters are waiting for you today."
    assert no_letters_waiting(TODAY).endswith(
        "The next one comes back on Wednesday 04 March 2026.")
