"""Entries as plain data: one module per area, each kind registered by its ``KIND``.

Every module in this package is imported here, so a new kind only needs a module.
"""

from __future__ import annotations

import importlib
import pkgutil

from workbook.models.base import KINDS, Checks, Entry, EntryInvalid, UnreadableData
from workbook.models.checkin import CheckIn, InsecuritySnapshot

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")

__all__ = ["KINDS", "CheckIn", "Checks", "Entry", "EntryInvalid", "InsecuritySnapshot",
           "UnreadableData"]
