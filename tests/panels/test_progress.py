"""The progress page, driven like a person would: pick a period, a profile, press buttons."""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import stat

import pytest
from pypdf import PdfReader

from workbook import charts, demo
from workbook.models import CheckIn
from workbook.panels.progress import TURN_GAP, ProgressPanel, trends_and_report
from workbook.words.progress import CHARTS_DRAWING

# Read at each use, not once: a test run may pass midnight.
today = dt.date.today



def add_checkin(store, days_ago, mood, insecurity=5, profile="me", note="a private note"):
    at = dt.datetime.combine(today() - dt.timedelta(days=days_ago), dt.time(9)).astimezone()
    store.add(CheckIn(mood=mood, insecurity=insecurity, note=note), at=at, profile=profile)


def images(panel):
    return [o for o in panel.charts.outputs
            if "<img class='sb-chart' alt='Chart: " in o["data"]["text/html"]
            and "src='data:image/png;base64," in o["data"]["text/html"]]


@pytest.fixture
def populated(store):
    for days_ago in range(1, 61):
        # The last 30 days (today is the 30th) hold 29 days at 8; the 30 before, 30 at 4.
        add_checkin(store, days_ago, mood=8 if days_ago < 30 else 4)
    return store


def test_every_chart_is_drawn_into_the_chart_area(populated):
    panel = trends_and_report(store=populated)
    assert "sb-charts" in panel.charts._dom_classes
    assert panel.figures_drawn == len(charts.CHARTS) == len(images(panel))
    assert len(panel.summaries) == len(charts.CHARTS)
    assert panel.summaries[0].startswith(
        "Your average mood over the last 30 days was 8.0, up from 4.0 the 30 days before")
    assert panel.offer.layout.display == "none"


def notes(panel):
    """The line saying more charts are on their way, if it is shown."""
    return [o for o in panel.charts.outputs if CHARTS_DRAWING in o["data"]["text/html"]]


def test_on_an_app_page_the_charts_come_one_at_a_time_after_the_page(populated, monkeypatch):
    monkeypatch.setenv("VOILA_BASE_URL", "/")  # what Voilà sets for every page it runs
    seen = []

    async def page():
        panel = trends_and_report(store=populated)
        # The panel is made, and shown, with no chart drawn yet: they are on their way.
        seen.append((panel.figures_drawn, len(notes(panel))))
        while notes(panel):
            await asyncio.sleep(0)  # a turn of the loop, as the kernel takes between messages
            seen.append((panel.figures_drawn, len(notes(panel))))
        return panel

    panel = asyncio.run(page())
    counts = [drawn for drawn, _ in seen]
    assert seen[0] == (0, 1) and counts[-1] == len(charts.CHARTS)
    # Each chart came on a turn of its own.
    assert all(later - earlier in (0, 1) for earlier, later in itertools.pairwise(counts))
    assert sorted(set(counts)) == list(range(len(charts.CHARTS) + 1))
    assert panel.figures_drawn == len(charts.CHARTS) == len(images(panel))
    assert panel.summaries[0].startswith("Your average mood over the last 30 days was 8.0")


def test_a_new_period_chosen_while_charts_come_in_turns_stops_the_older_drawing(
        populated, monkeypatch):
    monkeypatch.setenv("VOILA_BASE_URL", "/")

    async def page():
        panel = trends_and_report(store=populated)
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        panel.period.value = "90"  # drawn at once, as any change after the page is
        # Time enough for the first drawing's next charts to come, were it still going.
        await asyncio.sleep(2 * TURN_GAP * len(charts.CHARTS))
        return panel

    panel = asyncio.run(page())
    assert not notes(panel)
    assert panel.figures_drawn == len(charts.CHARTS) == len(images(panel))
    assert panel.summaries[0].startswith("Your average mood over the last 90 days was 5.9")


def test_changing_the_period_redraws_without_running_cells_again(populated):
    panel = ProgressPanel(store=populated)
    first = panel.charts.outputs
    panel.period.value = "90"
    assert panel.charts.outputs != first
    # 60 days: 29 at 8 and 31 at 4, (232 + 124) / 60 = 5.93.
    assert panel.summaries[0].startswith("Your average mood over the last 90 days was 5.9")
    panel.period.value = "all"
    assert panel.summaries[0].startswith("Your average mood over all your entries was 5.9;")


def test_custom_dates(populated):
    panel = ProgressPanel(store=populated)
    panel.period.value = "custom"
    assert panel.dates.layout.display == "flex"
    panel.start.value = today() - dt.timedelta(days=60)
    panel.end.value = today() - dt.timedelta(days=31)
    assert "was 4.0" in panel.summaries[0]
    drawn = panel.charts.outputs
    panel.start.value = today()  # after the end
    assert "start date on or before the end date" in panel.message.value
    assert panel.charts.outputs == drawn


def test_the_profile_selector_switches_whose_entries_are_shown(store):
    store.set_profile("partner", "Sam")
    add_checkin(store, 1, mood=3)
    add_checkin(store, 1, mood=9, profile="partner")
    panel = ProgressPanel(store=store)
    assert panel.who.layout.display == "flex"
    assert dict(panel.who.options) == {"Me": "me", "Sam": "partner"}
    assert "was 3.0" in panel.summaries[0]
    panel.who.value = "partner"
    assert "was 9.0" in panel.summaries[0]


def test_an_empty_journal_offers_a_clearly_labelled_demo(store):
    panel = ProgressPanel(store=store)
    assert panel.offer.layout.display == "flex"
    assert panel.figures_drawn == len(charts.CHARTS)  # friendly empty charts
    assert "no check-ins" in panel.summaries[0]
    panel.show_demo.click()
    assert panel.showing_demo
    assert "Demo" in panel.banner.value and "made-up" in panel.banner.value
    assert panel.offer.layout.display == "none"
    assert panel.save_report.disabled and panel.export_data.disabled
    assert len(images(panel)) == len(charts.CHARTS)
    assert "was " in panel.summaries[0]  # the demo has check-ins in the last 30 days
    assert store.entries() == []  # nothing written into the person's journal
    assert not demo.demo_store().path.is_relative_to(store.path.parent)
    panel.leave_demo.click()
    assert not panel.showing_demo and panel.banner.value == ""
    assert panel.offer.layout.display == "flex"
    assert "no check-ins" in panel.summaries[0]


def test_saving_the_report_shows_where_it_is(populated):
    panel = ProgressPanel(store=populated)
    suggested = panel.report_path.value
    assert suggested.startswith(str(populated.exports_dir))
    panel.save_report.click()
    assert f"Your report is saved at {suggested}" in panel.status.value
    written = populated.exports_dir / suggested.rsplit("/", 1)[-1]
    assert written.suffix == ".pdf"  # a PDF unless the person picks the web page
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    text = " ".join(page.extract_text() for page in PdfReader(written).pages)
    assert all(chart.title in text for chart in charts.CHARTS)
    assert panel.report_path.value != suggested  # ready for a next report


def test_the_report_as_a_web_page_with_only_the_charts_ticked(populated):
    panel = ProgressPanel(store=populated)
    panel.report_path.value = str(populated.exports_dir / "for-my-session.pdf")
    panel.report_format.value = "html"
    assert panel.report_path.value.endswith("for-my-session.html")
    for key, box in panel.report_parts.items():
        box.value = key in ("mood", "streak")
    panel.save_report.click()
    page = (populated.exports_dir / "for-my-session.html").read_text(encoding="utf-8")
    assert page.count("<h2>") == 2
    assert charts.by_key("mood").title in page and charts.by_key("calendar").title not in page
    for box in panel.report_parts.values():
        box.value = False
    panel.save_report.click()
    assert "tick at least one chart" in panel.status.value


def test_a_report_name_that_exists_is_not_replaced(populated, tmp_path):
    existing = tmp_path / "mine.html"
    existing.write_text("keep me", encoding="utf-8")
    panel = ProgressPanel(store=populated)
    panel.report_path.value = str(existing)
    assert panel.report_format.value == "html"  # the name's ending picks the format
    panel.save_report.click()
    assert "already a file" in panel.status.value
    assert existing.read_text(encoding="utf-8") == "keep me"


def test_exporting_the_data(populated):
    panel = ProgressPanel(store=populated)
    panel.export_data.click()
    assert "Exported 2 files" in panel.status.value
    assert len(list(populated.exports_dir.glob("secure-base-*"))) == 2


def test_nothing_personal_in_the_panel_text(populated):
    panel = ProgressPanel(store=populated)
    assert panel._repr_mimebundle_()["text/plain"] == "Progress and trends (Secure Base)"
    assert all("a private note" not in str(o) for o in panel.charts.outputs)
