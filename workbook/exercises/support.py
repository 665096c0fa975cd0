"""'Need help now?': a small control at the top of every notebook, with the crisis and
abuse lines for the person's region (`workbook.region`), their safety plans, and the
passphrase prompt while the journal is locked (`workbook.exercises.unlock`)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

import ipywidgets as widgets

from workbook import resources, words
from workbook.exercises.unlock import UnlockPrompt
from workbook.region import REGION_SETTING, saved_region
from workbook.store import Store, StoreError
from workbook.widgets import Panel, html

__all__ = ["HelpNow", "UnlockPrompt", "need_help", "region_picker", "saved_region"]

if TYPE_CHECKING:
    from workbook.exercises.safety_plan import SafetyPlans


def region_picker(panel: Panel, on_change: Callable[[], None]) -> widgets.Dropdown:
    """An "I live in" dropdown that saves each choice in ``panel``'s store, then calls
    ``on_change``; the region saved before is chosen to start with.
    """
    try:
        start = saved_region(panel.store)
    except StoreError:  # locked, or unreadable: the lines show all the same
        start = "other"
    picker = widgets.Dropdown(options=[(v, k) for k, v in words.REGIONS.items()],
                              value=start, description="I live in",
                              style={"description_width": "initial"})

    def changed(change: dict[str, object]) -> None:
        # Remembering the region is a convenience; the lines show either way.
        with contextlib.suppress(StoreError):
            panel.store.set_setting(REGION_SETTING, str(change["new"]))
        on_change()

    picker.observe(changed, names="value")
    return picker


class HelpNow(Panel):
    """A button that opens crisis and abuse lines for the person's region, in place."""

    title = "Need help now?"
    css_class = "sb-help"

    def __init__(self, *, store: Store | None = None):
        super().__init__(store=store)
        self.open = widgets.Button(description="Need help now?", icon="life-ring",
                                   style=html.WARNING_BUTTON,
                                   layout=widgets.Layout(width="auto", align_self="flex-start"))
        self.region = region_picker(self, self._show)
        self.lines = widgets.HTML("")
        self.details = widgets.VBox([self.region, self.lines])
        self.plans, self.shared_computer = _care_parts(self)
        self.details.children = (*self.details.children, self.plans.root, self.shared_computer)
        self.details.layout.display = "none"
        self.on_click(self.open, self.toggle)
        # A locked journal is unlocked here, at the top of every notebook.
        self.unlock = UnlockPrompt(store=store)
        self.root.children = [self.open, self.details, self.unlock.root]

    @property
    def is_open(self) -> bool:
        return self.details.layout.display != "none"

    def toggle(self, _button: object = None) -> None:
        if self.is_open:
            self.details.layout.display = "none"
            self.open.description = "Need help now?"
            return
        self._show()
        self.details.layout.display = "flex"
        self.open.description = "Hide support lines"

    def _show(self) -> None:
        intro = html.message(
            "You are not alone. These people are there to listen, in confidence.", "care")
        self.lines.value = intro + resources.as_html(resources.for_region(self.region.value))
        self.plans.refresh()


def _care_parts(panel: HelpNow) -> tuple[SafetyPlans, widgets.HTML]:
    """The safety plans and the note on a shared or watched computer, for "Need help now?"."""
    from workbook.exercises.safety_plan import safety_plans, shared_computer_html

    return safety_plans(store=panel._store), widgets.HTML(shared_computer_html())


# The 'Need help now?' control for the top of a notebook.
need_help = HelpNow
