"""Locking from Start here and unlocking under 'Need help now?', driven like a person would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ipywidgets.widgets.widget import _instances

from workbook.exercises import lock_panel, start_here
from workbook.exercises.checkin import check_in
from workbook.exercises.support import need_help
from workbook.models import CheckIn
from workbook.sealed import KdfSettings
from workbook.store import Store, StoreLocked, lock
from workbook.store.journal import default_store, drop_key

FAST = KdfSettings(time_cost=1, memory_kib=8 * 1024, parallelism=1)
SECRET = "lantern meadow ribbon"


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("SECURE_BASE_HOME", str(tmp_path / "home"))
    journal = tmp_path / "home" / "journal.sqlite3"
    yield journal
    drop_key(journal)


def widget_state_text() -> str:
    """Everything every live widget would put into saved widget state."""
    return json.dumps([w.get_state() for w in list(_instances.values())], default=str)


def lock_with_panel(journal: Path) -> tuple[lock_panel.LockPanel, str]:
    panel = start_here.lock_settings()
    panel.kdf = FAST
    panel.passphrase.value = panel.repeat.value = SECRET
    panel.turn_on.click()
    assert lock.is_locked(journal), panel.status.value
    code = panel.code_shown.value.split("<code")[1].split(">")[1].split("<")[0]
    return panel, code


def test_locking_in_start_here_shows_a_recovery_code_once_and_clears_every_field(home):
    default_store().add(CheckIn(mood=5, insecurity=5, note="written before the lock"))
    panel, code = lock_with_panel(home)
    assert "Your journal is locked" in panel.status.value
    assert "SSD" in panel.status.value
    assert "nobody can open the journal" in panel.code_shown.value
    assert panel.passphrase.value == panel.repeat.value == ""
    assert len(code) == 29
    # Still unlocked in this kernel: forms keep working.
    assert [s.entry.note for s in default_store().entries()] == ["written before the lock"]
    panel.written_down.click()
    assert code not in panel.code_shown.value
    state = widget_state_text()
    assert SECRET not in state and code not in state
    assert panel.lock_now.layout.display != "none"


def test_a_mismatched_or_short_passphrase_locks_nothing(home):
    panel = start_here.lock_settings()
    panel.kdf = FAST
    panel.passphrase.value, panel.repeat.value = SECRET, SECRET + "x"
    panel.turn_on.click()
    assert "not the same" in panel.status.value
    panel.passphrase.value = panel.repeat.value = "short"
    panel.turn_on.click()
    assert "at least 8" in panel.status.value
    assert not lock.is_locked(home)
    assert panel.passphrase.value == panel.repeat.value == ""


def test_need_help_asks_for_the_passphrase_while_locked_and_forms_wait_kindly(home):
    panel, _code = lock_with_panel(home)
    panel.lock_now.click()
    with pytest.raises(StoreLocked):
        default_store()
    form = check_in()
    form.mood.value, form.note.value = 3, "typed while locked"
    form.save.click()
    assert "locked" in form.status.value and "Traceback" not in form.status.value
    assert form.note.value == "typed while locked"

    help_now = need_help()
    prompt = help_now.unlock
    assert prompt.root.layout.display == "flex" and prompt.ask.layout.display == "flex"
    prompt.passphrase.value = "not my passphrase"
    prompt.unlock.click()
    assert "does not open" in prompt.status.value
    assert prompt.passphrase.value == ""
    prompt.passphrase.value = SECRET
    prompt.unlock.click()
    assert "Unlocked" in prompt.status.value
    assert prompt.passphrase.value == "" and prompt.ask.layout.display == "none"
    assert SECRET not in widget_state_text()

    form.save.click()  # the same form, built while locked, saves once unlocked
    assert "Saved" in form.status.value
    assert [s.entry.note for s in default_store().entries()] == ["typed while locked"]
    prompt.lock_now.click()
    with pytest.raises(StoreLocked):
        default_store()
    assert prompt.ask.layout.display == "flex"


def test_need_help_shows_no_prompt_for_a_plain_journal(home):
    assert need_help().unlock.root.layout.display == "none"


def test_change_recover_export_and_remove_from_start_here(home):
    default_store().add(CheckIn(mood=5, insecurity=5, note="kept all along"))
    panel, code = lock_with_panel(home)
    panel.passphrase.value = "wrong guess here"
    panel.new_passphrase.value = panel.repeat.value = "second secret words"
    panel.change.click()
    assert "does not open" in panel.status.value
    panel.passphrase.value = SECRET
    panel.new_passphrase.value = panel.repeat.value = "second secret words"
    panel.change.click()
    assert "passphrase is changed" in panel.status.value
    panel.recovery_code.value = code
    panel.new_passphrase.value = panel.repeat.value = "third secret words"
    panel.recover.click()
    assert "new passphrase" in panel.status.value and code not in panel.code_shown.value
    panel.written_down.click()

    panel.passphrase.value = "third secret words"
    panel.export_locked.click()
    sealed = sorted(default_store().exports_dir.glob("*.locked.json"))
    assert len(sealed) == 1 and "kept all along" not in sealed[0].read_text()
    other = Store(home.parent / "other" / "journal.sqlite3")
    assert other.import_json(sealed[0], "third secret words") == 1
    other.close()

    panel.passphrase.value = "third secret words"
    panel.remove.click()
    assert "lock is removed" in panel.status.value, panel.status.value
    assert not lock.is_locked(home)
    with Store(home) as plain:
        assert [s.entry.note for s in plain.entries()] == ["kept all along"]
    state = widget_state_text()
    assert all(secret not in state for secret in
               (SECRET, "second secret words", "third secret words", code))


def test_exports_from_a_locked_journal_say_the_file_is_not_locked(home):
    lock_with_panel(home)
    privacy = start_here.privacy()
    privacy.export.click()
    assert "not: anyone who opens it can read it" in privacy.status.value
