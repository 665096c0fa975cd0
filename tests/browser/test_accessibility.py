"""Accessibility basics of the app pages, checked with axe-core in a real browser."""

from __future__ import annotations

import pytest
from test_app_pages import NOTEBOOKS

pytestmark = pytest.mark.browser

SERIOUS = {"critical", "serious"}


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_no_critical_or_serious_axe_violations(notebook, shared_app, open_app_page):
    from axe_playwright_python.sync_playwright import Axe

    page, dialogs = open_app_page(shared_app, notebook)
    page.locator(".sb-form.sb-help").first.wait_for()
    results = Axe().run(page)
    found = [(v["id"], v["impact"], len(v["nodes"]), v["nodes"][0]["html"][:160])
             for v in results.response["violations"] if v["impact"] in SERIOUS]
    assert not found, "\n".join(map(str, found))
    assert not dialogs, dialogs
