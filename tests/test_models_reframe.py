"""Thought records: validation, the before/after change, and the pattern finder's sums."""

from __future__ import annotations

import pytest

from workbook import words
from workbook.models import KINDS, EntryInvalid
from workbook.models.reframe import QuickThoughtCheck, ThoughtRecord, find_patterns


def record(**changes) -> ThoughtRecord:
    answers = dict(
        situation="They were quiet at dinner.", situation_kind="time_apart",
        emotions=("anxious", "sad"), intensity_before=(80, 60),
        automatic_thought="They're bored of me.", belief_before=90,
        traps=("mind_reading",), evidence_for="", evidence_against="They smiled at me.",
        friend_view="", balanced_thought="They were tired.", belief_after=40,
        intensity_after=(30, 50))
    return ThoughtRecord(**(answers | changes))


def test_thought_record_contract():
    assert ThoughtRecord.KIND == "thought_record" and KINDS["thought_record"] is ThoughtRecord
    assert ThoughtRecord.STRATEGY == "reframe_thoughts" in words.STRATEGIES
    assert QuickThoughtCheck.STRATEGY == "reframe_thoughts"


def test_belief_and_feelings_change_after_minus_before():
    entry = record()
    # belief 90 -> 40 is -50; anxious 80 -> 30 (-50) and sad 60 -> 50 (-10) average -30.
    assert entry.belief_change == -50
    assert entry.intensity_change == -30.0
    assert entry.derived() == {"belief_change": -50, "intensity_change": -30.0}
    assert entry.change_text() == ("Belief in the thought: 90 → 40 (down 50 points). "
                                   "Feelings: anxious 80 → 30, sad 60 → 50.")
    assert record(belief_after=95).belief_change == 5
    assert "up 5 points" in record(belief_after=95).change_text()
    assert "no change" in record(belief_after=90).change_text()


def test_round_trip_keeps_tuples():
    entry = record()
    assert ThoughtRecord.from_data(entry.to_data()) == entry


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"situation": " "}, "situation"),
        ({"situation_kind": None}, "situation_kind"),
        ({"emotions": (), "intensity_before": (), "intensity_after": ()}, "emotions"),
        ({"emotions": ("anxious", "not a feeling")}, "emotions"),
        ({"emotions": ("sad", "sad")}, "emotions"),
        ({"intensity_before": (80,)}, "intensity_before"),
        ({"intensity_before": (80, 101)}, "intensity_before"),
        ({"intensity_after": (-1, 50)}, "intensity_after"),
        ({"automatic_thought": ""}, "automatic_thought"),
        ({"belief_before": 101}, "belief_before"),
        ({"belief_after": -5}, "belief_after"),
        ({"traps": ("mind_reading", "wishful_thinking")}, "traps"),
        ({"balanced_thought": ""}, "balanced_thought"),
    ],
)
def test_each_bad_answer_is_named(changes, field):
    with pytest.raises(EntryInvalid) as caught:
        record(**changes)
    assert field in caught.value.problems


def test_there_are_twelve_traps_each_with_a_description_and_an_example():
    assert len(words.THINKING_TRAPS) == 12
    for trap in words.THINKING_TRAPS.values():
        assert trap.label and trap.description.endswith(".") and trap.example


def test_patterns_count_traps_and_situations_and_average_the_belief_drop():
    records = [
        record(traps=("mind_reading", "catastrophising"), belief_before=90, belief_after=40),
        record(traps=("catastrophising",), situation_kind="a_disagreement",
               belief_before=70, belief_after=60),
        record(traps=("catastrophising", "labelling"), belief_before=50, belief_after=55),
    ]
    patterns = find_patterns(records)
    assert patterns.records == 3
    # catastrophising 3, then mind reading and labelling 1 each, in list order.
    assert patterns.traps == [("catastrophising", 3), ("mind_reading", 1), ("labelling", 1)]
    assert patterns.situations == [("time_apart", 2), ("a_disagreement", 1)]
    # Drops 50, 10 and -5: (50 + 10 - 5) / 3 = 18.33…
    assert patterns.average_belief_drop == 18.3
    text = " ".join(patterns.sentences())
    assert "catastrophising (3)" in text and "fell by 18.3 points" in text
    assert "few more records" not in text


def test_patterns_are_friendly_with_little_data():
    empty = find_patterns([])
    assert empty.records == 0 and empty.average_belief_drop is None
    assert "No thought records yet" in empty.sentences()[0]
    one = find_patterns([record(traps=(), belief_before=50, belief_after=50)])
    text = " ".join(one.sentences())
    assert "not marked any thinking traps" in text
    assert "stayed about the same" in text and "few more records" in text


def test_quick_check_needs_a_known_trap():
    QuickThoughtCheck(thought="t", trap="labelling", alternative="a")
    with pytest.raises(EntryInvalid) as caught:
        QuickThoughtCheck(thought="t", trap="", alternative="")
    assert set(caught.value.problems) == {"trap", "alternative"}
