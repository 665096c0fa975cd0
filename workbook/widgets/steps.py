"""Pieces the panels share beyond `Panel`: a step whose failure is shown at its answer,
and the style of a description as wide as its words."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from workbook.store import StoreError
from workbook.widgets.fields import Field
from workbook.widgets.panel import Panel

T = TypeVar("T")

# A description as wide as its words, never cut short.
WIDE_LABEL = {"description_width": "initial"}


def attempt(panel: Panel, action: Callable[[], T], **answers: Field) -> T | None:
    """Run ``action`` and give what it returns, after clearing the messages under
    ``answers`` (keyed as store errors name them in ``error.field``).

    A store error is shown next to the answer it names (if any) and in the panel's status
    line, and gives None.
    """
    for field in answers.values():
        field.clear()
    try:
        return action()
    except StoreError as error:
        field = answers.get(getattr(error, "field", ""))
        if field is not None:
            field.show(error.message)
        panel.say(error.message, "error")
        return None
