"""Pieces the panels share: a button for one step, and a problem shown at its answer."""

from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as widgets

from workbook.store import StoreError
from workbook.widgets import html
from workbook.widgets.fields import Field
from workbook.widgets.panel import Panel

# A description as wide as its words, never cut short.
WIDE_LABEL = {"description_width": "initial"}


def button(label: str, icon: str = "", *, primary: bool = False, warning: bool = False,
           disabled: bool = False) -> widgets.Button:
    """A button as wide as its words: the main step of a panel (``primary``), one that
    undoes something (``warning``), or any other."""
    return widgets.Button(description=label, icon=icon, disabled=disabled,
                          button_style="primary" if primary else "",
                          style=html.WARNING_BUTTON if warning else {},
                          layout=widgets.Layout(width="auto"))


def show_problem(panel: Panel, error: StoreError, answers: Mapping[str, Field]) -> None:
    """Say what is wrong next to the answer at fault (``error.field``, if any), and in the
    panel's status line."""
    field = answers.get(getattr(error, "field", ""))
    if field is not None:
        field.show(error.message)
    panel.say(error.message, "error")
