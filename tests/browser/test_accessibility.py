"""Accessibility basics of the app pages, checked with axe-core in a real browser."""

from __future__ import annotations

import pytest
from test_app_pages import NOTEBOOKS

pytestmark = pytest.mark.browser

RENDER_TIMEOUT_MS = 180_000
SERIOUS = {"critical", "serious"}


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_no_critical_or_serious_axe_violations(notebook, start_voila, context):
    from axe_playwright_python.sync_playwright import Axe

    server = start_voila(notebook)
    page = context.new_page()
    page.goto(f"{server.url}/?token={server.token}")
    page.locator("#loading").wait_for(state="hidden", timeout=RENDER_TIMEOUT_MS)
    page.locator(".sb-form.sb-help").first.wait_for()
    results = Axe().run(page)
    found = [(v["id"], v["impact"], len(v["nodes"]), v["nodes"][0]["html"][:160])
             for v in results.response["violations"] if v["impact"] in SERIOUS]
    assert not found, "\n".join(map(str, found))
