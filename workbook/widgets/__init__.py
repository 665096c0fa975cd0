"""The parts every exercise is built from: fields, a form with one Save, recent entries."""

from __future__ import annotations

from workbook.widgets import ask
from workbook.widgets.declare import Place, summary
from workbook.widgets.fields import Field, PickMany
from workbook.widgets.form import Form
from workbook.widgets.panel import Panel
from workbook.widgets.recent import RecentEntries

__all__ = ["Field", "Form", "Panel", "PickMany", "Place", "RecentEntries", "ask", "summary"]
