"""My journal in a real browser, in JupyterLab and in the app: a search finds a check-in by
a word of its note, the card opens it, Edit changes it in its own form (on the journal page
in JupyterLab; in the app, on Start here, opened by Edit's link with the check-in loaded),
and the change shows in the journal page and in 08's recent check-ins."""

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


def _search_and_open(panel, word: str, fill, button):
    """What a person does first on the journal page: search a word not yet finished, find
    the check-in with the word marked on its card, and open the whole entry."""
    expect(panel.locator(".sb-showing")).to_contain_text("of 13 entries",
                                                         timeout=RENDER_TIMEOUT_MS)
    fill(panel.locator(".widget-text input").first, word[:-3])
    button(panel, "Search").click()
    expect(panel.locator(".sb-showing")).to_contain_text("Showing 1–1 of 1 entry",
                                                         timeout=SAVE_TIMEOUT_MS)
    card = panel.locator(".sb-journal-card").first
    # The card's text in full, markup shown as typed, the word marked where it stands.
    expect(card.locator(".sb-card-text")).to_contain_text(f"walked to the {word} {MARKUP}")
    expect(card.locator(".sb-card-text mark")).to_have_text(word)
    button(card, "Open").click()
    details = card.locator(".sb-entry-details")
    expect(details).to_contain_text(f"walked to the {word} {MARKUP}")
    expect(details.locator("mark")).to_have_text(word)
    return card


def _finds_the_change(panel, new_word: str, fill, button) -> None:
    """The journal page shows the change: the new word finds the entry, marked."""
    fill(panel.locator(".widget-text input").first, new_word)
    button(panel, "Search").click()
    expect(panel.locator(".sb-showing")).to_contain_text("Showing 1–1 of 1 entry",
                                                         timeout=SAVE_TIMEOUT_MS)
    expect(panel.locator(".sb-journal-card .sb-card-text mark").first).to_have_text(new_word)


def _search_open_and_edit_here(panel, word: str, new_word: str, fill, button) -> None:
    """In JupyterLab: Edit opens the check-in's form on the journal page itself."""
    card = _search_and_open(panel, word, fill, button)
    button(card, "Edit").click()
    form = panel.locator(".sb-journal-editor .sb-form.sb-checkin")
    note = form.locator("textarea").first
    expect(note).to_have_value(f"walked to the {word} {MARKUP}")
    fill(note, f"walked to the {new_word} with a friend")
    button(form, "Save changes").click()
    expect(panel.locator(".sb-journal-status")).to_contain_text("Your changes are saved.",
                                                               timeout=SAVE_TIMEOUT_MS)
    expect(panel.locator(".sb-journal-editor .sb-form")).to_have_count(0)
    # The old word finds nothing now (the search box still holds it).
    expect(panel.locator(".sb-showing")).to_contain_text("Nothing matches")
    _finds_the_change(panel, new_word, fill, button)


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
    expect(panel.locator(".sb-edit-link")).to_have_count(0)  # Edit is a button here
    _search_open_and_edit_here(panel, word, new_word, fill, button)
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


def _open(page, url: str) -> None:
    page.goto(url, timeout=RENDER_TIMEOUT_MS)
    page.locator("#loading").wait_for(state="hidden", timeout=RENDER_TIMEOUT_MS)


@pytest.mark.app_pages("09_my_journal.ipynb", "00_start_here.ipynb",
                       "08_progress_and_trends.ipynb")
def test_search_open_and_edit_a_check_in_in_the_app(running_app, context, fill, button,
                                                     journal, record_dialogs):
    app = running_app  # make app: the pages it opens, preheated, as a person runs it
    with journal(app.store_home) as store:
        word, new_word = _seed(store)
        entry_id = next(s.id for s in store.entries("checkin") if word in s.entry.note)
    page = context.new_page()
    dialogs = record_dialogs(page)
    _open(page, f"{app.page('09_my_journal.ipynb')}?token={app.token}")
    panel = page.locator(".sb-form.sb-journal").first
    card = _search_and_open(panel, word, fill, button)

    # Edit is a link to Start here, the page of the check-in form, carrying the id only.
    edit = card.get_by_role("link", name="Edit", exact=True)
    expect(edit).to_have_attribute("href", f"00_start_here.ipynb?edit={entry_id}")
    edit.click()
    page.wait_for_url(f"**/voila/render/00_start_here.ipynb?edit={entry_id}",
                      timeout=RENDER_TIMEOUT_MS)
    page.locator("#loading").wait_for(state="hidden", timeout=RENDER_TIMEOUT_MS)
    note_at_top = page.locator(".sb-asked-entry").first
    expect(note_at_top).to_contain_text("Your entry “Daily check-in” from",
                                        timeout=RENDER_TIMEOUT_MS)
    form = page.locator(".sb-form.sb-checkin").first
    note = form.locator("textarea").first
    expect(note).to_have_value(f"walked to the {word} {MARKUP}", timeout=RENDER_TIMEOUT_MS)
    expect(form.locator(".sb-status").first).to_contain_text("Editing your entry from")
    expect(form).to_contain_text("Opened from My journal.")
    # Every other form on the page is left empty: the snapshot shows no "Save changes".
    expect(page.locator(".sb-form.sb-snapshot button",
                        has_text="Save changes")).to_have_count(0)
    fill(note, f"walked to the {new_word} with a friend")
    button(form, "Save changes").click()
    expect(note_at_top).to_contain_text("Your changes are saved.", timeout=SAVE_TIMEOUT_MS)
    with journal(app.store_home) as store:
        _saved_once(store, word, new_word)

    # Back to My journal: its search finds the change, and the old word finds nothing.
    form.get_by_role("link", name="Back to My journal").click()
    page.wait_for_url("**/voila/render/09_my_journal.ipynb", timeout=RENDER_TIMEOUT_MS)
    page.locator("#loading").wait_for(state="hidden", timeout=RENDER_TIMEOUT_MS)
    panel = page.locator(".sb-form.sb-journal").first
    expect(panel.locator(".sb-showing")).to_contain_text("of 13 entries",
                                                         timeout=RENDER_TIMEOUT_MS)
    fill(panel.locator(".widget-text input").first, word)
    button(panel, "Search").click()
    expect(panel.locator(".sb-showing")).to_contain_text("Nothing matches",
                                                         timeout=SAVE_TIMEOUT_MS)
    _finds_the_change(panel, new_word, fill, button)

    # 08 lists the changed note among the recent check-ins.
    _open(page, app.page("08_progress_and_trends.ipynb"))
    recent = page.locator(".sb-form.sb-checkin").first
    expect(recent.locator(".sb-recent-item").filter(has_text=new_word)).to_have_count(
        1, timeout=RENDER_TIMEOUT_MS)
    assert page.locator("img[src='x']").count() == 0
    assert not dialogs, dialogs
