"""Calendar reminders: an .ics file (RFC 5545) with a daily check-in and a weekly snapshot.

Each reminder is a recurring event in the person's own time zone with an alarm at
its start. The text says nothing private: no mood, no note, and no word about
insecurity or a relationship unless the person writes their own title.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from workbook.store import Store, StoreError, default_store, make_private_dir, make_private_file

DAILY_TITLE = "Daily check-in"
WEEKLY_TITLE = "Weekly snapshot"
DESCRIPTION = "A few quiet minutes with your workbook."
MINUTES = 10
WEEKDAYS = {"monday": "MO", "tuesday": "TU", "wednesday": "WE", "thursday": "TH",
            "friday": "FR", "saturday": "SA", "sunday": "SU"}
PRODUCT = "-//Secure Base//Reminders//EN"
FILE_NAME = "secure-base-reminders.ics"
_CLOCK = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*$")


def local_zone() -> str:
    """This computer's time zone name (IANA, e.g. "Europe/Paris"); "UTC" if unknown."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        target = os.path.realpath("/etc/localtime")
        candidates.append(target.split("/zoneinfo/", 1)[1] if "/zoneinfo/" in target else "")
    except OSError:
        pass
    for name in candidates:
        if name:
            try:
                ZoneInfo(name)
                return name
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return "UTC"


def parse_clock(text: str) -> dt.time:
    """'20:00' → 20:00; raises ValueError with a sentence for anything else."""
    found = _CLOCK.match(text or "")
    if not found or int(found[1]) > 23 or int(found[2]) > 59:
        raise ValueError(f"Please give the time as hours and minutes, like 20:00 (not {text!r}).")
    return dt.time(int(found[1]), int(found[2]))


def calendar_bytes(*, daily: str = "20:00", weekly_day: str = "sunday",
                   title: str | None = None, zone: str | None = None,
                   today: dt.date | None = None) -> bytes:
    """The calendar file's bytes: two recurring events, each with an alarm at its start."""
    from icalendar import Alarm, Calendar, Event

    time = parse_clock(daily)
    day_key = (weekly_day or "").strip().lower()
    if day_key not in WEEKDAYS:
        raise ValueError(f"Please choose a day of the week (not {weekly_day!r}).")
    tz = ZoneInfo(zone or local_zone())
    today = today or dt.date.today()
    own = (title or "").strip()

    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    days_ahead = (list(WEEKDAYS).index(day_key) - today.weekday()) % 7
    for uid, summary, first, rule in (
            ("daily-check-in@secure-base", own or DAILY_TITLE, today, {"freq": "daily"}),
            ("weekly-snapshot@secure-base", own or WEEKLY_TITLE,
             today + dt.timedelta(days=days_ahead),
             {"freq": "weekly", "byday": WEEKDAYS[day_key]})):
        start = dt.datetime.combine(first, time, tzinfo=tz)
        event = Event()
        event.add("uid", uid)
        event.add("dtstamp", stamp)
        event.add("summary", summary)
        event.add("description", DESCRIPTION)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(minutes=MINUTES))
        event.add("rrule", rule)
        event.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", dt.timedelta(0))
        event.add_component(alarm)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def write_calendar(path: str | os.PathLike[str], *, daily: str = "20:00",
                   weekly_day: str = "sunday", title: str | None = None,
                   zone: str | None = None) -> Path:
    """Write the calendar file at ``path`` (0600, its folder 0700 if new); returns the path."""
    data = calendar_bytes(daily=daily, weekly_day=weekly_day, title=title, zone=zone)
    target = Path(path).expanduser()
    if not target.parent.exists():
        make_private_dir(target.parent)
    make_private_file(target)
    target.write_bytes(data)
    return target


def default_path(store: Store | None = None) -> Path:
    """Where the calendar file goes unless the person says otherwise: the exports folder
    of ``store`` (else of the default journal), or the home folder while that is locked."""
    try:
        return (store if store is not None else default_store()).exports_dir / FILE_NAME
    except StoreError:
        return Path.home() / FILE_NAME
