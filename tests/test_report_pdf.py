"""The report as a PDF, read back with pypdf: what is chosen is in it, what is left out is not."""

from __future__ import annotations

import datetime as dt
import stat
import subprocess
import sys
import warnings

import pytest
from pypdf import PdfReader

import workbook
from workbook import charts, messages, report, trends
from workbook.models import CheckIn, InsecuritySnapshot
from workbook.models.safety_plan import SafetyPlan
from workbook.report import pdf as report_pdf
from workbook.sealed import KdfSettings
from workbook.store import Store
from workbook.trends import Span

CANARY = "CANARY-left-out-4c1d"
HEBREW = "שלום עולם"
ARABIC = "مرحبا بالعالم"
ACCENTS = "Crème brûlée à Zoë, Ångström, Ελπίδα, Надежда"
FAST = KdfSettings(time_cost=1, memory_kib=8 * 1024, parallelism=1)


def fill(store: Store, days: int = 20) -> None:
    today = dt.date.today()
    for n in range(days):
        at = dt.datetime.combine(today - dt.timedelta(days=n + 1), dt.time(9)).astimezone()
        store.add(CheckIn(mood=5 + n % 3, insecurity=4), at=at)
    store.add(InsecuritySnapshot(answers=(2, 2, 2, 2, 2, 2)),
              at=dt.datetime.combine(today - dt.timedelta(days=3), dt.time(20)).astimezone())


def text_of(path) -> str:
    """Every page's text, with runs of white space (line breaks included) made one space."""
    pages = PdfReader(path).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def flat(words: str) -> str:
    return " ".join(words.split())


def test_every_chosen_section_has_its_heading_sentence_numbers_and_picture(store):
    fill(store)
    store.add(SafetyPlan(warning_signs="When I check my phone again and again.",
                         people="Sam, my sister", in_report=True))
    path = workbook.report_pdf(None, period=30, store=store)
    assert path.parent == store.exports_dir and path.suffix == ".pdf"
    assert path.read_bytes().startswith(b"%PDF-")
    text = text_of(path)
    reader = PdfReader(path)

    span = Span.last(30)
    frames = trends.load(store, "me", span)
    for chart in charts.CHARTS:
        assert chart.title in text
        assert flat(chart.summary(frames, span)) in text
        for label, value in chart.numbers(frames, span):
            assert f"{flat(label)} {value}" in text
    # The mood sentence, with the mean hand-computed: 20 days cycling 5, 6, 7 -> 7x5+7x6+6x7.
    mean = (7 * 5 + 7 * 6 + 6 * 7) / 20
    assert f"Your average mood over the last 30 days was {mean:.1f}" in text
    assert "Check-ins 20" in text
    # The plan the person ticked, its headings and their words.
    assert "My safety plan My warning signs When I check my phone again and again." in text
    assert "People I can ask for help Sam, my sister" in text
    # Who, when, and what this is not.
    assert f"Period {Span.last(30).start:%d %B %Y} to {dt.date.today():%d %B %Y}" in text
    assert "Whose entries Me" in text
    assert flat(report.ABOUT) in text and "not a test or a diagnosis" in text
    # One picture per chart, and every page numbered out of the whole.
    assert sum(len(page.images) for page in reader.pages) == len(charts.CHARTS)
    pages = len(reader.pages)
    assert pages >= 2
    for number, page in enumerate(reader.pages, start=1):
        assert f"Page {number} of {pages}" in page.extract_text()


def test_a_left_out_section_is_not_in_the_file_at_all(store):
    fill(store, 5)
    store.add(SafetyPlan(warning_signs=f"a private line {CANARY}", in_report=True))
    kept = workbook.report_pdf("with-plan.pdf", period=30, store=store,
                               sections=["safety_plan", "mood"])
    assert CANARY in text_of(kept)  # the canary is readable when its section is chosen

    path = workbook.report_pdf("without-plan.pdf", period=30, store=store,
                               sections=["mood", "streak"])
    text = text_of(path)
    assert CANARY not in text and "My safety plan" not in text
    assert charts.by_key("mood").title in text and charts.by_key("streak").title in text
    for chart in charts.CHARTS:
        if chart.key not in ("mood", "streak"):
            assert chart.title not in text
    reader = PdfReader(path)
    assert sum(len(page.images) for page in reader.pages) == 2
    # The same choice gives the same parts in the HTML page.
    page = report.write(store, "without-plan.html", span=Span.last(30),
                        sections=["mood", "streak"]).read_text(encoding="utf-8")
    assert CANARY not in page and page.count("<h2>") == 2


def test_accents_and_right_to_left_words_survive_and_an_emoji_never_breaks_the_file(store):
    fill(store, 3)
    store.set_profile("me", f"Zoë {HEBREW}")
    store.add(SafetyPlan(warning_signs=f"{ACCENTS}. {HEBREW} — {ARABIC}.",
                         people="Ana 😀 👩‍👩‍👧 ❤️ 中文 🫶 end", in_report=True))
    path = workbook.report_pdf("languages.pdf", period=30, store=store,
                               sections=["safety_plan", "mood"])
    text = text_of(path)
    assert ACCENTS in text
    assert HEBREW in text and ARABIC in text  # in reading order, not mirrored
    assert f"Whose entries Zoë {HEBREW}" in text
    # A character the font can't draw becomes a plain box; the rest of the line is whole.
    people = text[text.index("People I can ask for help"):]
    assert people.startswith("People I can ask for help Ana")
    assert report_pdf.MISSING in people and "end" in people
    # The font travels inside the file, so it shows the same on any computer.
    fonts = [font.get_object() for page in PdfReader(path).pages
             for font in page["/Resources"]["/Font"].values()]
    assert fonts and all("DejaVuSans" in font["/BaseFont"] for font in fonts)
    for font in fonts:
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor


def test_characters_the_font_lacks_become_boxes_and_invisible_ones_go():
    glyphs = frozenset(ord(c) for c in "abc \n")
    assert report_pdf.printable("a\u4e2d\u6587b", glyphs) == f"a{report_pdf.MISSING * 2}b"
    assert report_pdf.printable("a\ufe0f\u200db\x00\tc\n", glyphs) == "ab c\n"
    assert report_pdf.printable("a\ud800b", glyphs) == f"a{report_pdf.MISSING}b"


def test_the_file_is_private_and_never_written_over(store, tmp_path):
    fill(store, 3)
    path = workbook.report_pdf(tmp_path / "for-my-session", period=30, store=store,
                               sections=["streak"])
    assert path == tmp_path / "for-my-session.pdf"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    before = path.read_bytes()
    with pytest.raises(report.ReportError, match="already a file"):
        workbook.report_pdf(path, period=30, store=store, sections=["streak"])
    assert path.read_bytes() == before
    # A name ending in the other format's ending takes this one's.
    other = report.write(store, tmp_path / "session.html", span=Span.last(30), fmt="pdf",
                         sections=["streak"])
    assert other == tmp_path / "session.pdf"
    default = workbook.report_pdf(None, period=30, store=store, sections=["streak"])
    assert default.parent == store.exports_dir and default.name.startswith("secure-base-report-")
    assert stat.S_IMODE(default.parent.stat().st_mode) == 0o700


def test_a_locked_journal_gives_the_same_warning_as_the_html(tmp_path):
    store = Store(tmp_path / "locked" / "journal.sqlite3", "river stone quiet lamp", kdf=FAST)
    try:
        fill(store, 2)
        with pytest.warns(report.NotLockedWarning) as caught:
            path = workbook.report_pdf(None, period=30, store=store, sections=["mood"])
        assert [str(w.message) for w in caught] == [messages.EXPORT_NOT_LOCKED]
        assert "Your average mood" in text_of(path)
    finally:
        store.close()


def test_a_plain_journal_gives_no_warning(store):
    fill(store, 2)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        workbook.report_pdf(None, period=30, store=store, sections=["streak"])


def test_periods_and_sections_are_checked():
    today = dt.date(2026, 3, 14)
    assert report.span_of(30, today) == Span(dt.date(2026, 2, 13), today)
    assert report.span_of("all", today) == Span(None, today)
    assert report.span_of((dt.date(2026, 1, 1), today)) == Span(dt.date(2026, 1, 1), today)
    for wrong in (0, -3, True, "soon", (today, dt.date(2026, 1, 1))):
        with pytest.raises(ValueError):
            report.span_of(wrong, today)  # type: ignore[arg-type]


def test_an_unknown_or_empty_choice_of_sections_is_explained(store):
    with pytest.raises(ValueError, match="no report section called 'moods'"):
        workbook.report_pdf(None, store=store, sections=["moods"])
    with pytest.raises(report.ReportError, match="at least one part"):
        workbook.report_pdf(None, store=store, sections=[])
    assert not store.exports_dir.exists() or not list(store.exports_dir.iterdir())


def test_a_chosen_period_is_the_one_in_the_file(store):
    fill(store, 3)
    first, last = dt.date(2025, 12, 1), dt.date(2026, 1, 31)
    path = workbook.report_pdf(None, period=(first, last), store=store, sections=["mood"])
    assert "Period 01 December 2025 to 31 January 2026" in text_of(path)


def test_import_workbook_and_the_report_module_leave_fpdf_unloaded(tmp_path):
    code = ("import sys, workbook, workbook.report; "
            "print(sorted(m for m in ('fpdf', 'pypdf', 'uharfbuzz') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=tmp_path)
    assert out.stdout.strip() == "[]"
