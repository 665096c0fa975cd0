"""Unlocking a locked journal at the top of every notebook."""

from __future__ import annotations

import ipywidgets as widgets

from workbook.store import Store, lock
from workbook.widgets import Panel, fields, html
from workbook.widgets.panel import shown, take_secrets
from workbook.words import privacy as said


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
        self.unlock = self.button("Unlock", self._unlock, icon="unlock", style="primary")
        self.lock_now = self.button("Lock now", self._lock_now, icon="lock")
        self.intro = widgets.HTML("")
        self.ask = widgets.HBox([self.passphrase, self.unlock])
        self.lay_out(self.intro, self.ask, self.lock_now, self.status, heading=False)
        self.refresh()

    def refresh(self) -> None:
        locked = self._store is None and lock.is_locked(self.journal_path)
        waiting = locked and lock.held_key(self.journal_path) is None
        shown(self.root, locked)
        shown(self.ask, waiting)
        shown(self.lock_now, not waiting, "inline-flex")
        self.intro.value = html.message(said.UNLOCK_WAITING if waiting else said.UNLOCK_OPEN)

    def _unlock(self) -> None:
        # The field is emptied first, so a wrong try or a failure leaves nothing in it.
        [secret] = take_secrets(self.passphrase)
        if not secret:
            self.say(said.UNLOCK_PASSPHRASE_FIRST, "info")
            return
        lock.unlock(self.journal_path, secret)
        self.refresh()
        self.say(said.UNLOCKED, "ok")

    def _lock_now(self) -> None:
        lock.lock_now(self.journal_path)
        self.refresh()
        self.say(said.LOCKED_NOW, "ok")
