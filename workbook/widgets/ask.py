"""Fields declared on a form class: ``mood = ask.rating("Mood right now", 1, 10, value=5)``.

Each function takes the arguments of its namesake in `workbook.widgets.fields` (plus
``key=`` when the entry's attribute is named differently) and gives an `Ask` that the
form builds afresh for each form it makes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from workbook import words
from workbook.widgets import fields
from workbook.widgets.declare import Ask
from workbook.widgets.fields import Field
from workbook.words import Picks

__all__ = ["Ask", "checklist", "choice", "control", "many", "rating", "text", "yes_no"]


def _declare(make: Callable[..., Field]) -> Callable[..., Ask]:
    def declare(*args: Any, key: str | None = None, **kwargs: Any) -> Ask:
        named = {index: _list_name(arg) for index, arg in enumerate(args)}

        def build() -> Field:
            # A pick list is read again when each form is made, as the form used to read
            # it: a list reworded since the class was made (an update, a test) is the one
            # offered, and an answer no longer on it is marked so.
            now = [getattr(words, named[i]) if named[i] else arg for i, arg in enumerate(args)]
            return make(*now, **kwargs)

        return Ask(build, key=key, choices=kwargs.pop("choices", None),
                   after=kwargs.pop("after", None), initial=kwargs.pop("initial", None),
                   before=kwargs.pop("before", None), required=kwargs.pop("required", None),
                   part_of=kwargs.pop("part_of", None))

    declare.__doc__ = f"Declare a field made by `fields.{make.__name__}`."
    declare.__name__ = make.__name__
    return declare


def _list_name(value: Any) -> str | None:
    """The name a pick list of `workbook.words` goes by there (None for anything else)."""
    if not isinstance(value, Picks):
        return None
    return next((name for name, item in vars(words).items() if item is value), None)


text = _declare(fields.text)
rating = _declare(fields.rating)
choice = _declare(fields.choice)
many = _declare(fields.many)
checklist = _declare(fields.checklist)
yes_no = _declare(fields.yes_no)


def control(label: str, make: Callable[[], widgets.Widget], hint: str = "", *,
            key: str | None = None, choices: Callable[[Any], list[Any]] | None = None,
            follows: str | None = None, after: str | None = None, parts: tuple[str, ...] = (),
            **options: Any) -> Ask:
    """Declare a field around a control of the form's own, made by ``make()`` (a control
    whose ``value`` is the entry's answer); see `Ask` for ``choices``, ``follows`` and
    ``parts``."""
    return Ask(lambda: Field(label, make(), hint, **options), key=key, choices=choices,
               follows=follows, after=after, parts=parts)
