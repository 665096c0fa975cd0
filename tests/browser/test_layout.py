"""What a person sees at ordinary window widths: nothing cut short next to long entries."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# A word longer than any line, then ordinary words: both must wrap, not push buttons out.
LONG_SITUATION = "x" * 120 + " " + ("we talked about the weekend plans " * 12)[:379]
LONG_REQUEST = ("sit with me for ten minutes after dinner and tell me about your day " * 8)[:500]


def test_edit_and_delete_keep_their_labels_next_to_a_long_entry_at_800px(
    lab_server, context, lab_page, open_notebook, run_all, in_notebook, journal
):
    from workbook.models.communication import ClearStatement

    with journal(lab_server) as store:
        saved = store.add(ClearStatement(situation=LONG_SITUATION, feelings=("worried",),
                                         needs=("reassurance",), request=LONG_REQUEST))
    assert len(saved.entry.summary()) > 1_000
    page = lab_page(context, lab_server)
    page.set_viewport_size({"width": 800, "height": 900})
    open_notebook(page, "01_open_communication.ipynb")
    run_all(page)
    item = in_notebook(page, ".sb-recent-item").first
    item.wait_for()
    expect(item).to_contain_text("sit with me for ten minutes")
    for label in ("Edit", "Delete"):
        shown = item.locator("button.jupyter-button", has_text=label).first
        expect(shown).to_be_visible()
        assert shown.evaluate("(b) => b.textContent").strip() == label
        whole = shown.evaluate("(b) => b.scrollWidth <= b.clientWidth + 1")
        assert whole, f"the {label} button's label is cut short"
        box = shown.bounding_box()
        assert box is not None and box["x"] + box["width"] <= 800
    # The page itself does not scroll sideways.
    assert page.evaluate(
        "() => document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook')"
        ".scrollWidth <= document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) "
        ".jp-Notebook').clientWidth + 1")


NOTEBOOKS = sorted(p.name for p in (Path(__file__).parents[2] / "notebooks").glob("*.ipynb"))
WIDTHS = (1400, 800)

# Shut the notebook on screen down and close it, so the next one runs alone.
CLOSE_JS = """async () => {
    const w = window.jupyterapp.shell.currentWidget;
    await w.sessionContext.shutdown();
    w.dispose();
}"""


def test_every_notebook_fits_in_lab_at_1400_and_800px(
    lab_server, context, lab_page, open_notebook, run_all, cut_off
):
    page = lab_page(context, lab_server)
    problems = {}
    for notebook in NOTEBOOKS:
        page.set_viewport_size({"width": WIDTHS[0], "height": 900})
        open_notebook(page, notebook)
        run_all(page)
        page.locator(".sb-form.sb-help").first.wait_for()
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            found = cut_off(page, ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook")
            if found:
                problems[f"{notebook} at {width} px"] = found
        page.evaluate(CLOSE_JS)
    assert not problems, "\n".join(f"{where}: {found}" for where, found in problems.items())
