"""What every notebook view shares: a store, a profile, a status line, guarded buttons."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, ClassVar

import ipywidgets as widgets

from workbook import messages, words
from workbook.store import Store, StoreError, default_store
from workbook.widgets import html

log = logging.getLogger(__name__)


class Panel:
    """Something a notebook displays. Its plain-text form never carries what was typed.

    ipywidgets puts a widget's repr, values included, into the notebook as text/plain;
    a panel replaces that with its title so nothing personal lands in the .ipynb.
    """

    title: ClassVar[str] = "Secure Base"
    css_class: ClassVar[str] = "sb-panel"

    def __init__(self, *, store: Store | None = None, profile: str | None = None):
        self._store = store
        self.profile = profile or words.PROFILE_ME
        self.root = widgets.VBox(layout=widgets.Layout(max_width="52em"))
        self.root.add_class("sb-form")
        self.root.add_class(self.css_class)
        self.status = widgets.HTML("")
        self.status.add_class("sb-status")

    @property
    def store(self) -> Store:
        return self._store if self._store is not None else default_store()

    def say(self, text: str, tone: str = "info") -> None:
        """Show a message (plain text, escaped here) in the status line."""
        self.status.value = html.message(html.text(text), tone)

    def profile_picker(self, on_switch: Callable[[], object]) -> widgets.ToggleButtons | None:
        """"Who is writing?" when a partner profile exists (else None).

        Choosing sets ``self.profile`` and calls ``on_switch``; failures become messages.
        """
        try:
            profiles = self.store.profiles()
        except StoreError:
            return None
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

    def _guarded(self, handler: Callable[[], object]) -> None:
        try:
            handler()
        except StoreError as error:
            self.say(error.message, "error")
        except Exception as error:
            # Only the kind of error is logged: entries never go to logs.
            log.error("%s in %s", type(error).__name__, type(self).__name__)
            self.say(messages.UNEXPECTED, "error")

    def on_click(self, button: widgets.Button, handler: Callable[[], object]) -> None:
        """Run ``handler`` when ``button`` is pressed; a failure becomes a kind message.

        ipywidgets would otherwise print a traceback for any error in a handler.
        """

        button.on_click(lambda _button: self._guarded(handler))

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle = self.root._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = f"{self.title} (Secure Base)"
        return bundle

    def __repr__(self) -> str:
        return f"<{type(self).__name__}: {self.title}>"

    def button(self, label: str, handler: Callable[[], object], *, icon: str = "",
               style: str = "") -> widgets.Button:
        """A button as wide as its words that runs ``handler`` (guarded, see `on_click`)."""
        button = widgets.Button(description=label, icon=icon, button_style=style,
                                layout=widgets.Layout(width="auto"))
        self.on_click(button, handler)
        return button

    def arrange(self, *parts: widgets.Widget, who: widgets.Widget | None = None) -> None:
        """Show the title, then ``who`` (a "Who is writing?" picker, if offered), then
        ``parts``."""
        self.root.children = [widgets.HTML(html.heading(self.title)),
                              *([who] if who is not None else []), *parts]
