"""My journal in a real browser, in JupyterLab and as an app page: a search finds a
check-in by a word of its note, the card opens it, Edit changes it in its own form, and
the change shows in the journal page and in 08's recent check-ins."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

RENDER_TIMEOUT_MS = 180_000
SAVE_TIMEOUT_MS = 60_000
MARKUP = "<img src=x onerror=alert(1)>"


def _seed(store) -> tuple[str, str]:
    """A few ordinary check-ins and, newest (so 08 lists it), one whose note holds a word
    found nowhere else."""
    from workbook.models import CheckIn

    word = f"lighthouse{uuid.uuid4().hex[:8]}"
    start = dt.datetime.now(dt.UTC) - dt.timedelta(days=30)
    for day in range(12):
        store.add(CheckIn(mood=6, insecurity=3, note=f"an ordinary day {day}"),
                  at=start + dt.timedelta(days=day))
    store.add(CheckIn(mood=4, insecurity=6, note=f"walked to the {word} {MARKUP}"),
              at=start + dt.timedelta(days=20))
    return word, f"harbour{uuid.uuid4().hex[:8]}"


def _search_open_and_edit(panel, word: str, new_word: str, fill, button) -> None:
    """What a person does on the journal page: search, open the card, edit, save."""
    expect(panel.locator(".sb-showing")).to_contain_text("of 13 entries",
                                                         timeout=RENDER_TIMEOUT_MS)
    fill(panel.locator(".widget-text input").first, word[:-3])  # a word not yet finished
    button(panel, "Search").click()
    expect(panel.locator(".sb-showing")).to_contain_text("Showing 1–1 of 1 entry",
                                                         timeout=SAVE_TIMEOUT_MS)
    card = panel.locator(".sb-journal-card").first
    expect(card.locator(".sb-matches mark")).to_have_text(word)
    expect(card.locator(".sb-matches")).to_contain_text(MARKUP)
    button(card, "Open").click()
    details = card.locator(".sb-entry-details")
    expect(details).to_contain_text(f"walked to the {word} {MARKUP}")
    expect(details.locator("mark")).to_have_text(word)
    button(card, "Edit").click()
    form = panel.locator(".sb-journal-editor .sb-form.sb-checkin")
    note = form.locator("textarea").first
    expect(note).to_have_value(f"walked to the {word} {MARKUP}")
    fill(note, f"walked to the {new_word} with a friend")
    button(form, "Save changes").click()
    expect(panel.locator(".sb-journal-status")).to_contain_text("Your changes are saved.",
                                                               timeout=SAVE_TIMEOUT_MS)
    expect(panel.locator(".sb-journal-editor .sb-form")).to_have_count(0)
    # The page shows the change: the old word finds nothing, the new one finds the entry.
    expect(panel.locator(".sb-showing")).to_contain_text("Nothing matches")
    fill(panel.locator(".widget-text input").first, new_word)
    button(panel, "Search").click()
    expect(panel.locator(".sb-showing")).to_contain_text("Showing 1–1 of 1 entry",
                                                         timeout=SAVE_TIMEOUT_MS)
    expect(panel.locator(".sb-journal-card .sb-matches mark").first).to_have_text(new_word)


def _saved_once(store, word: str, new_word: str) -> None:
    checkins = store.entries("checkin")
    assert len(checkins) == 13
    edited = [s for s in checkins if new_word in s.entry.note]
    assert len(edited) == 1 and edited[0].updated_at is not None
    assert not [s for s in checkins if word in s.entry.note]


def test_search_open_and_edit_a_check_in_in_jupyterlab(lab_server, page, open_notebook, run_all,
                                                         in_notebook, fill, button, journal,
                                                         record_dialogs):
    with journal(lab_server) as store:
        word, new_word = _seed(store)
    dialogs = record_dialogs(page)
    open_notebook(page, "09_my_journal.ipynb")
    run_all(page)
    panel = in_notebook(page, ".sb-form.sb-journal")
    _search_open_and_edit(panel, word, new_word, fill, button)
    with journal(lab_server) as store:
        _saved_once(store, word, new_word)

    # 08 shows the changed note among the recent check-ins.
    open_notebook(page, "08_progress_and_trends.ipynb")
    run_all(page)
    recent = in_notebook(page, ".sb-form.sb-checkin")
    expect(recent.locator(".sb-recent-item").filter(has_text=new_word)).to_have_count(
        1, timeout=RENDER_TIMEOUT_MS)
    assert page.locator("img[src='x']").count() == 0
    assert not dialogs, dialogs


def test_search_open_and_edit_a_check_in_in_the_app(start_voila, context, fill, button, journal,
                                                     record_dialogs):
    server = start_voila("09_my_journal.ipynb")
    with journal(server) as store:
        word, new_word = _seed(store)
    page = context.new_page()
    dialogs = record_dialogs(page)
    page.goto(f"{server.url}/?token={server.token}", timeout=RENDER_TIMEOUT_MS)
    page.locator("#loading").wait_for(state="hidden", timeout=RENDER_TIMEOUT_MS)
    panel = page.locator(".sb-form.sb-journal").first
    _search_open_and_edit(panel, word, new_word, fill, button)
    with journal(server) as store:
        _saved_once(store, word, new_word)

    progress = start_voila("08_progress_and_trends.ipynb", journal_of=server)
    trends = context.new_page()
    trends.goto(f"{progress.url}/?token={progress.token}", timeout=RENDER_TIMEOUT_MS)
    trends.locator("#loading").wait_for(state="hidden", timeout=RENDER_TIMEOUT_MS)
    recent = trends.locator(".sb-form.sb-checkin").first
    expect(recent.locator(".sb-recent-item").filter(has_text=new_word)).to_have_count(
        1, timeout=RENDER_TIMEOUT_MS)
    assert page.locator("img[src='x']").count() == 0
    assert not dialogs, dialogs
