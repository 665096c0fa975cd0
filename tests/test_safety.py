"""What the safety check remembers about fear of a partner: one yes or no, nothing else."""

from __future__ import annotations

from workbook import words
from workbook.safety import partner_fear, remember_partner_fear


def test_fear_of_a_partner_is_unknown_until_remembered_then_follows_the_last_check(store):
    assert partner_fear(store) is False
    remember_partner_fear(store, True)
    assert partner_fear(store) is True
    assert store.setting(words.PARTNER_SAFETY_SETTING) == "yes"
    remember_partner_fear(store, False)
    assert partner_fear(store) is False

