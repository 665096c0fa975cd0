"""The workbook served by Voilà: widgets without code, saving to the journal."""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

NOTEBOOK = "00_start_here.ipynb"
# Voilà runs every cell before the widgets show.
RENDER_TIMEOUT_MS = 90_000


def test_check_in_saved_from_voila(start_voila, context, fill, button, journal, record_dialogs):
    server = start_voila(NOTEBOOK)
    page = context.new_page()
    dialogs = record_dialogs(page)
    page.goto(f"{server.url}/?token={server.token}")

    form = page.locator(".sb-form.sb-checkin").first
    form.wait_for(timeout=RENDER_TIMEOUT_MS)
    expect(page.locator(".sb-form.sb-help")).to_be_visible()

    note = f"voila-canary-{uuid.uuid4().hex[:16]}"
    fill(form.locator("textarea").first, note)
    feeling = button(form, "hopeful")
    feeling.click()
    expect(feeling).to_have_class(re.compile(r"\bmod-active\b"))
    button(form, "Save check-in").click()
    expect(form.locator(".sb-status").first).to_contain_text("Saved at", timeout=15_000)
    expect(form).to_contain_text("You have checked in once today.")

    with journal(server) as store:
        saved = store.entries("checkin")
    assert len(saved) == 1, saved
    assert saved[0].entry.note == note
    assert saved[0].entry.emotions == ("hopeful",)

    # Voilà shows outputs only: none of the code behind them.
    body = page.locator("body")
    for source in ("check_in()", "need_help()", "from workbook"):
        expect(body).not_to_contain_text(source)
    # Markdown cells keep an input area (their rendered text); code cells have none.
    assert page.locator(".jp-CodeCell .jp-InputArea, .jp-InputArea-editor, .cm-editor").count() == 0
    assert not dialogs, dialogs
    # The server keeps nothing of what was typed next to the notebooks.
    assert note not in (server.root_dir / NOTEBOOK).read_text(encoding="utf-8")
