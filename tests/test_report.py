"""The report a person can bring to a therapist: every chart, its sentence, its numbers."""

from __future__ import annotations

import datetime as dt
import re
import stat

import pytest

from workbook import charts, report
from workbook.models import CheckIn, InsecuritySnapshot
from workbook.trends import Span


def fill(store, days=20):
    today = dt.date.today()
    for n in range(days):
        at = dt.datetime.combine(today - dt.timedelta(days=n + 1), dt.time(9)).astimezone()
        store.add(CheckIn(mood=5 + n % 3, insecurity=4), at=at)
    store.add(InsecuritySnapshot(answers=(2, 2, 2, 2, 2, 2)),
              at=dt.datetime.combine(today - dt.timedelta(days=3), dt.time(20)).astimezone())


def test_the_report_holds_every_chart_title_summary_and_image(store):
    fill(store)
    path = report.write(store, span=Span.last(30), who="Me")
    page = path.read_text(encoding="utf-8")
    for chart in charts.CHARTS:
        assert f"<h2>{chart.title}</h2>" in page
    assert page.count('<img src="data:image/png;base64,') == len(charts.CHARTS)
    # The mood sentence, with the mean hand-computed: 20 days cycling 5, 6, 7 -> 7x5+7x6+6x7.
    mean = (7 * 5 + 7 * 6 + 6 * 7) / 20
    assert f"Your average mood over the last 30 days was {mean:.1f}" in page
    assert "<td>Check-ins</td><td class='n'>20</td>" in page
    assert "Whose entries" in page


def test_the_report_is_private_and_in_the_journal_folder_by_default(store):
    fill(store, 3)
    path = report.write(store, span=Span.last(30))
    assert path.parent == store.exports_dir == store.path.parent / "exports"
    assert path.name.startswith("secure-base-report-") and path.suffix == ".html"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_a_chosen_file_name_is_used_and_never_overwritten(store, tmp_path):
    fill(store, 3)
    chosen = tmp_path / "for-my-session"
    path = report.write(store, chosen, span=Span.last(90))
    assert path == tmp_path / "for-my-session.html"
    with pytest.raises(report.ReportError, match="already a file"):
        report.write(store, path, span=Span.last(90))
    relative = report.write(store, "session.html", span=Span.last(90))
    assert relative == store.exports_dir / "session.html"
    into_folder = report.write(store, tmp_path, span=Span.last(90))
    assert into_folder.parent == tmp_path and into_folder.suffix == ".html"


def test_a_missing_folder_is_explained(store, tmp_path):
    with pytest.raises(report.ReportError, match="doesn't exist"):
        report.write(store, tmp_path / "nowhere" / "r.html", span=Span.last(30))


def test_names_typed_by_a_person_are_escaped(store):
    fill(store, 2)
    path = report.write(store, span=Span.last(30), who="<img src=x onerror=alert(1)>")
    page = path.read_text(encoding="utf-8")
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_an_empty_journal_still_gives_a_complete_report(store):
    page = report.build_html({"checkin": _empty(store), "gratitude": None,
                              "thought_record": None,
                              "insecurity_snapshot": _empty(store, "insecurity_snapshot"),
                              "practice": _empty(store, "practice")}, Span.last(30))
    assert len(re.findall(r"<h2>", page)) == len(charts.CHARTS)
    assert "no check-ins in this period yet" in page


def test_a_demo_report_says_so(store):
    page = report.build_html({"checkin": _empty(store), "gratitude": None,
                              "thought_record": None,
                              "insecurity_snapshot": _empty(store, "insecurity_snapshot"),
                              "practice": _empty(store, "practice")}, Span.last(30), demo=True)
    assert "Demo: made-up data" in page


def _empty(store, kind="checkin"):
    import workbook

    return workbook.data(kind, store=store)


def test_a_file_names_ending_names_its_format():
    assert report.format_of(" For my session.PDF ") == "pdf"
    assert report.format_of("notes.html") == "html"
    assert report.format_of("notes.txt") is None


def test_choosing_a_format_changes_only_another_formats_ending():
    assert report.with_ending("/tmp/mine.pdf", "html") == "/tmp/mine.html"
    assert report.with_ending("mine.HTML ", "pdf") == "mine.pdf"
    assert report.with_ending("mine.pdf", "pdf") == "mine.pdf"
    assert report.with_ending(" mine ", "pdf") == " mine "  # no ending: left as typed
