"""Preheated app pages still show the journal as it is when they are opened.

`make app` keeps a kernel per page ready, run ahead up to `workbook.app_ready`. A page
whose kernel was made ready before a check-in was saved must still count that check-in.
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.request
import uuid

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

RENDER_TIMEOUT_MS = 180_000


def _open(page, url: str) -> None:
    page.goto(url, timeout=RENDER_TIMEOUT_MS)
    page.locator("#loading").wait_for(state="hidden", timeout=RENDER_TIMEOUT_MS)
    expect(page.locator("body")).not_to_contain_text("Loading widget", timeout=60_000)


# A pause of a second (the app's own is 15 s): home's next kernel is made ready ahead,
# before the save, without the test waiting out the app's pause.
@pytest.mark.app_pages("home.ipynb", "00_start_here.ipynb", refill_delay=1)
def test_home_counts_a_check_in_saved_after_its_kernel_was_made_ready(
        running_app, context, journal, fill, button):
    app = running_app
    # Check-ins on the two days before today: a streak of two, ending yesterday.
    today = dt.date.today()
    with journal(app.store_home) as store:
        from examples import EXAMPLES

        for days_ago in (1, 2):
            when = dt.datetime.combine(today - dt.timedelta(days=days_ago), dt.time(9))
            store.add(EXAMPLES["checkin"], at=when.astimezone())

    page = context.new_page()
    _open(page, app.address)  # the printed address: home
    streak = page.locator(".sb-home-view .sb-streak")
    expect(streak).to_have_text("Check-in streak: 2 days in a row.")

    # The next home page's kernel is now ready: run ahead, paused, before the save.
    app.wait_pool("home.ipynb", 2)
    app.wait_pool("00_start_here.ipynb", 1)
    app.wait_settled()
    _open(page, app.page("00_start_here.ipynb"))
    form = page.locator(".sb-form.sb-checkin").first
    fill(form.locator("textarea").first, f"preheat-{uuid.uuid4().hex[:12]}")
    feeling = button(form, "hopeful")
    feeling.click()
    expect(feeling).to_have_class(re.compile(r"\bmod-active\b"))
    button(form, "Save check-in").click()
    expect(form.locator(".sb-status").first).to_contain_text("Saved at", timeout=30_000)

    _open(page, app.page("home.ipynb"))
    expect(streak).to_have_text("Check-in streak: 3 days in a row.")
    # Every page came from a kernel made ready ahead, the last one before the save.
    assert app.preheated_uses("home.ipynb") == 2, app.log()[-3000:]
    assert app.preheated_uses("00_start_here.ipynb") == 1


def test_a_page_opened_again_while_its_next_kernel_pauses_starts_that_kernel_at_once(
        start_app, tmp_path):
    # After a page takes its ready kernel, the next one pauses before it starts. Here the
    # pause is an hour: a page opened again must not wait for it (Voilà's own pools kept
    # it waiting for the rest of the pause; with `make app`'s 15 s, about 15 s).
    with start_app(tmp_path, ["home.ipynb"], refill_delay=3600) as app:
        app.wait_pool("home.ipynb", 1)
        app.wait_settled()
        for visit in range(1, 4):
            with urllib.request.urlopen(app.address, timeout=120) as answer:
                assert answer.status == 200
                # Rendered by a kernel: its cells have put the home page's widgets in.
                assert b"application/vnd.jupyter.widget-view+json" in answer.read()
            assert app.preheated_uses("home.ipynb") == visit, app.log()[-3000:]
