"""Exercises filled in a real JupyterLab, with what they saved read back from the journal."""

from __future__ import annotations

import datetime as dt
import re
import uuid

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

CHART_TIMEOUT_MS = 60_000
# ipywidgets marks the pressed button of a ToggleButtons row with this class.
ACTIVE = re.compile(r"\bmod-active\b")


def test_gratitude_journal_saved(
    lab_server, page, open_notebook, run_all, in_notebook, fill, button, journal
):
    open_notebook(page, "02_focus_on_the_positive.ipynb")
    run_all(page)

    form = in_notebook(page, ".sb-form.sb-gratitude")
    form.wait_for()
    rows = form.locator(".sb-field")
    expect(rows.locator("input[type=text]")).to_have_count(3)

    tag = uuid.uuid4().hex[:8]
    items = (f"the tea you made me {tag}", f"how you listened {tag}", f"your silly song {tag}")
    told = (True, False, True)
    for number, (item, was_told) in enumerate(zip(items, told, strict=True)):
        row = rows.nth(number)
        fill(row.locator("input[type=text]"), item)
        tick = row.locator("input[type=checkbox]")
        if was_told:
            tick.check()
        expect(tick).to_be_checked(checked=was_told)

    button(form, "Save gratitude").click()
    expect(form.locator(".sb-status").first).to_contain_text("Saved at", timeout=15_000)
    # The form refreshes its own views from the journal after saving.
    expect(form.locator(".sb-recent-item")).to_have_count(1)
    expect(form.locator(".sb-recent-item").first).to_contain_text(items[2])
    expect(form).to_contain_text("noticed 3 things you appreciate, and told your partner about 2")

    with journal(lab_server) as store:
        saved = store.entries("gratitude")
        everything = store.entries()
    assert len(saved) == 1, saved
    assert saved[0].entry.items == items
    assert saved[0].entry.told == told
    assert saved[0].profile == "me"
    assert len(everything) == 1, [s.kind for s in everything]
    assert everything[0].strategy == "focus_on_the_positive"


def test_values_card_sort_saved(
    lab_server, page, open_notebook, run_all, in_notebook, button, journal
):
    open_notebook(page, "06_connect_with_your_values.ipynb")
    run_all(page)

    form = in_notebook(page, ".sb-form.sb-card-sort")
    form.wait_for()
    progress = form.locator(".sb-sort-progress")
    expect(progress).to_have_text("0 of 40 values sorted.")

    piles = {
        "trust": "Very important",
        "fun": "Very important",
        "calm": "Important",
        "adventure": "Not important",
    }
    for key, pile in piles.items():
        row = form.locator(f".sb-value-row.sb-value-{key}")
        choice = button(row, pile)
        choice.click()
        expect(choice).to_have_class(ACTIVE)
    expect(progress).to_have_text("4 of 40 values sorted.")

    # Rank Trust first: the rank lists only offer values kept in the top two piles.
    first = form.locator(".widget-dropdown").filter(has_text="1st").locator("select")
    first.select_option(label="Trust")

    button(form, "Save my sort").click()
    status = form.locator(".sb-status").first
    expect(status).to_contain_text("Saved at", timeout=15_000)
    expect(status).to_contain_text("4 of 40 sorted, 1 of 5 ranked")

    with journal(lab_server) as store:
        saved = store.entries("values_sort")
    assert len(saved) == 1, saved
    sort = saved[0].entry
    assert set(sort.very_important) == {"trust", "fun"}
    assert sort.important == ("calm",)
    assert sort.not_important == ("adventure",)
    assert sort.top_five == ("trust",)
    assert saved[0].strategy == "values"


def test_progress_charts_from_a_populated_journal(
    lab_server, page, open_notebook, run_all, in_notebook, journal
):
    from workbook import charts, trends
    from workbook.models import CheckIn
    from workbook.models.checkin import InsecuritySnapshot
    from workbook.models.positive import Gratitude
    from workbook.models.reframe import ThoughtRecord

    today = dt.date.today()

    def evening(days_ago: int, minute: int = 0) -> dt.datetime:
        day = today - dt.timedelta(days=days_ago)
        return dt.datetime.combine(day, dt.time(19, minute)).astimezone()

    # About six weeks of a person's journal, written before the notebook opens.
    with journal(lab_server) as store:
        for days_ago in range(40, -1, -1):
            store.add(
                CheckIn(
                    mood=3 + (days_ago * 5) % 7,
                    insecurity=(days_ago * 3) % 11,
                    emotions=("calm", "hopeful") if days_ago % 2 else ("anxious",),
                    note="",
                ),
                at=evening(days_ago),
            )
            if days_ago % 3 == 0:
                store.add(
                    Gratitude(items=("a walk together", "a kind text"), told=(True, False)),
                    at=evening(days_ago, 10),
                )
            if days_ago % 7 == 0:
                store.add(InsecuritySnapshot(answers=(2, 2, 1, 3, 2, 1)), at=evening(days_ago, 20))
        for days_ago, belief_after in ((12, 50), (4, 30)):
            record = ThoughtRecord(
                situation="they were late home", situation_kind="time_apart",
                emotions=("anxious",), intensity_before=(80,),
                automatic_thought="they are losing interest", belief_before=90,
                traps=("mind_reading", "fortune_telling"), evidence_for="quiet all evening",
                evidence_against="they texted twice", friend_view="late is not leaving",
                balanced_thought="they had a long day", belief_after=belief_after,
                intensity_after=(30,),
            )  # fmt: skip
            store.add(record, at=evening(days_ago, 30))

        frames = trends.load(store, "me")
        span = trends.Span.last(30, today)
        expected = [chart.summary(frames, span) for chart in charts.CHARTS]

    open_notebook(page, "08_progress_and_trends.ipynb")
    run_all(page)

    panel = in_notebook(page, ".sb-form.sb-progress")
    panel.wait_for()
    images = panel.locator(".widget-output.sb-charts img")
    expect(images).to_have_count(len(charts.CHARTS), timeout=CHART_TIMEOUT_MS)
    assert len(charts.CHARTS) == 9
    for image in images.all():
        # Each chart is a real picture, loaded and drawn, not a broken image.
        assert image.evaluate("img => img.complete && img.naturalWidth > 100"), image

    summaries = panel.locator(".sb-charts p.sb-summary")
    expect(summaries).to_have_count(len(charts.CHARTS))
    shown = [text.strip() for text in summaries.all_inner_texts()]
    assert all(shown), shown
    # The sentences are about this journal (not the demo, not an empty one).
    assert shown == [" ".join(text.split()) for text in expected]
    expect(panel.locator(".sb-demo-offer")).to_be_hidden()
    expect(panel.locator(".sb-demo-banner")).to_have_text("")
