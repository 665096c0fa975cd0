"""'Start here': privacy, the safety check, profiles and the weekly insecurity snapshot."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import ipywidgets as widgets

from workbook import messages, naming, resources, words
from workbook.exercises import bring_history
from workbook.exercises.support import region_picker
from workbook.models import Checks, EntryInvalid, InsecuritySnapshot
from workbook.sealed import KdfSettings
from workbook.store import (
    Saved,
    Store,
    StoreDamaged,
    StoreError,
    backups_of,
    default_path,
    now,
    restore,
)
from workbook.widgets import Form, Panel, RecentEntries, fields, html

if TYPE_CHECKING:
    from workbook.exercises.safety_plan import SafetyPlans

SNAPSHOT_EVERY_DAYS = 7
DELETE_WORD = "delete"


class PrivacyPanel(Panel):
    """Where the journal lives, and buttons to export it or delete it for good."""

    title = "Your privacy"
    css_class = "sb-privacy"

    def __init__(self, *, store: Store | None = None):
        super().__init__(store=store)
        self.export = widgets.Button(description="Export my journal", icon="download",
                                     layout=widgets.Layout(width="auto"))
        self.start_delete = widgets.Button(description="Delete everything…", icon="trash",
                                           layout=widgets.Layout(width="auto"))
        self.confirm_text = fields.line(placeholder=f"type {DELETE_WORD} to confirm")
        self.confirm = widgets.Button(description="Delete my journal", button_style="danger",
                                      layout=widgets.Layout(width="auto"))
        self.confirm_row = fields.row(self.confirm_text, self.confirm)
        self.confirm_row.layout.display = "none"
        self.where = widgets.HTML("")
        self.on_click(self.export, self._export)
        self.on_click(self.start_delete, self._ask_delete)
        self.on_click(self.confirm, self._delete)
        self.restore = widgets.Button(description="Restore the newest backup", icon="undo",
                                      style=html.WARNING_BUTTON,
                                      layout=widgets.Layout(width="auto"))
        self.restore.layout.display = "none"
        self.on_click(self.restore, self._restore)
        self.root.children = [widgets.HTML(html.heading(self.title)), self.where,
                              fields.row(self.export, self.start_delete),
                              self.confirm_row, self.status, self.restore]
        self._describe()
        self._check_journal()

    def _journal_path(self) -> Path:
        return self._store.path if self._store is not None else default_path()

    def _check_journal(self) -> None:
        try:
            self.store  # noqa: B018 - opening it is the check
        except StoreDamaged as damaged:
            self.say(damaged.message, "error")
            if backups_of(self._journal_path()):
                self.restore.layout.display = "flex"
        except StoreError as error:
            self.say(error.message, "error")

    def _restore(self, _button: object = None) -> None:
        path = self._journal_path()
        found = backups_of(path)
        if not found:
            self.say("There is no backup to restore yet.", "info")
            return
        if self._store is not None:
            self._store.close()
        try:
            kept = restore(path, found[0], data_key=getattr(self._store, "data_key", None))
            if self._store is not None:
                self._store = Store(path)
        except (StoreError, OSError) as error:
            self.say(getattr(error, "message", str(error)), "error")
            return
        self.restore.layout.display = "none"
        self.say(f"Restored the backup {found[0].name}. The file it replaced is kept at "
                  f"{kept}, untouched.", "ok")

    def _describe(self) -> None:
        path = self._journal_path()
        self.where.value = (
            "<p>Everything you write stays on this computer, in one file that only your user "
            f"account can open:<br><code>{html.text(str(path))}</code></p>"
            "<p>Nothing is sent anywhere. Saved notebooks never contain what you typed. "
            "You can take a copy of everything, or delete it all, at any time.</p>")

    def _export(self, _button: object = None) -> None:
        try:
            store = self.store
            target = store.exports_dir / f"secure-base-{now():%Y%m%d-%H%M%S-%f}.json"
            store.export_json(target)
        except (StoreError, OSError) as error:
            self.say(getattr(error, "message", str(error)), "error")
            return
        note = f" {messages.EXPORT_NOT_LOCKED}" if store.locked else ""
        self.say(f"Exported to {target}. Only your user account can open it.{note}", "ok")

    def _ask_delete(self, _button: object = None) -> None:
        self.confirm_row.layout.display = "flex"
        self.say(f"This removes every entry, profile, backup and export kept in the journal "
                  f"folder. Type '{DELETE_WORD}' and "
                  "press the red button if you are sure.", "error")

    def _delete(self, _button: object = None) -> None:
        if self.confirm_text.value.strip().lower() != DELETE_WORD:
            self.say(f"Nothing was deleted. To go ahead, type '{DELETE_WORD}' first.", "info")
            return
        try:
            removed = self.store.delete_everything()
        except (StoreError, OSError) as error:
            self.say(getattr(error, "message", str(error)), "error")
            return
        self.confirm_row.layout.display = "none"
        self.confirm_text.value = ""
        files = "file" if len(removed) == 1 else "files"
        self.say(f"Your journal is deleted ({len(removed)} {files} removed). A new, empty one "
                  "starts the next time you save something.", "ok")


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
        self.code_shown = widgets.HTML("")
        self.code_box = widgets.VBox([self.code_shown, self.written_down])
        for button, handler in ((self.turn_on, self._lock), (self.change, self._change),
                                (self.recover, self._recover), (self.remove, self._remove),
                                (self.lock_now, self._lock_now),
                                (self.export_locked, self._export_locked),
                                (self.written_down, self._hide_code)):
            self.on_click(button, self._clearing(handler))
        self.root.children = [
            widgets.HTML(html.heading(self.title)), self.state, self.passphrase,
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
        self._release()
        try:
            code = lock.lock(self._journal(), passphrase, kdf=self.kdf)
        finally:
            self._reopen()
        self._show_code(code)
        self.say("Your journal is locked. " + LOCKED_NOTE, "ok")

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
RECOVERY_TEXT = (
    "Write this down and keep it somewhere only you can reach. It opens your journal if "
    "you forget your passphrase. It is shown only now and is not stored anywhere. If both "
    "the passphrase and this code are lost, nobody can open the journal, including us. "
    "Once it is written down, press the button below to clear it from the screen.")


class SafetyCheck(Panel):
    """A few yes/no questions; any "yes" brings support to the front. Answers aren't saved."""

    title = "A safety check"
    css_class = "sb-safety"

    def __init__(self, *, store: Store | None = None):
        super().__init__(store=store)
        self.questions = [fields.yes_no(q) for q in words.SAFETY_QUESTIONS]
        self.answers = [f.control for f in self.questions]
        self.region = region_picker(self, self._region_changed)
        self.show = widgets.Button(description="What this means for me", button_style="info",
                                   layout=widgets.Layout(width="auto"))
        self.result = widgets.HTML("")
        self.result.add_class("sb-safety-result")
        self.on_click(self.show, self._show)
        self.plans = _safety_plans(self)
        self.plans.root.layout.display = "none"
        self.root.children = [widgets.HTML(html.heading(self.title)),
                              *(f.box for f in self.questions), self.region, self.show,
                              self.result, self.plans.root]

    def _region_changed(self) -> None:
        if self.result.value:
            self._show()

    def outcome(self) -> str:
        """'urgent', 'unsafe' or 'ok', from the answers given so far."""
        if self.answers[words.SAFETY_SELF_HARM_QUESTION].value:
            return "urgent"
        if any(a.value for a in self.answers):
            return "unsafe"
        return "ok"

    def _show(self, _button: object = None) -> None:
        outcome = self.outcome()
        region = self.region.value
        if outcome == "urgent":
            text = html.message(
                "Thank you for answering this. You deserve support "
                "right now, not after more exercises. Please reach out to one of these lines "
                "today; talking to someone can make the next hour easier.", "care")
            lines = resources.for_region(region)
        elif outcome == "unsafe":
            text = html.message(
                "What you describe may be more than ordinary insecurity. Fear, control and harm "
                "are never your fault, and you deserve to feel safe. The people below can talk "
                "it through in confidence. Some exercises here, such as raising a hard topic "
                "with your partner, may not be safe right now: skip anything that could put "
                "you at risk, and keep this workbook where only you can see it.", "care")
            lines = resources.for_region(region, "abuse") + resources.for_region(region, "crisis")
        else:
            text = html.message(
                "Thank you. It sounds like the worries you bring are about closeness and trust, "
                "which is exactly what this workbook is for. If that ever changes, this check "
                "is here, and so is the list below.", "ok")
            lines = resources.for_region(region)
        unique = list(dict.fromkeys(lines))
        self.result.value = text + resources.as_html(unique) + self._remember_partner_fear()
        self.plans.root.layout.display = "flex"
        self.plans.refresh()

    def points_to_partner_fear(self) -> bool:
        """Whether any answer so far points to fear of a partner."""
        return any(self.answers[i].value for i in words.PARTNER_FEAR_QUESTIONS)

    def _remember_partner_fear(self) -> str:
        # Only this yes/no is kept, so "Need help now?" can offer the relationship plan.
        from workbook.exercises.safety_plan import remember_partner_fear

        fear = self.points_to_partner_fear()
        try:
            remember_partner_fear(self.store, fear)
        except StoreError:
            return ""
        return html.message(html.text(words.PARTNER_FEAR_REMEMBERED), "info") if fear else ""


def _safety_plans(panel: Panel) -> SafetyPlans:
    from workbook.exercises.safety_plan import safety_plans

    return safety_plans(store=panel._store)


class SharedComputer(Panel):
    """What a shared or watched computer means for the journal, in a few plain lines."""

    title = "A shared or watched computer"
    css_class = "sb-shared-computer"

    def __init__(self, *, store: Store | None = None):
        super().__init__(store=store)
        from workbook.exercises.safety_plan import shared_computer_html

        self.text = widgets.HTML(shared_computer_html())
        self.root.children = [self.text]


class ProfilesForm(Panel):
    """Optional names, and a second profile for a partner who wants to join in."""

    title = "Who uses this workbook"
    css_class = "sb-profiles"

    def __init__(self, *, store: Store | None = None):
        super().__init__(store=store)
        self.my_name = fields.line(description="My name", placeholder="optional",
                                   style={"description_width": "initial"})
        self.with_partner = fields.tick("My partner will do some exercises here too")
        self.partner_name = fields.line(description="Their name", placeholder="optional",
                                        style={"description_width": "initial"})
        self.called = fields.text(words.PARTNER_CALLED_LABEL, hint=words.PARTNER_CALLED_HINT,
                                  placeholder="optional")
        self.partner_called = self.called.control
        self.save = widgets.Button(description="Save profiles", button_style="primary",
                                   layout=widgets.Layout(width="auto"))
        self.on_click(self.save, self._save)
        self._load()
        self.root.children = [
            widgets.HTML(html.heading(self.title)),
            widgets.HTML("<p>Names are optional and stay on this computer. A partner profile "
                         "keeps their entries apart from yours.</p>"),
            self.my_name, self.called.box, self.with_partner, self.partner_name, self.save,
            self.status]

    def _load(self) -> None:
        try:
            profiles = {p.key: p for p in self.store.profiles()}
        except StoreError as error:
            self.say(error.message, "error")
            return
        if words.PROFILE_ME in profiles:
            self.my_name.value = profiles[words.PROFILE_ME].name
        self.partner_called.value = naming.called(self.store, words.PROFILE_ME)
        if words.PROFILE_PARTNER in profiles:
            self.with_partner.value = True
            self.partner_name.value = profiles[words.PROFILE_PARTNER].name

    def _save(self, _button: object = None) -> None:
        names = {"my_name": self.my_name.value, "partner_name": self.partner_name.value}
        checks = Checks()
        for name, value in names.items():
            checks.text(name, value, limit=80)
        self.called.clear()
        try:
            checks.done()
            self.partner_called.value = naming.remember_called(
                self.store, words.PROFILE_ME, self.partner_called.value)
            self.store.set_profile(words.PROFILE_ME, self.my_name.value.strip())
            if self.with_partner.value:
                self.store.set_profile(words.PROFILE_PARTNER, self.partner_name.value.strip())
            elif any(p.key == words.PROFILE_PARTNER for p in self.store.profiles()):
                self.store.remove_profile(words.PROFILE_PARTNER)
        except EntryInvalid as invalid:
            if "partner_called" in invalid.problems:
                self.called.show(invalid.problems["partner_called"])
            first = next(iter(invalid.problems.values()))
            self.say(first, "error")
            return
        except ValueError:
            self.say("Your partner's profile already has entries, so it stays. Their entries "
                     "are safe.", "info")
            return
        except StoreError as error:
            self.say(error.message, "error")
            return
        self.say(messages.SAVED_AT.format(time=f"{now():%H:%M}"), "ok")


class SnapshotForm(Form):
    """How true each sentence was this past week; repeated weekly and charted later."""

    model = InsecuritySnapshot
    title = "Weekly insecurity snapshot"
    css_class = "sb-snapshot"
    save_label = "Save snapshot"
    intro = ("Think about the past seven days. How true was each sentence for you? "
             "This is a reflection, not a test, and it never diagnoses anything.")

    def __init__(self, *, store: Store | None = None, profile: str | None = None):
        super().__init__(store=store, profile=profile)
        options = list(enumerate(words.SNAPSHOT_SCALE))
        self.answers = [
            self.field(f"q{i}", fields.choice(q, [(label, n) for n, label in options],
                                              buttons=True))
            for i, q in enumerate(words.SNAPSHOT_QUESTIONS)]
        self.note = self.field("note", fields.text("Anything behind these answers (optional)",
                                                   lines=2))
        self.due = widgets.HTML("")
        self.recent = RecentEntries(InsecuritySnapshot.KIND, form=self, limit=4)
        self.layout(self.due, self.recent.root)
        self._show_due()

    def entry(self) -> InsecuritySnapshot:
        missing = {f"q{i}": "Please pick how true this was."
                   for i, a in enumerate(self.answers) if a.value is None}
        if missing:
            raise EntryInvalid(missing)
        return InsecuritySnapshot(answers=tuple(a.value for a in self.answers),
                                  note=self.note.value)

    def load(self, entry: InsecuritySnapshot) -> None:  # type: ignore[override]
        for control, answer in zip(self.answers, entry.answers, strict=True):
            control.value = answer
        self.note.value = entry.note

    def after_save(self, saved: Saved) -> None:
        super().after_save(saved)
        self._show_due()

    def profile_changed(self) -> None:
        super().profile_changed()
        self._show_due()

    def _show_due(self) -> None:
        try:
            latest = self.store.entries(InsecuritySnapshot.KIND, profile=self.profile, limit=1)
        except StoreError as error:
            self.due.value = html.message(html.text(error.message), "error")
            return
        self.due.value = html.message(snapshot_due_text(latest[0].day if latest else None,
                                                        dt.date.today()), "info")


def snapshot_due_text(last: dt.date | None, today: dt.date) -> str:
    """When the next snapshot is due, in words."""
    if last is None:
        return "This will be your first snapshot. Come back in a week to see how it moves."
    days = (today - last).days
    due = last + dt.timedelta(days=SNAPSHOT_EVERY_DAYS)
    if days == 0:
        return f"Your latest snapshot is from today. The next one is due on {due:%A %d %B}."
    if days < SNAPSHOT_EVERY_DAYS:
        return (f"Your latest snapshot is from {days} day{'s' if days > 1 else ''} ago. "
                f"The next one is due on {due:%A %d %B}.")
    return f"Your latest snapshot is from {days} days ago, so a new one is due."


def privacy(*, store: Store | None = None) -> PrivacyPanel:
    """Where the journal lives, with export and delete."""
    return PrivacyPanel(store=store)


def lock_settings(*, store: Store | None = None) -> LockPanel:
    """Lock the journal with a passphrase, change it, or remove the lock."""
    return LockPanel(store=store)


def safety_check(*, store: Store | None = None) -> SafetyCheck:
    """The safety check, with support lines for the person's region."""
    return SafetyCheck(store=store)


def shared_computer(*, store: Store | None = None) -> SharedComputer:
    """What someone else using or watching this computer could see, and safer ways to help."""
    return SharedComputer(store=store)


def profiles(*, store: Store | None = None) -> ProfilesForm:
    """Optional names and a partner profile."""
    return ProfilesForm(store=store)


def insecurity_snapshot(*, store: Store | None = None,
                        profile: str | None = None) -> SnapshotForm:
    """The weekly insecurity snapshot form."""
    return SnapshotForm(store=store, profile=profile)


def bring_your_history(*, store: Store | None = None,
                       profile: str | None = None) -> bring_history.ImportPanel:
    """Import a Daylio export or another mood app's CSV, with a preview and undo."""
    return bring_history.bring_your_history(store=store, profile=profile)


def reminders(*, store: Store | None = None) -> bring_history.RemindersPanel:
    """Save a calendar file with a daily check-in and a weekly snapshot reminder."""
    return bring_history.calendar_reminders(store=store)
