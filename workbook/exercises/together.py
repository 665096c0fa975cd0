"""Connect with your values together (notebook 06): my values beside my partner's, and
goals we set and check in on together."""

from __future__ import annotations

import ipywidgets as widgets

from workbook import words
from workbook.exercises.values import latest_sort, value_options
from workbook.models.values import (
    GoalProgress,
    SharedGoal,
    ValuesSort,
    compare_values,
    label,
    progress_by_goal,
)
from workbook.store import Saved, Store, StoreError
from workbook.widgets import Form, Panel, ask, blocks, fields, html, summary
from workbook.words.partners import comparison_headings, goal_so_far


class PartnerComparison(Panel):
    """My most important values beside my partner's, with questions to talk about."""

    title = "Comparing values with my partner"
    css_class = "sb-values-compare"

    def __init__(self, *, store: Store | None = None, profile: str | None = None,
                 partner: str | None = None):
        super().__init__(store=store, profile=profile)
        self.partner = partner or words.PROFILE_PARTNER
        self.compare = self.button("Compare again", self.refresh, icon="refresh")
        self.result = fields.html_area("sb-compare-result")
        self.lay_out(self.result, self.compare, self.status)
        self.refresh()

    def refresh(self) -> None:
        try:
            names = {p.key: p.label for p in self.store.profiles()}
            mine = latest_sort(self.store, self.profile)
            theirs = latest_sort(self.store, self.partner) if self.partner in names else None
        except StoreError as error:
            self.result.value = html.problem(error)
            return
        if mine is None:
            self.result.value = html.message(words.COMPARE_START)
        elif self.partner not in names:
            self.result.value = html.message(words.COMPARE_NEEDS_PROFILE_HTML)
        elif theirs is None:
            self.result.value = html.message(html.text(names[self.partner])
                                             + words.COMPARE_NOT_SORTED_HTML)
        else:
            self.result.value = comparison_html(mine, theirs, names.get(self.profile, "Me"),
                                                names[self.partner])


def comparison_html(mine: ValuesSort, theirs: ValuesSort, my_name: str, their_name: str) -> str:
    """Shared and different values side by side, then conversation prompts (escaped)."""
    result = compare_values(mine, theirs)
    values = (result.shared, result.only_mine, result.only_theirs)
    headings = comparison_headings(my_name, their_name)
    return (blocks.columns((heading, [label(v) for v in shown])
                           for heading, shown in zip(headings, values, strict=True))
            + f"<p><b>{words.COMPARE_TALK}</b> <small>({words.COMPARE_TALK_WHEN})</small></p>"
            + blocks.bullets(result.talk_prompts(), css="sb-value-prompts"))


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


def _goal_options(form: GoalProgressForm) -> list[tuple[str, int]]:
    goals = form.store.entries(SharedGoal.KIND, profile=form.profile)
    form.goals = {s.id: s.entry for s in goals if isinstance(s.entry, SharedGoal)}
    return [(entry.short_name(), key) for key, entry in form.goals.items()]


class GoalProgressForm(Form):
    """A progress check-in (0–100 %) on one of my shared goals."""

    model = GoalProgress
    title = "How is a goal going?"
    css_class = "sb-goal-progress"
    save_label = "Save progress"

    goals: dict[int, SharedGoal]
    goal_id = ask.choice("Which goal", [], choices=_goal_options,
                         required="Please choose a goal (save one above first).")
    progress = ask.rating("How far along it is (%)", *words.GOAL_PROGRESS_RANGE, 0, step=5)
    note = ask.text("A note (optional)", lines=2)

    @summary(css="sb-goal-overview")
    def overview(self, _saved: Saved | None) -> str:
        """Each goal with its first and latest progress and the number of check-ins."""
        goals = self.store.entries(SharedGoal.KIND, profile=self.profile)
        if not goals:
            return html.message(html.text(words.GOALS_NONE_YET))
        history = progress_by_goal(self.store.entries(GoalProgress.KIND, profile=self.profile,
                                                      newest_first=False))
        items = "".join(f"<li><b>{html.text(s.entry.goal)}</b> — "
                        f"{html.text(goal_so_far(history.get(s.id, [])))}; target "
                        f"{s.entry.target_date:%d %b %Y}</li>" for s in goals)
        return f"<b>{words.GOALS_SO_FAR}</b><ul>{items}</ul>"

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
        return f"{goal.short_name() if goal else 'a goal since deleted'}: {entry.summary()}"


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
