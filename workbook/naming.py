"""What a person calls their partner or partners, used where a prompt says "your partner".

Saved as a journal setting for each profile, so it travels with an export and goes
with everything else when the journal is deleted. Empty means the prompts keep their
own words ("your partner").
"""

from __future__ import annotations

import re

from workbook import words
from workbook.models import Checks
from workbook.store import Store, StoreError

__all__ = ["CALLED_LIMIT", "called", "for_partner", "remember_called"]

CALLED_LIMIT = 80

# "your partner", "my partner", "your partners", "your partner(s)", any of them capitalised.
_PARTNER = re.compile(r"\b(?:[Yy]our|[Mm]y) partner(?:\(s\)|s\b|\b)")


def _setting(profile: str) -> str:
    return f"{words.PARTNER_CALLED_SETTING}:{profile}"


def called(store: Store, profile: str) -> str:
    """What ``profile`` calls their partner(s), or "" when unsaid or unreadable (locked)."""
    try:
        return store.setting(_setting(profile)) or ""
    except StoreError:
        return ""


def remember_called(store: Store, profile: str, value: str) -> str:
    """Save what ``profile`` calls their partner(s); an empty answer forgets it.

    Returns the saved words. Raises `EntryInvalid` for an answer that is too long, on
    more than one line, or has a character that can't be kept; `StoreError` if the
    journal can't be written.
    """
    checks = Checks()
    checks.text("partner_called", value, limit=CALLED_LIMIT)
    checks.require("partner_called", "\n" not in value and "\r" not in value,
                   "Please keep this to one line.")
    checks.done()
    value = " ".join(value.split())
    if value:
        store.set_setting(_setting(profile), value)
    else:
        store.forget_setting(_setting(profile))
    return value


def for_partner(text: str, name: str) -> str:
    """``text`` with "your partner" (and "my partner", "your partner(s)") in it replaced by
    ``name``; unchanged when ``name`` is empty. ``name`` goes in exactly as given, so
    escape it first when ``text`` is HTML."""
    if not name:
        return text
    return _PARTNER.sub(lambda _match: name, text)
