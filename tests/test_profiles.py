"""Saving who uses the workbook, without any widget."""

from __future__ import annotations

import pytest

from workbook import naming
from workbook.models import CheckIn, EntryInvalid
from workbook.profiles import Names, save_profiles, saved_names


def saved(store) -> list[tuple[str, str]]:
    return [(p.key, p.name) for p in store.profiles()]


def test_names_and_a_partner_are_saved_and_the_partner_removed_again(store):
    called = save_profiles(store, my_name=" Alex ", partner_name="Sam", with_partner=True,
                           partner_called="  Sam   and  Jo ")
    assert called == "Sam and Jo" and naming.called(store, "me") == "Sam and Jo"
    assert saved(store) == [("me", "Alex"), ("partner", "Sam")]
    save_profiles(store, my_name="Alex", partner_name="Sam", with_partner=False,
                  partner_called="")
    assert saved(store) == [("me", "Alex")] and naming.called(store, "me") == ""


def test_a_problem_in_any_answer_saves_nothing(store):
    with pytest.raises(EntryInvalid) as too_long:
        save_profiles(store, my_name="Robin", partner_name="x" * 81, with_partner=True,
                      partner_called="Sam")
    assert set(too_long.value.problems) == {"partner_name"}
    with pytest.raises(EntryInvalid) as two_lines:
        save_profiles(store, my_name="Robin", partner_name="", with_partner=False,
                      partner_called="Sam\nJo")
    assert set(two_lines.value.problems) == {"partner_called"}
    assert saved(store) == [("me", "")] and naming.called(store, "me") == ""


def test_a_partner_profile_with_entries_stays(store):
    store.add(CheckIn(mood=5, insecurity=5), profile="partner")
    with pytest.raises(ValueError, match="still has entries"):
        save_profiles(store, my_name="Alex", partner_name="", with_partner=False,
                      partner_called="")
    assert ("partner", "") in saved(store) and ("me", "Alex") in saved(store)


def test_the_names_saved_are_read_back(store):
    assert saved_names(store) == Names("", None, "")
    save_profiles(store, my_name="Alex", partner_name="", with_partner=True,
                  partner_called="Sam")
    assert saved_names(store) == Names("Alex", "", "Sam")
