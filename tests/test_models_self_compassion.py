"""Self-compassion entries: the distress change, letters that come due, validation."""

from __future__ import annotations

import datetime as dt

import pytest

from workbook.models import EntryInvalid
from workbook.models.self_compassion import (
    SelfCompassionBreak,
    SelfCompassionLetter,
    letters_waiting,
)

STEPS = {"noticing": "This hurts.", "common_humanity": "Many feel this.",
         "kindness": "I can be gentle."}


def test_distress_change_is_after_minus_before():
    entry = SelfCompassionBreak(distress_before=8, distress_after=5, **STEPS)
    assert entry.KIND == "self_compassion_break" and entry.STRATEGY == "self_compassion"
    assert entry.distress_change == -3
    assert entry.derived() == {"distress_change": -3}
    assert SelfCompassionBreak(distress_before=2, distress_after=6, **STEPS).distress_change == 4


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"distress_before": 11}, "distress_before"), ({"distress_after": -1}, "distress_after"),
     ({"noticing": ""}, "noticing"), ({"kindness": "  "}, "kindness")],
)
def test_bad_break_answers_are_named(changes, field):
    answers = {"distress_before": 5, "distress_after": 4, **STEPS} | changes
    with pytest.raises(EntryInvalid) as caught:
        SelfCompassionBreak(**answers)
    assert list(caught.value.problems) == [field]


def test_a_letter_is_due_on_and_after_its_day_until_reread():
    letter = SelfCompassionLetter(letter="Dear me", reread_on=dt.date(2026, 5, 10))
    assert not letter.due(dt.date(2026, 5, 9))
    assert letter.due(dt.date(2026, 5, 10)) and letter.due(dt.date(2026, 6, 1))
    reread = SelfCompassionLetter(letter="Dear me", reread_on=dt.date(2026, 5, 10), reread=True)
    assert not reread.due(dt.date(2026, 6, 1))
    assert SelfCompassionLetter.from_data(letter.to_data()) == letter
    with pytest.raises(EntryInvalid) as caught:
        SelfCompassionLetter(letter="", reread_on=None)
    assert set(caught.value.problems) == {"letter", "reread_on"}


def test_letters_waiting_come_earliest_first_and_name_the_next_day():
    today = dt.date(2026, 3, 4)

    class Saved:
        def __init__(self, **answers):
            self.entry = SelfCompassionLetter(letter="Dear me", **answers)

    later = Saved(reread_on=today + dt.timedelta(days=9))
    soon = Saved(reread_on=today + dt.timedelta(days=2))
    read = Saved(reread_on=today - dt.timedelta(days=9), reread=True)
    old, new = Saved(reread_on=today - dt.timedelta(days=5)), Saved(reread_on=today)
    due, upcoming = letters_waiting([later, new, read, soon, old], today)
    assert due == [old, new] and upcoming == soon.entry.reread_on
    assert letters_waiting([read], today) == ([], None)
