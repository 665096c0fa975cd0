"""The home page: where a person is across the workbook (`workbook.progress`), checked
against a journal seeded by hand, and the panel that shows it."""

from __future__ import annotations

import dataclasses
import datetime as dt

from examples import EXAMPLES

from workbook import progress, trends
from workbook.models.values import ValuesSort
from workbook.panels.home import HomePanel

TODAY = dt.date(2026, 11, 25)


def at(days_ago: int, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(TODAY - dt.timedelta(days=days_ago), dt.time(hour)).astimezone()


def check_in(store, *days_ago: int) -> None:
    for ago in days_ago:
        store.add(EXAMPLES["checkin"], at=at(ago))


def test_practice_days_and_last_day_per_strategy(store):
    store.add(EXAMPLES["gratitude"], at=at(10))
    store.add(EXAMPLES["gratitude"], at=at(10, 20))  # same day: one day
    store.add(EXAMPLES["shared_win"], at=at(3))
    store.add(EXAMPLES["thought_record"], at=at(1))
    found = progress.progress(store, today=TODAY)
    by_key = {part.strategy: part for part in found.parts}
    assert [part.strategy for part in found.parts] == list(progress.NOTEBOOKS)
    assert (by_key["focus_on_the_positive"].days,
            by_key["focus_on_the_positive"].last) == (2, TODAY - dt.timedelta(days=3))
    assert (by_key["reframe_thoughts"].days,
            by_key["reframe_thoughts"].last) == (1, TODAY - dt.timedelta(days=1))
    assert (by_key["values"].days, by_key["values"].last) == (0, None)
    assert by_key["values"].notebook == "06_connect_with_your_values.ipynb"


def test_the_streak_counts_days_in_a_row_up_to_today_or_yesterday(store):
    assert progress.progress(store, today=TODAY).streak == 0
    check_in(store, 1, 2, 3, 5)  # yesterday, the day before, and the day before that
    assert progress.progress(store, today=TODAY).streak == 3
    check_in(store, 0)
    assert progress.progress(store, today=TODAY).streak == 4
    assert trends.streaks({TODAY - dt.timedelta(days=2)}, TODAY).current == 0


def test_what_is_waiting_comes_and_goes(store):
    keys = lambda: [w.key for w in progress.progress(store, today=TODAY).waiting]  # noqa: E731
    assert keys() == ["snapshot"]
    store.add(EXAMPLES["insecurity_snapshot"], at=at(6))
    assert keys() == []
    store.add(ValuesSort(very_important=("trust",)), at=at(2))
    store.add(EXAMPLES["conversation_plan"], at=at(2))
    assert keys() == ["card_sort", "reflection"]
    store.add(EXAMPLES["conversation_reflection"], at=at(1))
    assert keys() == ["card_sort"]
    store.add(EXAMPLES["conversation_plan"], at=at(0))
    assert keys() == ["card_sort", "reflection"]
    assert progress.progress(store, today=TODAY + dt.timedelta(days=1)).waiting[0].key == \
        "snapshot"


def test_one_next_step_in_plain_words(store):
    found = progress.progress(store, today=TODAY)
    assert found.next_step.startswith("Start with today's check-in")
    assert found.next_notebook == "00_start_here.ipynb"
    check_in(store, 0)
    found = progress.progress(store, today=TODAY)
    assert found.next_step == "Your weekly insecurity snapshot is due."
    store.add(EXAMPLES["insecurity_snapshot"], at=at(0))
    for kind in ("clear_statement", "gratitude", "trigger_log", "treat_a_friend",
                 "quick_thought_check", "shared_goal"):
        store.add(EXAMPLES[kind], at=at(0))
    found = progress.progress(store, today=TODAY)
    assert found.next_notebook == "07_seek_professional_help.ipynb"
    assert "seeking professional help" in found.next_step
    assert "haven't opened it yet" in found.next_step


def test_a_snapshot_is_due_a_week_after_the_last_one():
    assert progress.snapshot_due(None, TODAY)
    assert progress.next_snapshot(TODAY) == TODAY + dt.timedelta(days=7)
    assert not progress.snapshot_due(TODAY - dt.timedelta(days=6), TODAY)
    assert progress.snapshot_due(TODAY - dt.timedelta(days=7), TODAY)


def test_the_panel_links_every_part_and_escapes_what_it_shows(store):
    store.add(dataclasses.replace(EXAMPLES["checkin"]), at=at(0))
    panel = HomePanel(store=store, today=TODAY)
    page = panel.view.value
    for notebook in [*progress.NOTEBOOKS.values(), progress.START_HERE, progress.PROGRESS,
                     progress.JOURNAL]:
        assert f"href='{notebook}'" in page
    assert "Check-in streak: 1 day in a row." in page
    assert "<script" not in page
    assert panel._repr_mimebundle_()["text/plain"] == "Where you are (Secure Base)"


def test_the_streak_in_words():
    from workbook.words import home as said

    assert said.streak(0) == "No check-in streak yet. Every day you check in starts one."
    assert said.streak(1) == "Check-in streak: 1 day in a row."
    assert said.streak(12) == "Check-in streak: 12 days in a row."
