"""How a form's controls map to its model's fields, both ways: `Binding.entry` builds the
entry from the controls (after the form's `clean`), `Binding.load` puts a saved entry back.

A part of `workbook.widgets.form.Form`, apart so each file holds one job.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import ipywidgets as widgets

from workbook.models import Entry, EntryInvalid
from workbook.widgets.fields import PickMany, RatingSlider


class Binding:
    """Controls named like the model's fields, read into an entry and filled from one."""

    model: type[Entry]
    fields: dict[str, Any]
    editing: Any
    row_fields: tuple[tuple[str, ...], ...]
    _spread: dict[str, tuple[str, ...]]
    _parts: dict[str, tuple[str, int]]
    _required: dict[str, str]
    _choices: dict[str, Any]
    _unrecorded: dict[str, Any]

    def clean(self, answers: dict[str, Any]) -> dict[str, Any]:
        """See `Form.clean`."""
        return answers

    def field_values(self) -> dict[str, Any]:
        """The fields' values under the names of the model's fields.

        While an entry is edited, what the form has no field for (an imported entry's
        source, say) is kept as it was.
        """
        names = [f.name for f in dataclasses.fields(self.model) if f.init]
        given = {name: _answer(field.control) for name, field in self.fields.items()
                 if name in names}
        for name, parts in self._spread.items():
            given.update(zip(parts, self.fields[name].control.value, strict=True))
        gathered: dict[str, dict[int, Any]] = {}
        for name, (whole, number) in self._parts.items():
            gathered.setdefault(whole, {})[number] = self.fields[name].control.value
        given.update({whole: tuple(items[n] for n in sorted(items))
                      for whole, items in gathered.items()})
        kept = self.editing.entry if self.editing is not None else None
        if type(kept) is not self.model:
            return given
        for name, shown in self._unrecorded.items():
            if given.get(name) == shown:
                given[name] = None
        return {**{name: getattr(kept, name) for name in names}, **given}

    def row_controls(self) -> list[list[Any]]:
        """The controls of each of ``row_fields``, in order."""
        return [[control for name in row
                 for control in (self.fields[name].control, *self.fields[name].also)]
                for row in self.row_fields]

    def entry(self) -> Entry:
        """Build the entry from the fields named like the model's fields, after `clean`;
        raises `EntryInvalid` naming every problem found."""
        if self.row_fields:
            return self.model.from_rows(  # type: ignore[attr-defined, no-any-return]
                [tuple(control.value for control in row) for row in self.row_controls()])
        answers = self.field_values()
        before = self.editing.entry if self.editing is not None else None
        if type(before) is not self.model:
            before = None
        problems = dict(self.model.written_checks(answers, before).problems)
        unchosen = {name: message for name, message in self._required.items()
                    if self.fields[name].control.value is None}
        problems.update(unchosen)
        # A tuple with an item left unchosen is explained by that item's field alone.
        covered = {self._parts[name][0] for name in unchosen if name in self._parts}
        try:
            answers = self.clean(answers)
        except EntryInvalid as invalid:
            problems.update(invalid.problems)
        try:
            entry = self.model(**answers)
        except EntryInvalid as invalid:
            found = {k: v for k, v in invalid.problems.items() if k not in covered}
            raise EntryInvalid({**found, **problems}) from None
        if problems:
            raise EntryInvalid(problems)
        return entry if before is None else entry.revised(before)

    def load(self, entry: Entry) -> None:
        """Put a saved entry's answers back into the fields of the same names (for editing).

        An answer the entry left unrecorded (None) where the control can't show "none"
        (a slider) leaves the control as it is, and stays unrecorded unless it is moved.
        """
        if self.row_fields:
            shown = entry.rows(len(self.row_fields))  # type: ignore[attr-defined]
            for controls, answers in zip(self.row_controls(), shown, strict=True):
                for control, answer in zip(controls, answers, strict=True):
                    control.value = answer
            return
        names = {f.name for f in dataclasses.fields(entry)}
        self._unrecorded = {}
        for name, field in self.fields.items():
            if name in self._parts:
                whole, number = self._parts[name]
                field.set(getattr(entry, whole)[number])
                continue
            if name in self._spread:
                field.set(tuple(getattr(entry, part) for part in self._spread[name]))
                continue
            if name not in names:
                continue
            value = getattr(entry, name)
            if name in self._choices and isinstance(field.control, widgets.Dropdown) \
                    and value not in offered(field.control):
                # Options come from the journal: one no longer there is left unchosen.
                field.control.value = None
            elif value is None and isinstance(field.control, RatingSlider):
                self._unrecorded[name] = field.control.value
            else:
                field.set(value)


def offered(control: widgets.Dropdown) -> list[Any]:
    """The values a dropdown offers now."""
    return [o[1] if isinstance(o, tuple) else o for o in control.options]


def _answer(control: Any) -> Any:
    value = control.value
    return tuple(value) if isinstance(control, PickMany) else value
