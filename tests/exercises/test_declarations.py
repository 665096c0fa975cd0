"""Every exercise form is a declaration, with at most one hook, and exercises draw no charts.

The base `Form` brings the recent list, refreshing, errors and editing; an exercise says
what it is (fields, summaries, placed widgets) and what is special about it through one
of a few hooks (`workbook.widgets.form.HOOKS`).
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import pkgutil
from pathlib import Path

import pytest

import workbook.exercises
import workbook.panels
from workbook.widgets import Form
from workbook.widgets.declare import HOOKS, Ask, declarations

for _module in pkgutil.iter_modules(workbook.exercises.__path__):
    importlib.import_module(f"workbook.exercises.{_module.name}")

EXERCISES = Path(workbook.exercises.__file__).parent
PANELS = Path(workbook.panels.__file__).parent


def exercise_forms(cls: type[Form] = Form) -> list[type[Form]]:
    found = []
    for sub in cls.__subclasses__():
        if sub.__module__.startswith("workbook.exercises"):
            found.append(sub)
        found += exercise_forms(sub)
    return sorted(set(found), key=lambda c: c.__qualname__)


FORMS = exercise_forms()


def own_classes(form: type[Form]) -> list[type]:
    """The classes between ``form`` and the shared base in `workbook.widgets`."""
    return [k for k in form.__mro__
            if k.__module__.startswith("workbook.exercises")]


def overridden(form: type[Form]) -> set[str]:
    """The hooks ``form`` overrides; `entry` and `load` together count as one."""
    found = {hook for k in own_classes(form) for hook in HOOKS if hook in vars(k)}
    if {"entry", "load"} & found:
        found = (found - {"entry", "load"}) | {"entry/load"}
    return found


def maps_one_to_one(form: type[Form]) -> bool:
    """Whether every declared field is named like one of the model's fields."""
    names = {f.name for f in dataclasses.fields(form.model)}
    asked = [key for name, value in declarations(form) if isinstance(value, Ask)
             for key in (value.key if isinstance(value.key, tuple) else (value.key or name,))]
    return bool(asked) and all(name in names for name in asked)


def test_the_list_of_forms_is_complete():
    assert len(FORMS) == 29, [f.__qualname__ for f in FORMS]


@pytest.mark.parametrize("form", FORMS, ids=[f.__qualname__ for f in FORMS])
def test_a_form_overrides_at_most_one_hook(form):
    assert len(overridden(form)) <= 1, sorted(overridden(form))


@pytest.mark.parametrize("form", FORMS, ids=[f.__qualname__ for f in FORMS])
def test_a_form_whose_fields_map_one_to_one_builds_and_loads_its_entry_by_itself(form):
    if maps_one_to_one(form):
        assert "entry/load" not in overridden(form)


def test_most_forms_are_pure_declarations():
    pure = [f.__qualname__ for f in FORMS
            if not overridden(f) and not any("__init__" in vars(k) for k in own_classes(f))]
    assert len(pure) >= 25, pure


def test_the_hook_check_finds_an_override():
    """The checks above are only as good as `overridden`: it must see hooks."""

    class Probe(Form):
        def after_save(self, saved):  # pragma: no cover - never called
            pass

        def clean(self, answers):  # pragma: no cover - never called
            return answers

    Probe.__module__ = "workbook.exercises.probe"
    assert overridden(Probe) == {"after_save", "clean"}


def imported_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_no_exercise_module_imports_pandas_or_matplotlib():
    heavy = {f"{path.name}: {name}" for path in EXERCISES.glob("*.py")
             for name in imported_modules(path)
             if name.split(".")[0] in ("pandas", "matplotlib")}
    assert not heavy, sorted(heavy)


def test_no_panel_module_imports_pandas_or_matplotlib():
    """The workbook's own screens leave charts and frames to `charts` and `trends` too."""
    heavy = {f"{path.name}: {name}" for path in PANELS.glob("*.py")
             for name in imported_modules(path)
             if name.split(".")[0] in ("pandas", "matplotlib")}
    assert not heavy, sorted(heavy)


def test_no_exercise_module_imports_a_panel():
    """Panels may show an exercise (My journal opens an entry's form), never the reverse."""
    upward = {f"{path.name}: {name}" for path in EXERCISES.glob("*.py")
              for name in imported_modules(path)
              if name == "workbook.panels" or name.startswith("workbook.panels.")}
    assert not upward, sorted(upward)


def test_the_import_check_sees_an_import_inside_a_function(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("def draw():\n    from matplotlib.figure import Figure\n")
    assert "matplotlib.figure" in imported_modules(probe)


def test_a_kept_notebook_copy_still_finds_a_screen_by_its_old_name():
    """A person's edited copy of a notebook may import a screen from where it used to be."""
    old = importlib.import_module("workbook.exercises.progress")
    new = importlib.import_module("workbook.panels.progress")
    assert old is new
    exec("from workbook.exercises.help_now import need_help", namespace := {})
    assert namespace["need_help"] is importlib.import_module("workbook.panels.help_now").need_help
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("workbook.exercises.no_such_screen")
