"""The reminders calendar file, parsed back with icalendar: recurrence, zone, alarm, privacy."""

from __future__ import annotations

import datetime as dt
import stat
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

import workbook
from workbook import reminders

PRIVATE_WORDS = ("insecur", "mood", "partner", "relationship", "jealous", "anxious", "note")


def parsed(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def events(calendar: Calendar) -> dict[str, object]:
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_two_recurring_events_in_the_persons_zone_with_alarms(tmp_path):
    data = reminders.calendar_bytes(daily="20:30", weekly_day="Sunday", zone="Europe/Paris",
                                    today=dt.date(2026, 3, 4))  # a Wednesday
    calendar = parsed(data)
    assert str(calendar["version"]) == "2.0"
    found = events(calendar)
    daily, weekly = found["daily-check-in@secure-base"], found["weekly-snapshot@secure-base"]
    assert daily["rrule"]["FREQ"] == ["DAILY"]
    assert weekly["rrule"]["FREQ"] == ["WEEKLY"] and weekly["rrule"]["BYDAY"] == ["SU"]
    start = daily.decoded("dtstart")
    assert start == dt.datetime(2026, 3, 4, 20, 30, tzinfo=ZoneInfo("Europe/Paris"))
    assert str(start.tzinfo) == "Europe/Paris"
    assert daily["dtstart"].params["TZID"] == "Europe/Paris"
    assert weekly.decoded("dtstart").date() == dt.date(2026, 3, 8)  # the next Sunday
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    for event in (daily, weekly):
        (alarm,) = event.walk("VALARM")
        assert str(alarm["action"]) == "DISPLAY"
        assert alarm.decoded("trigger") == dt.timedelta(0)
        assert event.decoded("dtend") - event.decoded("dtstart") == dt.timedelta(minutes=10)


def test_the_event_text_says_nothing_private_by_default():
    data = reminders.calendar_bytes(zone="UTC")
    for word in PRIVATE_WORDS:
        assert word not in data.decode().lower(), word
    summaries = {str(e["summary"]) for e in parsed(data).walk("VEVENT")}
    assert summaries == {"Daily check-in", "Weekly snapshot"}


def test_a_title_of_the_persons_own_is_used_as_written():
    calendar = parsed(reminders.calendar_bytes(title="Time for me ☕", zone="UTC"))
    assert {str(e["summary"]) for e in calendar.walk("VEVENT")} == {"Time for me ☕"}


@pytest.mark.parametrize("daily, day", [("8pm", "sunday"), ("24:00", "sunday"),
                                        ("20:00", "someday"), ("", "monday")])
def test_times_and_days_it_cant_read_raise_a_sentence(daily, day):
    with pytest.raises(ValueError, match="Please"):
        reminders.calendar_bytes(daily=daily, weekly_day=day)


def test_the_api_writes_a_private_file(tmp_path):
    path = workbook.reminders_ics(tmp_path / "new" / "reminders.ics", daily="06:05",
                                  weekly_day="wednesday")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    found = events(parsed(path.read_bytes()))
    assert found["weekly-snapshot@secure-base"]["rrule"]["BYDAY"] == ["WE"]
    start = found["daily-check-in@secure-base"].decoded("dtstart")
    assert (start.hour, start.minute) == (6, 5)


def test_the_local_zone_is_a_real_zone(monkeypatch):
    monkeypatch.setenv("TZ", "America/Toronto")
    assert reminders.local_zone() == "America/Toronto"
    monkeypatch.setenv("TZ", "Not/AZone")
    ZoneInfo(reminders.local_zone())


def test_the_calendar_file_goes_to_the_journals_exports_folder(store):
    assert reminders.default_path(store) == store.exports_dir / "secure-base-reminders.ics"
