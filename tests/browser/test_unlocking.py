"""The passphrase lock in a real browser: lock in Start here, reload, unlock in another
notebook, save a check-in, and find neither the passphrase nor the note in any file
Jupyter saved (notebooks, checkpoints, widget state) or in the journal's own bytes."""

from __future__ import annotations

import json
import re
import uuid

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

CODE = re.compile(r"[0-9A-Z]{4}(?:-[0-9A-Z]{4}){5}")


@pytest.fixture(params=[False, True], ids=["default-settings", "widget-state-saved"])
def widget_state_saved(request, lab_server) -> bool:
    """Also run with JupyterLab saving widget state into the .ipynb: the harder case for
    the passphrase (a filled password field would be saved with its value)."""
    if request.param:
        folder = (lab_server.root_dir.parent / "jupyter" / "lab" / "user-settings"
                  / "@jupyter-widgets" / "jupyterlab-manager")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "plugin.jupyterlab-settings").write_text(json.dumps({"saveState": True}))
    return request.param


def wait_lab_ready(page) -> None:
    page.wait_for_function(
        "() => window.jupyterapp && window.jupyterapp.commands"
        " && window.jupyterapp.commands.hasCommand('notebook:run-all-cells')"
    )
    page.evaluate("() => window.jupyterapp.restored")


def test_lock_reload_unlock_elsewhere_and_nothing_secret_in_saved_files(
    lab_server, widget_state_saved, page, open_notebook, run_all, save_notebook, in_notebook,
    fill, button, files_containing, wait_kernel_idle,
):  # fmt: skip
    from workbook.store import Store

    passphrase = f"pass-{uuid.uuid4().hex[:12]} words"
    note = f"locked-canary-{uuid.uuid4().hex}"

    open_notebook(page, "00_start_here.ipynb")
    run_all(page)
    panel = in_notebook(page, ".sb-form.sb-lock")
    secrets = panel.locator("input[type='password']:visible")
    expect(secrets).to_have_count(2)
    fill(secrets.nth(0), passphrase)
    fill(secrets.nth(1), passphrase)
    button(panel, "Lock my journal").click()
    expect(panel.locator(".sb-status")).to_contain_text("Your journal is locked",
                                                        timeout=60_000)
    shown = panel.locator(".sb-care").inner_text()
    code = CODE.search(shown)
    assert code, shown
    recovery_code = code.group(0)
    expect(secrets.first).to_have_value("")
    button(panel, "I have written it down").click()
    expect(panel).not_to_contain_text(recovery_code)
    save_notebook(page)
    journal_bytes = lab_server.journal.read_bytes()
    assert not journal_bytes.startswith(b"SQLite format 3"), "the journal was not encrypted"

    page.reload()
    wait_lab_ready(page)

    # Another notebook runs in a new kernel, where the journal is still locked.
    notebook = "02_focus_on_the_positive.ipynb"
    open_notebook(page, notebook)
    run_all(page)
    prompt = in_notebook(page, ".sb-form.sb-unlock")
    expect(prompt).to_contain_text("Your journal is locked")
    field = prompt.locator("input[type='password']")
    fill(field, "not the passphrase")
    button(prompt, "Unlock").click()
    expect(prompt.locator(".sb-status")).to_contain_text("does not open")
    expect(field).to_have_value("")
    # As a person would, type again once the kernel has finished with the last try: a
    # box's words typed while it is still busy may reach it after the click (ipywidgets
    # holds an update back until the kernel answers the one before, but not a click).
    wait_kernel_idle(page)
    fill(field, passphrase)
    button(prompt, "Unlock").click()
    expect(prompt.locator(".sb-status")).to_contain_text("Unlocked", timeout=30_000)
    expect(field).to_have_value("")

    form = in_notebook(page, ".sb-form.sb-checkin")
    textarea = form.locator("textarea").first
    fill(textarea, note)
    button(form, "Save check-in").click()
    expect(form.locator(".sb-status").first).to_contain_text("Saved at", timeout=30_000)
    wait_kernel_idle(page)
    save_notebook(page)

    # The first notebook is saved again too, after everything it showed.
    open_notebook(page, "00_start_here.ipynb")
    save_notebook(page)

    checkpoints = lab_server.root_dir / ".ipynb_checkpoints"
    assert any(checkpoints.glob("02_focus_on_the_positive-checkpoint.ipynb"))
    saved = json.loads((lab_server.root_dir / notebook).read_text(encoding="utf-8"))
    state = saved.get("metadata", {}).get("widgets", {})
    assert ("application/vnd.jupyter.widget-state+json" in state) == widget_state_saved
    # With widget state saved, a form's typed answers are in it by design (that is what
    # the setting does); secrets never are. With the default, nothing typed is anywhere.
    watched = (passphrase, recovery_code) if widget_state_saved else (
        passphrase, recovery_code, note)
    for secret in watched:
        assert not files_containing(lab_server.root_dir, secret), secret[:5]
    outputs = json.dumps([cell.get("outputs", []) for cell in saved["cells"]])
    assert note not in outputs and passphrase not in outputs
    for secret in (passphrase, recovery_code, note):
        assert not files_containing(lab_server.store_home, secret), secret[:5]

    with Store(lab_server.journal, passphrase) as store:
        assert [s.entry.note for s in store.entries("checkin")] == [note]


def test_a_voila_page_unlocks_the_same_way(start_voila, context, fill, button):
    from workbook.models import CheckIn
    from workbook.sealed import KdfSettings
    from workbook.store import Store

    passphrase = f"voila-{uuid.uuid4().hex[:12]} words"
    server = start_voila("00_start_here.ipynb")
    fast = KdfSettings(time_cost=1, memory_kib=8 * 1024, parallelism=1)
    with Store(server.journal, passphrase, kdf=fast) as store:
        store.add(CheckIn(mood=6, insecurity=3, note="written before"))
    page = context.new_page()
    page.goto(f"{server.url}/?token={server.token}")

    prompt = page.locator(".sb-form.sb-unlock").first
    prompt.wait_for(timeout=90_000)
    expect(prompt).to_contain_text("Your journal is locked")
    form = page.locator(".sb-form.sb-checkin").first
    note = f"voila-locked-{uuid.uuid4().hex[:16]}"
    fill(form.locator("textarea").first, note)
    button(form, "Save check-in").click()
    expect(form.locator(".sb-status").first).to_contain_text("locked", timeout=15_000)

    fill(prompt.locator("input[type='password']"), passphrase)
    button(prompt, "Unlock").click()
    expect(prompt.locator(".sb-status")).to_contain_text("Unlocked", timeout=30_000)
    button(form, "Save check-in").click()
    expect(form.locator(".sb-status").first).to_contain_text("Saved at", timeout=15_000)
    with Store(server.journal, passphrase) as store:
        assert sorted(s.entry.note for s in store.entries("checkin")) == sorted(
            ["written before", note])
    assert note.encode() not in server.journal.read_bytes()
