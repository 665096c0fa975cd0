"""'Need help now?': a small control at the top of every notebook, with the crisis and
abuse lines for the person's region, their safety plans, the note on a shared or watched
computer, and the passphrase prompt while the journal is locked (`UnlockPrompt`)."""

from __future__ import annotations

import ipywidgets as widgets

from workbook import resources, words
from workbook.cards import shared_computer
from workbook.exercises.safety_plan import safety_plans
from workbook.panels.unlock import UnlockPrompt
from workbook.store import Store
from workbook.widgets import Panel, html, shared
from workbook.widgets.panel import shown
from workbook.widgets.region import region_picker


class HelpNow(Panel):
    """A button that opens crisis and abuse lines for the person's region, in place."""

    title = "Need help now?"
    css_class = "sb-help"

    def __init__(self, *, store: Store | None = None):
        super().__init__(store=store)
        self.open = self.button(words.HELP_NOW, self.toggle, icon="life-ring", warning=True)
        shared.restyle(self.open, align_self="flex-start")
        self.region = region_picker(self, self._show)
        self.lines = widgets.HTML("")
        self.plans = safety_plans(store=self._store, opens_asked=False)  # tucked away
        self.shared_computer = widgets.HTML(shared_computer())
        self.details = widgets.VBox([self.region, self.lines, self.plans.root,
                                     self.shared_computer])
        shown(self.details, False)
        # A locked journal is unlocked here, at the top of every notebook.
        self.unlock = UnlockPrompt(store=store)
        self.lay_out(self.open, self.details, self.unlock.root, heading=False)

    @property
    def is_open(self) -> bool:
        return self.details.layout.display != "none"

    def toggle(self) -> None:
        if not self.is_open:
            self._show()
        shown(self.details, not self.is_open)
        self.open.description = words.HELP_NOW_HIDE if self.is_open else words.HELP_NOW

    def _show(self) -> None:
        self.lines.value = (html.message(words.HELP_NOW_INTRO, "care")
                            + resources.as_html(resources.for_region(self.region.value)))
        self.plans.refresh()


# The 'Need help now?' control for the top of a notebook.
need_help = HelpNow
