"""Every form in the workbook, tried with the awkward input people really type.

Each answer is either stored exactly as typed or gets a message next to its
field with nothing stored; never a traceback, never a silent change.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import pkgutil
import re
from pathlib import Path

import ipywidgets as widgets
import pytest

import workbook.exercises
from workbook import messages
from workbook.models import KINDS
from workbook.models.values import SharedGoal, ValuesSort
from workbook.widgets import Form
from workbook.widgets.fields import PickMany, RatingSlider

for _module in pkgutil.iter_modules(workbook.exercises.__path__):
    importlib.import_module(f"workbook.exercises.{_module.name}")


def all_forms(cls=Form) -> list[type[Form]]:
    found = []
    for sub in cls.__subclasses__():
        if sub.__module__.startswith("workbook.exercises"):
            found.append(sub)
        found += all_forms(sub)
    return sorted(set(found), key=lambda c: c.__qualname__)


FORMS = all_forms()
AWKWARD = [
    "NA", "None", "null", "n/a", "nan", "  spaced  ", "line one\r\nline two",
    "שלום, מה שלומך?", "مرحبا", "emoji 👋🏽🌧️‍", "<img src=x onerror=alert(1)>",
    "tab\tseparated", "quote \" and ' and \\",
]
REJECTED = ["half \udc80 a pair", "nul \x00 inside"]


def fill_valid(form: Form) -> None:
    """Answer every field with something acceptable."""
    for field in form.fields.values():
        control = field.control
        if isinstance(control, widgets.Text | widgets.Textarea):
            control.value = "a few words"
        elif isinstance(control, widgets.ToggleButtons | widgets.Dropdown | widgets.RadioButtons):
            if control.value is None and control.options:
                first = control.options[0]
                control.value = first[1] if isinstance(first, tuple) else first
        elif isinstance(control, widgets.DatePicker) and control.value is None:
            control.value = dt.date.today()
        elif isinstance(control, PickMany) and not control.value and control.options:
            control.value = control.options[:1]


def holds(value: object, text: str) -> bool:
    """Whether ``text`` is one of the answers, exactly, anywhere in the entry's data."""
    if isinstance(value, dict):
        return any(holds(v, text) for v in value.values())
    if isinstance(value, list):
        return any(holds(v, text) for v in value)
    return value == text


def stored(store) -> list[str]:
    return [json.dumps(s.entry.to_data(), ensure_ascii=False) for s in store.entries()]


def text_controls(form: Form):
    return [(name, f.control) for name, f in form.fields.items()
            if isinstance(f.control, widgets.Text | widgets.Textarea)]


def rating_controls(form: Form):
    return [(name, f.control) for name, f in form.fields.items()
            if isinstance(f.control, RatingSlider)]


# Forms that work on an earlier entry (a goal's progress needs the goal) get one first.
EARLIER_ENTRIES = {
    "LivingValuesForm": ValuesSort(very_important=("trust", "fun"), top_five=("trust",)),
    "GoalProgressForm": SharedGoal(goal="g", value="fun", first_step="s",
                                   target_date=dt.date(2026, 1, 1)),
}


@pytest.fixture(params=FORMS, ids=[f.__qualname__ for f in FORMS])
def form(request, store):
    earlier = EARLIER_ENTRIES.get(request.param.__qualname__)
    if earlier is not None:
        store.add(earlier)
    return request.param(store=store)


def test_every_kind_has_a_form_to_try():
    # Statements for therapy are written with the shared statement builder.
    assert {f.model.KIND for f in FORMS} == set(KINDS) - {"therapy_statement"}


def test_a_valid_form_saves_once_even_when_save_is_pressed_twice(form, store):
    fill_valid(form)
    form.save.click()
    form.save.click()
    assert "Saved at" in form.status.value or "already saved" in form.status.value, \
        form.status.value
    assert len(store.entries(form.model.KIND)) == 1


def test_awkward_text_is_stored_exactly_or_explained(form, store):
    for name, control in text_controls(form):
        for text in AWKWARD:
            fill_valid(form)
            before = stored(store)
            control.value = text
            form.save.click()
            status = form.status.value
            assert messages.UNEXPECTED[:20] not in status
            if "Saved at" in status:
                assert len(stored(store)) == len(before) + 1
                saved = store.entries()[0].entry.to_data()
                assert holds(saved, text), f"{name}: {text!r} was changed on the way in"
            else:
                assert form.fields[name].message.value or "already saved" in status, \
                    f"{name}: {text!r} gave no message"
                assert stored(store) == before


def test_unstorable_and_over_long_text_gets_a_message_by_the_field(form, store):
    for name, control in text_controls(form):
        for text in [*REJECTED, "x" * 20_001]:
            fill_valid(form)
            before = stored(store)
            control.value = text
            form.save.click()
            assert form.fields[name].message.value, f"{name}: {text[:20]!r} gave no message"
            assert control.value == text  # what was typed is kept
            assert stored(store) == before


def test_the_rating_checks_reach_every_rating_field(store):
    """The check below is only as good as rating_controls: it must find the sliders."""
    found = {f.__qualname__: len(rating_controls(f(store=store))) for f in FORMS
             if f.__qualname__ not in EARLIER_ENTRIES}
    assert found["CheckInForm"] == 2
    assert sum(found.values()) >= 8, found


def test_out_of_range_ratings_get_a_message_by_the_field(form, store):
    for name, control in rating_controls(form):
        for value in (control.min - 1, control.max + 1):
            fill_valid(form)
            default = control.value
            control.value = value
            form.save.click()
            assert form.fields[name].message.value, f"{name}={value} gave no message"
            assert store.entries(form.model.KIND) == []
            control.value = default


def test_pick_lists_reject_unknown_choices(form, store):
    for name, field in form.fields.items():
        if isinstance(field.control, PickMany):
            fill_valid(form)
            field.control.value = ("not on the list",)
            form.save.click()
            assert field.message.value, f"{name} accepted an unknown choice"
            field.control.value = ()


def test_typed_words_reach_the_kernel_in_one_message_when_the_box_is_left(store):
    """A Save pressed right after typing must read every keystroke (see fields.line)."""
    boxes = [(form.__qualname__, name) for form in FORMS
             if form.__qualname__ not in EARLIER_ENTRIES
             for name, control in text_controls(form(store=store))
             if control.continuous_update]
    assert not boxes, boxes
    # Every text box in the workbook is made by fields.line / area / suggest / secret.
    root = Path(workbook.exercises.__file__).parents[1]
    made_raw = [f"{path.relative_to(root)}:{number}"
                for path in root.rglob("*.py") if path.name != "fields.py"
                for number, line in enumerate(path.read_text().splitlines(), 1)
                if re.search(r"widgets\.(Text|Textarea|Password|Combobox)\(", line)]
    assert not made_raw, made_raw
