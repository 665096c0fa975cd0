from __future__ import annotations

import datetime as dt

import pytest

from workbook.exercises import professional_help as ph
from workbook.models import CheckIn
from workbook.models.professional_help import guidance
from workbook.panels.help_now import need_help


@pytest.mark.parametrize(
    ("signs", "outcome"),
    [
        ((), "keep_practising"),
        (("weeks",), "keep_practising"),
        (("weeks", "panic"), "see_professional"),
        (("not_living",), "reach_out_now"),
        (("weeks", "panic", "not_living"), "reach_out_now"),
    ],
)
def test_three_way_guidance(signs, outcome):
    assert guidance(signs) == outcome


def test_each_outcome_is_reachable_from_the_form(store):
    store.set_setting("region", "CA")
    form = ph.time_for_support(store=store)
    form.save.click()
    assert "Keep going" in form.guidance.value and "look again" in form.guidance.value
    form.signs.value = ("weeks", "old_hurts")
    form.save.click()
    assert "professional could really help" in form.guidance.value
    assert "9-8-8" not in form.guidance.value
    form.signs.controls["not_living"].value = True
    form.save.click()
    assert "reach out to someone now" in form.guidance.value
    assert "9-8-8" in form.guidance.value
    kinds = [s.entry.outcome for s in store.entries("support_reflection")]
    assert kinds == ["reach_out_now", "see_professional", "keep_practising"]
    assert {s.strategy for s in store.entries()} == {"professional_help"}


def test_the_nudge_panel_speaks_only_when_the_data_says_so(store):
    today = dt.date.today()
    for days_ago in range(6):
        when = dt.datetime.combine(today - dt.timedelta(days=days_ago), dt.time(12))
        store.add(CheckIn(mood=2, insecurity=5), at=when.astimezone())
    panel = ph.data_nudge(store=store)
    assert "6 of the 6 days" in panel.text.value
    quiet = ph.data_nudge(store=store, profile="partner")
    assert "0 of the last 14 days" in quiet.text.value


def test_therapist_candidates_add_edit_delete_and_compare(store):
    form = ph.therapist_comparison(store=store)
    assert "No candidates yet" in form.table.value
    form.name.value = "Dr <b>Rivera</b>"
    form.licensed.value = "yes"
    form.approach.value = "EFT"
    form.fit.value = 4
    form.save.click()
    assert form.name.value == ""  # ready for the next one
    form.name.value = "Harbour Counselling"
    form.format.value = "online"
    form.save.click()
    assert form.table.value.count("<th>") >= 3
    assert "&lt;b&gt;Rivera&lt;/b&gt;" in form.table.value and "<b>Rivera" not in form.table.value
    first = next(i for i in form.recent.items if "Rivera" in i.saved.entry.name)
    first.edit.click()
    assert form.name.value == "Dr <b>Rivera</b>" and form.fit.value == 4
    form.fit.value = 5
    form.save.click()
    names = {s.entry.name: s.entry.fit for s in store.entries("therapist_candidate")}
    assert names == {"Dr <b>Rivera</b>": 5, "Harbour Counselling": 3}
    item = next(i for i in form.recent.items if i.saved.entry.name == "Harbour Counselling")
    item.delete.click()
    item.confirm.click()
    assert [s.entry.name for s in store.entries("therapist_candidate")] == ["Dr <b>Rivera</b>"]
    assert "Harbour" not in form.table.value


def test_a_candidate_needs_a_name_and_a_fit_in_range(store):
    form = ph.therapist_comparison(store=store)
    form.fit.value = 6
    form.save.click()
    assert "write a few words" in form.fields["name"].message.value
    assert "from 1 to 5" in form.fields["fit"].message.value
    assert store.entries() == []


def test_need_help_opens_the_lines_for_the_region(store):
    control = need_help(store=store)
    assert not control.is_open
    control.open.click()
    assert control.is_open and "findahelpline" in control.lines.value
    control.region.value = "UK"
    assert "116 123" in control.lines.value and store.setting("region") == "UK"
    control.open.click()
    assert not control.is_open
    assert need_help(store=store).region.value == "UK"


def test_talking_about_therapy_reuses_the_statement_builder(store):
    from workbook.exercises.communication import StatementBuilder

    builder = ph.talk_about_therapy(store=store)
    assert isinstance(builder, StatementBuilder)
    builder.situation.value = "we argued twice this week about the same thing"
    builder.feelings.value = builder.feelings.options[:1]
    builder.needs.value = builder.needs.options[:1]
    builder.request.value = "would you look at a couples counsellor with me"
    builder.save.click()
    [saved] = store.entries("therapy_statement")
    assert saved.strategy == "professional_help"
    assert "couples counsellor" in saved.entry.statement


def test_session_prep_saves_notes_and_makes_a_private_report(store):
    store.add(CheckIn(mood=4, insecurity=6, note="report me"))
    form = ph.session_prep(store=store)
    form.save.click()
    assert "write a few words" in form.fields["topics"].message.value
    form.topics.value = "the jealousy that comes up when they travel"
    form.save.click()
    assert store.entries("session_prep")[0].entry.topics.startswith("the jealousy")
    form.period.value = 30
    assert form.report_format.value == "pdf"
    form.make_report.click()
    reports = sorted(store.exports_dir.glob("*report*.pdf"))
    assert len(reports) == 1 and str(reports[0]) in form.report_status.value
    assert (reports[0].stat().st_mode & 0o777) == 0o600
    from pypdf import PdfReader

    from workbook.charts import CHARTS

    text = " ".join(page.extract_text() for page in PdfReader(reports[0]).pages)
    assert all(chart.title in text for chart in CHARTS)
    assert "Whose entries Me" in text
    form.report_format.value = "html"
    form.make_report.click()
    [page] = store.exports_dir.glob("*report*.html")
    assert all(chart.title in page.read_text(encoding="utf-8") for chart in CHARTS)


def test_the_nudge_panel_follows_who_is_looking(store):
    store.set_profile("partner", "Sam")
    today = dt.date.today()
    for days_ago in range(6):
        when = dt.datetime.combine(today - dt.timedelta(days=days_ago), dt.time(12))
        store.add(CheckIn(mood=2, insecurity=5), at=when.astimezone(), profile="partner")
    panel = ph.data_nudge(store=store)
    assert "0 of the last 14 days" in panel.text.value
    panel.who.value = "partner"
    assert "6 of the 6 days" in panel.text.value


def test_two_reports_in_the_same_second_get_their_own_files(store):
    form = ph.session_prep(store=store)
    form.make_report.click()
    form.make_report.click()
    assert len(list(store.exports_dir.glob("*report*.pdf"))) == 2
    assert "report is saved" in form.report_status.value
