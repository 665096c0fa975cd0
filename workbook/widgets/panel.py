"""What every notebook view shares: a store, a profile, a status line, guarded buttons.

A panel that is not a `Form` is built from a few shared pieces, so each one only says
what is special about it:

- `Panel.button(label, handler, icon=..., style=...)`: a button as wide as its label
  whose handler runs guarded (a failure becomes a kind message, see `on_click`);
- `Panel.lay_out(*children)`: the heading (the panel's title), then the children, set
  once; put ``self.status`` where the messages should show;
- `Panel.say(text, tone)` for an outcome, `Panel.problem(error)` for an error shown the
  same way everywhere (a store error's own message, else the error's words);
  ``shown_errors`` names further kinds of error (``OSError`` for panels that write
  files) that any guarded handler shows in their own words instead of the generic one;
- `take_secrets(*fields)` to empty password fields before their words are used;
- `shown(widget, visible)` to show or hide a part; ``journal_path`` for the journal
  file itself, known even while it is locked or damaged;
- `Confirm`: a hidden row that asks for a typed word before something that can't be
  undone, then runs the action and says what it did.

For example, a panel that writes a file and can remove it again::

    class Copies(Panel):
        title = "A copy of my journal"
        shown_errors = (OSError,)  # a full disk or a missing folder, in its own words

        def __init__(self, *, store=None):
            super().__init__(store=store)
            self.write = self.button("Write a copy", self._write, icon="download")
            removing = Confirm(self, "Remove my copies", self._remove, word="remove",
                               warning="This removes every copy.", not_yet="Nothing was removed.")
            self.start_remove = self.button("Remove copies…", removing.ask, icon="trash")
            self.lay_out(fields.row(self.write, self.start_remove), removing.row, self.status)

        def _write(self) -> None:
            self.say(f"Written to {write_copy(self.store)}.", "ok")

        def _remove(self) -> str:
            return f"Removed {len(remove_copies(self.store))} copies."
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

import ipywidgets as widgets

from workbook import messages, words
from workbook.store import Profile, Store, StoreError, default_path, default_store
from workbook.widgets import fields, html, shared

log = logging.getLogger(__name__)


class Panel:
    """Something a notebook displays. Its plain-text form never carries what was typed.

    ipywidgets puts a widget's repr, values included, into the notebook as text/plain;
    a panel replaces that with its title so nothing personal lands in the .ipynb.
    """

    title: ClassVar[str] = "Secure Base"
    css_class: ClassVar[str] = "sb-panel"
    # Errors a guarded handler shows in their own words (besides `StoreError`), e.g.
    # (OSError,) for a panel that writes files a person names; others get UNEXPECTED.
    shown_errors: ClassVar[tuple[type[Exception], ...]] = ()

    def __init__(self, *, store: Store | None = None, profile: str | None = None):
        self._store = store
        self.profile = profile or words.PROFILE_ME
        self.root = widgets.VBox(layout=shared.layout(max_width="52em"))
        self.root.add_class("sb-form")
        self.root.add_class(self.css_class)
        self.status = shared.words()
        self.status.add_class("sb-status")

    @property
    def store(self) -> Store:
        return self._store if self._store is not None else default_store()

    @property
    def journal_path(self) -> Path:
        """The journal file this panel works on (its store's, else the default one),
        known without opening it, so even while it is locked or damaged."""
        return self._store.path if self._store is not None else default_path()

    def say(self, text: str, tone: str = "info") -> None:
        """Show a message (plain text, escaped here) in the status line."""
        self.status.value = html.message(html.text(text), tone)

    def profile_picker(self, on_switch: Callable[[], object]) -> widgets.ToggleButtons | None:
        """"Who is writing?" when a partner profile exists (else None).

        Choosing sets ``self.profile`` and calls ``on_switch``; failures become messages.
        """
        profiles = self.readable_profiles()
        if len(profiles) < 2:
            return None
        picker = widgets.ToggleButtons(
            options=[(p.label, p.key) for p in profiles], value=self.profile,
            description="Who is writing?", style={"description_width": "initial"})

        def switch(change: dict[str, Any]) -> None:
            self.profile = change["new"]
            self._guarded(on_switch)

        picker.observe(switch, names="value")
        return picker

    def readable_profiles(self) -> list[Profile]:
        """The journal's profiles; none while it can't be read (locked, for one)."""
        try:
            return self.store.profiles()
        except StoreError:
            return []

    def when_changed(self, control: widgets.Widget, handler: Callable[[], object]) -> None:
        """Run ``handler`` guarded (see `on_click`) each time ``control``'s value changes."""
        control.observe(lambda _change: self._guarded(handler), names="value")

    def _guarded(self, handler: Callable[[], object]) -> None:
        try:
            handler()
        except StoreError as error:
            self.say(error.message, "error")
        except self.shown_errors as error:
            self.problem(error)
        except Exception as error:
            # Only the kind of error is logged: entries never go to logs.
            log.error("%s in %s", type(error).__name__, type(self).__name__)
            self.say(messages.UNEXPECTED, "error")

    def on_click(self, button: widgets.Button, handler: Callable[[], object]) -> None:
        """Run ``handler`` when ``button`` is pressed; a failure becomes a kind message.

        ipywidgets would otherwise print a traceback for any error in a handler.
        """

        button.on_click(lambda _button: self._guarded(handler))

    def button(self, label: str, handler: Callable[[], object] | None = None, *,
               icon: str = "", style: str = "", warning: bool = False) -> widgets.Button:
        """A button as wide as its label; ``handler`` runs guarded on each press.

        ``style`` is an ipywidgets button style ("primary", "danger", ...); ``warning``
        gives the high-contrast amber of `html.WARNING_BUTTON` instead.
        """
        button = widgets.Button(description=label, icon=icon, button_style=style,
                                layout=shared.layout(width="auto"),
                                style=shared.button_style())
        if warning:
            button.style = html.WARNING_BUTTON
        if handler is not None:
            self.on_click(button, handler)
        return button

    def lay_out(self, *children: widgets.Widget, heading: bool = True) -> None:
        """Show the panel's title as its heading (unless ``heading`` is False), then
        ``children``, in order."""
        title = [shared.words(html.heading(self.title))] if heading else []
        self.root.children = [*title, *children]

    def problem(self, error: BaseException) -> None:
        """Show what went wrong in the status line: a store error's message (written
        for the person), else the error's own words (an OSError names the file)."""
        self.say(getattr(error, "message", None) or str(error), "error")

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle = self.root._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = f"{self.title} (Secure Base)"
        return bundle

    def __repr__(self) -> str:
        return f"<{type(self).__name__}: {self.title}>"

    def arrange(self, *parts: widgets.Widget, who: widgets.Widget | None = None) -> None:
        """Show the title, then ``who`` (a "Who is writing?" picker, if offered), then
        ``parts``."""
        self.lay_out(*([who] if who is not None else []), *parts)

def shown(widget: widgets.Widget, visible: bool, display: str | None = "flex") -> None:
    """Show ``widget`` (laid out as ``display``; None: as its kind is by default) or hide
    it, keeping its place. A widget whose layout is shared with others is given one of
    its own first, so hiding it hides nothing else."""
    shown_as = display if visible else "none"
    if widget.layout.display != shown_as:
        shared.restyle(widget, display=shown_as)


def take_secrets(*controls: widgets.Widget) -> list[str]:
    """Empty ``controls`` (password fields) and return what was typed in each, in order.

    Taken before anything uses them, secrets never stay in a field after a failure, nor
    in the widget state a notebook may save.
    """
    typed = [control.value for control in controls]
    for control in controls:
        control.value = ""
    return typed


class Confirm:
    """A step between asking for something that can't be undone and doing it.

    A hidden row holds a field and a red button labelled ``label``. `ask` shows the row
    and says ``warning`` (in the error tone, as it is serious). The button runs
    ``action`` only when ``word`` was typed (any case, spaces around ignored), otherwise
    it says ``not_yet`` and does nothing. ``action()`` returns the sentence that says
    what it did (shown as done, the row then hidden and emptied); it runs guarded like
    any handler of ``panel``, so a failure becomes a message and the row stays.
    """

    def __init__(self, panel: Panel, label: str, action: Callable[[], str], *, word: str,
                 warning: str, not_yet: str):
        self.panel = panel
        self.word = word
        self.warning = warning
        self.not_yet = not_yet
        self.action = action
        self.typed = fields.line(placeholder=f"type {word} to confirm")
        self.button = panel.button(label, self._confirmed, style="danger")
        self.row = fields.row(self.typed, self.button)
        shown(self.row, False)

    def ask(self) -> None:
        """Show the row and say what pressing the button will do."""
        shown(self.row, True)
        self.panel.say(self.warning, "error")

    def _confirmed(self) -> None:
        if self.typed.value.strip().lower() != self.word:
            self.panel.say(self.not_yet, "info")
            return
        done = self.action()
        shown(self.row, False)
        self.typed.value = ""
        self.panel.say(done, "ok")
