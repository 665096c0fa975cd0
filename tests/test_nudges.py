from __future__ import annotations

import datetime as dt

import workbook
from workbook.models import CheckIn
from workbook.nudges import Nudge, support_nudge

TODAY = dt.date(2026, 11, 24)


def at(days_ago: int, hour: int = 12) -> dt.datetime:
    day = TODAY - dt.timedelta(days=days_ago)
    return dt.datetime(day.year, day.month, day.day, hour).astimezone()


def nudge_for(store, moods: dict[int, int], insecurity: int = 3, profile: str = "me"):
    for days_ago, mood in moods.items():
        store.add(CheckIn(mood=mood, insecurity=insecurity), at=at(days_ago), profile=profile)
    return support_nudge(workbook.data("checkin", store=store, profile=profile), TODAY)


def test_low_mood_on_most_days_of_the_last_fourteen(store):
    # 8 low days out of 14: more than half.
    nudge = nudge_for(store, {d: (2 if d < 8 else 6) for d in range(14)})
    assert (nudge.days, nudge.low_mood_days) == (14, 8)
    assert nudge.suggested and "8 of the 14 days" in nudge.message()


def test_exactly_half_is_not_most(store):
    nudge = nudge_for(store, {d: (3 if d < 7 else 6) for d in range(14)})
    assert (nudge.days, nudge.low_mood_days) == (14, 7)
    assert not nudge.suggested and nudge.message() == ""


def test_the_window_is_exactly_fourteen_days_including_today(store):
    # Day 14 ago is outside the window: only days 0..13 count.
    nudge = nudge_for(store, {14: 1, 15: 1, 13: 2, 12: 2, 11: 2, 10: 2, 9: 6})
    assert nudge.days == 5 and nudge.low_mood_days == 4
    assert nudge.low_mood


def test_missing_days_are_left_out_not_guessed(store):
    # Six check-in days across two weeks, four of them low: most of the days we know.
    nudge = nudge_for(store, {0: 1, 2: 2, 5: 3, 8: 3, 10: 7, 13: 8})
    assert (nudge.days, nudge.low_mood_days) == (6, 4)
    assert nudge.low_mood


def test_too_few_days_says_nothing(store):
    nudge = nudge_for(store, {0: 1, 1: 1, 2: 1, 3: 1})
    assert nudge.days == 4 and not nudge.suggested


def test_several_check_ins_a_day_count_once_by_their_mean(store):
    for days_ago in range(6):
        store.add(CheckIn(mood=2, insecurity=3), at=at(days_ago, 9))
        store.add(CheckIn(mood=6, insecurity=3), at=at(days_ago, 20))
    nudge = support_nudge(workbook.data("checkin", store=store), TODAY)
    assert (nudge.days, nudge.low_mood_days) == (6, 0)  # mean 4 each day


def test_insecurity_staying_high(store):
    nudge = nudge_for(store, {d: 6 for d in range(6)}, insecurity=8)
    assert nudge.high_insecurity and not nudge.low_mood
    assert "8 or higher" in nudge.message()
    store.add(CheckIn(mood=6, insecurity=7), at=at(6))
    assert not support_nudge(workbook.data("checkin", store=store), TODAY).high_insecurity


def test_each_profile_is_judged_on_its_own(store):
    nudge_for(store, {d: 1 for d in range(10)}, profile="partner")
    mine = nudge_for(store, {d: 7 for d in range(10)})
    theirs = support_nudge(workbook.data("checkin", store=store, profile="partner"), TODAY)
    assert not mine.suggested and theirs.suggested


def test_no_check_ins_at_all(store):
    nudge = support_nudge(workbook.data("checkin", store=store), TODAY)
    assert nudge.days == 0 and not nudge.suggested


def test_what_the_nudge_says_and_in_which_tone():
    assert Nudge(days=8, low_mood_days=6, high_insecurity_days=0).said()[1] == "care"
    few, tone = Nudge(days=3, low_mood_days=0, high_insecurity_days=0).said()
    assert "3 of the last 14 days" in few and tone == "info"
    assert Nudge(days=9, low_mood_days=1, high_insecurity_days=0).said()[1] == "ok"
