"""Sentences for sharing with a partner and doing exercises together, without any widget."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from workbook.words import partners


def test_saving_a_share_file_says_how_to_hand_it_over():
    assert "tell it to your partner in person" in partners.share_saved(Path("/s.json"), True)
    plain = partners.share_saved(Path("/s.json"), False)
    assert plain.startswith("Saved the share file to /s.json.") and "no passphrase" in plain


def test_opening_a_file_names_the_one_it_replaces():
    at = dt.datetime(2026, 3, 4, 12, tzinfo=dt.UTC)
    assert "replaces" not in partners.share_opened("2 entries", None)
    said = partners.share_opened("2 entries", ("Sam", at))
    assert "(2 entries)" in said
    assert "It replaces the file from Sam you brought in on 04 Mar" in said


def test_bringing_in_counts_entries_and_what_made_way():
    assert partners.brought_in(1, "Sam", 0) == "Brought in 1 entry from Sam."
    assert partners.brought_in(3, "Sam", 2) == (
        "Brought in 3 entries from Sam (2 from their earlier file made way).")


def test_a_goal_in_words_from_its_check_ins():
    assert partners.goal_so_far([]) == "no check-ins yet"
    assert partners.goal_so_far([30]) == "30 % after one check-in"
    assert partners.goal_so_far([20, 35, 50]) == "from 20 % to 50 % over 3 check-ins"
