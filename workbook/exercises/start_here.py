"""'Start here': privacy, the safety check, profiles and the weekly insecurity snapshot."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import ipywidgets as widgets

from workbook import messages, naming, resources, words
from workbook.exercises import bring_history
from workbook.exercises.lock_panel import LockPanel
from workbook.exercises.support import region_picker
from workbook.models import Checks, EntryInvalid, InsecuritySnapshot
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
from workbook.store.journal import held_key
from workbook.widgets import Form, Panel, ask, fields, html, summary
from workbook.widgets.declare import Ask
from workbook.words import sentences

if TYPE_CHECKING:
    from workbook.exercises.safety_plan import SafetyPlans

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
        # A locked journal is restored and reopened with its key: it stays unlocked here.
        key = getattr(self._store, "data_key", None) or held_key(path)
        if self._store is not None:
            self._store.close()
        try:
            kept = restore(path, found[0], data_key=key)
            if self._store is not None:
                self._store = Store(path, data_key=key)
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


def _how_true(number: int, question: str) -> Ask:
    return ask.choice(question, [(label, n) for n, label in enumerate(words.SNAPSHOT_SCALE)],
                      buttons=True, part_of=("answers", number),
                      required="Please pick how true this was.")


class SnapshotForm(Form):
    """How true each sentence was this past week; repeated weekly and charted later."""

    model = InsecuritySnapshot
    title = "Weekly insecurity snapshot"
    css_class = "sb-snapshot"
    save_label = "Save snapshot"
    intro = ("Think about the past seven days. How true was each sentence for you? "
             "This is a reflection, not a test, and it never diagnoses anything.")
    recent_limit = 4

    # One field per sentence, q0, q1, …; the entry keeps the answers as one tuple.
    vars().update({f"q{i}": _how_true(i, q) for i, q in enumerate(words.SNAPSHOT_QUESTIONS)})
    note = ask.text("Anything behind these answers (optional)", lines=2)

    @property
    def answers(self) -> list[widgets.ToggleButtons]:
        return [self.fields[f"q{i}"].control for i in range(len(words.SNAPSHOT_QUESTIONS))]

    @summary
    def due(self, _saved: Saved | None) -> str:
        latest = self.store.entries(InsecuritySnapshot.KIND, profile=self.profile, limit=1)
        return html.message(sentences.snapshot_due(latest[0].day if latest else None,
                                                   dt.date.today()), "info")


snapshot_due_text = sentences.snapshot_due

# One call per panel in the notebook.
privacy = PrivacyPanel
lock_settings = LockPanel
safety_check = SafetyCheck
shared_computer = SharedComputer
profiles = ProfilesForm
insecurity_snapshot = SnapshotForm
bring_your_history = bring_history.bring_your_history
reminders = bring_history.calendar_reminders
