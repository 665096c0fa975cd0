"""One exercise saved from every notebook opened as an app page (Voilà), read back from
the journal; what was typed is shown as text and stays out of every file the server
keeps; and a check-in filled and saved with the keyboard alone."""

from __future__ import annotations

import re
import sys
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from daylio_exports import export_csv, recent

pytestmark = pytest.mark.browser

RENDER_TIMEOUT_MS = 180_000
SAVE_TIMEOUT_MS = 30_000
# Typed into the first text box of each exercise: found later only where it belongs.
MARKUP = "<img src=x onerror=alert(1)>"


@dataclass
class Typing:
    """What a recipe types: a fresh canary, with markup that must stay text."""

    canary: str

    @property
    def words(self) -> str:
        return f"{self.canary} {MARKUP}"


def row(form, label: str):
    """The field of ``form`` whose visible label starts with ``label``."""
    return form.locator(".sb-field").filter(
        has=form.page.locator("b", has_text=re.compile(rf"^{re.escape(label)}"))).first


def first_pick(form, label: str) -> None:
    """Press the first button of a pick list (a toggle shows it is on)."""
    pick = row(form, label).locator("button").first
    pick.click()
    expect(pick).to_have_class(re.compile(r"\bmod-active\b"))


def snapshot(form, typing, fill, button) -> None:
    for number in range(6):
        choice = button(form.locator(".sb-field").nth(number), "not at all")
        choice.click()
        expect(choice).to_have_class(re.compile(r"\bmod-active\b"))
    fill(row(form, "Anything behind these answers").locator("textarea"), typing.words)


def statement(form, typing, fill, button) -> None:
    fill(row(form, "What happened").locator("textarea"), typing.words)
    first_pick(form, "How I feel")
    first_pick(form, "What I need")
    fill(row(form, "My request").locator("input[type=text]"), "a walk together on Sunday")


def gratitude(form, typing, fill, button) -> None:
    boxes = form.locator(".sb-field input[type=text]")
    for number, words in enumerate((typing.words, "the tea", "the song")):
        fill(boxes.nth(number), words)


def trigger_log(form, typing, fill, button) -> None:
    fill(row(form, "What was happening").locator("textarea"), "a quiet evening")
    fill(row(form, "The trigger").locator("input[type=text]"), typing.words)
    first_pick(form, "The fear underneath")
    first_pick(form, "Feelings")
    fill(row(form, "What I actually did").locator("textarea"), "went for a walk")


def inner_critic(form, typing, fill, button) -> None:
    fill(row(form, "What my inner critic says").locator("textarea"), "too much")
    first_pick(form, "The feelings it brings")
    fill(row(form, "A kind and accurate rewrite").locator("textarea"), typing.words)


def quick_check(form, typing, fill, button) -> None:
    fill(row(form, "The thought").locator("textarea"), "they are bored of me")
    row(form, "The thinking trap it fits best").locator("select").select_option(
        label="Mind reading")
    fill(row(form, "A kinder, fairer alternative").locator("textarea"), typing.words)


def card_sort(form, typing, fill, button) -> None:
    choice = button(form.locator(".sb-value-row.sb-value-trust"), "Very important")
    choice.click()
    expect(choice).to_have_class(re.compile(r"\bmod-active\b"))


def therapist(form, typing, fill, button) -> None:
    fill(row(form, "Name or practice").locator("input[type=text]"), typing.words)


@dataclass(frozen=True)
class Exercise:
    notebook: str
    css: str
    kind: str
    save: str
    fill: Callable[..., None]
    typed: bool = True  # whether the recipe types the canary
    listed: bool = True  # whether the recent list shows what was typed


EXERCISES = [
    Exercise("00_start_here.ipynb", "sb-snapshot", "insecurity_snapshot", "Save snapshot",
             snapshot, listed=False),
    Exercise("01_open_communication.ipynb", "sb-statement", "clear_statement", "Save statement",
             statement),
    Exercise("02_focus_on_the_positive.ipynb", "sb-gratitude", "gratitude", "Save gratitude",
             gratitude),
    Exercise("03_embrace_your_vulnerabilities.ipynb", "sb-trigger-log", "trigger_log",
             "Save to trigger log", trigger_log),
    Exercise("04_practice_self_compassion.ipynb", "sb-inner-critic", "inner_critic_rewrite", "Save",
             inner_critic),
    Exercise("05_reframe_negative_thoughts.ipynb", "sb-quick-thought", "quick_thought_check",
             "Save", quick_check),
    Exercise("06_connect_with_your_values.ipynb", "sb-card-sort", "values_sort", "Save my sort",
             card_sort, typed=False, listed=False),
    Exercise("07_seek_professional_help.ipynb", "sb-therapists", "therapist_candidate",
             "Save candidate", therapist),
]


# The exercises and the keyboard check-in share one app on their pages: each of them
# saves a kind no other test of that app saves, so each finds exactly its own entry.
SAVING_PAGES = sorted({exercise.notebook for exercise in EXERCISES})


@pytest.fixture(scope="module")
def saving_app(start_app, tmp_path_factory):
    with start_app(tmp_path_factory.mktemp("saving-app"), SAVING_PAGES) as app:
        yield app


def _open(app, context, notebook: str):
    page = context.new_page()
    page.goto(f"{app.page(notebook)}?token={app.token}", timeout=RENDER_TIMEOUT_MS)
    page.locator("#loading").wait_for(state="hidden", timeout=RENDER_TIMEOUT_MS)
    return page


def _kept_nowhere(app, canary: str, files_containing) -> None:
    """The canary is in the journal's folder only: not beside the notebooks, not in the
    Jupyter folders, not in the app's log."""
    base = app.notebooks.parent
    found = [path for path in files_containing(base, canary)
             if not path.is_relative_to(app.store_home)]
    assert not found, found


@pytest.mark.parametrize("exercise", EXERCISES, ids=[e.notebook for e in EXERCISES])
def test_an_exercise_saves_from_every_app_page(exercise, saving_app, context, fill, button,
                                               journal, record_dialogs, files_containing):
    from workbook.models import KINDS

    assert exercise.kind in KINDS
    page = _open(saving_app, context, exercise.notebook)
    dialogs = record_dialogs(page)
    form = page.locator(f".sb-form.{exercise.css}").first
    form.wait_for()
    typing = Typing(f"app-canary-{uuid.uuid4().hex[:12]}")
    exercise.fill(form, typing, fill, button)
    button(form, exercise.save).click()
    expect(form.locator(".sb-status").first).to_contain_text("Saved at", timeout=SAVE_TIMEOUT_MS)

    with journal(saving_app.store_home) as store:
        saved = store.entries(exercise.kind)
    assert len(saved) == 1, saved
    if exercise.typed:
        assert typing.words in str(saved[0].entry.to_data())
        _kept_nowhere(saving_app, typing.canary, files_containing)
    if exercise.listed:
        # Shown back in the recent list as the words typed, never as markup.
        expect(form.locator(".sb-recent-item").first).to_contain_text(MARKUP)
    assert page.locator("img[src='x']").count() == 0
    assert not dialogs, f"typed text ran as script: {dialogs}"


def test_an_import_saves_from_the_progress_app_page(tmp_path, start_voila, context, fill,
                                                    button, journal):
    export = tmp_path / "daylio_export.csv"
    export.write_bytes(export_csv(recent(5)))
    server = start_voila("08_progress_and_trends.ipynb")
    page = context.new_page()
    page.goto(f"{server.url}/?token={server.token}")
    page.locator("#loading").wait_for(state="hidden", timeout=RENDER_TIMEOUT_MS)
    panel = page.locator(".sb-form.sb-import").first
    panel.wait_for()
    fill(panel.locator("input[type=text]").first, str(export))
    button(panel, "Preview").click()
    expect(panel.locator(".sb-import-preview")).to_contain_text("holds 5 check-ins",
                                                                timeout=SAVE_TIMEOUT_MS)
    button(panel, "Import").click()
    expect(panel.locator(".sb-status")).to_contain_text("Imported 5 check-ins.",
                                                        timeout=60_000)
    with journal(server) as store:
        assert len(store.entries("checkin")) == 5


def test_a_check_in_filled_and_saved_with_the_keyboard_alone(saving_app, context, journal):
    page = _open(saving_app, context, "00_start_here.ipynb")
    form = page.locator(".sb-form.sb-checkin").first
    form.wait_for()
    mood = form.get_by_role("slider", name="Mood right now")
    note = f"keyboard-{uuid.uuid4().hex[:12]}"

    def tab_to(target, most: int = 400) -> None:
        """Press Tab until ``target`` has the focus, as a person without a mouse would."""
        for _ in range(most):
            if target.evaluate("el => el === document.activeElement"):
                return
            page.keyboard.press("Tab")
        raise AssertionError(f"Tab never reached {target}")

    tab_to(mood)
    start = int(mood.input_value())
    for key in ("ArrowRight", "ArrowRight", "ArrowRight"):
        page.keyboard.press(key)
    expect(mood).to_have_value(str(start + 3))
    hopeful = form.locator("button", has_text=re.compile(r"^\s*hopeful\s*$")).first
    tab_to(hopeful)
    page.keyboard.press("Space")
    expect(hopeful).to_have_class(re.compile(r"\bmod-active\b"))
    # The options share one layout and style; each is still picked on its own.
    expect(form.locator(".widget-toggle-button.mod-active")).to_have_count(1)
    tab_to(form.locator("textarea").first)
    page.keyboard.type(note)
    save = form.locator("button", has_text="Save check-in").first
    tab_to(save)
    page.keyboard.press("Enter")
    expect(form.locator(".sb-status").first).to_contain_text("Saved at", timeout=SAVE_TIMEOUT_MS)

    with journal(saving_app.store_home) as store:
        saved = store.entries("checkin")
    assert len(saved) == 1, saved
    assert saved[0].entry.mood == start + 3
    assert saved[0].entry.emotions == ("hopeful",)
    assert saved[0].entry.note == note


def test_a_safety_plan_made_from_need_help_opens_from_my_journal_where_it_shows(
        saving_app, context, journal, fill, button):
    """The plan's form is made when "My safety plan" is first pressed, and an Edit link
    to the plan opens it in 07's own plans, not in the closed "Need help now?"."""
    page = _open(saving_app, context, "07_seek_professional_help.ipynb")
    help_now = page.locator(".sb-form.sb-help").first
    button(help_now, "Need help now?").click()
    button(help_now, "My safety plan").click()
    plan = help_now.locator(".sb-safety-plan")
    # Saved with only the lines filled in for the region: a message under the first part.
    button(plan, "Save my plan").click()
    expect(row(plan, "My warning signs")).to_contain_text("at least one part")
    signs = row(plan, "My warning signs").locator("textarea")
    fill(signs, "I stop replying to friends")
    button(plan, "Save my plan").click()
    expect(plan.locator(".sb-status").first).to_contain_text("Saved at",
                                                             timeout=SAVE_TIMEOUT_MS)
    with journal(saving_app.store_home) as store:
        [saved] = store.entries("safety_plan")

    page.goto(f"{saving_app.page('07_seek_professional_help.ipynb')}?edit={saved.id}",
              timeout=RENDER_TIMEOUT_MS)
    page.locator("#loading").wait_for(state="hidden", timeout=RENDER_TIMEOUT_MS)
    expect(page.locator(".sb-asked-entry")).to_contain_text("open for changing")
    plans = page.locator(".sb-form.sb-safety-plans").last
    opened = plans.locator(".sb-safety-plan")
    signs = row(opened, "My warning signs").locator("textarea")
    expect(signs).to_have_value("I stop replying to friends")
    expect(page.locator(".sb-form.sb-help").first.locator(".sb-safety-plan")).to_have_count(0)
    fill(signs, "I stop eating")
    button(opened, "Save changes").click()
    expect(page.locator(".sb-asked-entry")).to_contain_text("Your changes are saved",
                                                            timeout=SAVE_TIMEOUT_MS)
    with journal(saving_app.store_home) as store:
        [changed] = store.entries("safety_plan")
    assert changed.id == saved.id and changed.entry.warning_signs == "I stop eating"


# Saved words that would run script if a page put them into its HTML unescaped.
SEEDED = {
    "note": "<img src=x onerror=alert(1)>",
    "therapist": "<script>alert(2)</script>",
    "partner": "<img src=x onerror=alert(3)>Sam",
}


MARKUP_PAGES = ["00_start_here.ipynb", "07_seek_professional_help.ipynb", "home.ipynb"]


@pytest.fixture(scope="module")
def seeded_app(start_app, tmp_path_factory, journal):
    """An app on the pages that show saved words, its journal holding ``SEEDED``."""
    from workbook.models import CheckIn
    from workbook.models.professional_help import TherapistCandidate

    with start_app(tmp_path_factory.mktemp("seeded-app"), MARKUP_PAGES) as app:
        with journal(app.store_home) as store:
            store.add(CheckIn(mood=6, insecurity=4, emotions=("calm",), note=SEEDED["note"]))
            store.add(TherapistCandidate(name=SEEDED["therapist"], experience="couples", fit=4))
            store.set_profile("partner", SEEDED["partner"])
        yield app


@pytest.mark.parametrize("notebook", MARKUP_PAGES)
def test_saved_markup_is_shown_as_text_on_app_pages(notebook, seeded_app, context,
                                                   record_dialogs):
    page = context.new_page()
    dialogs = record_dialogs(page)
    page.goto(f"{seeded_app.page(notebook)}?token={seeded_app.token}",
              timeout=RENDER_TIMEOUT_MS)
    page.locator("#loading").wait_for(state="hidden", timeout=RENDER_TIMEOUT_MS)
    page.locator(".sb-form.sb-help").first.wait_for()
    body = page.locator("body")
    if notebook == "00_start_here.ipynb":
        # "Who is writing?" names the partner as typed.
        expect(page.locator(".sb-form.sb-checkin").first).to_contain_text(SEEDED["partner"])
    if notebook == "07_seek_professional_help.ipynb":
        expect(page.locator(".sb-therapist-table").first).to_contain_text(SEEDED["therapist"])
    expect(body).not_to_contain_text("Loading widget", timeout=60_000)
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("script", has_text="alert(").count() == 0
    assert not dialogs, f"saved text ran as script: {dialogs}"


@pytest.mark.app_pages("00_start_here.ipynb")
def test_a_full_recent_list_takes_a_save_and_a_delete(running_app, context, journal, fill,
                                                      button, record_dialogs):
    """The oldest check-in leaves a full list when one is saved, and comes back when the
    new one is deleted: the list keeps the items it shows and lets go of the rest."""
    import datetime as dt

    from workbook.exercises.checkin import CheckInForm
    from workbook.models import CheckIn

    app = running_app
    shown = CheckInForm.recent_limit
    start = dt.datetime.now(dt.UTC) - dt.timedelta(days=10)
    with journal(app.store_home) as store:
        for day in range(shown):
            store.add(CheckIn(mood=6, insecurity=3, note=f"listed-{day}"),
                      at=start + dt.timedelta(days=day))
    page = _open(app, context, "00_start_here.ipynb")
    dialogs = record_dialogs(page)
    form = page.locator(".sb-form.sb-checkin").first
    items = form.locator(".sb-recent-item")
    expect(items).to_have_count(shown)
    expect(items.last).to_contain_text("listed-0")

    note = f"recent-{uuid.uuid4().hex[:12]}"
    fill(form.locator("textarea").first, note)
    button(form, "Save check-in").click()
    expect(form.locator(".sb-status").first).to_contain_text("Saved at", timeout=SAVE_TIMEOUT_MS)
    expect(items.first).to_contain_text(note)
    expect(items).to_have_count(shown)
    expect(form).not_to_contain_text("listed-0")

    newest = items.first
    button(newest, "Delete").click()
    expect(newest).to_contain_text("Delete this entry for good?")
    button(newest, "Yes, delete").click()
    expect(form.locator(".sb-recent .sb-status")).to_contain_text("Deleted.",
                                                                  timeout=SAVE_TIMEOUT_MS)
    expect(form).not_to_contain_text(note)
    expect(items).to_have_count(shown)
    expect(items.last).to_contain_text("listed-0")
    expect(page.locator("body")).not_to_contain_text("Loading widget")
    with journal(app.store_home) as store:
        assert sorted(s.entry.note for s in store.entries("checkin")) == [
            f"listed-{day}" for day in range(shown)]
    assert not dialogs, dialogs
