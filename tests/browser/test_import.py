"""Bringing a Daylio export in through notebook 08 in a real JupyterLab, and seeing the charts."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from daylio_exports import export_csv, recent

pytestmark = pytest.mark.browser

CHART_TIMEOUT_MS = 90_000


def test_a_daylio_export_through_the_widgets_reaches_the_charts(
    tmp_path, lab_server, page, open_notebook, run_all, in_notebook, fill, button, journal
):
    export = tmp_path / "daylio_export.csv"
    export.write_bytes(export_csv(recent(10)))

    open_notebook(page, "08_progress_and_trends.ipynb")
    run_all(page)
    charts = in_notebook(page, ".sb-charts")
    # An empty journal: friendly empty charts, and a sentence that says so.
    expect(charts.locator(".sb-summary").first).to_contain_text(
        "There are no check-ins in this period yet", timeout=CHART_TIMEOUT_MS)

    panel = in_notebook(page, ".sb-form.sb-import")
    panel.wait_for()
    fill(panel.locator("input[type=text]").first, str(export))
    button(panel, "Preview").click()
    preview = panel.locator(".sb-import-preview")
    expect(preview).to_contain_text("daylio_export.csv holds 10 check-ins on 10 days",
                                    timeout=30_000)
    expect(preview.locator(".sb-import-sample tr")).to_have_count(6)  # heading + 5 rows

    button(panel, "Import").click()
    expect(panel.locator(".sb-status")).to_contain_text("Imported 10 check-ins.",
                                                        timeout=60_000)
    bar = panel.locator(".widget-hprogress .progress-bar")
    expect(bar).to_be_visible()
    expect(bar).to_have_attribute("style", re.compile(r"width:\s*100%"))
    expect(button(panel, "Undo this import")).to_be_visible()

    # The progress page above redraws from the journal, with the imported days in it.
    expect(charts.locator("img")).to_have_count(9, timeout=CHART_TIMEOUT_MS)
    summaries = charts.locator(".sb-summary")
    expect(summaries.first).to_contain_text(
        "Your average mood over the last 30 days was 5.0", timeout=CHART_TIMEOUT_MS)
    expect(summaries.first).to_contain_text("insecurity wasn't recorded on these days")
    expect(charts).to_contain_text("7.0 on the 5 days with walk and 3.0 on the 5 days without")
    expect(charts).to_contain_text("You have checked in 10 days in a row")

    with journal(lab_server) as store:
        saved = store.entries("checkin", newest_first=False)
        batches = store.batches("import")
    assert len(saved) == 10 and len(batches) == 1
    assert [s.entry.mood for s in saved][:2] == [7, 3]  # 10 days ago: good; 9 days ago: bad
    assert saved[0].entry.activities == ("walk", "reading")
    assert all(s.entry.insecurity is None and s.batch == batches[0].id for s in saved)
