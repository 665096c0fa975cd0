"""Notebook 06: the card sort (saved half done and resumed), gaps, comparison, goals."""

from __future__ import annotations

import datetime as dt

import pytest
from form_steps import assert_refused, delete_newest, shown_text

import workbook
from workbook import words
from workbook.charts.values import gap_chart, gap_summary
from workbook.exercises import together, values
from workbook.models.values import LivingValues, ValuesSort
from workbook.words import Picks

# Read at each use, not once: a test run may pass midnight.
today = dt.date.today

ALL = list(words.VALUE_CARDS)


def finish_sort(form, very=("trust", "honesty", "fun", "family", "health", "calm"),
                top=("honesty", "trust", "fun", "family", "health")):
    for key in ALL:
        form.sort_into(key, "very_important" if key in very else "not_important")
    form.rank(*top)


def test_sorting_by_clicking_the_pile_buttons_and_ranking(store):
    form = values.card_sort(store=store)
    assert "sb-card-sort" in form.root._dom_classes
    row = form.rows["trust"]
    assert "sb-value-row" in row.box._dom_classes
    assert [label for label, _key in row.pile.options] == [
        "Very important", "Important", "Not important"]
    row.pile.value = "very_important"
    form.rows["humour"].pile.value = "important"
    form.rows["fun"].pile.value = "not_important"
    assert "3 of 40 values sorted" in form.progress.value
    # Only kept values can be ranked, very important first.
    assert [key for _label, key in form.ranks[0].options] == [None, "trust", "humour"]
    form.ranks[0].value = "humour"
    form.save.click()
    saved = store.entries("values_sort")[0].entry
    assert (saved.very_important, saved.important, saved.not_important, saved.top_five) == (
        ("trust",), ("humour",), ("fun",), ("humour",))
    assert "3 of 40 sorted, 1 of 5 ranked" in form.status.value


def test_a_partial_sort_is_resumed_and_updated_in_place(store):
    form = values.card_sort(store=store)
    form.sort_into("trust", "very_important")
    form.sort_into("fun", "important")
    form.save.click()
    form.sort_into("honesty", "very_important")
    form.save.click()  # the same sort again, now with honesty
    assert len(store.entries("values_sort")) == 1

    later = values.card_sort(store=store)
    assert "Welcome back" in later.status.value
    assert later.pile_of("trust") == "very_important" and later.pile_of("honesty") == (
        "very_important")
    finish_sort(later)
    later.save.click()
    assert "Your top five: Honesty, Trust, Fun, Family, Health" in later.status.value
    sorts = store.entries("values_sort")
    assert len(sorts) == 1 and sorts[0].entry.complete
    frame = workbook.data("values_sort", store=store)
    assert frame["complete"].tolist() == [True]
    assert frame.iloc[0]["top_five"] == ("honesty", "trust", "fun", "family", "health")
    assert workbook.data("practice", store=store)["strategy"].tolist() == ["values"]


def test_a_finished_sort_is_shown_and_a_changed_one_is_kept_as_a_new_version(store):
    form = values.card_sort(store=store)
    finish_sort(form)
    form.save.click()
    again = values.card_sort(store=store)
    assert "earlier one stays in your history" in again.status.value
    again.save.click()
    assert "already saved" in again.status.value
    again.rank("trust", "honesty", "fun", "family", "health")
    again.save.click()
    assert [s.entry.top_five[0] for s in store.entries("values_sort")] == ["trust", "honesty"]


def test_only_unsorted_rows_can_be_shown(store):
    form = values.card_sort(store=store)
    listed = form.piles.cards
    assert list(listed.children) == [row.box for row in form.rows.values()]
    form.sort_into("trust", "important")
    form.only_unsorted.value = True
    assert form.rows["trust"].box not in listed.children
    assert form.rows["fun"].box in listed.children
    assert len(listed.children) == len(ALL) - 1
    form.sort_into("fun", "very_important")  # sorted while only the unsorted show: it goes
    assert form.rows["fun"].box not in listed.children
    form.only_unsorted.value = False
    # Every row back, in card order.
    assert list(listed.children) == [row.box for row in form.rows.values()]


def test_the_rows_share_their_layouts_and_styles(store):
    form = values.card_sort(store=store)
    rows = list(form.rows.values())
    first = rows[0]
    for row in rows[1:]:
        assert row.text.layout is first.text.layout and row.text.style is first.text.style
        assert row.pile.layout is first.pile.layout and row.pile.style is first.pile.style
        assert row.box.layout is first.box.layout
    assert first.pile.style.button_width == "10em"
    assert first.box.layout.border_bottom == "1px solid #eee"
    # A second sort has its own, so closing one form never closes another's.
    other = values.card_sort(store=store)
    assert next(iter(other.rows.values())).box.layout is not first.box.layout


def test_unsorting_a_ranked_value_takes_it_out_of_the_top_five(store):
    form = values.card_sort(store=store)
    form.sort_into("trust", "very_important")
    form.rank("trust")
    form.sort_into("trust", "not_important")
    assert form.ranks[0].value is None
    form.save.click()
    assert store.entries("values_sort")[0].entry.top_five == ()


def test_a_value_ranked_twice_is_refused_with_a_message(store):
    form = values.card_sort(store=store)
    form.sort_into("trust", "very_important")
    form.ranks[0].value = "trust"
    form.ranks[1].value = "trust"
    form.save.click()
    assert "only be ranked once" in form.fields["top_five"].message.value
    assert store.entries("values_sort") == []


def test_the_partner_sorts_separately_in_the_same_form(store):
    store.set_profile("partner", "Sam")
    form = values.card_sort(store=store)
    form.sort_into("trust", "very_important")
    form.save.click()
    form.who.value = "partner"
    assert form.pile_of("trust") is None  # Sam starts from a blank sort
    form.sort_into("adventure", "very_important")
    form.save.click()
    assert store.entries("values_sort", profile="partner")[0].entry.very_important == (
        "adventure",)
    assert store.entries("values_sort", profile="me")[0].entry.very_important == ("trust",)


def test_deleting_the_sort_being_continued_then_saving_keeps_the_work(store):
    form = values.card_sort(store=store)
    form.sort_into("trust", "very_important")
    form.save.click()
    delete_newest(form, store, "values_sort")
    form.save.click()
    assert "Saved at" in form.status.value
    assert store.entries("values_sort")[0].entry.very_important == ("trust",)


def test_living_my_values_rates_the_top_values_and_names_the_biggest_gap(store):
    store.add(ValuesSort(very_important=("fun", "trust", "health"),
                         top_five=("trust", "health")))
    form = values.living_my_values(store=store)
    assert form.values == ("trust", "health", "fun")
    for value, importance, action in (("trust", 9, 4), ("health", 8, 7), ("fun", 6, 6)):
        form.importance[value].value = importance
        form.consistency[value].value = action
    form.save.click()
    assert "biggest gap is Trust" in form.gap.value and "(a gap of 5)" in form.gap.value
    assert form.chart.value[:4] == b"\x89PNG"
    row = workbook.data("living_values", store=store).iloc[0]
    # gaps 5, 1, 0: average 2.0
    assert (row["biggest_gap_value"], row["biggest_gap"], row["average_gap"]) == (
        "trust", 5, 2.0)


def test_living_my_values_without_a_sort_explains_and_refuses(store):
    form = values.living_my_values(store=store)
    assert "card sort above first" in form.rows.children[0].value
    form.save.click()
    assert "sort your values first" in form.fields["values"].message.value
    assert store.entries("living_values") == []
    store.add(ValuesSort(very_important=("calm",)))
    form.use_latest.click()
    assert form.values == ("calm",)


def test_living_my_values_refuses_out_of_range_and_deletes(store):
    store.add(ValuesSort(very_important=("calm",), top_five=("calm",)))
    form = values.living_my_values(store=store)
    form.importance["calm"].value = 11
    form.save.click()
    assert "from 1 to 10" in form.status.value
    assert store.entries("living_values") == []
    form.importance["calm"].value = 10
    form.save.click()
    form.recent.items[0].delete.click()
    form.recent.items[0].confirm.click()
    assert store.entries("living_values") == []


def test_gap_chart_draws_the_latest_entry_with_title_axes_and_summary(store):
    store.add(LivingValues(values=("fun",), importance=(9,), consistency=(1,)))
    store.add(LivingValues(values=("trust", "calm"), importance=(9, 6), consistency=(3, 5)))
    frame = workbook.data("living_values", store=store)
    fig = gap_chart(frame)
    ax = fig.axes[0]
    assert fig.get_suptitle() and ax.get_xlabel() == "Rating (1–10)" and ax.get_ylabel()
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Calm", "Trust"]
    widths = sorted(round(p.get_width()) for p in ax.patches)
    assert widths == [3, 5, 6, 9]
    assert gap_summary(frame).startswith("The biggest gap is Trust")
    assert "rate your values" in gap_summary(frame.iloc[0:0])


def test_partner_comparison_explains_how_until_both_have_sorted(store):
    panel = together.partner_comparison(store=store)
    assert "Start with your own card sort" in panel.result.value
    store.add(ValuesSort(very_important=("trust", "fun"), top_five=("trust",)))
    panel.compare.click()
    assert "needs a profile of their own" in panel.result.value
    store.set_profile("partner", "<Sam>")
    panel.compare.click()
    assert "&lt;Sam&gt; hasn't done the card sort yet" in panel.result.value
    assert "Who is writing?" in panel.result.value
    store.add(ValuesSort(very_important=("fun", "adventure"), top_five=("adventure",)),
              profile="partner")
    panel.compare.click()
    shown = panel.result.value
    assert "<Sam>" not in shown and "Matters most to &lt;Sam&gt;" in shown
    we_share, mine, theirs = shown.split("<b>")[1:4]
    assert "<li>Fun</li>" in we_share and "Trust" not in we_share
    assert "<li>Trust</li>" in mine and "<li>Adventure</li>" in theirs
    assert "What does Fun look like for each of us" in shown
    assert "What makes Trust matter to you?" in shown


def test_shared_goal_and_progress_check_ins(store):
    goals = together.shared_goals(store=store)
    new = goals.new_goal
    new.goal.value = "Phone-free dinner twice a week"
    new.value.value = "connection"
    new.first_step.value = "Choose the two evenings together"
    new.target_date.value = today() + dt.timedelta(days=30)
    new.save.click()
    assert "Saved at" in new.status.value
    goal_id = store.entries("shared_goal")[0].id
    check = goals.check_in
    assert check.goal_id.value == goal_id  # the new goal is ready for a check-in
    for progress in (20, 50):
        check.progress.value = progress
        check.save.click()
    assert "from 20 % to 50 % over 2 check-ins" in check.overview.value
    frame = workbook.data("goal_progress", store=store)
    assert frame["progress"].tolist() == [20, 50] and frame["goal_id"].tolist() == [goal_id] * 2
    goal_row = workbook.data("shared_goal", store=store).iloc[0]
    assert goal_row["target_date"].date() == today() + dt.timedelta(days=30)
    assert set(workbook.data("practice", store=store)["strategy"]) == {"values"}


@pytest.mark.parametrize(
    ("name", "value", "says"),
    [("goal", "", "a few words"), ("value", None, "choose from the list"),
     ("first_step", " ", "a few words"), ("target_date", None, "pick a date"),
     ("target_date", today() - dt.timedelta(days=1), "already passed")],
)

def test_a_goal_with_a_bad_answer_is_refused(store, name, value, says):
    form = together.shared_goals(store=store).new_goal
    form.goal.value = "Walk on Sundays"
    form.value.value = "health"
    form.first_step.value = "Find a route"
    form.target_date.value = today() + dt.timedelta(days=7)
    getattr(form, name).value = value
    assert_refused(store, form, name, says, "shared_goal")


def test_progress_needs_a_goal_and_a_percentage_in_range(store):
    goals = together.shared_goals(store=store)
    goals.check_in.save.click()
    assert "choose a goal" in goals.check_in.fields["goal_id"].message.value
    form = goals.new_goal
    form.goal.value, form.value.value, form.first_step.value = "Walk", "health", "Route"
    form.target_date.value = today()
    form.save.click()
    goals.check_in.progress.value = 120
    goals.check_in.save.click()
    assert "from 0 to 100" in goals.check_in.fields["progress"].message.value
    assert store.entries("goal_progress") == []


def test_deleting_a_goal_after_confirming_updates_the_check_in_list(store):
    goals = together.shared_goals(store=store)
    form = goals.new_goal
    form.goal.value, form.value.value, form.first_step.value = "Walk", "health", "Route"
    form.target_date.value = today()
    form.save.click()
    assert len(goals.check_in.goal_id.options) == 1
    delete_newest(form, store, "shared_goal")
    assert goals.check_in.goal_id.options == ()
    assert "No shared goals yet" in goals.check_in.overview.value


def test_goals_open_with_earlier_check_ins_named_by_their_goal(store):
    from workbook.models.values import GoalProgress, SharedGoal

    goal = store.add(SharedGoal(goal="Sunday walks", value="health", first_step="Shoes",
                                target_date=today()))
    store.add(GoalProgress(goal_id=goal.id, progress=30))
    store.add(GoalProgress(goal_id=goal.id + 100, progress=10))
    check = together.shared_goals(store=store).check_in
    texts = [item.text.value for item in check.recent.items]
    assert "a goal since deleted: 10 % of the way" in texts[0]
    assert "Sunday walks (for Health): 30 % of the way" in texts[1]
    assert "30 % after one check-in" in check.overview.value


def test_a_gap_in_the_ranks_is_explained_and_nothing_is_stored(store):
    form = values.card_sort(store=store)
    finish_sort(form)
    form.ranks[1].value = None
    form.ranks[3].value = None
    form.save.click()
    says = form.fields["top_five"].message.value
    assert "fill in your 2nd value before your 3rd" in says
    assert store.entries("values_sort") == []
    assert form.ranks[2].value == "fun"  # the answers stay as chosen


def test_living_my_values_gap_follows_who_is_writing(store):
    store.set_profile("partner", "Sam")
    store.add(ValuesSort(very_important=("fun", "trust"), top_five=("trust", "fun")))
    form = values.living_my_values(store=store)
    form.importance["trust"].value, form.consistency["trust"].value = 9, 2
    form.save.click()
    assert "biggest gap is Trust" in form.gap.value
    form.who.value = "partner"
    assert "Trust" not in shown_text(form.root) and form.chart.layout.display == "none"
    assert form.values == ()


def test_shared_goals_follow_one_person_in_both_forms(store):
    store.set_profile("partner", "Sam")
    goals = together.shared_goals(store=store)
    new, check = goals.new_goal, goals.check_in
    new.goal.value, new.value.value, new.first_step.value = "The lighthouse walk", "fun", "Map"
    new.target_date.value = today()
    new.save.click()
    new.goal.value = ""  # what is typed stays typed; what was saved must go
    new.who.value = "partner"
    assert check.who.value == "partner"
    assert "lighthouse" not in shown_text(goals.root)
    new.goal.value, new.first_step.value = "Cook on Fridays", "Buy a pan"
    new.save.click()
    saved = store.entries("shared_goal", profile="partner")[0]
    assert check.goal_id.value == saved.id
    check.progress.value = 10
    check.save.click()
    assert [s.profile for s in store.entries("goal_progress")] == ["partner"]
    new.goal.value = ""
    check.who.value = "me"
    assert new.who.value == "me" and "Cook on Fridays" not in shown_text(goals.root)


def test_a_value_retired_since_the_sort_stays_in_its_pile_marked_and_can_be_kept(store,
                                                                             monkeypatch):
    store.add(ValuesSort(very_important=("trust", "fun"), top_five=("trust",)))
    cards = words.VALUE_CARDS
    monkeypatch.setattr(words, "VALUE_CARDS", Picks(
        {key: card for key, card in cards.items() if key != "trust"},
        retired={"trust": "Trust"}))
    form = values.card_sort(store=store)
    assert form.pile_of("trust") == "very_important" and form.ranks[0].value == "trust"
    assert "Trust (no longer on the list)" in form.rows["trust"].text.value
    assert "no longer on the list" in form.fields["very_important"].message.value
    assert f"2 of {len(cards)} values sorted" in form.progress.value
    form.sort_into("calm", "important")
    form.save.click()
    assert store.entries("values_sort")[0].entry.very_important == ("fun", "trust")
