"""Where the person lives, as far as the help lines go: remembered in the journal."""

from __future__ import annotations

from workbook import words
from workbook.store import Store, StoreError

REGION_SETTING = "region"


def saved_region(store: Store) -> str:
    """The region the person chose before, or 'other'."""
    try:
        region = store.setting(REGION_SETTING)
    except StoreError:
        region = None
    return region if region in words.REGIONS else "other"
