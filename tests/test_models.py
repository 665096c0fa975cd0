from __future__ import annotations

import pytest

from workbook import words
from workbook.models import KINDS, CheckIn, EntryInvalid, InsecuritySnapshot
from workbook.models.base import NOTE_TEXT


def test_valid_check_in_round_trips_through_plain_data():
    entry = CheckIn(mood=7, insecurity=2, emotions=("calm", "hopeful"), note="Line 1\r\nNA")
    assert CheckIn.from_data(entry.to_data()) == entry
    assert entry.to_data()["emotions"] == ["calm", "hopeful"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"mood": 0}, "mood"),
        ({"mood": 11}, "mood"),
        ({"mood": True}, "mood"),
        ({"mood": "7"}, "mood"),
        ({"insecurity": -1}, "insecurity"),
        ({"insecurity": 11}, "insecurity"),
        ({"emotions": ("not a feeling",)}, "emotions"),
        ({"note": "x" * (NOTE_TEXT + 1)}, "note"),
        ({"note": "half a pair \ud83d"}, "note"),
        ({"note": "nul \x00 inside"}, "note"),
    ],
)
def test_invalid_check_in_names_the_field_with_a_plain_message(changes, field):
    answers = {"mood": 5, "insecurity": 5, "emotions": (), "note": ""} | changes
    with pytest.raises(EntryInvalid) as caught:
        CheckIn(**answers)
    assert list(caught.value.problems) == [field]
    message = caught.value.problems[field]
    assert message.endswith(".") and "Error" not in message and "int" not in message


def test_boundaries_are_accepted():
    CheckIn(mood=1, insecurity=0)
    CheckIn(mood=10, insecurity=10, note="x" * NOTE_TEXT)


def test_emoji_and_right_to_left_text_are_kept_exactly():
    note = "שלום 👋🏽 مرحبا\tNone"
    assert CheckIn(mood=5, insecurity=5, note=note).note == note


def test_snapshot_score_is_the_share_of_the_maximum_on_a_ten_point_scale():
    # Answers sum to 12 of a possible 6 * 4 = 24, so half of 10.
    assert InsecuritySnapshot(answers=(4, 4, 2, 2, 0, 0)).score == 5.0
    assert InsecuritySnapshot(answers=(0,) * 6).score == 0.0
    assert InsecuritySnapshot(answers=(1, 0, 0, 0, 0, 0)).score == round(10 / 24, 1)


def test_snapshot_needs_every_answer_in_range():
    with pytest.raises(EntryInvalid):
        InsecuritySnapshot(answers=(1, 2, 3))
    with pytest.raises(EntryInvalid):
        InsecuritySnapshot(answers=(5, 0, 0, 0, 0, 0))


def test_every_kind_is_registered_once():
    assert KINDS["checkin"] is CheckIn
    assert KINDS["insecurity_snapshot"] is InsecuritySnapshot
    assert len(words.SNAPSHOT_QUESTIONS) == 6
