"""'Need help now?': a small control at the top of every notebook."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import ipywidgets as widgets

from workbook import resources, words
from workbook.store import Store, StoreError, default_path
from workbook.widgets import Panel, fields, html

if TYPE_CHECKING:
    from workbook.exercises.safety_plan import SafetyPlans

REGION_SETTING = "region"


def saved_region(store: Store) -> str:
    """The region the person chose before, or 'other'."""
    try:
        region = store.setting(REGION_SETTING)
    except StoreError:
        region = None
    return region if region in words.REGIONS else "other"


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


class UnlockPrompt(Panel):
    """A passphrase field shown while the journal is locked; unlocking keeps it open for
    every notebook in this kernel until "Lock now". The field is emptied after each try.
    """

    title = "Unlock my journal"
    css_class = "sb-unlock"

    def __init__(self, *, store: Store | None = None):
        super().__init__(store=store)
        self.passphrase = fields.secret(description="Passphrase",
                                        placeholder="your journal's passphrase",
                                        style={"description_width": "initial"})
        self.unlock = widgets.Button(description="Unlock", icon="unlock",
                                     button_style="primary", layout=widgets.Layout(width="auto"))
        self.lock_now = widgets.Button(description="Lock now", icon="lock",
                                       layout=widgets.Layout(width="auto"))
        self.intro = widgets.HTML("")
        self.ask = widgets.HBox([self.passphrase, self.unlock])
        self.on_click(self.unlock, self._unlock)
        self.on_click(self.lock_now, self._lock_now)
        self.root.children = [self.intro, self.ask, self.lock_now, self.status]
        self.refresh()

    def _journal(self) -> Path:
        return self._store.path if self._store is not None else default_path()

    def refresh(self) -> None:
        from workbook.store import lock

        journal = self._journal()
        locked = self._store is None and lock.is_locked(journal)
        self.root.layout.display = "flex" if locked else "none"
        waiting = locked and lock.held_key(journal) is None
        self.ask.layout.display = "flex" if waiting else "none"
        self.lock_now.layout.display = "none" if waiting else "inline-flex"
        self.intro.value = html.message(
            "Your journal is locked. Type your passphrase to open it in this notebook and "
            "every other one you run now." if waiting else
            "Your journal is unlocked while these notebooks run. Press Lock now when you "
            "step away.", "info")

    def _unlock(self) -> None:
        from workbook.store import lock

        # The field is emptied first, so a wrong try or a failure leaves nothing in it.
        secret, self.passphrase.value = self.passphrase.value, ""
        if not secret:
            self.say("Please type your passphrase first.", "info")
            return
        lock.unlock(self._journal(), secret)
        self.refresh()
        self.say("Unlocked. Every notebook running now can use your journal.", "ok")

    def _lock_now(self) -> None:
        from workbook.store import lock

        lock.lock_now(self._journal())
        self.refresh()
        self.say("Locked. Your passphrase is needed to open the journal again.", "ok")


def need_help(*, store: Store | None = None) -> HelpNow:
    """The 'Need help now?' control for the top of a notebook."""
    return HelpNow(store=store)
