"""A form of written prompts: one text area per entry field, declared from a list."""

from __future__ import annotations

from typing import Any, ClassVar

from workbook.widgets import ask
from workbook.widgets.form import Form


class PromptsForm(Form):
    """Answers in the person's own words to ``prompts``, one per entry field.

    ``prompts`` holds (field name, label, hint) triples, each declared as a text area
    of ``lines`` lines under its field name.
    """

    prompts: ClassVar[tuple[tuple[str, str, str], ...]] = ()
    lines: ClassVar[int] = 3

    def __init_subclass__(cls, **options: Any):
        super().__init_subclass__(**options)
        for name, label, hint in vars(cls).get("prompts", ()):
            if hasattr(Form, name):
                raise TypeError(f"prompt name {name!r} is taken by the form itself")
            setattr(cls, name, ask.text(label, hint=hint, lines=cls.lines))
