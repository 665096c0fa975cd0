"""What a form class declares: fields (`Ask`), placed widgets (`Place`) and live
summaries (`summary`), collected base class first by `declared`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

import ipywidgets as widgets

from workbook.store import Saved, StoreError
from workbook.widgets import html, shared
from workbook.widgets.fields import Field

__all__ = ["HOOKS", "Ask", "Place", "Summary", "declarations", "offer_parts", "summary"]

T = TypeVar("T")

# The hooks a form may override, besides its declarations (see `workbook.widgets.form`).
HOOKS = ("clean", "after_save", "choices", "wire", "entry", "load", "profile_changed")


class Ask:
    """A field declared on a form class; each form builds its own with ``make()``.

    ``key`` names the entry's attribute when it differs from the form's; a tuple of names
    spreads the control's value (a tuple) over several attributes. ``choices(form)``
    gives options computed from the journal (refreshed when the person writing changes).
    ``follows`` names a field declared before it (by its name on the form) whose answer
    the control follows: on each change its ``follow(answer)`` is called (sliders for
    the feelings picked, say). ``initial(form)`` gives a starting answer from the
    journal; ``after`` (``before``) places the field after (before) another.
    ``required`` is the message for an answer left unchosen (None). ``part_of=(name,
    n)`` makes the answer item ``n`` of the entry's tuple ``name``, gathered from
    several fields. ``parts`` names attributes of the control that the form offers as
    its own (see `offer_parts`).
    """

    def __init__(self, make: Callable[[], Field], *, key: str | tuple[str, ...] | None = None,
                 choices: Callable[[Any], list[Any]] | None = None,
                 follows: str | None = None, after: str | None = None,
                 initial: Callable[[Any], Any] | None = None, before: str | None = None,
                 required: str | None = None, part_of: tuple[str, int] | None = None,
                 parts: tuple[str, ...] = ()):
        self.parts = parts
        self.before = before
        self.required = required
        self.part_of = part_of
        self.make = make
        self.initial = initial
        self.key = key
        self.choices = choices
        self.follows = follows
        self.after = after


class Place(Generic[T]):
    """A widget declared on a form class, shown after the field named ``after`` (after
    Save when None), built for each form by ``make(form)``; ``parts`` as for `Ask`."""

    def __init__(self, make: Callable[[Any], T], *, after: str | None = None,
                 parts: tuple[str, ...] = ()):
        self.make = make
        self.after = after
        self.parts = parts


class Summary:
    """A live summary declared with `summary`: shown under Save, refreshed after each
    save and when the person writing changes."""

    def __init__(self, show: Callable[[Any, Saved | None], Any], *, chart: bool, css: str,
                 follows: tuple[str, ...] = ()):
        self.show = show
        self.chart = chart
        self.css = css
        self.follows = follows

    def build(self) -> widgets.Widget:
        if self.chart:
            widget = widgets.Image(format="png", layout=widgets.Layout(max_width="46em"))
            widget.layout.display = "none"
        else:
            widget = shared.words()
        if self.css:
            widget.add_class(self.css)
        return widget

    def refresh(self, form: Any, widget: widgets.Widget, saved: Saved | None) -> None:
        try:
            shown = self.show(form, saved)
        except StoreError as error:
            if not self.chart:
                widget.value = html.problem(error)
            return
        if not self.chart:
            widget.value = shown or ""
        elif shown is None:
            widget.layout.display = "none"
        else:
            from workbook.charts import _style

            widget.value = _style.png(shown)
            widget.layout.display = "flex"


def summary(show: Callable[..., Any] | None = None, *, chart: bool = False,
            css: str = "", follows: tuple[str, ...] = ()) -> Any:
    """Mark a method ``show(self, saved)`` as a live summary, shown under Save in a widget
    of the method's name: HTML it returns (saved is None when nothing was just saved),
    or, with ``chart=True``, a matplotlib Figure (None hides the picture). A store
    error shows in its place. It is also redrawn as the fields named in ``follows``
    change."""
    if show is None:
        return lambda f: Summary(f, chart=chart, css=css, follows=follows)
    return Summary(show, chart=chart, css=css, follows=follows)


def declarations(cls: type) -> list[tuple[str, Any]]:
    """Declarations (`Ask`, `Place`, `Summary`) of ``cls`` and its bases, base first."""
    found: dict[str, Any] = {}
    for klass in reversed(cls.__mro__):
        for name, value in vars(klass).items():
            if isinstance(value, Ask | Place | Summary):
                found.pop(name, None)
                found[name] = value
    ordered = [(n, v) for n, v in found.items()
               if not (isinstance(v, Ask) and (v.after or v.before))]
    for name, value in found.items():
        if isinstance(value, Ask) and (value.after or value.before):
            at = next(i for i, (n, _v) in enumerate(ordered) if n in (value.after, value.before))
            ordered.insert(at + 1 if value.after else at, (name, value))
    return ordered


def offer_parts(cls: type) -> None:
    """Give ``cls`` a read-only attribute for each of the ``parts`` its own declarations
    name: ``form.ranks`` is the ``ranks`` of the control declared with
    ``parts=("ranks",)``, so a test (or a curious person) drives it like a field."""
    for name, declared in list(vars(cls).items()):
        if not isinstance(declared, Ask | Place):
            continue
        for part in declared.parts:
            setattr(cls, part, property(lambda form, n=name, p=part: getattr(getattr(form, n), p),
                                        doc=f"The {part} of {name}."))
