"""Locking from Start here and unlocking under 'Need help now?', driven like a person would."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from ipywidgets.widgets.widget import _instances

from workbook import messages
from workbook.exercises import start_here
from workbook.exercises.checkin import check_in
from workbook.models import CheckIn
from workbook.panels import lock_panel
from workbook.panels.help_now import need_help
from workbook.sealed import KdfSettings
from workbook.store import Store, StoreLocked, lock
from workbook.store.journal import default_store, drop_key, forget

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
    panel = lock_panel.lock_settings()
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
    panel = lock_panel.lock_settings()
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


CANARY = "CANARY-written-before-the-lock"


def plain_and_sealed_exports(journal: Path) -> tuple[list[Path], Path]:
    """A JSON export and CSV tables, an HTML report, and a sealed export, all real."""
    from workbook import report
    from workbook.export import export_all, export_locked
    from workbook.trends import Span

    store = default_store()
    store.add(CheckIn(mood=4, insecurity=7, note=CANARY))
    plain = [*export_all(store), report.write(store, span=Span.last(30))]
    sealed = export_locked(store, "export words here", kdf=FAST)
    assert all(CANARY.encode() in p.read_bytes() for p in plain[:2])
    return plain, sealed


@pytest.mark.parametrize("choice", ["remove", "keep"])
def test_plain_exports_are_listed_before_locking_and_go_or_stay_as_chosen(home, choice):
    plain, sealed = plain_and_sealed_exports(home)
    panel = lock_panel.lock_settings()
    panel.kdf = FAST
    assert panel.exports_box.layout.display == "flex"
    listed = panel.exports_listed.value
    assert all(p.name in listed for p in plain) and sealed.name not in listed
    assert "anyone who can open your files can read them" in listed
    assert panel.turn_on.disabled  # the person answers first

    panel.passphrase.value = panel.repeat.value = SECRET
    panel.turn_on.click()  # pressed anyway: nothing happens but a sentence
    assert "choose first" in panel.status.value and not lock.is_locked(home)
    assert all(p.exists() for p in plain)

    panel.exports_choice.value = choice
    assert not panel.turn_on.disabled
    panel.passphrase.value = panel.repeat.value = SECRET
    panel.turn_on.click()
    assert lock.is_locked(home), panel.status.value
    assert sealed.exists()
    assert panel.exports_box.layout.display == "none"
    files = {p: p.read_bytes() for p in home.parent.rglob("*") if p.is_file()}
    if choice == "remove":
        assert not any(p.exists() for p in plain)
        assert f"are gone ({len(plain)} files)" in panel.status.value
        assert not [p.name for p, data in files.items() if CANARY.encode() in data]
    else:
        assert all(p.exists() for p in plain)
        assert (f"You chose to keep your plain exports ({len(plain)} files in"
                in panel.status.value
                and "readable by anyone" in panel.status.value)
    assert "Your journal is locked" in panel.status.value


def test_no_exports_means_no_question_before_locking(home):
    default_store().add(CheckIn(mood=5, insecurity=5, note="no exports yet"))
    panel = lock_panel.lock_settings()
    assert panel.exports_box.layout.display == "none" and not panel.turn_on.disabled


@pytest.mark.parametrize("given", [False, True], ids=["default store", "given store"])
def test_restoring_a_locked_journal_reopens_it_with_its_key(home, given):
    default_store().add(CheckIn(mood=5, insecurity=5, note="in the backup"))
    lock_with_panel(home)
    default_store().backup(reason="copy")
    default_store().add(CheckIn(mood=5, insecurity=5, note="after the backup"))
    store = Store(home, data_key=lock.held_key(home)) if given else None
    forget(home)
    garbage = b"\x00garbage" * 512
    home.write_bytes(garbage)  # damaged while unlocked here
    for side in ("-wal", "-shm"):
        Path(f"{home}{side}").unlink(missing_ok=True)

    privacy = start_here.privacy(store=store)
    if not given:
        assert "could not be read" in privacy.status.value
        assert privacy.restore.layout.display == "flex"
    privacy.restore.click()
    assert "Restored the backup" in privacy.status.value, privacy.status.value
    assert messages.JOURNAL_LOCKED not in html.unescape(privacy.status.value)
    assert lock.is_locked(home) and nothing_plain(home)
    reopened = privacy.store
    assert reopened.locked and not reopened.closed
    assert [s.entry.note for s in reopened.entries()] == ["in the backup"]
    # Still unlocked in this kernel: a form saves without asking for the passphrase.
    form = check_in(store=reopened if given else None)
    form.mood.value, form.note.value = 6, "after the restore"
    form.save.click()
    assert "Saved" in form.status.value, form.status.value
    panel = lock_panel.lock_settings(store=reopened if given else None)
    assert "Your journal is locked" in panel.state.value
    assert len(reopened.entries()) == 2
    if given:
        reopened.close()


def nothing_plain(journal: Path) -> bool:
    """No plain journal file is left in the folder: every copy is locked or not a journal."""
    from workbook.store.copies import is_plain_copy

    return not [p.name for p in journal.parent.rglob("*.sqlite3") if is_plain_copy(p)]


def test_a_damaged_locked_journal_can_be_unlocked_and_then_restored(home):
    default_store().add(CheckIn(mood=5, insecurity=5, note="in the backup"))
    panel, _code = lock_with_panel(home)
    default_store().backup(reason="copy")
    panel.lock_now.click()
    home.write_bytes(b"\x00garbage" * 512)
    for side in ("-wal", "-shm"):
        Path(f"{home}{side}").unlink(missing_ok=True)

    prompt = need_help().unlock
    prompt.passphrase.value = SECRET
    prompt.unlock.click()
    assert "could not be read" in prompt.status.value and "Start here" in prompt.status.value
    privacy = start_here.privacy()
    assert privacy.restore.layout.display == "flex"
    privacy.restore.click()
    assert "Restored the backup" in privacy.status.value, privacy.status.value
    assert lock.is_locked(home)
    assert [s.entry.note for s in default_store().entries()] == ["in the backup"]
