"""A form of written prompts (one text area each), and building an entry after extra checks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from workbook.models import Checks, Entry, EntryInvalid
from workbook.store import Store
from workbook.widgets import fields
from workbook.widgets.form import Form
from workbook.widgets.recent import RecentEntries


class PromptsForm(Form):
    """Answers in the person's own words to ``prompts``, one per entry field.

    ``prompts`` holds (field name, label, hint) triples; each text area is also an
    attribute of the form under its field name, and recent entries follow Save.
    """

    prompts: ClassVar[tuple[tuple[str, str, str], ...]] = ()
    lines: ClassVar[int] = 3

    def __init__(self, *, store: Store | None = None, profile: str | None = None):
        super().__init__(store=store, profile=profile)
        self.answers = {}
        for name, label, hint in self.prompts:
            if hasattr(self, name):
                raise TypeError(f"prompt name {name!r} is taken by the form itself")
            control = self.field(name, fields.text(label, hint=hint, lines=self.lines))
            self.answers[name] = control
            setattr(self, name, control)
        self.recent = RecentEntries(self.model.KIND, form=self, limit=3)
        self.layout(self.recent.root)


def build_checked(checks: Checks, make: Callable[[], Entry]) -> Any:
    """``make()`` an entry, reporting its problems together with those already in ``checks``.

    Raises `EntryInvalid` naming every problem found.
    """
    try:
        entry = make()
    except EntryInvalid as invalid:
        raise EntryInvalid({**invalid.problems, **checks.problems}) from None
    checks.done()
    return entry
