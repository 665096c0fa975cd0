"""The "I live in" choice: it starts where the person said before and remembers a change."""

from __future__ import annotations

from workbook import words
from workbook.region import REGION_SETTING
from workbook.widgets import Panel
from workbook.widgets.region import region_picker


def test_the_choice_starts_at_the_saved_region_and_saves_a_change(store):
    store.set_setting(REGION_SETTING, "NZ")
    changes = []
    picker = region_picker(Panel(store=store), lambda: changes.append(1))
    assert picker.value == "NZ" and picker.description == "I live in"
    picker.value = "IE"
    assert store.setting(REGION_SETTING) == "IE" and changes == [1]


def test_a_damaged_journal_still_offers_every_region(tmp_path, monkeypatch):
    monkeypatch.setenv("SECURE_BASE_HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir(mode=0o700)
    (tmp_path / "home" / "journal.sqlite3").write_bytes(b"\x00not a journal" * 512)
    changes = []
    picker = region_picker(Panel(), lambda: changes.append(1))
    assert picker.value == "other" and len(picker.options) == len(words.REGIONS)
    picker.value = "UK"  # the lines change even though nothing can be remembered
    assert changes == [1]
