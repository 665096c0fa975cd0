"""What the safety check remembers: only whether it last pointed to fear of a partner,
so the plan for safety in a relationship can be offered where plans are."""

from __future__ import annotations

from workbook import words
from workbook.store import Store, StoreError


def partner_fear(store: Store) -> bool:
    """Whether the safety check last pointed to fear of a partner (False if unknown)."""
    try:
        return store.setting(words.PARTNER_SAFETY_SETTING) == "yes"
    except StoreError:
        return False


def remember_partner_fear(store: Store, fear: bool) -> None:
    """Remember only whether the safety check pointed to fear of a partner.

    Raises `StoreError` when the journal can't be written.
    """
    store.set_setting(words.PARTNER_SAFETY_SETTING, "yes" if fear else "no")
