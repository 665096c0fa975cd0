"""A person fills in the daily check-in in a real JupyterLab.

What they write must land in the journal, and must not land in the notebook
file when JupyterLab saves it.
"""

from __future__ import annotations

import json
import uuid

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

NOTEBOOK = "00_start_here.ipynb"


def test_check_in_saved_and_not_in_notebook(
    lab_server, page, open_notebook, run_all, save_notebook, record_dialogs, files_containing,
    journal,
):  # fmt: skip
    dialogs = record_dialogs(page)

    open_notebook(page, NOTEBOOK)
    run_all(page)

    form = page.locator(".sb-form.sb-checkin").first
    form.wait_for()

    # Move the mood slider (the first slider of the check-in) with the
    # keyboard, the way a person would. The stored mood is checked below.
    slider = form.locator(".sb-rating").first
    readout = slider.locator(".sb-rating-value")
    before = readout.inner_text().strip()
    handle = slider.get_by_role("slider", name="Mood right now")
    # In command mode JupyterLab takes the arrow keys for itself (moving between
    # headings) unless the slider keeps them: the way a person usually arrives here.
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:enter-command-mode')")
    handle.focus()
    for key in ("ArrowRight", "ArrowRight", "ArrowLeft"):
        handle.press(key)
    expect(readout).not_to_have_text(before)
    mood = int(readout.inner_text().strip())

    note = f"quiet-canary-{uuid.uuid4().hex}"
    textarea = form.locator("textarea").first
    textarea.click()
    textarea.press_sequentially(note)
    textarea.blur()
    expect(textarea).to_have_value(note)

    form.locator("button", has_text="Save check-in").click()
    expect(form).to_contain_text("Saved at", timeout=15_000)

    # The journal, read from outside JupyterLab.
    import workbook

    assert lab_server.journal.is_file(), f"no journal at {lab_server.journal}"
    with journal(lab_server) as store:
        checkins = workbook.data("checkin", store=store)
    assert {"mood", "note"} <= set(checkins.columns)
    saved = checkins[checkins["note"] == note]
    assert len(saved) == 1, f"expected one check-in with the note, got:\n{checkins}"
    assert int(saved["mood"].iloc[0]) == mood

    # Save the notebook: the note must not be in it, nor in its checkpoints.
    save_notebook(page)
    notebook_file = lab_server.root_dir / NOTEBOOK
    saved_nb = json.loads(notebook_file.read_text(encoding="utf-8"))
    assert any(
        cell.get("execution_count") for cell in saved_nb["cells"] if cell["cell_type"] == "code"
    ), "the notebook on disk does not look saved after running"
    assert (lab_server.root_dir / ".ipynb_checkpoints").is_dir()
    leaks = files_containing(lab_server.root_dir, note)
    assert not leaks, f"the note leaked into {leaks}"

    assert page.locator(".jp-Dialog").count() == 0, page.locator(".jp-Dialog").inner_text()
    assert not dialogs, f"unexpected browser dialogs: {dialogs}"


def test_lab_server_uses_test_settings(lab_server):
    """The harness itself: autosave and news are off in the served JupyterLab."""
    import urllib.request

    def default(plugin: str, key: str):
        # Overrides replace the defaults in the schema the server sends.
        url = f"{lab_server.url}/lab/api/settings/{plugin}?token={lab_server.token}"
        with urllib.request.urlopen(url, timeout=10) as response:
            return json.load(response)["schema"]["properties"][key]["default"]

    assert default("@jupyterlab/docmanager-extension:plugin", "autosave") is False
    assert default("@jupyterlab/apputils-extension:notification", "fetchNews") == "false"
    assert "Failed loading overrides" not in lab_server.log_tail(100_000)
