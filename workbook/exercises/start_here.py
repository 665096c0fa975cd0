"""'Start here': privacy, the safety check, profiles and the weekly insecurity snapshot."""

from __future__ import annotations

import datetime as dt

import ipywidgets as widgets

from workbook import messages, resources, words
from workbook.cards import shared_computer as shared_computer_html
from workbook.exercises.safety_plan import safety_plans
from workbook.models import EntryInvalid, InsecuritySnapshot
from workbook.privacy import export_copy, restore_newest
from workbook.profiles import save_profiles, saved_names
from workbook.safety_check import lines_for, outcome_of, partner_feared, remember_partner_fear
from workbook.store import Saved, Store, StoreDamaged, StoreError, backups_of, now
from workbook.widgets import Form, Panel, ask, fields, html, summary
from workbook.widgets.declare import Ask
from workbook.widgets.panel import Confirm, shown
from workbook.widgets.region import region_picker
from workbook.words import privacy as said
from workbook.words import sentences


class PrivacyPanel(Panel):
    """Where the journal lives, and buttons to export it or delete it for good."""

    title = "Your privacy"
    css_class = "sb-privacy"
    shown_errors = (OSError,)

    def __init__(self, *, store: Store | None = None):
        super().__init__(store=store)
        self.where = widgets.HTML(said.where_it_lives(self.journal_path))
        self.export = self.button("Export my journal", self._export, icon="download")
        deleting = Confirm(self, "Delete my journal", self._delete, word=said.DELETE_WORD,
                           warning=said.DELETE_WARNING, not_yet=said.NOTHING_DELETED)
        self.start_delete = self.button("Delete everything…", deleting.ask, icon="trash")
        self.confirm_row, self.confirm_text, self.confirm = (deleting.row, deleting.typed,
                                                             deleting.button)
        self.restore = self.button("Restore the newest backup", self._restore, icon="undo",
                                   warning=True)
        shown(self.restore, False)
        self.lay_out(self.where, fields.row(self.export, self.start_delete), self.confirm_row,
                     self.status, self.restore)
        self._check_journal()

    def _check_journal(self) -> None:
        try:
            self.store  # noqa: B018 - opening it is the check
        except StoreDamaged as damaged:
            self.say(damaged.message, "error")
            shown(self.restore, bool(backups_of(self.journal_path)))
        except StoreError as error:
            self.say(error.message, "error")

    def _restore(self) -> None:
        done = restore_newest(self.journal_path, self._store)
        if done is None:
            self.say(said.NO_BACKUP_YET, "info")
            return
        self._store = done.store or self._store
        shown(self.restore, False)
        self.say(said.restored(done.backup, done.kept), "ok")

    def _export(self) -> None:
        target = export_copy(self.store)
        note = f" {messages.EXPORT_NOT_LOCKED}" if self.store.locked else ""
        self.say(said.exported(target, note), "ok")

    def _delete(self) -> str:
        return said.deleted(len(self.store.delete_everything()))


class SafetyCheck(Panel):
    """A few yes/no questions; any "yes" brings support to the front. Answers aren't saved."""

    title = "A safety check"
    css_class = "sb-safety"

    def __init__(self, *, store: Store | None = None):
        super().__init__(store=store)
        self.questions = [fields.yes_no(q) for q in words.SAFETY_QUESTIONS]
        self.answers = [f.control for f in self.questions]
        self.region = region_picker(self, self._region_changed)
        self.show = self.button("What this means for me", self._show, style="info")
        self.result = fields.html_area("sb-safety-result")
        # Hidden until the answers are shown; an entry opened from My journal goes to the
        # page's own plans instead.
        self.plans = safety_plans(store=self._store, opens_asked=False)
        shown(self.plans.root, False)
        self.lay_out(*(f.box for f in self.questions), self.region, self.show, self.result,
                     self.plans.root)

    def _region_changed(self) -> None:
        if self.result.value:
            self._show()

    def outcome(self) -> str:
        """'urgent', 'unsafe' or 'ok', from the answers given so far."""
        return outcome_of([a.value for a in self.answers])

    def _show(self) -> None:
        outcome = self.outcome()
        lines = lines_for(outcome, self.region.value)
        self.result.value = (html.message(*words.SAFETY_OUTCOMES[outcome])
                             + resources.as_html(lines) + self._remember_partner_fear())
        shown(self.plans.root, True)
        self.plans.refresh()

    def _remember_partner_fear(self) -> str:
        # Only this yes/no is kept, so "Need help now?" can offer the relationship plan.
        fear = partner_feared([a.value for a in self.answers])
        try:
            remember_partner_fear(self.store, fear)
        except StoreError:
            return ""
        return html.message(html.text(words.PARTNER_FEAR_REMEMBERED), "info") if fear else ""


class SharedComputer(Panel):
    """What a shared or watched computer means for the journal, in a few plain lines."""

    title = "A shared or watched computer"
    css_class = "sb-shared-computer"

    def __init__(self, *, store: Store | None = None):
        super().__init__(store=store)
        self.text = widgets.HTML(shared_computer_html())
        self.lay_out(self.text, heading=False)


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
        self.save = self.button("Save profiles", self._save, style="primary")
        self._guarded(self._load)
        self.lay_out(widgets.HTML(said.PROFILES_ABOUT), self.my_name, self.called.box,
                     self.with_partner, self.partner_name, self.save, self.status)

    def _load(self) -> None:
        names = saved_names(self.store)
        self.my_name.value, self.partner_called.value = names.mine, names.called
        self.with_partner.value = names.partner is not None
        self.partner_name.value = names.partner or ""

    def _save(self) -> None:
        self.called.clear()
        try:
            self.partner_called.value = save_profiles(
                self.store, my_name=self.my_name.value, partner_name=self.partner_name.value,
                with_partner=self.with_partner.value, partner_called=self.partner_called.value)
        except EntryInvalid as invalid:
            if "partner_called" in invalid.problems:
                self.called.show(invalid.problems["partner_called"])
            self.say(next(iter(invalid.problems.values())), "error")
            return
        except ValueError:
            self.say(said.PARTNER_KEPT, "info")
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
safety_check = SafetyCheck
shared_computer = SharedComputer
profiles = ProfilesForm
insecurity_snapshot = SnapshotForm
