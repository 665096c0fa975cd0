"""'Start here': locking the journal with a passphrase, and everything that goes with it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import ipywidgets as widgets

from workbook import messages
from workbook.privacy import lock_journal
from workbook.sealed import KdfSettings
from workbook.store import Store, lock
from workbook.store.copies import plain_exports
from workbook.widgets import Panel, fields, html
from workbook.widgets.panel import shown, take_secrets
from workbook.words import privacy as said

T = TypeVar("T")


def _secret(label: str) -> widgets.Password:
    # One Layout each: a shared one would hide every field with the first.
    return fields.secret(description=label, style={"description_width": "12em"},
                         layout=fields.wide("34em"))


class LockPanel(Panel):
    """Turn the passphrase lock on or off, change the passphrase, use the recovery code,
    lock now, and export a locked copy. Every password field is emptied after use.
    """

    title = "Lock my journal"
    css_class = "sb-lock"
    # Argon2id settings for new wrappings: None is the real default; tests pass cheaper.
    kdf: KdfSettings | None = None

    def __init__(self, *, store: Store | None = None):
        super().__init__(store=store)
        self.passphrase = _secret("Passphrase")
        self.new_passphrase = _secret("New passphrase")
        self.repeat = _secret("New passphrase again")
        self.recovery_code = _secret("Recovery code")
        self._secrets: dict[str, str] = {}
        self.turn_on = self._action("Lock my journal", self._lock, "lock", "primary")
        self.change = self._action("Change passphrase", self._change, "key")
        self.recover = self._action("Use my recovery code", self._recover, "life-ring")
        self.remove = self._action("Remove the lock", self._remove, "unlock", "warning")
        self.lock_now = self._action("Lock now", self._lock_now, "lock")
        self.export_locked = self._action("Export locked copy", self._export_locked, "download")
        self.written_down = self._action("I have written it down", self._hide_code, "check")
        self.state = widgets.HTML("")
        # Plain exports the lock would not cover: listed before locking, with a choice.
        self.exports_listed = widgets.HTML("")
        self.exports_choice = widgets.RadioButtons(
            options=[(said.REMOVE_EXPORTS, "remove"), (said.KEEP_EXPORTS, "keep")], value=None,
            layout=widgets.Layout(width="auto"))
        self.exports_choice.observe(lambda _change: self._offer_lock(), names="value")
        self.exports_box = widgets.VBox([self.exports_listed, self.exports_choice])
        self.code_shown = widgets.HTML("")
        self.code_box = widgets.VBox([self.code_shown, self.written_down])
        self.lay_out(self.state, self.exports_box, self.passphrase, self.new_passphrase,
                     self.repeat, self.recovery_code,
                     fields.row(self.turn_on, self.change, self.recover, self.remove,
                                self.lock_now, self.export_locked),
                     self.status, self.code_box)
        self._hide_code()
        self.refresh()

    def _action(self, label: str, handler: Callable[[], None], icon: str,
                style: str = "") -> widgets.Button:
        return self.button(label, self._clearing(handler), icon=icon, style=style)

    # -- what shows ------------------------------------------------------------------

    def refresh(self) -> None:
        journal = self.journal_path
        locked = lock.is_locked(journal)
        # "Lock now" closes the journal every notebook shares, once it is unlocked here.
        shared_open = locked and self._store is None and lock.held_key(journal) is not None
        for control, visible in {
            self.new_passphrase: locked, self.recovery_code: locked, self.turn_on: not locked,
            self.change: locked, self.recover: locked, self.remove: locked,
            self.lock_now: shared_open,
        }.items():
            shown(control, visible, None)
        self.passphrase.description = "Current passphrase" if locked else "Passphrase"
        self.repeat.description = "New passphrase again" if locked else "Passphrase again"
        self.state.value = html.message(said.LOCKED_TEXT if locked else said.UNLOCKED_TEXT)
        found = [] if locked else plain_exports(journal)
        shown(self.exports_box, bool(found))
        if not found:
            self.exports_choice.value = None
        self.exports_listed.value = html.message(said.plain_exports_listed(found),
                                                 "care") if found else ""
        self._offer_lock()

    def _offer_lock(self) -> None:
        # Locking waits for the person's answer about the plain exports listed.
        self.turn_on.disabled = (self.exports_box.layout.display == "flex"
                                 and self.exports_choice.value is None)

    def _clearing(self, handler: Callable[[], None]) -> Callable[[], None]:
        # Secrets leave the fields before anything else runs, whatever happens next.
        def run() -> None:
            typed = take_secrets(self.passphrase, self.new_passphrase, self.repeat,
                                 self.recovery_code)
            self._secrets = dict(zip(("passphrase", "new", "repeat", "code"), typed,
                                     strict=True))
            try:
                handler()
            finally:
                self._secrets = {}
                self.refresh()
        return run

    def _show_code(self, code: str) -> None:
        self.code_shown.value = html.message(said.recovery_code(code), "care")
        shown(self.code_box, True)

    def _hide_code(self) -> None:
        self.code_shown.value = ""
        shown(self.code_box, False)

    # -- what the buttons do ------------------------------------------------------------

    def _new_secret(self, field: str = "new") -> str | None:
        new, repeat = self._secrets[field], self._secrets["repeat"]
        if new != repeat:
            self.say(messages.PASSPHRASES_DIFFER, "error")
            return None
        return new

    def _reopen(self) -> None:
        if self._store is not None:
            self._store = Store(self.journal_path, data_key=lock.held_key(self.journal_path))

    def _swapping(self, change: Callable[[], T]) -> T:
        # Our own open copy would count as "open in another notebook" during the swap;
        # it is opened again, with the key held now, whatever happened.
        if self._store is not None:
            self._store.close()
        try:
            return change()
        finally:
            self._reopen()

    def _lock(self) -> None:
        passphrase = self._new_secret("passphrase")
        if passphrase is None:
            return
        choice = self.exports_choice.value
        if choice is None and plain_exports(self.journal_path):
            self.say(said.CHOOSE_FIRST, "info")
            return
        done = self._swapping(lambda: lock_journal(
            self.journal_path, passphrase, remove_exports=choice == "remove", kdf=self.kdf))
        self._show_code(done.code)
        self.say(said.locked(done.removed, done.kept), "ok")

    def _change(self) -> None:
        new = self._new_secret()
        if new is None:
            return
        lock.change_passphrase(self.journal_path, self._secrets["passphrase"], new, kdf=self.kdf)
        self.say(said.PASSPHRASE_CHANGED, "ok")

    def _recover(self) -> None:
        new = self._new_secret()
        if new is None:
            return
        if not self._secrets["code"]:
            self.say(said.RECOVERY_CODE_FIRST, "info")
            return
        code = lock.recover(self.journal_path, self._secrets["code"], new, kdf=self.kdf)
        self._reopen()
        self._show_code(code)
        self.say(said.RECOVERED, "ok")

    def _remove(self) -> None:
        self._swapping(lambda: lock.remove_lock(self.journal_path, self._secrets["passphrase"]))
        self.say(said.LOCK_REMOVED, "ok")

    def _lock_now(self) -> None:
        lock.lock_now(self.journal_path)
        self.say(said.LOCKED_NOW, "ok")

    def _export_locked(self) -> None:
        passphrase = (self._secrets["passphrase"] if lock.is_locked(self.journal_path)
                      else self._new_secret("passphrase"))
        if not passphrase:
            self.say(said.EXPORT_PASSPHRASE_FIRST, "info")
            return
        from workbook.export import export_locked

        target = export_locked(self.store, passphrase, kdf=self.kdf)
        self.say(said.exported_locked(target), "ok")


# One call per panel in the notebook.
lock_settings = LockPanel
