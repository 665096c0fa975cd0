"""'Start here': locking the journal with a passphrase, and everything that goes with it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import ipywidgets as widgets

from workbook import messages
from workbook.sealed import KdfSettings
from workbook.store import Store, default_path
from workbook.store.copies import plain_exports, remove_plain_exports
from workbook.widgets import Panel, fields, html


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
        def secret(label: str) -> widgets.Password:
            # One Layout each: a shared one would hide every field with the first.
            return fields.secret(description=label, style={"description_width": "12em"},
                                 layout=fields.wide("34em"))

        def action(label: str, icon: str, style: str = "") -> widgets.Button:
            return widgets.Button(description=label, icon=icon, button_style=style,
                                  layout=widgets.Layout(width="auto"))

        self.passphrase = secret("Passphrase")
        self.new_passphrase = secret("New passphrase")
        self.repeat = secret("New passphrase again")
        self.recovery_code = secret("Recovery code")
        self.turn_on = action("Lock my journal", "lock", "primary")
        self.change = action("Change passphrase", "key")
        self.recover = action("Use my recovery code", "life-ring")
        self.remove = action("Remove the lock", "unlock", "warning")
        self.lock_now = action("Lock now", "lock")
        self.export_locked = action("Export locked copy", "download")
        self.written_down = action("I have written it down", "check")
        self.state = widgets.HTML("")
        # Plain exports the lock would not cover: listed before locking, with a choice.
        self.exports_listed = widgets.HTML("")
        self.exports_choice = widgets.RadioButtons(
            options=[(REMOVE_EXPORTS, "remove"), (KEEP_EXPORTS, "keep")], value=None,
            layout=widgets.Layout(width="auto"))
        self.exports_choice.observe(lambda _change: self._offer_lock(), names="value")
        self.exports_box = widgets.VBox([self.exports_listed, self.exports_choice])
        self.code_shown = widgets.HTML("")
        self.code_box = widgets.VBox([self.code_shown, self.written_down])
        for button, handler in ((self.turn_on, self._lock), (self.change, self._change),
                                (self.recover, self._recover), (self.remove, self._remove),
                                (self.lock_now, self._lock_now),
                                (self.export_locked, self._export_locked),
                                (self.written_down, self._hide_code)):
            self.on_click(button, self._clearing(handler))
        self.root.children = [
            widgets.HTML(html.heading(self.title)), self.state, self.exports_box,
            self.passphrase,
            self.new_passphrase, self.repeat, self.recovery_code,
            widgets.HBox([self.turn_on, self.change, self.recover, self.remove,
                          self.lock_now, self.export_locked],
                         layout=widgets.Layout(flex_flow="row wrap")),
            self.status, self.code_box]
        self._hide_code()
        self.refresh()

    # -- what shows ------------------------------------------------------------------

    def _journal(self) -> Path:
        return self._store.path if self._store is not None else default_path()

    def refresh(self) -> None:
        from workbook.store import lock

        journal = self._journal()
        locked = lock.is_locked(journal)
        unlocked_here = locked and (lock.held_key(journal) is not None or (
            self._store is not None and not self._store.closed))
        show = {
            self.new_passphrase: locked, self.recovery_code: locked, self.turn_on: not locked,
            self.change: locked, self.recover: locked, self.remove: locked,
            self.lock_now: unlocked_here and self._store is None,
        }
        for control, visible in show.items():
            control.layout.display = None if visible else "none"
        self.passphrase.description = "Current passphrase" if locked else "Passphrase"
        self.repeat.description = "New passphrase again" if locked else "Passphrase again"
        self.state.value = html.message(LOCKED_TEXT if locked else UNLOCKED_TEXT, "info")
        self._list_exports([] if locked else plain_exports(journal))

    def _list_exports(self, found: list[Path]) -> None:
        self.exports_box.layout.display = "flex" if found else "none"
        if not found:
            self.exports_choice.value = None
        names = "".join(f"<li><code>{html.text(p.name)}</code></li>" for p in found)
        folder = html.text(str(found[0].parent)) if found else ""
        self.exports_listed.value = html.message(
            f"{EXPORTS_TEXT.format(folder=folder)}<ul>{names}</ul>", "care") if found else ""
        self._offer_lock()

    def _offer_lock(self) -> None:
        # Locking waits for the person's answer about the plain exports listed.
        self.turn_on.disabled = (self.exports_box.layout.display == "flex"
                                 and self.exports_choice.value is None)

    def _clearing(self, handler: Callable[[], None]) -> Callable[[], None]:
        # Secrets leave the fields before anything else runs, whatever happens next.
        def run() -> None:
            secrets = {"passphrase": self.passphrase.value,
                       "new": self.new_passphrase.value, "repeat": self.repeat.value,
                       "code": self.recovery_code.value}
            for field in (self.passphrase, self.new_passphrase, self.repeat,
                          self.recovery_code):
                field.value = ""
            self._secrets = secrets
            try:
                handler()
            finally:
                self._secrets = {}
                self.refresh()
        return run

    def _show_code(self, code: str) -> None:
        self.code_shown.value = html.message(
            "<b>Your recovery code:</b> "
            f"<code style='font-size:1.2em'>{html.text(code)}</code><br>{RECOVERY_TEXT}",
            "care")
        self.code_box.layout.display = "flex"

    def _hide_code(self) -> None:
        self.code_shown.value = ""
        self.code_box.layout.display = "none"

    # -- what the buttons do ------------------------------------------------------------

    def _new_secret(self, field: str = "new") -> str | None:
        new, repeat = self._secrets[field], self._secrets["repeat"]
        if new != repeat:
            self.say(messages.PASSPHRASES_DIFFER, "error")
            return None
        return new

    def _release(self) -> None:
        # Our own open copy would count as "open in another notebook" during the swap.
        if self._store is not None:
            self._store.close()

    def _reopen(self) -> None:
        from workbook.store import lock

        if self._store is not None:
            self._store = Store(self._journal(), data_key=lock.held_key(self._journal()))

    def _lock(self) -> None:
        from workbook.store import lock

        passphrase = self._new_secret("passphrase")
        if passphrase is None:
            return
        exports, choice = plain_exports(self._journal()), self.exports_choice.value
        if exports and choice is None:
            self.say(CHOOSE_FIRST, "info")
            return
        self._release()
        try:
            code = lock.lock(self._journal(), passphrase, kdf=self.kdf)
        finally:
            self._reopen()
        self._show_code(code)
        if not exports:
            about_exports = ""
        elif choice == "remove":
            removed = remove_plain_exports(self._journal())
            about_exports = EXPORTS_REMOVED.format(files=_files(len(removed))) + " "
        else:
            about_exports = EXPORTS_KEPT.format(files=_files(len(exports)),
                                                folder=exports[0].parent) + " "
        self.say("Your journal is locked. " + about_exports + LOCKED_NOTE, "ok")

    def _change(self) -> None:
        from workbook.store import lock

        new = self._new_secret()
        if new is None:
            return
        lock.change_passphrase(self._journal(), self._secrets["passphrase"], new, kdf=self.kdf)
        self.say("Your passphrase is changed. Your recovery code still works.", "ok")

    def _recover(self) -> None:
        from workbook.store import lock

        new = self._new_secret()
        if new is None:
            return
        if not self._secrets["code"]:
            self.say("Please type your recovery code first.", "info")
            return
        code = lock.recover(self._journal(), self._secrets["code"], new, kdf=self.kdf)
        self._reopen()
        self._show_code(code)
        self.say("Your journal is open and has a new passphrase. Your old recovery code no "
                 "longer works: here is a new one.", "ok")

    def _remove(self) -> None:
        from workbook.store import lock

        self._release()
        try:
            lock.remove_lock(self._journal(), self._secrets["passphrase"])
        finally:
            self._reopen()
        self.say("The lock is removed. Your journal is a plain file again, readable by "
                 "anyone who can open your files.", "ok")

    def _lock_now(self) -> None:
        from workbook.store import lock

        lock.lock_now(self._journal())
        self.say("Locked. Your passphrase is needed to open the journal again.", "ok")

    def _export_locked(self) -> None:
        passphrase = self._new_secret("passphrase") if not self._is_locked() else (
            self._secrets["passphrase"])
        if not passphrase:
            self.say("Please type a passphrase for the exported copy first.", "info")
            return
        from workbook.export import export_locked

        target = export_locked(self.store, passphrase, kdf=self.kdf)
        self.say(f"Exported a locked copy to {target}. It opens only with the passphrase "
                 "you typed (Import in a workbook asks for it).", "ok")

    def _is_locked(self) -> bool:
        from workbook.store import lock

        return lock.is_locked(self._journal())


LOCKED_TEXT = (
    "Your journal is locked: its file, its backups and its key are unreadable without "
    "your passphrase or recovery code.")
UNLOCKED_TEXT = (
    "Your journal is not locked. Anyone who can open your files can read it. A passphrase "
    "lock keeps the file, and its backups, unreadable without it.")
LOCKED_NOTE = (
    "The plain file and its old backups were removed. A disk (especially an SSD) may keep "
    "old copies of removed files for a while; if that matters to you, a new journal "
    "started after locking is the safest.")
EXPORTS_TEXT = (
    "These exports in <code>{folder}</code> are not locked, and locking your journal "
    "does not change them: anyone who can open your files can read them. What would you "
    "like to do with them when you lock?")
REMOVE_EXPORTS = "Remove them when I lock my journal"
KEEP_EXPORTS = "Keep them as they are, readable without my passphrase"
CHOOSE_FIRST = (
    "Nothing is locked yet. Please choose first whether to remove or keep the exports "
    "listed above, then type your passphrase again and lock.")
EXPORTS_REMOVED = "The plain exports you chose to remove are gone ({files})."
EXPORTS_KEPT = (
    "You chose to keep your plain exports ({files} in {folder}): they stay readable by "
    "anyone who can open your files until you delete them.")
RECOVERY_TEXT = (
    "Write this down and keep it somewhere only you can reach. It opens your journal if "
    "you forget your passphrase. It is shown only now and is not stored anywhere. If both "
    "the passphrase and this code are lost, nobody can open the journal, including us. "
    "Once it is written down, press the button below to clear it from the screen.")


def _files(count: int) -> str:
    return f"{count} file" if count == 1 else f"{count} files"
