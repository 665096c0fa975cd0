"""Made-up Daylio exports for tests and benchmarks: never anyone's real data.

`DaylioDay` is one row as Daylio writes it; `export_csv` writes rows in one of the
shapes found in the wild (current, 7 columns, year first), newest first, with the
quirks the importer must handle.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import random

CURRENT = "current"
NO_TITLE = "no_title"
YEAR_FIRST = "year_first"
HEADERS = {
    CURRENT: ["full_date", "date", "weekday", "time", "mood", "activities", "note_title",
              "note"],
    NO_TITLE: ["full_date", "date", "weekday", "time", "mood", "activities", "note"],
    YEAR_FIRST: ["year", "date", "weekday", "time", "mood", "activities", "note"],
}
ACTIVITIES = ("work", "friends", "walk", "reading", "family", "date night", "gym",
              "cooking", "sleep early", "music 🎵", "rain, cold")


@dataclasses.dataclass(frozen=True)
class DaylioDay:
    at: dt.datetime
    mood: str
    activities: tuple[str, ...] = ()
    note: str = ""
    note_title: str = ""


def _clock(at: dt.datetime, twelve_hour: bool) -> str:
    if twelve_hour:
        return f"{(at.hour % 12) or 12}:{at.minute:02d} {'am' if at.hour < 12 else 'pm'}"
    return f"{at.hour:02d}:{at.minute:02d}"


def export_csv(days: list[DaylioDay], shape: str = CURRENT, *, bom: bool = False,
               upper: bool = False, newest_first: bool = True,
               twelve_hour: bool | None = None) -> bytes:
    """The bytes of an export with ``days``; ``twelve_hour`` None mixes both clocks."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    header = HEADERS[shape]
    writer.writerow([h.upper() if upper else h for h in header])
    ordered = sorted(days, key=lambda d: d.at, reverse=newest_first)
    for n, day in enumerate(ordered):
        twelve = (n % 2 == 0) if twelve_hour is None else twelve_hour
        cells = {
            "full_date": day.at.date().isoformat(),
            "year": str(day.at.year),
            "date": f"{day.at:%B} {day.at.day}" if shape != YEAR_FIRST else
                    f"{day.at.day} {day.at:%B}",
            "weekday": f"{day.at:%A}",
            "time": _clock(day.at, twelve),
            "mood": day.mood,
            "activities": " | ".join(day.activities),
            "note_title": day.note_title,
            "note": day.note,
        }
        writer.writerow([cells[h] for h in header])
    text = out.getvalue()
    return (("\ufeff" if bom else "") + text).encode("utf-8")


def generated(years: float, *, seed: int = 11, end: dt.date = dt.date(2025, 12, 31),
              per_day: float = 1.4) -> list[DaylioDay]:
    """About ``per_day`` check-ins a day for ``years`` years: moods, activities, notes."""
    rng = random.Random(seed)
    levels = ("awful", "bad", "meh", "good", "rad")
    first = end - dt.timedelta(days=round(365.25 * years) - 1)
    days = []
    day = first
    while day <= end:
        for _ in range(1 if rng.random() > per_day - 1 else 2):
            at = dt.datetime.combine(day, dt.time(rng.randint(7, 22), rng.randint(0, 59)))
            picked = tuple(rng.sample(ACTIVITIES, rng.randint(0, 4)))
            level = min(4, max(0, round(2 + 0.6 * ("walk" in picked) + rng.gauss(0, 1))))
            note = rng.choice(("", "", "", "NA", "a calm evening", "long day,\nbut ok"))
            days.append(DaylioDay(at, levels[level], picked, note))
        day += dt.timedelta(days=1)
    return days


def recent(days: int, *, today: dt.date | None = None) -> list[DaylioDay]:
    """``days`` made-up days up to yesterday: "good" with a walk on even days, "bad" without."""
    today = today or dt.date.today()
    made = []
    for n in range(1, days + 1):
        at = dt.datetime.combine(today - dt.timedelta(days=n), dt.time(20, 15))
        walk = n % 2 == 0
        made.append(DaylioDay(at, "good" if walk else "bad",
                              ("walk", "reading") if walk else ("reading",), f"made-up {n}"))
    return made
