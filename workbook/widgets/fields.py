"""Labelled fields with a place for a message right under the control."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets
import traitlets

from workbook.widgets import html

WIDE = widgets.Layout(width="100%", max_width="46em")


class Field:
    """A label, a control, an optional hint and a message area under it."""

    def __init__(self, label: str, control: widgets.Widget, hint: str = ""):
        self.control = control
        self.label = widgets.HTML(f"<b>{html.text(label)}</b>")
        self.hint = widgets.HTML(f"<small>{html.text(hint)}</small>" if hint else "")
        self.message = widgets.HTML("")
        parts = [self.label, self.control, self.message]
        if hint:
            parts.insert(1, self.hint)
        self.box = widgets.VBox(parts, layout=widgets.Layout(margin="0 0 0.6em 0"))
        self.box.add_class("sb-field")

    def show(self, problem: str) -> None:
        self.message.value = html.message(html.text(problem), "error")

    def clear(self) -> None:
        self.message.value = ""


class PickMany(widgets.Box):
    """Pick any number of options; ``value`` is the tuple of keys picked, in list order.

    Short options show as a wrapping row of toggle buttons, longer sentences as a
    column of checkboxes.
    """

    value = traitlets.Tuple()

    def __init__(self, options: Sequence[str] | dict[str, str], *, checkboxes: bool = False,
                 **kwargs: Any):
        labels = dict(options) if isinstance(options, dict) else {o: o for o in options}
        self.options = tuple(labels)
        if checkboxes:
            self.controls = {key: widgets.Checkbox(value=False, description=text, indent=False,
                                                   layout=WIDE) for key, text in labels.items()}
            flow = "column"
        else:
            self.controls = {key: widgets.ToggleButton(description=text,
                                                       layout=widgets.Layout(width="auto"))
                             for key, text in labels.items()}
            flow = "row wrap"
        self.toggles = list(self.controls.values())
        super().__init__(self.toggles, layout=widgets.Layout(flex_flow=flow), **kwargs)
        self._syncing = False
        for control in self.toggles:
            control.observe(self._from_controls, names="value")

    def _from_controls(self, _change: object = None) -> None:
        if not self._syncing:
            self.value = tuple(key for key, c in self.controls.items() if c.value)

    @traitlets.observe("value")
    def _to_controls(self, change: dict[str, Any]) -> None:
        self._syncing = True
        try:
            for key, control in self.controls.items():
                control.value = key in change["new"]
        finally:
            self._syncing = False


class RatingSlider(widgets.IntSlider):
    """An IntSlider that keeps an out-of-range value as given, so the form can say so.

    A plain IntSlider quietly clamps 11 to 10; here validation happens in the entry,
    where the person gets a message instead of a silent change.
    """

    @traitlets.validate("value")
    def _validate_value(self, proposal: dict[str, Any]) -> Any:
        return proposal["value"]


def text(label: str, *, hint: str = "", placeholder: str = "", lines: int = 1) -> Field:
    """A one-line box, or a text area when ``lines`` > 1."""
    if lines > 1:
        control = widgets.Textarea(placeholder=placeholder, rows=lines, layout=WIDE)
    else:
        control = widgets.Text(placeholder=placeholder, layout=WIDE)
    return Field(label, control, hint)


def rating(label: str, low: int, high: int, value: int, *, hint: str = "") -> Field:
    """A whole-number slider from ``low`` to ``high``."""
    control = RatingSlider(value=value, min=low, max=high, step=1, continuous_update=False,
                                layout=widgets.Layout(width="100%", max_width="30em"))
    return Field(label, control, hint)


def choice(label: str, options: Sequence[str] | Sequence[tuple[str, Any]], *,
           hint: str = "", value: Any = None, buttons: bool = False) -> Field:
    """One answer from a list: a dropdown, or a row of buttons for short lists."""
    if buttons:
        control = widgets.ToggleButtons(options=options, value=value,
                                        style={"button_width": "auto"})
    else:
        control = widgets.Dropdown(options=options, value=value, layout=WIDE)
    return Field(label, control, hint)


def many(label: str, options: Sequence[str], *, hint: str = "") -> Field:
    """Any number of short options, as toggle buttons."""
    return Field(label, PickMany(options), hint)


def checklist(label: str, options: dict[str, str], *, hint: str = "") -> Field:
    """Any number of sentences (keyed), as checkboxes."""
    return Field(label, PickMany(options, checkboxes=True), hint)


def yes_no(label: str, *, hint: str = "") -> Field:
    """Yes / No, starting unanswered (``value`` is None until a button is pressed)."""
    control = widgets.ToggleButtons(options=[("Yes", True), ("No", False)], value=None,
                                    style={"button_width": "5em"})
    return Field(label, control, hint)


def tick(label: str) -> widgets.Checkbox:
    return widgets.Checkbox(value=False, description=label, indent=False, layout=WIDE)
