"""Every notebook as an app page (Voilà): no code on screen, no errors, no widget left
loading. What a person who never sees code gets from `make app`."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

NOTEBOOKS = sorted(p.name for p in (Path(__file__).parents[2] / "notebooks").glob("*.ipynb"))
RENDER_TIMEOUT_MS = 180_000


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_every_notebook_renders_as_an_app_page(notebook, start_voila, context,
                                               record_dialogs):
    server = start_voila(notebook)
    page = context.new_page()
    dialogs = record_dialogs(page)
    page.goto(f"{server.url}/?token={server.token}")
    # Voilà shows its spinner until every cell has run, then the page.
    page.locator("#loading").wait_for(state="hidden", timeout=RENDER_TIMEOUT_MS)
    page.locator("#rendered_cells").wait_for(state="visible")
    expect(page.locator(".sb-form.sb-help").first).to_be_visible()
    body = page.locator("body")
    expect(body).not_to_contain_text("Loading widget", timeout=60_000)
    for trace in ("Traceback", "Error:", "There was an error when executing"):
        expect(body).not_to_contain_text(trace)
    errors = page.locator(".jp-OutputArea-output[data-mime-type="
                          "'application/vnd.jupyter.stderr']")
    assert errors.count() == 0, errors.all_inner_texts()
    # Code cells show no code: no editor, no input area.
    assert page.locator(".jp-CodeCell .jp-InputArea, .cm-editor").count() == 0
    for source in ("from workbook", "need_help()", "check_in()"):
        expect(body).not_to_contain_text(source)
    assert not dialogs, dialogs
