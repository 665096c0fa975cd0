"""Labelled fields with a place for a message right under the control."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import anywidget
import ipywidgets as widgets
import traitlets

from workbook import messages, naming
from workbook.widgets import html, shared
from workbook.words import Picks

W = TypeVar("W", bound=widgets.DOMWidget)


def wide(max_width: str = "46em") -> widgets.Layout:
    """As wide as the column allows, up to ``max_width``. A layout of its own for each
    control (hiding one never hides another), and no side margins, so a control at 100%
    never pokes out of a narrow column and makes it scroll sideways."""
    return widgets.Layout(width="100%", max_width=max_width, margin="2px 0")


# Typed words reach the kernel when the person leaves the box, in one message. ipywidgets
# sends a box's updates one at a time, each waiting for the kernel's reply, while a
# button's click goes at once: with an update per keystroke, a Save pressed right after
# typing could be read before the last keystrokes arrived, and lose them.
def line(**options: Any) -> widgets.Text:
    """A one-line text box."""
    return widgets.Text(continuous_update=False, **options)


def area(**options: Any) -> widgets.Textarea:
    """A text area."""
    return widgets.Textarea(continuous_update=False, **options)


def suggest(**options: Any) -> widgets.Combobox:
    """A one-line text box that offers suggestions as the person types."""
    return widgets.Combobox(continuous_update=False, **options)


def secret(**options: Any) -> widgets.Password:
    """A password box."""
    return widgets.Password(continuous_update=False, **options)


def row(*children: widgets.Widget, **layout: str) -> widgets.HBox:
    """Controls side by side that move to the next line when the column is narrow,
    instead of squeezing their words (a button's label cut to "E…")."""
    return widgets.HBox(list(children), layout=widgets.Layout(flex_flow="row wrap", **layout))


def html_area(css: str = "") -> widgets.HTML:
    """An empty place for HTML the panel fills in, marked with the class ``css``."""
    return marked(widgets.HTML(""), css)


def marked(widget: W, css: str) -> W:
    """``widget``, marked with the class ``css`` (for the page's style and its tests)."""
    if css:
        widget.add_class(css)
    return widget


HERE = Path(__file__).parent


class Field:
    """A label, a control, an optional hint and a message area under it.

    ``also`` are controls shown with it whose changes count as changes of the answer
    (the form's entry reads them itself). The message area is made the first time
    there is something to say: most fields never need one, and every widget is one
    more for the page to make when it opens.
    """

    def __init__(self, label: str, control: widgets.Widget, hint: str = "",
                 picks: Picks[Any] | None = None, also: Sequence[widgets.Widget] = ()):
        self.control = control
        self.also = tuple(also)
        self.picks = picks
        self.words = (label, hint)  # as written, before `name_partner`
        _name(control, label)
        # Whether the control carries the label for screen readers, to rename it with it.
        self._labels_control = label in (getattr(control, "description", None),
                                         getattr(control, "aria_label", None))
        self.label = shared.words(f"<b>{html.text(label)}</b>")
        self.hint = shared.words(f"<small>{html.text(hint)}</small>") if hint else None
        self._message: widgets.HTML | None = None
        parts = [self.label, self.control] if self.hint is None else [
            self.label, self.hint, self.control]
        self.box = widgets.VBox(parts, layout=shared.layout(margin="0 0 0.6em 0"))
        self.box.add_class("sb-field")

    @property
    def message(self) -> widgets.HTML:
        """The message under the control, made (empty) the first time it is needed."""
        if self._message is None:
            self._message = widgets.HTML("")
            self.box.children = [*self.box.children, self._message]
        return self._message

    def name_partner(self, name: str) -> None:
        """Say ``name`` where the label and hint say "your partner" ("" puts the words back).

        The name is escaped here, like anything typed."""
        label, hint = (naming.for_partner(part, name) for part in self.words)
        self.label.value = f"<b>{html.text(label)}</b>"
        if self.hint is not None:
            self.hint.value = f"<small>{html.text(hint)}</small>"
        if self._labels_control:
            _name(self.control, label, again=True)

    def show(self, problem: str) -> None:
        self.message.value = html.message(html.text(problem), "error")

    def clear(self) -> None:
        if self._message is not None:
            self._message.value = ""

    def set(self, value: Any) -> None:
        """Show a saved answer. A pick that is no longer on the list is offered as it was
        written, with a note, so the person can keep it or change it."""
        retired = [key for key in _as_keys(value) if not self._offered(key)]
        if retired and hasattr(self.control, "offer"):
            self.control.offer(retired)
        elif retired and isinstance(self.control, widgets.Dropdown | widgets.ToggleButtons):
            self.control.options = [*self.control.options,
                                    *((self._label(key), key) for key in retired)]
        self.control.value = value
        if retired:
            self.message.value = html.message(html.text(messages.NO_LONGER_LISTED), "info")

    def _offered(self, key: Any) -> bool:
        # A control that can take in an answer no longer listed (`PickMany`, say) has
        # ``offer(keys)`` and, by key, the ``controls`` it shows.
        if hasattr(self.control, "offer"):
            return key in self.control.controls
        if isinstance(self.control, widgets.Dropdown | widgets.ToggleButtons):
            return any(option == key or (isinstance(option, tuple) and option[1] == key)
                       for option in self.control.options)
        return True

    def _label(self, key: str) -> str:
        return self.picks.label(key) if self.picks is not None else str(key)


# Controls drawn as one <input>, <textarea> or <select>: a screen reader needs a <label>
# tied to it. (Buttons, toggle rows and check boxes carry their own words.)
NEEDS_A_LABEL = (widgets.Text, widgets.Textarea, widgets.Password, widgets.Dropdown,
                 widgets.Combobox, widgets.IntText, widgets.FloatText, widgets.DatePicker)


def _name(control: widgets.Widget, label: str, *, again: bool = False) -> None:
    """Tie ``label`` to ``control`` for screen readers. The bold label above the control
    is what people see; the control's own description (a <label> element ipywidgets
    ties to the input) carries the same words with no width of its own. ``again``
    renames a control named this way before."""
    if isinstance(control, RatingSlider):
        if again or not control.description:
            control.aria_label = label
    elif isinstance(control, NEEDS_A_LABEL) and (again or not control.description):
        control.description = label
        control.style.description_width = "0px"


def _as_keys(value: Any) -> list[Any]:
    if isinstance(value, tuple | list):
        # Keys in groups (a sort's piles) count one by one.
        return [key for item in value for key in _as_keys(item)]
    return [] if value is None else [value]


class PickMany(widgets.Box):
    """Pick any number of options; ``value`` is the tuple of keys picked, in list order.

    Short options show as a wrapping row of toggle buttons, longer sentences as a
    column of checkboxes.
    """

    value = traitlets.Tuple()

    def __init__(self, options: Sequence[str] | Mapping[str, str] | Picks[Any], *,
                 checkboxes: bool = False, **kwargs: Any):
        self.picks = options if isinstance(options, Picks) else None
        labels = _labels(options)
        self.options = tuple(labels)
        self.checkboxes = checkboxes
        self.controls: dict[str, widgets.ToggleButton | widgets.Checkbox] = {}
        # One layout for every option, and the first option's style for the others: each
        # would be one more model for the page to make, and no option is ever hidden or
        # coloured on its own.
        self._layout = wide() if checkboxes else widgets.Layout(width="auto")
        self._style: dict[str, widgets.Widget] = {}
        super().__init__([], layout=widgets.Layout(
            flex_flow="column" if checkboxes else "row wrap"), **kwargs)
        self._syncing = False
        for key, text in labels.items():
            self._add(key, text)

    def _add(self, key: str, text: str) -> None:
        if self.checkboxes:
            # A long sentence wraps onto more lines rather than being cut off at "…".
            control = widgets.Checkbox(
                value=False, indent=False, layout=self._layout, **self._style,
                description_allow_html=True,
                description=f"<span style='white-space:normal'>{html.text(text)}</span>")
        else:
            control = widgets.ToggleButton(description=text, layout=self._layout,
                                           **self._style)
        self._style = {"style": control.style}
        self.controls[key] = control
        self.toggles = list(self.controls.values())
        self.children = self.toggles
        control.observe(self._from_controls, names="value")

    def offer(self, keys: Sequence[str]) -> None:
        """Add options for ``keys`` that are not on the list (kept from an older entry)."""
        for key in keys:
            if key not in self.controls:
                self._add(key, self.picks.label(key) if self.picks is not None else key)

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


class RatingSlider(anywidget.AnyWidget):
    """A whole-number scale that keeps an out-of-range value as given, so the form can say so.

    A plain slider quietly clamps 11 to 10; here validation happens in the entry, where
    the person gets a message instead of a silent change. It is drawn as the browser's
    own range input (``rating.js``): screen readers announce its name and value, and
    the arrow keys move it. ``description`` is a visible label beside it; without one,
    ``aria_label`` names it for screen readers (set by `Field` from the label above).
    """

    _esm = (HERE / "rating.js").read_text(encoding="utf-8")
    _css = (HERE / "rating.css").read_text(encoding="utf-8")
    value = traitlets.CInt(0).tag(sync=True)
    min = traitlets.CInt(0).tag(sync=True)
    max = traitlets.CInt(100).tag(sync=True)
    step = traitlets.CInt(1).tag(sync=True)
    description = traitlets.Unicode("").tag(sync=True)
    description_width = traitlets.Unicode("").tag(sync=True)
    aria_label = traitlets.Unicode("").tag(sync=True)
    continuous_update = traitlets.Bool(False).tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)

    def __init__(self, *, style: Mapping[str, str] | None = None, **kwargs: Any):
        if style and "description_width" in style:
            kwargs.setdefault("description_width", style["description_width"])
        super().__init__(**kwargs)


class RatingsPerPick(widgets.VBox):
    """One slider per option picked in another field; ``value`` is the tuple of ratings in
    the order picked, so the form reads and loads it like any answer.

    ``follow(keys)`` shows a slider per key (the form calls it as the picks change);
    with ``remember``, a slider unpicked and picked again keeps its rating.
    """

    value = traitlets.Tuple()

    def __init__(self, picks: Picks[Any], low: int, high: int, start: int, *, step: int = 5,
                 width: str = "30em", empty: str = "", remember: bool = False):
        super().__init__()
        self.picks, self.low, self.high, self.start = picks, low, high, start
        self.step, self.width, self.empty, self.remember = step, width, empty, remember
        self.sliders: dict[str, RatingSlider] = {}
        self.made: dict[str, RatingSlider] = {}
        self._syncing = False
        self.follow(())

    def follow(self, keys: Sequence[str]) -> None:
        """Show a slider for each of ``keys``, keeping ratings already given."""
        kept = self.made if self.remember else self.sliders
        self.sliders = {}
        for key in keys:
            slider = kept.get(key)
            if slider is None:
                slider = RatingSlider(
                    value=self.start, min=self.low, max=self.high, step=self.step,
                    description=self.picks.label(key), continuous_update=False,
                    style={"description_width": "8em"}, layout=wide(self.width))
                slider.observe(self._from_sliders, names="value")
            self.sliders[key] = self.made[key] = slider
        shown: list[widgets.Widget] = list(self.sliders.values())
        if not shown and self.empty:
            shown = [widgets.HTML(f"<small>{html.text(self.empty)}</small>")]
        self.children = shown
        self._from_sliders()

    def _from_sliders(self, _change: object = None) -> None:
        if not self._syncing:
            self.value = tuple(slider.value for slider in self.sliders.values())

    @traitlets.observe("value")
    def _to_sliders(self, change: dict[str, Any]) -> None:
        self._syncing = True
        try:
            for slider, rating in zip(self.sliders.values(), change["new"], strict=False):
                slider.value = rating
        finally:
            self._syncing = False
        # A shorter tuple leaves the other sliders as they were; value follows them.
        if len(change["new"]) != len(self.sliders):
            self._from_sliders()


def text(label: str, *, hint: str = "", placeholder: str = "", lines: int = 1) -> Field:
    """A one-line box, or a text area when ``lines`` > 1."""
    if lines > 1:
        control = area(placeholder=placeholder, rows=lines, layout=wide())
    else:
        control = line(placeholder=placeholder, layout=wide())
    return Field(label, control, hint)


def rating(label: str, low: int, high: int, value: int, *, hint: str = "",
           step: int = 1) -> Field:
    """A whole-number slider from ``low`` to ``high``, moving by ``step``."""
    control = RatingSlider(value=value, min=low, max=high, step=step, continuous_update=False,
                                layout=wide("30em"))
    return Field(label, control, hint)


def choice(label: str, options: Sequence[str] | Sequence[tuple[str, Any]] | Picks[Any], *,
           hint: str = "", value: Any = None, buttons: bool = False) -> Field:
    """One answer from a list: a dropdown, or a row of buttons for short lists.

    A `Picks` list shows its labels and gives its keys as the value.
    """
    picks = options if isinstance(options, Picks) else None
    shown = options.options() if isinstance(options, Picks) else options
    if buttons:
        control = widgets.ToggleButtons(options=shown, value=value,
                                        style={"button_width": "auto"})
    else:
        control = widgets.Dropdown(options=shown, value=value, layout=wide())
    return Field(label, control, hint, picks=picks)


def many(label: str, options: Sequence[str] | Picks[Any], *, hint: str = "") -> Field:
    """Any number of short options, as toggle buttons."""
    control = PickMany(options)
    return Field(label, control, hint, picks=control.picks)


def checklist(label: str, options: Mapping[str, str] | Picks[Any], *, hint: str = "") -> Field:
    """Any number of sentences (keyed), as checkboxes."""
    control = PickMany(options, checkboxes=True)
    return Field(label, control, hint, picks=control.picks)


def _labels(options: Sequence[str] | Mapping[str, Any]) -> dict[str, str]:
    if isinstance(options, Picks):
        return {key: options.label(key) for key in options}
    if isinstance(options, Mapping):
        return {key: str(text) for key, text in options.items()}
    return {option: option for option in options}


def yes_no(label: str, *, hint: str = "") -> Field:
    """Yes / No, starting unanswered (``value`` is None until a button is pressed)."""
    control = widgets.ToggleButtons(options=[("Yes", True), ("No", False)], value=None,
                                    style={"button_width": "5em"})
    return Field(label, control, hint)


def tick(label: str) -> widgets.Checkbox:
    return widgets.Checkbox(value=False, description=label, indent=False, layout=wide())
