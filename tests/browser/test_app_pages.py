"""Every notebook as an app page (Voilà): no code on screen, no errors, no widget left
loading, and no serious accessibility problem that axe-core finds. What a person who
never sees code gets from `make app`."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

NOTEBOOKS = sorted(p.name for p in (Path(__file__).parents[2] / "notebooks").glob("*.ipynb"))
RENDER_TIMEOUT_MS = 180_000
WIDTHS = (1400, 800)
SERIOUS = {"critical", "serious"}



@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_every_notebook_renders_as_an_app_page(notebook, shared_app_page, cut_off):
    # Voilà shows its spinner until every cell has run, then the page.
    page, dialogs = shared_app_page(notebook)
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
    # Nothing cut off or scrolling sideways, on a wide screen and a narrow one.
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        problems = cut_off(page, "#rendered_cells")
        assert not problems, f"at {width} px: {problems}"


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_no_critical_or_serious_axe_violations(notebook, shared_app_page):
    from axe_playwright_python.sync_playwright import Axe

    page, dialogs = shared_app_page(notebook)
    page.locator(".sb-form.sb-help").first.wait_for()
    results = Axe().run(page)
    found = [(v["id"], v["impact"], len(v["nodes"]), v["nodes"][0]["html"][:160])
             for v in results.response["violations"] if v["impact"] in SERIOUS]
    assert not found, "\n".join(map(str, found))
    assert not dialogs, dialogs


def test_the_home_page_shows_where_a_seeded_journal_is(start_voila, context, journal):
    import datetime as dt

    from examples import EXAMPLES

    server = start_voila("home.ipynb")
    today = dt.date.today()

    def at(days_ago: int) -> dt.datetime:
        return dt.datetime.combine(today - dt.timedelta(days=days_ago),
                                   dt.time(9)).astimezone()

    with journal(server) as store:
        for ago in (0, 1, 2):
            store.add(EXAMPLES["checkin"], at=at(ago))
        store.add(EXAMPLES["gratitude"], at=at(4))
        store.add(EXAMPLES["shared_win"], at=at(1))
        store.add(EXAMPLES["insecurity_snapshot"], at=at(1))
    page = context.new_page()
    page.goto(f"{server.url}/?token={server.token}")
    page.locator("#loading").wait_for(state="hidden", timeout=RENDER_TIMEOUT_MS)
    view = page.locator(".sb-home-view")
    expect(view).to_contain_text("Check-in streak: 3 days in a row.")
    row = view.locator("tr", has_text="Focusing on the positive")
    expect(row.locator(".sb-days")).to_have_text("2")
    expect(view.locator("tr", has_text="Open communication").locator(".sb-days")).to_have_text("0")
    expect(view).to_contain_text("Nothing is waiting for you.")
    expect(view.locator(".sb-next-step")).to_contain_text("you haven't opened it yet")
    link = view.locator("a", has_text="Open communication")
    assert link.get_attribute("href") == "01_open_communication.ipynb"
