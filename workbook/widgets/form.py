"""One way to save: a form that validates, saves once, and says what happened."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from typing import Any, ClassVar

import ipywidgets as widgets

from workbook import messages, naming
from workbook.models import Entry, EntryInvalid
from workbook.store import Saved, Store, StoreError, now
from workbook.widgets import fields, html
from workbook.widgets.fields import Field, PickMany
from workbook.widgets.panel import Panel
from workbook.widgets.recent import RecentEntries

log = logging.getLogger(__name__)


class Form(Panel):
    """Fields, one Save button and a status line.

    Subclasses add fields with `field` under the names of the model's fields; the entry
    is built from them and loaded back into them, unless the subclass overrides `entry`
    or `load`. `after_save` refreshes ``recent`` (when set) and may do more in a
    subclass. Double presses of Save store one entry, and any failure leaves every
    answer in place.
    """

    model: ClassVar[type[Entry]]
    save_label: ClassVar[str] = "Save"
    intro: ClassVar[str] = ""
    # Whether a saved entry can be loaded back for changing (Edit in the recent list).
    editable: ClassVar[bool] = True

    def __init__(self, *, store: Store | None = None, profile: str | None = None):
        super().__init__(store=store, profile=profile)
        self.fields: dict[str, Field] = {}
        self._initial: dict[str, Any] = {}
        self.save = widgets.Button(description=self.save_label, button_style="primary",
                                   icon="check", layout=widgets.Layout(width="auto"))
        self.on_click(self.save, self._on_save)
        self.editing: Saved | None = None
        self.last_saved: Saved | None = None
        self._dirty = False
        self._busy = False
        self.recent: RecentEntries | None = None
        self.who = self.profile_picker(self._profile_switched)
        # What the person writing calls their partner(s); "" keeps "your partner".
        self.partner_called = ""
        self._intro: widgets.HTML | None = None

    # -- building ---------------------------------------------------------------

    def field(self, name: str, field: Field) -> Any:
        """Register ``field`` under the entry's attribute ``name``; returns its control."""
        self.fields[name] = field
        if hasattr(field.control, "value"):
            self._initial[name] = field.control.value
        field.control.observe(self._changed, names="value")
        return field.control

    def _changed(self, _change: object = None) -> None:
        self._dirty = True

    def layout(self, *extra: widgets.Widget) -> None:
        """Lay out intro, profile picker, fields, Save and status, then ``extra``."""
        parts: list[widgets.Widget] = [widgets.HTML(html.heading(self.title))]
        if self.intro:
            self._intro = widgets.HTML(f"<p>{self.intro}</p>")
            parts.append(self._intro)
        if self.who is not None:
            parts.append(self.who)
        parts += [f.box for f in self.fields.values()]
        parts.append(fields.row(self.save, self.status, align_items="center"))
        parts += extra
        self.root.children = parts
        self.name_partner()

    def name_partner(self) -> None:
        """Say what the person writing calls their partner(s) where the intro, labels and
        hints say "your partner" (kept as written when they haven't said)."""
        try:
            self.partner_called = naming.called(self.store, self.profile)
        except StoreError:  # locked or damaged: the form says so when it is used
            self.partner_called = ""
        for field in self.fields.values():
            field.name_partner(self.partner_called)
        if self._intro is not None:
            self._intro.value = f"<p>{self.partner_words(self.intro)}</p>"

    def partner_words(self, safe: str) -> str:
        """``safe`` (HTML, or text already escaped) with what the person calls their
        partner(s), escaped, in place of "your partner"."""
        return naming.for_partner(safe, html.text(self.partner_called))

    def _profile_switched(self) -> None:
        # Nothing of the other person's may stay on screen or be edited under the new name.
        if self.editing is not None:
            self.reset()
        self.editing = None
        self.last_saved = None
        self._dirty = True
        self.save.description = self.save_label
        self.status.value = ""
        self.name_partner()
        self.profile_changed()

    def reset(self) -> None:
        """Put every answer back to how the form started."""
        for name, value in self._initial.items():
            self.fields[name].control.value = value

    def profile_changed(self) -> None:
        """Redraw what shows the current profile's own entries (after "Who is writing?").

        Forms with more than the recent list (counts, cards, charts, suggestions) extend it.
        """
        if self.recent is not None:
            self.recent.refresh()

    # -- what subclasses may override -------------------------------------------------

    def entry(self) -> Entry:
        """Build the entry from the fields named like the model's fields; raises `EntryInvalid`."""
        names = {f.name for f in dataclasses.fields(self.model)}
        return self.model(**{name: _answer(field.control) for name, field in self.fields.items()
                             if name in names})

    def load(self, entry: Entry) -> None:
        """Put a saved entry's answers back into the fields of the same names (for editing)."""
        names = {f.name for f in dataclasses.fields(entry)}
        for name, field in self.fields.items():
            if name in names:
                field.set(getattr(entry, name))

    def after_save(self, saved: Saved) -> None:
        """Called once an entry is safely stored: refreshes the recent entries, if shown."""
        if self.recent is not None:
            self.recent.refresh()

    # -- saving -------------------------------------------------------------------

    def edit(self, saved: Saved) -> None:
        """Load a saved entry for changing; the next Save updates it in place."""
        self.load(saved.entry)
        self.editing = saved
        self._dirty = True
        self.save.description = "Save changes"
        self.say(f"Editing the entry from {saved.created_at:%d %b %Y, %H:%M}.", "info")

    def forget(self, entry_id: int) -> None:
        """The entry ``entry_id`` was deleted: the answers on screen outlive it, and the
        next Save stores them anew."""
        if self.editing is not None and self.editing.id == entry_id:
            self.editing = None
            self.save.description = self.save_label
            self._dirty = True
        if self.last_saved is not None and self.last_saved.id == entry_id:
            self.last_saved = None
            self._dirty = True

    def clear_messages(self) -> None:
        for field in self.fields.values():
            field.clear()
        self.status.value = ""

    def show_problems(self, problems: dict[str, str]) -> None:
        unplaced = []
        for name, problem in problems.items():
            if name in self.fields:
                self.fields[name].show(problem)
            else:
                unplaced.append(problem)
        self.say(" ".join([messages.CHECK_ANSWERS, *unplaced]), "error")

    def _on_save(self) -> None:
        if self._busy:
            return
        self._busy = True
        self.save.disabled = True
        try:
            self._save()
        finally:
            self._busy = False
            self.save.disabled = False

    def _save(self) -> None:
        if not self._dirty and self.last_saved is not None and self.editing is None:
            # Nothing changed since the last save: a second press, not a second entry.
            when = self.last_saved.created_at.astimezone()
            self.say(messages.ALREADY_SAVED.format(time=f"{when:%H:%M}"), "info")
            return
        self.clear_messages()
        try:
            entry = self.entry()
        except EntryInvalid as invalid:
            self.show_problems(invalid.problems)
            return
        saved = self._store_safely(lambda: self._persist(entry))
        if saved is None:
            return
        self.last_saved = saved
        self.editing = None
        self.save.description = self.save_label
        self.say(messages.SAVED_AT.format(time=f"{now():%H:%M}"), "ok")
        try:
            self.after_save(saved)
        except Exception as error:  # the entry is saved; a display hiccup must not say otherwise
            log.error("refreshing %s after a save failed: %s", type(self).__name__,
                      type(error).__name__)
        self._dirty = False

    def _persist(self, entry: Entry) -> Saved:
        if self.editing is not None:
            try:
                return self.store.update(self.editing.id, entry)
            except KeyError:
                # Deleted while being edited: the answers are kept as a new entry instead.
                self.editing = None
        return self.store.add(entry, profile=self.profile)

    def _store_safely(self, action: Callable[[], Saved]) -> Saved | None:
        try:
            return action()
        except StoreError as error:
            self.say(error.message, "error")
        except OSError as error:
            self.say(messages.DISK_PROBLEM.format(reason=error.strerror or "an error"), "error")
        except Exception as error:
            # Only the kind of error is logged: entries never go to logs.
            log.error("saving %s failed: %s", type(self).__name__, type(error).__name__)
            self.say(messages.UNEXPECTED, "error")
        return None


def _answer(control: Any) -> Any:
    value = control.value
    return tuple(value) if isinstance(control, PickMany) else value
