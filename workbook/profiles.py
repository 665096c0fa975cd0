"""Who uses the workbook: the person's name, a partner's profile, and what the person
calls their partner(s), checked first and then saved together. No widgets."""

from __future__ import annotations

from workbook import naming, words
from workbook.models import Checks
from workbook.store import Store

__all__ = ["NAME_LIMIT", "save_profiles"]

NAME_LIMIT = 80


def save_profiles(store: Store, *, my_name: str, partner_name: str, with_partner: bool,
                  partner_called: str) -> str:
    """Save the names (spaces around them dropped) and what the person calls their partner.

    With ``with_partner`` the partner profile is made or renamed; without it, an existing
    one is removed. Returns the words kept for ``partner_called`` (on one line).

    Raises `EntryInvalid` (problems under "my_name", "partner_name" or "partner_called")
    before anything is saved; `ValueError` when the partner profile has entries and so
    stays (the rest is saved); `StoreError` when the journal can't be written.
    """
    checks = Checks()
    checks.text("my_name", my_name, limit=NAME_LIMIT)
    checks.text("partner_name", partner_name, limit=NAME_LIMIT)
    checks.done()
    called = naming.remember_called(store, words.PROFILE_ME, partner_called)
    store.set_profile(words.PROFILE_ME, my_name.strip())
    if with_partner:
        store.set_profile(words.PROFILE_PARTNER, partner_name.strip())
    elif any(p.key == words.PROFILE_PARTNER for p in store.profiles()):
        store.remove_profile(words.PROFILE_PARTNER)
    return called
