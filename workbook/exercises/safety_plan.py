"""My safety plan, and a plan for safety in a relationship, each saved, editable and shown
as a card; reachable from "Need help now?", the safety check and notebook 07."""

from __future__ import annotations

from typing import Any, ClassVar

import ipywidgets as widgets

from workbook import resources, words
from workbook.models import Entry
from workbook.models.safety_plan import PartnerSafetyPlan, SafetyPlan
from workbook.plan_cards import plan_card
from workbook.region import saved_region
from workbook.safety_check import partner_fear
from workbook.store import Saved, Store, StoreError
from workbook.widgets import Form, Panel, Place, ask, asked_entry, fields, html, summary
from workbook.widgets.panel import shown

__all__ = ["my_safety_plan", "partner_safety_plan", "safety_plans"]


def _help_lines(form: Any) -> str:
    try:
        region = saved_region(form.store)
    except StoreError:
        region = "other"
    lines = [r for kind in form.line_kinds for r in resources.for_region(region, kind)]
    return resources.as_text(list(dict.fromkeys(lines)))


def _warning(form: Any) -> widgets.HTML:
    note = widgets.HTML(html.message(html.text(form.warning), "care") if form.warning else "")
    if not form.warning:
        note.layout.display = "none"
    return note


class _PlanParts:
    """What both plan forms share (mixed into a `Form`): a text area per part in ``parts``, the part
    ``prefilled`` filled in from the help lines for the person's region, a tick for the
    report, and the newest plan as a card; the model's title is the form's."""

    model: ClassVar[type[Entry]]
    store: Store
    profile: str
    parts: ClassVar[tuple[tuple[str, str, str], ...]] = ()
    prefilled: ClassVar[str] = ""
    line_kinds: ClassVar[tuple[str, ...]] = ("crisis", "support", "abuse")
    warning: ClassVar[str] = ""
    title: ClassVar[str]
    save_label: ClassVar[str] = "Save my plan"

    def __init_subclass__(cls, **options: Any):
        super().__init_subclass__(**options)
        cls.title = cls.model.TITLE
        for name, heading, hint in vars(cls).get("parts", ()):
            setattr(cls, name, ask.text(heading, hint=hint, lines=3, initial=(
                _help_lines if name == cls.prefilled else None)))
        # Declared again on each plan, so they come after its parts.
        cls.in_report = ask.control("", lambda: fields.tick(words.IN_REPORT_LABEL))
        cls.keep_hidden = Place(_warning)
        cls.card = summary(_PlanParts.card_html, css="sb-plan")

    def card_html(self, _saved: Saved | None) -> str:
        """The newest saved plan of this profile, or nothing yet."""
        newest = self.store.entries(self.model.KIND, profile=self.profile, limit=1)
        return plan_card(newest[0].entry, self.parts) if newest else ""


class SafetyPlanForm(_PlanParts, Form):
    """The general safety plan."""

    model = SafetyPlan
    css_class = "sb-safety-plan"
    intro = html.text(words.SAFETY_PLAN_INTRO)
    parts = words.SAFETY_PLAN_PARTS
    prefilled = "professionals"


class PartnerSafetyPlanForm(_PlanParts, Form):
    """The plan for safety with a partner, with a bag checklist and a code word."""

    model = PartnerSafetyPlan
    css_class = "sb-partner-safety-plan"
    intro = html.text(words.PARTNER_PLAN_INTRO)
    parts = words.PARTNER_PLAN_PARTS
    prefilled = "help_lines"
    line_kinds = ("abuse", "crisis")
    warning = words.PARTNER_PLAN_KEEP_HIDDEN

    go_bag = ask.checklist("A bag and documents to keep ready", words.GO_BAG_ITEMS,
                           hint="Tick what you have packed or copied. Take only what is safe "
                                "to take.", after="safe_places")


class SafetyPlans(Panel):
    """Buttons that open my safety plan, and the relationship one when the safety check
    pointed to fear of a partner, right where they are pressed.

    Each plan's form is made the first time it is opened: most pages carry these buttons
    hidden, inside "Need help now?" and the safety check, and a page opens sooner without
    two forms nobody has asked for yet. ``opens_asked``: whether an entry an app page was
    opened to change (Edit in My journal) opens here; False for the tucked-away copies,
    so it opens in the plans a person can see.
    """

    title = "My safety plan"
    css_class = "sb-safety-plans"
    forms: ClassVar[tuple[type[Form], ...]] = (SafetyPlanForm, PartnerSafetyPlanForm)

    def __init__(self, *, store: Store | None = None, profile: str | None = None,
                 opens_asked: bool = True):
        super().__init__(store=store, profile=profile)
        self._made: dict[type[Form], Form] = {}
        self.area = widgets.VBox([])
        self.form: Form | None = None
        self.open_plan = self.button("My safety plan", lambda: self.show(SafetyPlanForm),
                                     icon="list-alt")
        self.open_partner_plan = self.button(
            "My plan for safety in my relationship",
            lambda: self.show(PartnerSafetyPlanForm), icon="shield")
        self.root.children = [widgets.HBox([self.open_plan, self.open_partner_plan]),
                              self.status, self.area]
        self.refresh()
        if opens_asked:
            asked_entry.built(self)

    @property
    def partner_plan_offered(self) -> bool:
        return self.open_partner_plan.layout.display != "none"

    def refresh(self) -> None:
        """Offer the relationship plan only while the safety check points to fear of a
        partner; close it when that is no longer so."""
        try:
            offered = partner_fear(self.store)
        except StoreError:  # a locked journal: nothing to go by
            offered = False
        shown(self.open_partner_plan, offered)
        if not offered and isinstance(self.form, PartnerSafetyPlanForm):
            self.close()

    def show(self, kind: type[Form]) -> None:
        """Open the plan of form class ``kind`` below the buttons, up to date; pressing
        again closes it."""
        if type(self.form) is kind:
            self.close()
            return
        self.open(kind)

    def open(self, kind: type[Form]) -> Form:
        """The plan of form class ``kind``, made if need be, open below the buttons."""
        form = self._made.get(kind)
        if form is None:
            form = self._made[kind] = kind(store=self._store, profile=self.profile)
        else:
            form.recent.refresh()  # type: ignore[union-attr]
            form.refresh_summaries(None)  # the newest plan's card
        self.form = form
        self.area.children = [form.root]
        return form

    def close(self) -> None:
        self.form = None
        self.area.children = []

    def form_for(self, kind: str) -> Form | None:
        """The plan form for entries of ``kind``, opened here, or None for another kind
        (how an entry opened from My journal finds its form, see `asked_entry`)."""
        for form_class in self.forms:
            if kind == form_class.model.KIND:
                return self.open(form_class)
        return None


my_safety_plan = SafetyPlanForm
partner_safety_plan = PartnerSafetyPlanForm
safety_plans = SafetyPlans
