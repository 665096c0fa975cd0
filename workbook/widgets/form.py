"""One way to save: a form that validates, saves once, and says what happened.

An exercise is declared, not assembled. Its fields are class attributes made with
`workbook.widgets.ask` (options from the journal, a control that follows another
field, a required choice, a field placed before or after another: see `Ask`); a live
summary is a method marked `summary` (redrawn after each save, delete and change of
the person writing, or as named fields change); a widget among the fields is a `Place`.
Class attributes say the rest: ``recent_limit``, ``clear_after_save``, ``row_fields``
(repeating rows the model builds with ``from_rows``) and ``resume_says`` (a form that
opens on the latest entry). The model says what saving it means (``FUTURE_DATES``,
``revised``, ``saved_words``). The base class builds the controls, binds them both ways
to the model's fields of the same names, lays everything out and shows errors.

What is special about a form goes in one of a few hooks (`HOOKS`), one per form:

- `clean(answers)` for checks that need context (the entry being edited, another
  entry), raising `EntryInvalid`; it may also fill in answers the form has no field for;
- `after_save(saved)` for side effects once an entry is stored;
- `choices()` for options computed from the journal, refreshed on a change of profile;
- `wire()` for live behaviour between fields (a preview, a box shown or hidden);
- `entry()`/`load()` together, only where fields don't map one-to-one to the model;
- `profile_changed()` for what else follows the person writing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, ClassVar

import ipywidgets as widgets

from workbook import messages, naming, share
from workbook.models import Entry, EntryInvalid
from workbook.store import Saved, Store, StoreError, now
from workbook.widgets import asked_entry, fields, html, shared
from workbook.widgets.binding import Binding, offered
from workbook.widgets.declare import Ask, Place, Summary, declarations, offer_parts
from workbook.widgets.fields import Field
from workbook.widgets.panel import Panel
from workbook.widgets.recent import RecentEntries

log = logging.getLogger(__name__)

class Form(Binding, Panel):
    """Fields, one Save button and a status line.

    Fields are declared as class attributes (see the module docstring) or added with
    `field`, under the names of the model's fields; the entry is built from them and
    loaded back into them. Double presses of Save store one entry, and any failure
    leaves every answer in place.
    """

    model: ClassVar[type[Entry]]
    save_label: ClassVar[str] = "Save"
    intro: ClassVar[str] = ""
    # Whether a saved entry can be loaded back for changing (Edit in the recent list).
    editable: ClassVar[bool] = True
    # How many recent entries to list under the form (0: no list).
    recent_limit: ClassVar[int] = 3
    # Whether the answers are cleared after a save, ready for the next entry.
    clear_after_save: ClassVar[bool] = False
    # For a form that opens on the profile's latest entry (see `resume`): what it says
    # for a partner's shared entry, a finished one and an unfinished one ("received",
    # "complete", "unfinished"; each may use {when}). None: the form starts empty.
    resume_says: ClassVar[dict[str, str] | None] = None
    # Repeating rows, each a tuple of field names: the entry is made by the model's
    # ``from_rows`` from each row's answers (a field's own, then those of its ``also``
    # controls), and gives them back with ``entry.rows(count)``.
    row_fields: ClassVar[tuple[tuple[str, ...], ...]] = ()

    def __init_subclass__(cls, **options: Any):
        super().__init_subclass__(**options)
        offer_parts(cls)

    def __init__(self, *, store: Store | None = None, profile: str | None = None,
                 on_saved: Callable[[Saved], object] | None = None):
        """``on_saved(saved)`` is called after each save (a panel the form sits in)."""
        super().__init__(store=store, profile=profile)
        self.on_saved = on_saved
        self._build(store, profile)
        if self.has_declared_fields:
            self.build()

    def _build(self, store: Store | None, profile: str | None) -> None:
        self.fields: dict[str, Field] = {}
        self._initial: dict[str, Any] = {}
        self.save = widgets.Button(description=self.save_label, button_style="primary",
                                   icon="check", layout=shared.layout(width="auto"),
                                   style=shared.button_style())
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
        self.summaries: dict[str, tuple[Summary, widgets.Widget]] = {}
        self._choices: dict[str, Callable[[Any], list[Any]]] = {}
        # Messages for answers that must be chosen, and fields that are items of a tuple.
        self._required: dict[str, str] = {}
        self._parts: dict[str, tuple[str, int]] = {}
        # Fields whose value (a tuple) spreads over several of the entry's attributes.
        self._spread: dict[str, tuple[str, ...]] = {}
        # Answers the entry being edited left unrecorded, with what their controls show.
        self._unrecorded: dict[str, Any] = {}
        asked_entry.built(self)  # an app page opened to change an entry of this kind

    @property
    def has_declared_fields(self) -> bool:
        """Whether this form is built from its class declarations alone."""
        return any(isinstance(v, Ask) for _n, v in declarations(type(self)))

    def build(self, *extra: widgets.Widget) -> None:
        """Make the declared fields, placed widgets and summaries, lay them out with
        ``extra`` and the recent list, wire the fields, and fill choices and summaries."""
        shown: list[widgets.Widget] = []
        after: list[tuple[str, widgets.Widget]] = []
        for name, declared in declarations(type(self)):
            if name in vars(self):
                raise TypeError(f"{name!r} is declared on {type(self).__name__}, but the "
                                "form uses that name itself")
            if isinstance(declared, Ask):
                field = declared.make()
                if declared.initial is not None:
                    field.control.value = declared.initial(self)
                key = declared.key or name
                if isinstance(key, tuple):
                    self._spread[key[0]] = key
                    key = key[0]
                control = self.field(key, field)
                setattr(self, name, control)
                if declared.required is not None:
                    self._required[key] = declared.required
                if declared.part_of is not None:
                    self._parts[key] = declared.part_of
                if declared.choices is not None:
                    self._choices[key] = declared.choices
                if declared.follows is not None:  # by its name on the form
                    getattr(self, declared.follows).observe(
                        lambda change, c=control: c.follow(change["new"]), names="value")
            elif isinstance(declared, Place):
                widget = declared.make(self)
                setattr(self, name, widget)
                if declared.after is None:
                    shown.append(widget)
                else:
                    after.append((declared.after, widget))
            else:
                widget = declared.build()
                setattr(self, name, widget)
                self.summaries[name] = (declared, widget)
                shown.append(widget)
        # Options first: the recent list may name entries by them.
        self._guarded(self.refresh_choices)
        if self.recent_limit:
            self.recent = RecentEntries(
                self.model.KIND, form=self, limit=self.recent_limit, describe=self.describe,
                on_change=lambda: self.refresh_summaries(None))
        self.layout(*shown, *extra, *([self.recent.root] if self.recent is not None else []))
        for name, widget in after:
            self.place_after(name, widget)
        for declared, widget in self.summaries.values():
            for name in declared.follows:
                self.fields[name].control.observe(
                    lambda _c, d=declared, w=widget: d.refresh(self, w, None), names="value")
        self.wire()
        self.refresh_summaries(None)
        if self.resume_says is not None:
            self.resume()

    def place_after(self, name: str, widget: widgets.Widget) -> None:
        """Show ``widget`` right under the field ``name``."""
        children = list(self.root.children)
        children.insert(children.index(self.fields[name].box) + 1, widget)
        self.root.children = children

    def refresh_summaries(self, saved: Saved | None) -> None:
        """Redraw every live summary (``saved`` is the entry just stored, if any)."""
        for declared, widget in self.summaries.values():
            declared.refresh(self, widget, saved)

    def refresh_choices(self) -> None:
        """Give each field its options from the journal (declared, or by `choices`)."""
        found = {name: options(self) for name, options in self._choices.items()}
        for name, options in {**found, **self.choices()}.items():
            control = self.fields[name].control
            chosen = control.value
            control.options = options
            if isinstance(control, widgets.Dropdown):
                # What was chosen stays chosen while it is still offered.
                control.value = chosen if chosen in offered(control) else None

    # -- building ---------------------------------------------------------------

    def field(self, name: str, field: Field) -> Any:
        """Register ``field`` under the entry's attribute ``name``; returns its control."""
        self.fields[name] = field
        if hasattr(field.control, "value"):
            self._initial[name] = field.control.value
        for control in (field.control, *field.also):
            control.observe(self._changed, names="value")
        return field.control

    def _changed(self, _change: object = None) -> None:
        self._dirty = True

    def layout(self, *extra: widgets.Widget) -> None:
        """Lay out intro, profile picker, fields, Save and status, then ``extra``."""
        parts: list[widgets.Widget] = [shared.words(html.heading(self.title))]
        if self.intro:
            self._intro = shared.words(f"<p>{self.intro}</p>")
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
        self._guarded(self.refresh_choices)  # a failure must not leave the rest behind
        if self.recent is not None:
            self.recent.refresh()
        self.refresh_summaries(None)
        if self.resume_says is not None:
            self.resume()
        self.profile_changed()

    def reset(self) -> None:
        """Put every answer back to how the form started."""
        for name, value in self._initial.items():
            self.fields[name].control.value = value

    # -- what subclasses may override -------------------------------------------------

    def profile_changed(self) -> None:
        """Called after "Who is writing?" changed, once the recent list, choices and
        summaries follow the new profile: for anything else that must."""

    def describe(self, saved: Saved) -> str:
        """How a saved entry reads in the recent list."""
        return saved.entry.summary()

    def choices(self) -> dict[str, list[Any]]:
        """Options computed from the journal, by field name (refreshed on profile change)."""
        return {}

    def wire(self) -> None:
        """Connect fields that affect each other (called once, after building)."""

    def clean(self, answers: dict[str, Any]) -> dict[str, Any]:
        """Checks that need context; returns the answers (with any the form adds).

        Raises `EntryInvalid`; its problems are shown together with the model's own.
        """
        return answers

    def after_save(self, saved: Saved) -> None:
        """Called once an entry is safely stored, after the recent list and summaries."""

    # -- saving -------------------------------------------------------------------

    def carry_on(self, saved: Saved) -> None:
        """Let the next Save update ``saved`` in place (a piece of work done in steps)."""
        self.editing = saved
        self._dirty = True

    def shown_as_saved(self, saved: Saved) -> None:
        """``saved`` is what the fields show: a Save without a change says so instead of
        storing a copy."""
        self.editing = None
        self.save.description = self.save_label
        self.last_saved = saved
        self._dirty = False

    def start_afresh(self) -> None:
        """The next Save stores a new entry; messages are cleared."""
        self.editing = None
        self.save.description = self.save_label
        self.clear_messages()

    def resume(self) -> None:
        """Open this profile's latest entry, as ``resume_says`` tells: an unfinished one
        (``complete`` False) is carried on in place, a finished one is shown as saved (a
        Save without a change stores no copy), and one a partner shared is shown to start
        from (saving keeps the changes as the person's own)."""
        says = self.resume_says or {}
        self.start_afresh()
        try:
            latest = self.store.entries(self.model.KIND, profile=self.profile, limit=1)
        except StoreError as error:
            self.say(error.message, "error")
            return
        if not latest:
            self.load(self.model())
            return
        saved = latest[0]
        self.load(saved.entry)
        when = f"{saved.created_at.astimezone():%d %b %Y}"
        if share.is_received(saved, share.received_batches(self.store)):
            self.say(says["received"].format(when=when), "info")
        elif getattr(saved.entry, "complete", True):
            self.shown_as_saved(saved)
            self.say(says["complete"].format(when=when), "info")
        else:
            self.carry_on(saved)
            self.say(says["unfinished"].format(when=when), "info")

    def form_for(self, kind: str) -> Form | None:
        """This form, if it can change entries of ``kind`` (see `asked_entry`)."""
        return self if self.editable and kind == self.model.KIND else None

    def edit(self, saved: Saved) -> None:
        """Load a saved entry for changing; the next Save updates it in place."""
        self.load(saved.entry)
        self.editing = saved
        self._dirty = True
        self.save.description = "Save changes"
        when = saved.created_at.astimezone()
        self.say(f"Editing your entry from {when:%d %b %Y, %H:%M}.", "info")

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
        self.say(saved.entry.saved_words(f"{now():%H:%M}"), "ok")
        if getattr(saved.entry, "complete", True) is False:
            self.carry_on(saved)  # further saves keep filling in this same entry
        try:
            if self.recent is not None:
                self.recent.refresh()
            self.refresh_summaries(saved)
            self.after_save(saved)
            if self.clear_after_save:
                self.reset()
            if self.on_saved is not None:
                self.on_saved(saved)
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

