"""My safety plan in a real browser: from "Need help now?" in notebook 05 to a saved plan."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_need_help_in_notebook_05_reaches_the_safety_plan(
    lab_server, page, open_notebook, run_all, in_notebook, button, fill, journal
):
    with journal(lab_server) as store:
        store.set_setting("region", "NZ")
    open_notebook(page, "05_reframe_negative_thoughts.ipynb")
    run_all(page)

    help_now = in_notebook(page, ".sb-form.sb-help")
    button(help_now, "Need help now?").click()
    expect(help_now).to_contain_text("1737")
    expect(help_now).to_contain_text("If someone else uses or watches this computer")
    # Without a safety check that points to fear of a partner, only the general plan.
    expect(button(help_now, "My plan for safety in my relationship")).to_be_hidden()

    button(help_now, "My safety plan").click()
    plan = help_now.locator(".sb-safety-plan")
    expect(plan).to_contain_text("My warning signs")
    # The professionals part starts with the lines for the region chosen before.
    professionals = plan.locator(".sb-field", has_text="Professionals and services")
    expect(professionals.locator("textarea")).to_have_value(re.compile("1737"))

    warning = plan.locator(".sb-field", has_text="My warning signs").locator("textarea")
    fill(warning, "I stop replying to friends")
    button(plan, "Save my plan").click()
    expect(plan).to_contain_text("Saved at")
    expect(plan.locator(".sb-plan")).to_contain_text("I stop replying to friends")

    with journal(lab_server) as store:
        [saved] = store.entries("safety_plan")
        assert saved.entry.warning_signs == "I stop replying to friends"
        assert "1737" in saved.entry.professionals


def test_the_safety_check_offers_the_relationship_plan_only_after_pointing_to_fear(
    lab_server, page, open_notebook, run_all, in_notebook, button
):
    open_notebook(page, "00_start_here.ipynb")
    run_all(page)

    check = in_notebook(page, ".sb-form.sb-safety")
    button(check, "What this means for me").click()
    expect(check).to_contain_text("My safety plan")
    partner_plan = button(check, "My plan for safety in my relationship")
    expect(partner_plan).to_be_hidden()

    first_question = check.locator(".sb-field").first
    button(first_question, "Yes").click()
    button(check, "What this means for me").click()
    expect(check).to_contain_text("never your fault")
    expect(partner_plan).to_be_visible()
    partner_plan.click()
    expect(check.locator(".sb-partner-safety-plan")).to_contain_text(
        "where the person you fear can't find it")
