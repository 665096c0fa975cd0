"""The "I live in" choice that picks which help lines show, remembered in the journal."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import ipywidgets as widgets

from workbook import words
from workbook.region import REGION_SETTING, saved_region
from workbook.store import StoreError
from workbook.widgets.panel import Panel


def region_picker(panel: Panel, on_change: Callable[[], None]) -> widgets.Dropdown:
    """An "I live in" dropdown that saves each choice in ``panel``'s store, then calls
    ``on_change``; the region saved before is chosen to start with.
    """
    try:
        start = saved_region(panel.store)
    except StoreError:  # locked, or unreadable: the lines show all the same
        start = "other"
    picker = widgets.Dropdown(options=[(v, k) for k, v in words.REGIONS.items()],
                              value=start, description="I live in",
                              style={"description_width": "initial"})

    def changed(change: dict[str, object]) -> None:
        # Remembering the region is a convenience; the lines show either way.
        with contextlib.suppress(StoreError):
            panel.store.set_setting(REGION_SETTING, str(change["new"]))
        on_change()

    picker.observe(changed, names="value")
    return picker
