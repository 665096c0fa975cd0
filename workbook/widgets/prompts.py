"""A form of written prompts (one text area each), and a check for dates still ahead."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, ClassVar

from workbook.models import Checks, Entry, EntryInvalid
from workbook.store import Saved, Store
from workbook.widgets import fields
from workbook.widgets.form import Form
from workbook.widgets.recent import RecentEntries

NO_DATE = "Please pick a date."
IN_THE_PAST = "This date has already passed. Please pick today or a later day."


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

    def entry(self) -> Entry:
        return self.model(**{name: control.value for name, control in self.answers.items()})

    def load(self, entry: Entry) -> None:
        for name, control in self.answers.items():
            control.value = getattr(entry, name)

    def after_save(self, saved: Saved) -> None:
        self.recent.refresh()


def check_date_ahead(checks: Checks, field: str, value: Any,
                     *, unchanged_from: dt.date | None = None) -> None:
    """Ask for a date that is today or later, unless it is the date already saved.

    Entries can't check this themselves: their date may pass while they are stored.
    """
    if not isinstance(value, dt.date):
        checks.require(field, False, NO_DATE)
    elif value < dt.date.today() and value != unchanged_from:
        checks.require(field, False, IN_THE_PAST)


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
