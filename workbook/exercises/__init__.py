"""One module per strategy (and Start here); each offers one call per exercise.

The workbook's own screens (home, my journal, progress, sharing, the lock, help) are in
`workbook.panels`; they may show an exercise, and no exercise imports them.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
import types

# Screens that were modules of this package before they moved to `workbook.panels`. A
# person's own copy of a notebook, kept because they changed it, may still import them
# from here: the old name gives the same module as the new one.
MOVED = frozenset({"bring_history", "help_now", "home", "journal", "lock_panel", "progress",
                   "share", "unlock"})


class _MovedScreens(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, fullname: str, path: object = None,
                  target: object = None) -> importlib.machinery.ModuleSpec | None:
        package, _, name = fullname.rpartition(".")
        if package != __name__ or name not in MOVED:
            return None
        return importlib.util.spec_from_loader(fullname, self)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        return importlib.import_module(f"workbook.panels.{spec.name.rpartition('.')[2]}")

    def exec_module(self, module: types.ModuleType) -> None:
        """The module was run when it was imported by its new name."""


if not any(isinstance(finder, _MovedScreens) for finder in sys.meta_path):
    sys.meta_path.append(_MovedScreens())
