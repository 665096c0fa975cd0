"""My safety plan, and a plan for safety in a relationship, each saved, editable and shown
as a card; reachable from "Need help now?", the safety check and notebook 07."""

from __future__ import annotations

from typing import ClassVar

import ipywidgets as widgets

from workbook import resources, words
from workbook.exercises.support import saved_region
from workbook.models import Entry
from workbook.models.safety_plan import PartnerSafetyPlan, SafetyPlan
from workbook.plan_cards import plan_card
from workbook.store import Saved, Store, StoreError
from workbook.widgets import Form, Panel, RecentEntries, fields, html

__all__ = ["my_safety_plan", "partner_fear", "partner_safety_plan", "remember_partner_fear",
           "safety_plans"]


def partner_fear(store: Store) -> bool:
    """Whether the safety check last pointed to fear of a partner (False if unknown)."""
    try:
        return store.setting(words.PARTNER_SAFETY_SETTING) == "yes"
    except StoreError:
        return False


def remember_partner_fear(store: Store, fear: bool) -> None:
    """Remember only whether the safety check pointed to fear of a partner.

    Raises `StoreError` when the journal can't be written.
    """
    store.set_setting(words.PARTNER_SAFETY_SETTING, "yes" if fear else "no")


class _PlanParts:
    """What both plan forms share (mixed into a `Form`): a text area per part, one part
    filled in from the help lines, a tick for the report, and the newest plan as a card."""

    model: ClassVar[type[Entry]]

    parts: ClassVar[tuple[tuple[str, str, str], ...]] = ()
    # The part filled in from the help lines for the person's region, and which lines.
    prefilled: ClassVar[str] = ""
    line_kinds: ClassVar[tuple[str, ...]] = ("crisis", "support", "abuse")
    warning: ClassVar[str] = ""

    def __init__(self, *, store: Store | None = None, profile: str | None = None):
        super().__init__(store=store, profile=profile)  # type: ignore[call-arg]
        for name, heading, hint in self.parts:
            field = fields.text(heading, hint=hint, lines=3)
            if name == self.prefilled:
                region = self._region()
                lines = [r for kind in self.line_kinds for r in resources.for_region(region, kind)]
                field.control.value = resources.as_text(list(dict.fromkeys(lines)))
            setattr(self, name, self.field(name, field))
            self.after_part(name)
        self.in_report = self.field("in_report",
                                    fields.Field("", fields.tick(words.IN_REPORT_LABEL)))
        self.card = widgets.HTML("")
        self.card.add_class("sb-plan")
        self.recent = RecentEntries(self.model.KIND, form=self, limit=3,
                                    on_change=self.show_card)
        extra = [self.card, self.recent.root]
        if self.warning:
            extra.insert(0, widgets.HTML(html.message(html.text(self.warning), "care")))
        self.layout(*extra)
        self.show_card()

    def _region(self) -> str:
        try:
            return saved_region(self.store)
        except StoreError:
            return "other"

    def after_part(self, name: str) -> None:
        """Add any field that belongs right after the part ``name``."""

    def after_save(self, saved: Saved) -> None:
        super().after_save(saved)  # type: ignore[misc]
        self.show_card()

    def profile_changed(self) -> None:
        super().profile_changed()  # type: ignore[misc]
        self.show_card()

    def show_card(self) -> None:
        """Show the newest saved plan of this profile, or nothing yet."""
        try:
            newest = self.store.entries(self.model.KIND, profile=self.profile, limit=1)
        except StoreError as error:
            self.card.value = html.problem(error)
            return
        self.card.value = plan_card(newest[0].entry, self.parts) if newest else ""


class SafetyPlanForm(_PlanParts, Form):
    """The general safety plan."""

    model = SafetyPlan
    title = SafetyPlan.TITLE
    css_class = "sb-safety-plan"
    save_label = "Save my plan"
    intro = html.text(words.SAFETY_PLAN_INTRO)
    parts = words.SAFETY_PLAN_PARTS
    prefilled = "professionals"


class PartnerSafetyPlanForm(_PlanParts, Form):
    """The plan for safety with a partner, with a bag checklist and a code word."""

    model = PartnerSafetyPlan
    title = PartnerSafetyPlan.TITLE
    css_class = "sb-partner-safety-plan"
    save_label = "Save my plan"
    intro = html.text(words.PARTNER_PLAN_INTRO)
    parts = words.PARTNER_PLAN_PARTS
    prefilled = "help_lines"
    line_kinds = ("abuse", "crisis")
    warning = words.PARTNER_PLAN_KEEP_HIDDEN

    def after_part(self, name: str) -> None:
        if name == "safe_places":
            self.go_bag = self.field("go_bag", fields.checklist(
                "A bag and documents to keep ready", words.GO_BAG_ITEMS,
                hint="Tick what you have packed or copied. Take only what is safe to take."))


class SafetyPlans(Panel):
    """Buttons that open my safety plan, and the relationship one when the safety check
    pointed to fear of a partner, right where they are pressed."""

    title = "My safety plan"
    css_class = "sb-safety-plans"

    def __init__(self, *, store: Store | None = None, profile: str | None = None):
        super().__init__(store=store, profile=profile)
        self.open_plan = widgets.Button(description="My safety plan", icon="list-alt",
                                        layout=widgets.Layout(width="auto"))
        self.open_partner_plan = widgets.Button(
            description="My plan for safety in my relationship", icon="shield",
            layout=widgets.Layout(width="auto"))
        # Both forms are built now, while the notebook cell runs: a widget made inside a
        # button handler gets its messages on another thread, where the journal can't go.
        self.plan = SafetyPlanForm(store=self._store, profile=self.profile)
        self.partner_plan = PartnerSafetyPlanForm(store=self._store, profile=self.profile)
        self.area = widgets.VBox([])
        self.form: Form | None = None
        self.on_click(self.open_plan, lambda: self.show(self.plan))
        self.on_click(self.open_partner_plan, lambda: self.show(self.partner_plan))
        self.root.children = [widgets.HBox([self.open_plan, self.open_partner_plan]),
                              self.status, self.area]
        self.refresh()

    @property
    def partner_plan_offered(self) -> bool:
        return self.open_partner_plan.layout.display != "none"

    def refresh(self) -> None:
        """Offer the relationship plan only while the safety check points to fear of a
        partner; close it when that is no longer so."""
        try:
            offered = partner_fear(self.store)
        except StoreError:
            offered = False
        self.open_partner_plan.layout.display = "flex" if offered else "none"
        if not offered and isinstance(self.form, PartnerSafetyPlanForm):
            self.close()

    def show(self, form: Form) -> None:
        """Open ``form`` below the buttons, up to date; pressing again closes it."""
        if self.form is form:
            self.close()
            return
        self.form = form
        form.recent.refresh()  # type: ignore[union-attr]
        form.show_card()  # type: ignore[attr-defined]
        self.area.children = [form.root]

    def close(self) -> None:
        self.form = None
        self.area.children = []


def shared_computer_html() -> str:
    """The short section on a shared or watched computer, as safe HTML."""
    points = "".join(f"<li>{html.text(point)}</li>" for point in words.SHARED_COMPUTER_POINTS)
    return (f"<div class='sb-shared-computer'>{html.heading(words.SHARED_COMPUTER_TITLE)}"
            f"<ul>{points}</ul></div>")


def my_safety_plan(*, store: Store | None = None, profile: str | None = None) -> SafetyPlanForm:
    """The general safety plan form."""
    return SafetyPlanForm(store=store, profile=profile)


def partner_safety_plan(*, store: Store | None = None,
                        profile: str | None = None) -> PartnerSafetyPlanForm:
    """The plan for safety in a relationship."""
    return PartnerSafetyPlanForm(store=store, profile=profile)


def safety_plans(*, store: Store | None = None, profile: str | None = None) -> SafetyPlans:
    """Both plans behind buttons; the relationship one only when the safety check says so."""
    return SafetyPlans(store=store, profile=profile)
