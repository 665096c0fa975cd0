"""Where a person is across the workbook: practice per strategy, what is waiting, the
check-in streak and one next step. Plain logic over the journal, no widgets."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Iterable

from workbook import words
from workbook.store import Store

# The notebook that teaches each strategy, in the order of the workbook.
NOTEBOOKS: dict[str, str] = {
    "open_communication": "01_open_communication.ipynb",
    "focus_on_the_positive": "02_focus_on_the_positive.ipynb",
    "embrace_vulnerability": "03_embrace_your_vulnerabilities.ipynb",
    "self_compassion": "04_practice_self_compassion.ipynb",
    "reframe_thoughts": "05_reframe_negative_thoughts.ipynb",
    "values": "06_connect_with_your_values.ipynb",
    "professional_help": "07_seek_professional_help.ipynb",
}
START_HERE = "00_start_here.ipynb"
PROGRESS = "08_progress_and_trends.ipynb"
JOURNAL = "09_my_journal.ipynb"


@dataclasses.dataclass(frozen=True)
class Part:
    """One strategy: how many days it was practised, and when last."""

    strategy: str
    title: str
    notebook: str
    days: int
    last: dt.date | None


@dataclasses.dataclass(frozen=True)
class Waiting:
    """Something started or due, with the notebook where it is done."""

    key: str  # "snapshot", "card_sort" or "reflection"
    text: str
    notebook: str


@dataclasses.dataclass(frozen=True)
class Progress:
    parts: tuple[Part, ...]
    waiting: tuple[Waiting, ...]
    streak: int
    checked_in_today: bool
    next_step: str
    next_notebook: str


def progress(store: Store, profile: str = words.PROFILE_ME,
             today: dt.date | None = None) -> Progress:
    """Where ``profile`` is in the workbook, as of ``today`` (default: today)."""
    today = today or dt.date.today()
    days: dict[str, set[str]] = {key: set() for key in NOTEBOOKS}
    for day, _profile, strategy, _count in store.practice(profile=profile):
        if strategy in days:
            days[strategy].add(day)
    parts = tuple(
        Part(key, words.STRATEGIES.get(key, key), notebook, len(days[key]),
             dt.date.fromisoformat(max(days[key])) if days[key] else None)
        for key, notebook in NOTEBOOKS.items())
    # Years of imported check-ins are read as columns: no object per check-in.
    checkin_days = set(store.entry_columns("checkin", profile=profile).days)
    waiting = tuple(_waiting(store, profile, today))
    streak_length = streaks(checkin_days, today).current
    step, notebook = _next_step(parts, waiting, today in checkin_days)
    return Progress(parts, waiting, streak_length, today in checkin_days, step, notebook)


@dataclasses.dataclass(frozen=True)
class Streak:
    current: int
    longest: int
    last_day: dt.date | None


def streaks(days: Iterable[dt.date], today: dt.date) -> Streak:
    """Days in a row with at least one check-in: the run still going, and the longest.

    A run is still going if its last day is today or yesterday (today isn't over yet).
    Days may be dates, datetimes or pandas Timestamps; days after ``today`` don't count.
    """
    unique = sorted({d.date() if isinstance(d, dt.datetime) else d for d in days
                     if (d.date() if isinstance(d, dt.datetime) else d) <= today})
    if not unique:
        return Streak(0, 0, None)
    longest = run = 1
    for before, after in itertools.pairwise(unique):
        run = run + 1 if (after - before).days == 1 else 1
        longest = max(longest, run)
    current = run if (today - unique[-1]).days <= 1 else 0
    return Streak(current, longest, unique[-1])


def next_snapshot(last: dt.date) -> dt.date:
    """The day a weekly insecurity snapshot is due after one taken on ``last``."""
    return last + dt.timedelta(days=words.SNAPSHOT_EVERY_DAYS)


def snapshot_due(last: dt.date | None, today: dt.date) -> bool:
    """Whether a new weekly insecurity snapshot is due (``last``: the latest one's day)."""
    return last is None or today >= next_snapshot(last)


def _waiting(store: Store, profile: str, today: dt.date) -> list[Waiting]:
    found = []
    latest_snapshot = store.entries("insecurity_snapshot", profile=profile, limit=1)
    if snapshot_due(latest_snapshot[0].day if latest_snapshot else None, today):
        found.append(Waiting("snapshot", "Your weekly insecurity snapshot is due.",
                             START_HERE))
    latest_sort = store.entries("values_sort", profile=profile, limit=1)
    if latest_sort and not getattr(latest_sort[0].entry, "complete", True):
        found.append(Waiting("card_sort", "Your values card sort is waiting to be finished.",
                             NOTEBOOKS["values"]))
    plans = store.entries("conversation_plan", profile=profile, limit=1)
    reflections = store.entries("conversation_reflection", profile=profile, limit=1)
    if plans and (not reflections or reflections[0].created_at < plans[0].created_at):
        found.append(Waiting("reflection", "You planned a conversation. When it has "
                             "happened, a short reflection can help you learn from it.",
                             NOTEBOOKS["open_communication"]))
    return found


def _next_step(parts: tuple[Part, ...], waiting: tuple[Waiting, ...],
               checked_in_today: bool) -> tuple[str, str]:
    if not checked_in_today:
        return ("Start with today's check-in: a minute to notice how you feel.", START_HERE)
    if waiting:
        return waiting[0].text, waiting[0].notebook
    least = min(parts, key=lambda part: (part.days, part.last or dt.date.min))
    if least.days == 0:
        return (f"When you are ready, try {least.title.lower()}: you haven't opened it "
                "yet.", least.notebook)
    return (f"You could come back to {least.title.lower()}: it is the one you have "
            "practised least lately.", least.notebook)
