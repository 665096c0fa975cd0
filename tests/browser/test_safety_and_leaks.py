"""Safety in a real browser: help is one click away, typed text stays text,
and what a person writes stays in the journal, out of the notebook files."""

from __future__ import annotations

import json
import re
import uuid

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# Text that would run script if a page put it into innerHTML unescaped.
NOTE_PAYLOAD = "<img src=x onerror=alert(1)>"
THERAPIST_PAYLOAD = "<script>alert(2)</script>"
PARTNER_PAYLOAD = "<img src=x onerror=alert(3)>Sam"


def test_need_help_shows_lines_for_the_region(
    lab_server, page, open_notebook, run_all, in_notebook, button, journal
):
    open_notebook(page, "00_start_here.ipynb")
    run_all(page)

    help_now = in_notebook(page, ".sb-form.sb-help")
    open_button = button(help_now, "Need help now?")
    open_button.click()

    region = help_now.locator(".widget-dropdown", has_text="I live in").locator("select")
    expect(region).to_be_visible()
    # "Somewhere else" still gives emergency numbers to call.
    expect(help_now).to_contain_text(re.compile(r"\d{3}"))
    expect(help_now).not_to_contain_text("116 123")
    expect(button(help_now, "Hide support lines")).to_be_visible()

    region.select_option(label="United Kingdom")
    expect(help_now).to_contain_text("116 123")
    expect(help_now).to_contain_text("Samaritans")

    # The choice is remembered for the next time.
    with journal(lab_server) as store:
        assert store.setting("region") == "UK"


def test_typed_markup_is_shown_as_text(
    lab_server, page, open_notebook, run_all, in_notebook, button, journal, record_dialogs
):
    from workbook.models import CheckIn
    from workbook.models.professional_help import TherapistCandidate

    with journal(lab_server) as store:
        store.add(CheckIn(mood=6, insecurity=4, emotions=("calm",), note=NOTE_PAYLOAD))
        store.add(TherapistCandidate(name=THERAPIST_PAYLOAD, experience="couples", fit=4))
        store.set_profile("partner", PARTNER_PAYLOAD)
    dialogs = record_dialogs(page)

    open_notebook(page, "00_start_here.ipynb")
    run_all(page)

    checkin = in_notebook(page, ".sb-form.sb-checkin")
    recent = checkin.locator(".sb-recent-item")
    expect(recent).to_have_count(1)
    expect(recent).to_contain_text("Mood 6/10")
    # The partner's name is shown as typed in "Who is writing?".
    expect(checkin).to_contain_text(PARTNER_PAYLOAD)
    # The recent list names a check-in by mood and feelings; Edit brings the note
    # back into the form, character for character.
    button(recent, "Edit").click()
    expect(checkin.locator("textarea").first).to_have_value(NOTE_PAYLOAD)

    # 07 lists the therapist by name, in its table and in its recent entries.
    open_notebook(page, "07_seek_professional_help.ipynb")
    run_all(page)
    therapists = in_notebook(page, ".sb-form.sb-therapists")
    expect(therapists.locator(".sb-therapist-table")).to_contain_text(THERAPIST_PAYLOAD)
    expect(therapists.locator(".sb-recent-item")).to_contain_text(THERAPIST_PAYLOAD)

    assert page.locator("img[src='x']").count() == 0
    assert page.locator("script", has_text="alert(").count() == 0
    assert not dialogs, f"typed text ran as script: {dialogs}"


def test_saved_words_stay_out_of_the_notebook_files(
    lab_server,
    page,
    open_notebook,
    run_all,
    save_notebook,
    in_notebook,
    fill,
    button,
    journal,
    files_containing,
):
    notebook = "04_practice_self_compassion.ipynb"
    open_notebook(page, notebook)
    run_all(page)

    form = in_notebook(page, ".sb-form.sb-inner-critic")
    canary = f"canary-{uuid.uuid4().hex[:16]}"
    boxes = form.locator(".sb-field textarea")
    fill(boxes.nth(0), f"You are too much. {canary}")
    feeling = button(form, "anxious")
    feeling.click()
    expect(feeling).to_have_class(re.compile(r"\bmod-active\b"))
    fill(boxes.nth(1), f"{canary} I have big feelings and I am learning.")
    button(form, "Save").click()
    expect(form.locator(".sb-status").first).to_contain_text("Saved at", timeout=15_000)
    # The recent list on the page shows the rewrite, so it is in the widget state.
    expect(form.locator(".sb-recent-item")).to_contain_text(canary)

    with journal(lab_server) as store:
        saved = store.entries("inner_critic_rewrite")
    assert len(saved) == 1, saved
    assert canary in saved[0].entry.critic_says
    assert canary in saved[0].entry.rewrite
    assert saved[0].entry.feelings == ("anxious",)

    save_notebook(page)
    checkpoints = lab_server.root_dir / ".ipynb_checkpoints"
    assert any(checkpoints.glob("04_practice_self_compassion-checkpoint.ipynb")), (
        "JupyterLab made no checkpoint, so the check below would miss it"
    )
    cells = json.loads((lab_server.root_dir / notebook).read_text(encoding="utf-8"))["cells"]
    assert any(cell.get("execution_count") for cell in cells), "the run was not saved"
    leaks = files_containing(lab_server.root_dir, canary)
    assert not leaks, f"the canary leaked into {leaks}"
