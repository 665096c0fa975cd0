"""Layouts and styles shared by many widgets: fewer models for a page to make.

Every ipywidgets widget comes with a layout and, for most kinds, a style, each a model
of its own that the kernel sends and the page makes before it shows anything. A page
holds hundreds of pieces of fixed HTML (a field's label and hint, a heading, a status
line) and dozens of buttons that are never moved or coloured on their own, so they
share them: `words` for HTML, `layout` and `button_style` for buttons (and for a field's
box and a panel's column). The app's pages make about a third fewer models.

A shared layout or style can't be changed or closed: a change would reach every widget
that shares it. To hide or outline one widget, `restyle` it: it gets a layout of its
own, with the shared one's ``settings`` (`shown` in `workbook.widgets.panel` does).
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
from ipywidgets.widgets.widget_string import HTMLStyle


class SharedPart:
    """A layout or style many widgets share: its synced traits are fixed once made."""

    _fixed = False

    def fix(self) -> SharedPart:
        self._fixed = True
        return self

    def __setattr__(self, name: str, value: Any) -> None:
        if self._fixed and name in self.keys:
            raise AttributeError(
                f"{type(self).__name__} is shared by many widgets; give the widget one of "
                f"its own (widgets.Layout(...)) to change {name!r}")
        super().__setattr__(name, value)

    def close(self) -> None:
        """Kept open: it lives as long as the kernel, for every widget that uses it."""


class SharedLayout(SharedPart, widgets.Layout):
    """A `Layout` shared by many widgets; ``settings`` are what it was made with."""

    def __init__(self, **settings: str):
        super().__init__(**settings)
        self.settings = settings


class SharedHTMLStyle(SharedPart, HTMLStyle):
    """The style of an HTML widget, shared by many."""


class SharedButtonStyle(SharedPart, widgets.ButtonStyle):
    """A button's plain style, shared by many."""


_parts: dict[tuple[Any, ...], SharedPart] = {}


def _part(kind: type[SharedPart], **settings: str) -> Any:
    key = (kind, *sorted(settings.items()))
    part = _parts.get(key)
    if part is None or part.comm is None:  # made here first, or the kernel's widgets closed
        part = _parts[key] = kind(**settings).fix()
    return part


def layout(**settings: str) -> widgets.Layout:
    """The layout with ``settings`` (``width="auto"``) that every widget asking for the
    same shares."""
    return _part(SharedLayout, **settings)


def button_style() -> widgets.ButtonStyle:
    """A button's plain style, shared."""
    return _part(SharedButtonStyle)


def words(value: str = "") -> widgets.HTML:
    """An HTML widget showing ``value`` (already safe HTML), with the shared layout and
    style. Its value and CSS classes may change; its layout and style may not."""
    return widgets.HTML(value, layout=layout(), style=_part(SharedHTMLStyle))


def restyle(widget: widgets.Widget, **changes: str | None) -> None:
    """Change ``widget``'s layout by ``changes``; a shared layout is first replaced by one
    of the widget's own with the same settings, so no other widget changes with it."""
    if is_shared(widget.layout):
        widget.layout = widgets.Layout(**{**widget.layout.settings, **changes})
        return
    for name, value in changes.items():
        setattr(widget.layout, name, value)


def is_shared(part: object) -> bool:
    """Whether ``part`` (a widget's layout or style) is shared with other widgets."""
    return isinstance(part, SharedPart)
