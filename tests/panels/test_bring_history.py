"""Bringing history in and saving reminders, driven through the widgets like a person would."""

from __future__ import annotations

import datetime as dt
import stat

from daylio_exports import DaylioDay, export_csv, recent

from workbook.panels import bring_history, progress
from workbook.panels.bring_history import ImportPanel, RemindersPanel

# Read at each use, not once: a test run may pass midnight.
today = dt.date.today



def recent_days() -> list[DaylioDay]:
    """Ten days up to yesterday (a walk on the better days), and one renamed mood."""
    return [*recent(10), DaylioDay(dt.datetime.combine(today() - dt.timedelta(days=11),
                                                       dt.time(8)), "Wonderful", ("walk",))]


def export_file(tmp_path, days=None):
    path = tmp_path / "daylio_export.csv"
    path.write_bytes(export_csv(days or recent_days()))
    return path


def text_of(panel: ImportPanel) -> str:
    return panel.summary.value + panel.status.value


def test_preview_map_import_and_undo(tmp_path, store):
    panel = bring_history.bring_your_history(store=store)
    assert panel.bring_in.disabled
    panel.path.value = str(export_file(tmp_path))
    panel.show_preview.click()
    assert "holds 11 check-ins on 11 days" in panel.summary.value
    assert "wonderful → to choose" in panel.summary.value
    assert list(panel.map_controls) == ["wonderful"]
    assert store.count("checkin") == 0  # nothing is written by a preview

    panel.bring_in.click()
    assert "Please choose a level for each of these moods first: wonderful" in panel.status.value
    assert store.count("checkin") == 0

    panel.map_controls["wonderful"].value = 9
    panel.bring_in.click()
    assert panel.progress.value == panel.progress.max == 11
    assert "Imported 11 check-ins." in panel.status.value
    saved = store.entries("checkin", newest_first=False)
    assert [s.entry.mood for s in saved][:2] == [9, 7]
    assert saved[0].entry.activities == ("walk",)
    assert panel.undo.layout.display == "flex"

    panel.bring_in.click()  # the same file again
    assert "11 were already in your journal" in panel.status.value
    assert store.count("checkin") == 11

    panel.undo.click()
    assert "the 11 check-ins from that import are gone" in panel.status.value
    assert store.count("checkin") == 0


def test_a_bad_file_says_why_and_saves_nothing(tmp_path, store):
    panel = bring_history.bring_your_history(store=store)
    bad = tmp_path / "photo.csv"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    panel.path.value = str(bad)
    panel.show_preview.click()
    assert "isn&#x27;t a text file" in panel.status.value
    assert panel.bring_in.disabled
    panel.show_preview.click()
    panel.path.value = ""
    panel.show_preview.click()
    assert "Please type where the file is" in panel.status.value
    assert store.count("checkin") == 0


def test_unreadable_rows_are_listed_with_their_line(tmp_path, store):
    path = tmp_path / "export.csv"
    path.write_text("full_date,date,weekday,time,mood,activities,note_title,note\n"
                    "2025-01-02,a,b,8:00 am,good,,,\n2025-01-01,a,b,nine,good,,,\n")
    panel = ImportPanel(store=store)
    panel.path.value = str(path)
    panel.show_preview.click()
    assert "1 row can't be read" in panel.summary.value
    assert "Line 3: the time &#x27;nine&#x27; can&#x27;t be read" in panel.summary.value


def test_an_uploaded_file_works_like_a_path(store):
    panel = ImportPanel(store=store)
    data = export_csv(recent_days()[:3])
    panel.upload.value = ({"name": "export.csv", "type": "text/csv", "size": len(data),
                           "content": memoryview(data),
                           "last_modified": dt.datetime(2025, 1, 1, tzinfo=dt.UTC)},)
    panel.show_preview.click()
    assert "export.csv holds 3 check-ins" in panel.summary.value
    panel.bring_in.click()
    assert store.count("checkin") == 3


def test_another_apps_csv_with_chosen_columns(tmp_path, store):
    path = tmp_path / "moods.csv"
    path.write_text("When,How I felt,Thoughts\n2025-05-01,1,rough\n2025-05-02,5,\n"
                    "2025-05-03,3,\"a, b\"\n2025-05-04,?,\n")
    panel = ImportPanel(store=store)
    panel.source.value = "csv"
    assert panel.columns.layout.display == "flex"
    panel.path.value = str(path)
    panel.show_preview.click()
    assert list(panel.mood_column.options) == ["When", "How I felt", "Thoughts"]
    panel.date_column.value = "When"
    panel.mood_column.value = "How I felt"
    panel.note_column.value = "Thoughts"
    panel.scale_low.value, panel.scale_high.value = 1, 5
    panel.show_preview.click()
    assert "holds 3 check-ins on 3 days" in panel.summary.value
    assert "the mood &#x27;?&#x27; is not a number" in panel.summary.value
    panel.bring_in.click()
    saved = store.entries("checkin", newest_first=False)
    # 1..5 onto 1..10 in a straight line: 1 → 1, 3 → 5.5 → 6 (rounded half to even), 5 → 10.
    assert [s.entry.mood for s in saved] == [1, 10, 6]
    assert [s.entry.note for s in saved] == ["rough", "", "a, b"]
    assert all(s.entry.insecurity is None and s.entry.source == "csv" for s in saved)


def test_the_progress_page_redraws_after_an_import(tmp_path, store):
    page = progress.trends_and_report(store=store)
    assert page.offer.layout.display == "flex"  # empty journal: the demo is offered
    panel = bring_history.bring_your_history(store=store)
    panel.path.value = str(export_file(tmp_path, recent_days()[:10]))
    panel.show_preview.click()
    panel.bring_in.click()
    assert page.offer.layout.display == "none"
    assert page.summaries[0].startswith("Your average mood over the last 30 days was 5.0")
    assert page.summaries[0].endswith("insecurity wasn't recorded on these days.")
    lifts = next(s for s in page.summaries if "not cause and effect" in s and "walk" in s)
    assert "7.0 on the 5 days with walk and 3.0 on the 5 days without" in lifts
    panel.undo.click()
    assert page.offer.layout.display == "flex"


def test_reminders_are_saved_privately(tmp_path, store):
    panel = bring_history.calendar_reminders(store=store)
    assert panel.path.value.endswith("secure-base-reminders.ics")
    panel.path.value = str(tmp_path / "cal" / "reminders.ics")
    panel.time.value = "25:00"
    panel.save.click()
    assert "like 20:00" in panel.status.value
    assert not (tmp_path / "cal" / "reminders.ics").exists()
    panel.time.value = "07:45"
    panel.weekly_day.value = "friday"
    panel.save.click()
    written = tmp_path / "cal" / "reminders.ics"
    assert "Saved" in panel.status.value and str(written) in panel.status.value
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    text = written.read_text()
    assert "RRULE:FREQ=WEEKLY;BYDAY=FR" in text and "T074500" in text


def test_panels_never_show_typed_text_as_plain_output(store):
    assert RemindersPanel(store=store)._repr_mimebundle_()["text/plain"] == (
        "Reminders in your calendar (Secure Base)")


def test_editing_an_imported_check_in_keeps_what_the_form_has_no_field_for(tmp_path, store):
    from workbook.exercises.checkin import check_in

    panel = ImportPanel(store=store)
    panel.path.value = str(export_file(tmp_path, recent_days()[:2]))
    panel.show_preview.click()
    panel.bring_in.click()
    imported = store.entries("checkin")[0]
    form = check_in(store=store)
    form.edit(imported)
    form.note.value = "changed later"
    form.save.click()
    kept = store.get(imported.id).entry
    assert kept.note == "changed later"
    assert kept.insecurity is None  # the slider was not moved
    assert kept.activities == imported.entry.activities and kept.source == "daylio"
    form.edit(store.get(imported.id))
    form.insecurity.value = 2
    form.save.click()
    assert store.get(imported.id).entry.insecurity == 2


def test_a_partners_history_goes_to_their_profile(tmp_path, store):
    store.set_profile("partner", "Sam")
    panel = ImportPanel(store=store)
    assert panel.who is not None
    panel.who.value = "partner"
    panel.path.value = str(export_file(tmp_path, recent(4)))
    panel.show_preview.click()
    panel.bring_in.click()
    assert store.count("checkin", profile="partner") == 4
    assert store.count("checkin", profile="me") == 0
