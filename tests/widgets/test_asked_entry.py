"""A page of the app opened by Edit in My journal (``?edit=<id>``), run cell by cell in a
real IPython shell as Voilà runs it: the note at the top, the entry handed to the page's
form of its kind once built, a Save that changes it in place, and a kind sentence with
every form empty for anything else."""

from __future__ import annotations

import pytest
from IPython.core.interactiveshell import InteractiveShell
from traitlets.config import Config

from workbook import messages, share, words
from workbook.models import CheckIn
from workbook.models.reframe import QuickThoughtCheck
from workbook.store import Store
from workbook.widgets import asked_entry

PAGE = "/voila/render/00_start_here.ipynb"


@pytest.fixture
def journal(tmp_path, monkeypatch):
    monkeypatch.setenv("SECURE_BASE_HOME", str(tmp_path / "home"))
    from workbook.store import default_store

    return default_store()


@pytest.fixture
def shell(tmp_path_factory, monkeypatch):
    monkeypatch.setattr(asked_entry, "_asked", None)
    config = Config()
    config.HistoryManager.enabled = False
    shell = InteractiveShell.instance(
        config=config, ipython_dir=str(tmp_path_factory.mktemp("ipython")))
    yield shell
    if asked_entry._after_cell in shell.events.callbacks["post_run_cell"]:
        shell.events.unregister("post_run_cell", asked_entry._after_cell)


def _open_page(shell, monkeypatch, query: str, *, page: str = PAGE, app: bool = True):
    """Run 00's cells as the app does: app_ready first, then the snapshot and check-in."""
    if app:
        monkeypatch.setenv("VOILA_BASE_URL", "/")
    else:
        monkeypatch.delenv("VOILA_BASE_URL", raising=False)
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    monkeypatch.setenv("QUERY_STRING", query)
    monkeypatch.setenv("SCRIPT_NAME", page)
    for cell in ("import workbook\nworkbook.app_ready()",
                 "from workbook.exercises import start_here\n"
                 "snapshot = start_here.insecurity_snapshot()",
                 "from workbook.exercises import checkin\nform = checkin.check_in()"):
        result = shell.run_cell(cell)
        assert result.success, result.error_in_exec
    return shell.user_ns["form"], shell.user_ns["snapshot"], asked_entry._asked


def _text(widget) -> str:
    import html
    import re

    return html.unescape(re.sub(r"<[^>]+>", "", widget.value))


def _empty(form) -> bool:
    return form.editing is None and form.note.value == ""


def test_the_check_in_opens_loaded_in_its_form_and_saves_in_place(shell, journal,
                                                                   monkeypatch):
    saved = journal.add(CheckIn(mood=4, insecurity=6, note="walked to the harbour"))
    form, snapshot, asked = _open_page(shell, monkeypatch, f"edit={saved.id}")
    assert "Your entry “Daily check-in” from" in _text(asked.status)
    assert "09_my_journal.ipynb" in asked.root.children[-1].value
    assert asked.form is form and snapshot.editing is None
    assert form.editing == saved and form.note.value == "walked to the harbour"
    assert form.save.description == "Save changes"
    assert "Editing your entry from" in _text(form.status)
    assert "Back to My journal" in form.root.children[0].value
    form.note.value = "walked to the lighthouse"
    form.save.click()
    assert journal.get(saved.id).entry.note == "walked to the lighthouse"
    assert len(journal.entries("checkin")) == 1
    assert messages.ASKED_SAVED in _text(asked.status)
    # Handed over once: the hook is gone, a later cell changes nothing.
    assert asked_entry._after_cell not in shell.events.callbacks["post_run_cell"]


@pytest.mark.parametrize("query, said", [
    ("edit=abc", messages.ASKED_NOT_AN_ENTRY),
    ("edit=-3", messages.ASKED_NOT_AN_ENTRY),
    ("edit=1&edit=2", messages.ASKED_NOT_AN_ENTRY),
    ("edit=987654321", messages.ASKED_GONE),
])
def test_garbage_or_an_unknown_id_gives_a_kind_sentence_and_empty_forms(
        shell, journal, monkeypatch, query, said):
    journal.add(CheckIn(mood=4, insecurity=6, note="walked to the harbour"))
    form, snapshot, asked = _open_page(shell, monkeypatch, query)
    assert _text(asked.status) == said and "sb-error" not in asked.status.value
    assert _empty(form) and snapshot.editing is None


def test_a_deleted_a_partners_or_another_pages_entry_is_not_opened(shell, journal,
                                                                    monkeypatch):
    gone = journal.add(CheckIn(mood=4, insecurity=6, note="gone"))
    other = journal.add(QuickThoughtCheck(thought="they are late", trap="mind_reading",
                                          alternative="traffic"))
    journal.set_profile(words.PROFILE_PARTNER, "Sam")
    with journal.batch(share.BATCH_KIND, "their share file") as batch:
        batch.add(CheckIn(mood=6, insecurity=2, note="from Sam"), profile=words.PROFILE_PARTNER)
    theirs = journal.entries("checkin")[0]
    journal.delete(gone.id)
    for entry_id, said in ((gone.id, messages.ASKED_GONE), (theirs.id, messages.ASKED_RECEIVED),
                           (other.id, messages.ASKED_ELSEWHERE)):
        asked_entry._asked = None
        form, _snapshot, asked = _open_page(shell, monkeypatch, f"edit={entry_id}")
        assert _text(asked.status) == said
        assert _empty(form)


def test_outside_the_app_the_address_is_not_read(shell, journal, monkeypatch):
    saved = journal.add(CheckIn(mood=4, insecurity=6, note="walked to the harbour"))
    form, _snapshot, asked = _open_page(shell, monkeypatch, f"edit={saved.id}", app=False)
    assert asked is None and _empty(form)


def test_a_partners_own_entry_opens_under_their_name(shell, journal, monkeypatch):
    journal.set_profile(words.PROFILE_PARTNER, "Sam")
    theirs = journal.add(CheckIn(mood=6, insecurity=2, note="Sam's day"),
                         profile=words.PROFILE_PARTNER)
    form, _snapshot, _asked = _open_page(shell, monkeypatch, f"edit={theirs.id}")
    assert form.profile == words.PROFILE_PARTNER and form.who.value == words.PROFILE_PARTNER
    assert form.editing == theirs and form.note.value == "Sam's day"


def test_a_locked_journal_says_so_and_opens_the_entry_once_unlocked(tmp_path, shell,
                                                                     monkeypatch):
    from workbook.sealed import KdfSettings
    from workbook.store import default_path, lock

    monkeypatch.setenv("SECURE_BASE_HOME", str(tmp_path / "home"))
    path = default_path()
    with Store(path) as plain:
        saved = plain.add(CheckIn(mood=4, insecurity=6, note="walked to the harbour"))
    lock.lock(path, "river stone quiet lamp",
              kdf=KdfSettings(time_cost=1, memory_kib=8 * 1024, parallelism=1))
    lock.lock_now(path)
    try:
        form, _snapshot, asked = _open_page(shell, monkeypatch, f"edit={saved.id}")
        assert "locked" in _text(asked.status) and messages.ASKED_TRY_AGAIN in _text(asked.status)
        assert asked.try_again.layout.display != "none" and _empty(form)
        assert asked_entry._after_cell in shell.events.callbacks["post_run_cell"]
        lock.unlock(path, "river stone quiet lamp")
        asked.try_again.click()
        assert asked.form is form and form.editing.id == saved.id
        assert form.note.value == "walked to the harbour"
        assert asked.try_again.layout.display == "none"
        assert "Your entry “Daily check-in” from" in _text(asked.status)
    finally:
        lock.lock_now(path)


def test_a_safety_plan_opens_in_the_plans_shown_on_07_not_in_need_help(shell, journal,
                                                                         monkeypatch):
    from workbook.models.safety_plan import SafetyPlan

    saved = journal.add(SafetyPlan(warning_signs="I stop eating"))
    monkeypatch.setenv("VOILA_BASE_URL", "/")
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    monkeypatch.setenv("QUERY_STRING", f"edit={saved.id}")
    monkeypatch.setenv("SCRIPT_NAME", "/voila/render/07_seek_professional_help.ipynb")
    # 07's cells, as the app runs them: "Need help now?" first, the plans last.
    for cell in ("import workbook\nfrom workbook.panels.help_now import need_help\n"
                 "workbook.app_ready()\nhelp_now = need_help()",
                 "from workbook.exercises import professional_help\n"
                 "check = professional_help.safety_check()",
                 "from workbook.exercises import safety_plan\nplans = safety_plan.safety_plans()"):
        result = shell.run_cell(cell)
        assert result.success, result.error_in_exec
    asked, plans = asked_entry._asked, shell.user_ns["plans"]
    assert asked.form is plans.form and asked.form.editing == saved
    assert "Your entry “My safety plan” from" in _text(asked.status)
    assert asked.form.root in plans.area.children  # open where the person can see it
    assert asked.form.warning_signs.value == "I stop eating"
    for tucked_away in (shell.user_ns["help_now"].plans, shell.user_ns["check"].plans):
        assert tucked_away.form is None and tucked_away.area.children == ()
