"""Connect with your values together (notebook 06): my values beside my partner's, and
goals we set and check in on together."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from workbook import words
from workbook.exercises.values import latest_sort, value_options
from workbook.models.values import GoalProgress, SharedGoal, ValuesSort, compare_values, label
from workbook.store import Saved, Store, StoreError
from workbook.widgets import Form, Panel, ask, fields, html, summary
from workbook.widgets.fields import RatingSlider


class PartnerComparison(Panel):
    """My most important values beside my partner's, with questions to talk about."""

    title = "Comparing values with my partner"
    css_class = "sb-values-compare"

    def __init__(self, *, store: Store | None = None, profile: str | None = None,
                 partner: str | None = None):
        super().__init__(store=store, profile=profile)
        self.partner = partner or words.PROFILE_PARTNER
        self.compare = widgets.Button(description="Compare again", icon="refresh",
                                      layout=widgets.Layout(width="auto"))
        self.on_click(self.compare, self.refresh)
        self.result = widgets.HTML("")
        self.result.add_class("sb-compare-result")
        self.root.children = [widgets.HTML(html.heading(self.title)), self.result, self.compare,
                              self.status]
        self.refresh()

    def refresh(self) -> None:
        try:
            names = {p.key: p.label for p in self.store.profiles()}
            mine = latest_sort(self.store, self.profile)
            theirs = latest_sort(self.store, self.partner) if self.partner in names else None
        except StoreError as error:
            self.result.value = html.problem(error)
            return
        how = ("In the card sort above, choose your partner under <b>Who is writing?</b> and "
               "let them sort the cards on their own, without looking at yours. Then press "
               "<b>Compare again</b>.")
        if mine is None:
            self.result.value = html.message(
                "Start with your own card sort above. Once you and your partner have both "
                "sorted the cards, your values show here side by side.", "info")
        elif self.partner not in names:
            self.result.value = html.message(
                "To compare, your partner needs a profile of their own: in <b>Start here</b>, "
                "under <b>Who uses this workbook</b>, tick <i>My partner will do some exercises "
                "here too</i> and save. Then run this notebook again. " + how
                + " On two computers, they can send you a share file instead (see "
                "<b>Open my partner's share file</b>).", "info")
        elif theirs is None:
            self.result.value = html.message(
                f"{html.text(names[self.partner])} hasn't done the card sort yet. " + how,
                "info")
        else:
            self.result.value = comparison_html(mine, theirs, names.get(self.profile, "Me"),
                                                names[self.partner])


def comparison_html(mine: ValuesSort, theirs: ValuesSort, my_name: str, their_name: str) -> str:
    """Shared and different values side by side, then conversation prompts (escaped)."""
    result = compare_values(mine, theirs)

    def column(heading: str, values: tuple[str, ...]) -> str:
        items = "".join(f"<li>{html.text(label(v))}</li>" for v in values) or "<li>—</li>"
        return (f"<div style='flex:1 1 12em;padding:0 0.6em'><b>{html.text(heading)}</b>"
                f"<ul>{items}</ul></div>")

    columns = (column("We share", result.shared)
               + column(f"Matters most to {my_name}", result.only_mine)
               + column(f"Matters most to {their_name}", result.only_theirs))
    prompts = [p.format(value=label(v)) for v, p in zip(result.shared[:3],
                                                        words.VALUES_SHARED_PROMPTS, strict=False)]
    different = result.only_mine[:2] + result.only_theirs[:2]
    prompts += [p.format(value=label(v)) for v, p in zip(different,
                                                         words.VALUES_DIFFERENT_PROMPTS * 2,
                                                         strict=False)]
    talk = "".join(f"<li>{html.text(p)}</li>" for p in prompts)
    return (f"<div style='display:flex;flex-wrap:wrap'>{columns}</div>"
            "<p><b>Things to talk about together</b> <small>(pick one, over a cup of "
            "something, when neither of you is rushed)</small></p>"
            f"<ul class='sb-value-prompts'>{talk}</ul>")


class GoalForm(Form):
    """A shared goal: the goal, the value it serves, a first step and a target date."""

    model = SharedGoal
    title = "A new shared goal"
    css_class = "sb-shared-goal"
    save_label = "Save goal"
    recent_limit = 5

    goal = ask.text("Our goal", placeholder="For example: a phone-free dinner twice a week")
    value = ask.choice("The value it serves", value_options())
    first_step = ask.text("The first step",
                          placeholder="For example: pick the two evenings together")
    target_date = ask.control("Target date", lambda: widgets.DatePicker(value=None),
                              "Today or any later day.")


def _progress_slider() -> RatingSlider:
    low, high = words.GOAL_PROGRESS_RANGE
    return RatingSlider(value=0, min=low, max=high, step=5, continuous_update=False,
                        layout=fields.wide("30em"))


def _goal_options(form: GoalProgressForm) -> list[tuple[str, int]]:
    goals = form.store.entries(SharedGoal.KIND, profile=form.profile)
    form.goals = {s.id: s.entry for s in goals if isinstance(s.entry, SharedGoal)}
    return [(_goal_name(entry), key) for key, entry in form.goals.items()]


class GoalProgressForm(Form):
    """A progress check-in (0–100 %) on one of my shared goals."""

    model = GoalProgress
    title = "How is a goal going?"
    css_class = "sb-goal-progress"
    save_label = "Save progress"

    goals: dict[int, SharedGoal]
    goal_id = ask.choice("Which goal", [], choices=_goal_options,
                         required="Please choose a goal (save one above first).")
    progress = ask.control("How far along it is (%)", _progress_slider)
    note = ask.text("A note (optional)", lines=2)

    @summary(css="sb-goal-overview")
    def overview(self, _saved: Saved | None) -> str:
        goals = self.store.entries(SharedGoal.KIND, profile=self.profile)
        checkins = self.store.entries(GoalProgress.KIND, profile=self.profile,
                                      newest_first=False)
        return goals_overview_html(goals, checkins)

    def refresh_goals(self) -> None:
        """Offer this profile's goals, and show how each is going."""
        self._guarded(self.refresh_choices)
        self.refresh_summaries(None)
        if self.recent is not None:
            self.recent.refresh()  # its lines name the goals

    def describe(self, saved: Saved) -> str:
        entry = saved.entry
        assert isinstance(entry, GoalProgress)
        goal = self.goals.get(entry.goal_id)
        name = _goal_name(goal) if goal else "a goal since deleted"
        return f"{name}: {entry.summary()}"


def _goal_name(goal: Any) -> str:
    return f"{goal.goal} (for {label(goal.value)})"


def goals_overview_html(goals: list[Saved], checkins: list[Saved]) -> str:
    """Each goal with its first and latest progress and the number of check-ins (escaped)."""
    if not goals:
        return html.message("No shared goals yet. Save one above to start.", "info")
    history: dict[int, list[int]] = {}
    for saved in checkins:
        history.setdefault(saved.entry.goal_id, []).append(saved.entry.progress)
    items = []
    for saved in goals:
        goal = saved.entry
        steps = history.get(saved.id, [])
        if not steps:
            how = "no check-ins yet"
        elif len(steps) == 1:
            how = f"{steps[0]} % after one check-in"
        else:
            how = f"from {steps[0]} % to {steps[-1]} % over {len(steps)} check-ins"
        items.append(f"<li><b>{html.text(goal.goal)}</b> — {html.text(how)}; target "
                     f"{goal.target_date:%d %b %Y}</li>")
    return "<b>Your goals so far</b><ul>" + "".join(items) + "</ul>"


class SharedGoals(Panel):
    """The new-goal form and the progress check-in, kept in step with each other."""

    title = "Shared goals"
    css_class = "sb-shared-goals"

    def __init__(self, *, store: Store | None = None, profile: str | None = None):
        super().__init__(store=store, profile=profile)
        self.check_in = GoalProgressForm(store=store, profile=profile)
        self.new_goal = GoalForm(store=store, profile=profile, on_saved=self._goal_saved)
        self.new_goal.recent.on_change = self.check_in.refresh_goals
        if self.new_goal.who is not None and self.check_in.who is not None:
            # One person at a time: choosing in either form switches both.
            self._same_person = widgets.link((self.new_goal.who, "value"),
                                             (self.check_in.who, "value"))
        self.root.children = [self.new_goal.root, self.check_in.root]

    def _goal_saved(self, saved: Saved) -> None:
        if self.check_in.profile != saved.profile:
            if self.check_in.who is not None:
                self.check_in.who.value = saved.profile  # refreshes its goals too
            else:
                self.check_in.profile = saved.profile
        self.check_in.refresh_goals()
        if saved.id in self.check_in.goals:
            self.check_in.goal_id.value = saved.id


# One call per exercise in the notebook.
partner_comparison = PartnerComparison
shared_goals = SharedGoals
