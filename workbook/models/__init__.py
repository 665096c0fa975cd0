"""Entries as plain data: one module per area, each kind registered by its ``KIND``."""

from __future__ import annotations

from workbook.models.base import KINDS, Checks, Entry, EntryInvalid
from workbook.models.checkin import CheckIn, InsecuritySnapshot

__all__ = ["KINDS", "CheckIn", "Checks", "Entry", "EntryInvalid", "InsecuritySnapshot"]
