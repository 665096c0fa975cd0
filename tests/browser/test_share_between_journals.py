"""Two computers, two journals: one person shares a card sort, the other sees the comparison."""

from __future__ import annotations

import os
import re
import stat

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ACTIVE = re.compile(r"\bmod-active\b")
SAVE_TIMEOUT_MS = 30_000


def test_a_card_sort_shared_from_06_is_compared_in_the_partners_06(
    lab_server, partner_lab_server, context, page, lab_page, open_notebook, run_all,
    in_notebook, button, fill, journal, tmp_path,
):
    from workbook.models.values import ValuesSort

    share_file = tmp_path / "handed-over" / "from-sam.json"

    # Person A, on their computer: sort a few cards, then share the sort.
    open_notebook(page, "06_connect_with_your_values.ipynb")
    run_all(page)
    sort = in_notebook(page, ".sb-form.sb-card-sort")
    sort.wait_for()
    for key, pile in {"trust": "Very important", "fun": "Very important",
                      "calm": "Important"}.items():
        choice = button(sort.locator(f".sb-value-row.sb-value-{key}"), pile)
        choice.click()
        expect(choice).to_have_class(ACTIVE)
    button(sort, "Save my sort").click()
    expect(sort.locator(".sb-status").first).to_contain_text("Saved at", timeout=SAVE_TIMEOUT_MS)

    sharing = in_notebook(page, ".sb-form.sb-share")
    expect(sharing).to_contain_text("Sharing is always optional")
    button(sharing, "Show my latest entries").click()
    tick = sharing.locator(".widget-checkbox", has_text="Values card sort")
    expect(tick).to_have_count(1)
    expect(sharing.locator(".widget-checkbox input[type=checkbox]:checked")).to_have_count(0)
    tick.locator("input[type=checkbox]").check()
    fill(sharing.locator(".sb-field", has_text="Your name").locator("input"), "Sam")
    button(sharing, "Show me exactly what will be shared").click()
    preview = sharing.locator(".sb-share-preview")
    expect(preview).to_contain_text("From: Sam", timeout=SAVE_TIMEOUT_MS)
    expect(preview).to_contain_text("Very important: Fun, Trust")
    fill(sharing.locator(".sb-field", has_text="Where to save").locator("input"), str(share_file))
    button(sharing, "Save the share file").click()
    expect(sharing.locator(".sb-status")).to_contain_text(
        "Saved the share file to", timeout=SAVE_TIMEOUT_MS)
    assert stat.S_IMODE(os.stat(share_file).st_mode) == 0o600

    # Person B, on theirs: their own sort is already there.
    with journal(partner_lab_server) as store:
        store.add(ValuesSort(very_important=("trust", "adventure"), top_five=("adventure",)))
    partner_page = lab_page(context, partner_lab_server)
    open_notebook(partner_page, "06_connect_with_your_values.ipynb")
    run_all(partner_page)
    opening = in_notebook(partner_page, ".sb-form.sb-share-open")
    opening.wait_for()
    fill(opening.locator(".sb-field", has_text="The share file").locator("input"),
         str(share_file))
    button(opening, "Look inside").click()
    expect(opening.locator(".sb-share-preview")).to_contain_text(
        "Values card sort", timeout=SAVE_TIMEOUT_MS)
    with journal(partner_lab_server) as store:
        assert store.entries(profile="partner") == []  # nothing before "Bring it in"
    button(opening, "Bring it in").click()
    expect(opening.locator(".sb-status").first).to_contain_text(
        "Brought in 1 entry from Sam", timeout=SAVE_TIMEOUT_MS)

    compared = opening.locator(".sb-compare-result")
    expect(compared).to_be_visible()
    expect(compared).to_contain_text("We share")
    expect(compared).to_contain_text("Matters most to Sam")
    shared_column = compared.locator("div", has_text="We share").last
    expect(shared_column).to_contain_text("Trust")

    with journal(partner_lab_server) as store:
        [received] = store.entries("values_sort", profile="partner")
        assert set(received.entry.very_important) == {"trust", "fun"}
        assert received.batch in {b.id for b in store.batches("share")}
    with journal(lab_server) as store:
        assert store.entries(profile="partner") == []
