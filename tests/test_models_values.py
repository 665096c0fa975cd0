"""The values card sort, value gaps, shared vs different values, and goals."""

from __future__ import annotations

import datetime as dt

import pytest

from workbook import words
from workbook.models import EntryInvalid
from workbook.models.values import (
    GoalProgress,
    LivingValues,
    SharedGoal,
    ValuesSort,
    compare_values,
)

ALL = list(words.VALUE_CARDS)


def test_about_forty_values_each_with_a_description():
    assert 36 <= len(words.VALUE_CARDS) <= 44
    for card in words.VALUE_CARDS.values():
        assert card.label and card.description.endswith(".")
    labels = [c.label for c in words.VALUE_CARDS.values()]
    assert len(set(labels)) == len(labels)


def test_sort_contract_and_partial_sorts():
    assert ValuesSort.KIND == "values_sort" and ValuesSort.STRATEGY == "values"
    partial = ValuesSort(very_important=("trust", "fun"), top_five=("trust",))
    assert not partial.complete and partial.sorted_count == 2
    assert partial.derived() == {"complete": False, "sorted_count": 2}
    assert ValuesSort.from_data(partial.to_data()) == partial


def test_a_sort_is_complete_when_every_card_is_placed_and_five_are_ranked():
    very, rest = ALL[:6], ALL[6:]
    five = tuple(very[:5])
    done = ValuesSort(very_important=tuple(very), not_important=tuple(rest), top_five=five)
    assert done.complete
    assert not ValuesSort(very_important=tuple(very), not_important=tuple(rest),
                          top_five=five[:4]).complete
    assert not ValuesSort(very_important=tuple(very), not_important=tuple(rest[1:]),
                          top_five=five).complete
    # Only three kept: a top three completes the sort.
    few = ValuesSort(important=tuple(ALL[:3]), not_important=tuple(ALL[3:]),
                     top_five=tuple(ALL[:3]))
    assert few.complete


@pytest.mark.parametrize(
    ("answers", "field"),
    [
        ({"very_important": ("not a value",)}, "very_important"),
        ({"very_important": ("trust",), "important": ("trust",)}, "piles"),
        ({"very_important": ("trust",), "top_five": ("trust", "trust")}, "top_five"),
        ({"not_important": ("trust",), "top_five": ("trust",)}, "top_five"),
        ({"very_important": tuple(ALL[:6]), "top_five": tuple(ALL[:6])}, "top_five"),
    ],
)
def test_bad_sorts_are_refused(answers, field):
    with pytest.raises(EntryInvalid) as caught:
        ValuesSort(**answers)
    assert field in caught.value.problems


def test_most_important_is_the_top_five_then_the_rest_of_the_very_important_pile():
    sort = ValuesSort(very_important=("fun", "trust", "honesty"), important=("health",),
                      top_five=("trust", "health"))
    assert sort.most_important() == ("trust", "health", "fun", "honesty")


def test_value_gaps_are_importance_minus_action():
    entry = LivingValues(values=("trust", "fun", "health"), importance=(9, 7, 8),
                         consistency=(4, 7, 2))
    assert entry.gaps() == [("trust", 5), ("fun", 0), ("health", 6)]
    assert entry.biggest_gap() == ("health", 6)
    # (5 + 0 + 6) / 3 = 3.67
    assert entry.derived() == {"biggest_gap_value": "health", "biggest_gap": 6,
                               "average_gap": 3.7}
    assert entry.gap_sentence().startswith("The biggest gap is Health: it matters 8/10")


def test_ties_name_the_first_value_and_no_positive_gap_is_celebrated():
    tie = LivingValues(values=("trust", "fun"), importance=(8, 9), consistency=(5, 6))
    assert tie.biggest_gap() == ("trust", 3)
    none = LivingValues(values=("trust", "fun"), importance=(5, 6), consistency=(7, 6))
    assert none.biggest_gap() is None
    assert none.derived()["biggest_gap_value"] == "" and none.derived()["average_gap"] == -1.0
    assert "as fully as you hoped" in none.gap_sentence()


@pytest.mark.parametrize(
    ("answers", "field"),
    [
        ({"values": (), "importance": (), "consistency": ()}, "values"),
        ({"importance": (9,)}, "importance"),
        ({"consistency": (4, 11)}, "consistency"),
        ({"importance": (0, 5)}, "importance"),
        ({"values": ("trust", "nope")}, "values"),
    ],
)
def test_bad_ratings_are_refused(answers, field):
    base = {"values": ("trust", "fun"), "importance": (9, 5), "consistency": (4, 5)}
    with pytest.raises(EntryInvalid) as caught:
        LivingValues(**(base | answers))
    assert field in caught.value.problems


def test_shared_and_different_values_keep_each_persons_order():
    mine = ValuesSort(very_important=("trust", "fun", "honesty", "health"),
                      top_five=("honesty", "trust"))
    theirs = ValuesSort(very_important=("adventure", "trust", "fun", "family"),
                        top_five=("family", "fun"))
    result = compare_values(mine, theirs)
    # Mine in order: honesty, trust, fun, health. Theirs: family, fun, adventure, trust.
    assert result.shared == ("trust", "fun")
    assert result.only_mine == ("honesty", "health")
    assert result.only_theirs == ("family", "adventure")


def test_goals_and_progress_check_their_answers():
    goal = SharedGoal(goal="Phone-free dinners", value="connection", first_step="Pick days",
                      target_date=dt.date(2020, 1, 1))  # a passed date stays readable
    assert SharedGoal.from_data(goal.to_data()) == goal
    with pytest.raises(EntryInvalid) as caught:
        SharedGoal(goal="", value="nope", first_step="", target_date=None)
    assert set(caught.value.problems) == {"goal", "value", "first_step", "target_date"}
    assert GoalProgress(goal_id=3, progress=40).summary() == "40 % of the way"
    with pytest.raises(EntryInvalid) as caught:
        GoalProgress(goal_id=0, progress=101)
    assert set(caught.value.problems) == {"goal_id", "progress"}


def test_talk_prompts_cover_shared_values_then_each_ones_own():
    from workbook.models.values import compare_values

    mine = ValuesSort(very_important=("fun", "trust", "calm", "health"), top_five=("fun",))
    theirs = ValuesSort(very_important=("fun", "adventure", "growth"), top_five=("fun",))
    prompts = compare_values(mine, theirs).talk_prompts()
    assert prompts[0] == "What does Fun look like for each of us on an ordinary day?"
    # One shared value, then two only mine and two only theirs, alternating prompts.
    assert len(prompts) == 5
    assert prompts[1].startswith("What makes Trust matter") and "Calm" in prompts[2]
    assert "Adventure" in prompts[3] and "Growth" in prompts[4]


def test_progress_by_goal_keeps_each_goals_check_ins_in_order():
    from types import SimpleNamespace

    from workbook.models.values import progress_by_goal

    saved = [SimpleNamespace(entry=GoalProgress(goal_id=g, progress=p))
             for g, p in ((1, 10), (2, 50), (1, 40))]
    assert progress_by_goal(saved) == {1: [10, 40], 2: [50]}


def test_a_goal_is_named_with_the_value_it_serves():
    goal = SharedGoal(goal="Sunday walks", value="health", first_step="Shoes",
                      target_date=dt.date(2026, 3, 4))
    assert goal.short_name() == "Sunday walks (for Health)"


def test_a_gap_in_the_top_five_is_named_rather_than_closed_up():
    kept = {"very_important": ("trust", "fun", "calm")}
    with pytest.raises(EntryInvalid) as raised:
        ValuesSort(**kept, top_five=("trust", None, "fun"))
    assert "fill in your 2nd value before your 3rd" in raised.value.problems["top_five"]
    with pytest.raises(EntryInvalid) as raised:
        ValuesSort(**kept, top_five=(None, None, None, "calm"))
    assert "your 1st value before your 4th" in raised.value.problems["top_five"]
    assert ValuesSort(**kept, top_five=("trust", "fun")).top_five == ("trust", "fun")
