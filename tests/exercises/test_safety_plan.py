from __future__ import annotations

import pytest

from tests.form_steps import delete_newest, reopen_newest, shown_text
from workbook import report
from workbook.exercises import safety_plan, start_here
from workbook.models.safety_plan import PartnerSafetyPlan, SafetyPlan
from workbook.panels.help_now import need_help
from workbook.trends import Span

MARKUP = "<img src=x onerror=alert(1)>"


def answer_safety_check(store, yes_to):
    check = start_here.safety_check(store=store)
    for i, answer in enumerate(check.answers):
        answer.value = i in yes_to
    check.show.click()
    return check


def test_the_plan_saves_shows_a_card_edits_and_deletes(store):
    form = safety_plan.my_safety_plan(store=store)
    form.warning_signs.value = f"I stop answering messages {MARKUP}"
    form.people.value = "Ana, 0123 456 789"
    form.save.click()
    assert "Saved at" in form.status.value
    [saved] = store.entries("safety_plan")
    assert saved.entry.people == "Ana, 0123 456 789" and saved.strategy is None
    # The card shows what was written, escaped, under the part's heading.
    assert "My warning signs" in form.card.value and "Ana, 0123 456 789" in form.card.value
    assert "&lt;img src=x" in form.card.value and MARKUP not in form.card.value

    fresh = reopen_newest(store, safety_plan.my_safety_plan, "safety_plan")
    fresh.reasons.value = "my sister's wedding in May"
    fresh.save.click()
    [changed] = store.entries("safety_plan")
    assert changed.id == saved.id and changed.entry.reasons == "my sister's wedding in May"
    assert "sister" in fresh.card.value

    delete_newest(fresh, store, "safety_plan")
    assert store.entries("safety_plan") == [] and fresh.card.value == ""


def test_professionals_are_filled_in_from_the_region_and_can_be_changed(store):
    store.set_setting("region", "NZ")
    form = safety_plan.my_safety_plan(store=store)
    assert "1737" in form.professionals.value
    form.professionals.value += "\nDr Lee, the practice on Hill Road"
    form.on_my_own.value = "a long shower"
    form.save.click()
    assert "Dr Lee" in store.entries("safety_plan")[0].entry.professionals


def test_a_plan_needs_some_words_of_the_persons_own(store):
    form = safety_plan.my_safety_plan(store=store)
    form.save.click()  # only the pre-filled lines
    assert "at least one part" in form.fields["warning_signs"].message.value
    assert "look at the notes" in form.status.value and store.entries() == []
    form.reasons.value = "x" * 2001
    form.save.click()
    assert "longer than" in form.fields["reasons"].message.value
    assert form.reasons.value == "x" * 2001 and store.entries() == []


def test_the_relationship_plan_keeps_a_bag_list_and_warns_to_keep_it_hidden(store):
    store.set_setting("region", "UK")
    form = safety_plan.partner_safety_plan(store=store)
    assert "0808 2000 247" in form.help_lines.value
    assert "where the person you fear can&#x27;t find it" in shown_text(form.root)
    form.go_bag.value = ("id_documents", "phone_charger")
    form.code_word.value = "pineapple: please call the police"
    form.save.click()
    [saved] = store.entries("partner_safety_plan")
    assert saved.entry.go_bag == ("id_documents", "phone_charger")
    assert "A phone and its charger" in form.card.value
    form.go_bag.value = ("not on the list",)
    form.save.click()
    assert form.fields["go_bag"].message.value


@pytest.mark.parametrize(("yes_to", "offered"), [
    ((), False), ((4,), False), ((0,), True), ((2,), True), ((3, 4), True)])
def test_the_relationship_plan_appears_only_when_the_check_points_to_fear_of_a_partner(
        store, yes_to, offered):
    assert not need_help(store=store).plans.partner_plan_offered
    check = answer_safety_check(store, yes_to)
    assert check.plans.partner_plan_offered is offered
    assert store.entries() == []  # the answers themselves are never stored
    help_now = need_help(store=store)
    help_now.open.click()
    assert help_now.plans.partner_plan_offered is offered


def test_answering_no_again_takes_the_relationship_plan_away(store):
    answer_safety_check(store, (1,))
    help_now = need_help(store=store)
    help_now.open.click()
    help_now.plans.open_partner_plan.click()
    assert isinstance(help_now.plans.form, safety_plan.PartnerSafetyPlanForm)
    answer_safety_check(store, ())
    help_now.open.click()
    help_now.open.click()  # opening again looks at the check once more
    assert not help_now.plans.partner_plan_offered and help_now.plans.form is None


def test_need_help_opens_the_plan_and_the_shared_computer_note(store):
    help_now = need_help(store=store)
    help_now.open.click()
    assert "shared" in help_now.shared_computer.value.lower() or \
        "someone else" in help_now.shared_computer.value
    assert "Delete everything" in help_now.shared_computer.value
    help_now.plans.open_plan.click()
    form = help_now.plans.form
    assert isinstance(form, safety_plan.SafetyPlanForm)
    form.warning_signs.value = "I can't sleep"
    form.save.click()
    assert len(store.entries("safety_plan")) == 1
    help_now.plans.open_plan.click()
    assert help_now.plans.form is None and help_now.plans.area.children == ()


def test_a_plan_form_is_made_when_first_opened_and_kept(store, monkeypatch):
    made = []

    class Counted(safety_plan.SafetyPlanForm):
        def __init__(self, **options):
            made.append(self)
            super().__init__(**options)

    monkeypatch.setattr(safety_plan, "SafetyPlanForm", Counted)
    help_now = need_help(store=store)
    help_now.open.click()
    assert made == [] and help_now.plans.area.children == ()
    help_now.plans.open_plan.click()
    help_now.plans.form.warning_signs.value = "I go quiet"
    help_now.plans.open_plan.click()  # closed
    help_now.plans.open_plan.click()  # open again: the same form, the words still there
    assert made == [help_now.plans.form]
    assert help_now.plans.form.warning_signs.value == "I go quiet"


def test_the_safety_check_reaches_the_plan(store):
    check = answer_safety_check(store, ())
    assert check.plans.root.layout.display == "flex"
    check.plans.open_plan.click()
    assert isinstance(check.plans.form, safety_plan.SafetyPlanForm)


def test_the_report_includes_a_plan_only_when_chosen(store):
    store.add(SafetyPlan(warning_signs=f"tight chest {MARKUP}"))
    store.add(PartnerSafetyPlan(code_word="blue umbrella"))
    first = report.write(store, span=Span.last(30)).read_text()
    assert "tight chest" not in first and "blue umbrella" not in first

    form = safety_plan.my_safety_plan(store=store)
    form.recent.items[0].edit.click()
    form.in_report.value = True
    form.save.click()
    second = report.write(store, span=Span.last(30)).read_text()
    assert "My safety plan" in second and "tight chest &lt;img" in second
    assert MARKUP not in second and "blue umbrella" not in second
    # Another profile's plan never lands in my report.
    store.add(SafetyPlan(warning_signs="partner's own words", in_report=True), profile="partner")
    assert "partner's own words" not in report.write(store, span=Span.last(30)).read_text()


def test_a_region_chosen_once_is_used_everywhere_it_matters(store):
    help_now = need_help(store=store)
    help_now.open.click()
    help_now.region.value = "AU"
    assert "13 11 14" in help_now.lines.value
    assert start_here.safety_check(store=store).region.value == "AU"
    assert need_help(store=store).region.value == "AU"
    plan = safety_plan.my_safety_plan(store=store)
    assert "13 11 14" in plan.professionals.value and "QLife" in plan.professionals.value
    partner = safety_plan.partner_safety_plan(store=store)
    assert partner.help_lines.value.startswith("1800RESPECT")
