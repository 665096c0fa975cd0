"""Unlocking a locked journal at the top of every notebook."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets

from workbook.store import Store, default_path
from workbook.widgets import Panel, fields, html


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
