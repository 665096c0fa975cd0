"""Who uses the workbook: the person's name, a partner's profile, and what the person
calls their partner(s), checked first and then saved together. No widgets."""

from __future__ import annotations

import dataclasses

from workbook import naming, words
from workbook.models import Checks
from workbook.store import Store

__all__ = ["NAME_LIMIT", "Names", "save_profiles", "saved_names"]

NAME_LIMIT = 80


@dataclasses.dataclass(frozen=True)
class Names:
    """The person's name ("" when not given), their partner's (None: no partner profile)
    and what they call their partner(s) ("" keeps "your partner")."""

    mine: str
    partner: str | None
    called: str


def saved_names(store: Store) -> Names:
    """The names saved so far. Raises `StoreError` when the journal can't be read."""
    profiles = {p.key: p.name for p in store.profiles()}
    return Names(profiles.get(words.PROFILE_ME, ""), profiles.get(words.PROFILE_PARTNER),
                 naming.called(store, words.PROFILE_ME))


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
