"""Made-up entries that show what the progress charts look like before there are real ones.

The demo lives in its own journal in a fresh temporary folder, removed when Python
exits. It never opens, reads or writes the person's journal, so demo entries can't
mix with real ones.
"""

from __future__ import annotations

import atexit
import dataclasses
import datetime as dt
import math
import random
import shutil
import tempfile
from pathlib import Path
from typing import Any

from workbook import words
from workbook.models import KINDS, CheckIn, Entry, EntryInvalid, InsecuritySnapshot
from workbook.store import FILE_NAME, Store, StoreError

DAYS = 150
SEED = 8
LABEL = "Demo"

# Made-up, deliberately general lines: this is what a gratitude entry could say.
GRATITUDE_LINES = (
    "made me tea without asking",
    "listened when I talked about work",
    "laughed at my terrible joke",
    "sent a kind message at lunch",
    "planned a walk for us",
    "was patient when I was tired",
    "remembered something small I said",
    "held my hand on the way home",
)

_demo: Store | None = None


def demo_store() -> Store:
    """The demo journal (made once per session), filled with several months of entries."""
    global _demo
    if _demo is None or _demo.closed:
        _demo = build(Path(tempfile.mkdtemp(prefix="secure-base-demo-")))
        atexit.register(_remove, _demo)
    return _demo


def is_demo(store: Store) -> bool:
    return _demo is not None and store is _demo


def _remove(store: Store) -> None:
    store.close()
    shutil.rmtree(store.path.parent, ignore_errors=True)


def build(folder: Path, *, days: int = DAYS, seed: int = SEED,
          today: dt.date | None = None) -> Store:
    """A new journal in ``folder`` with ``days`` days of generated entries before ``today``.

    Mood drifts gently up and insecurity gently down, with day-to-day noise, a weekly
    rhythm, and two short breaks without check-ins, as real journals have.
    """
    store = Store(Path(folder) / FILE_NAME)
    today = today or dt.date.today()
    rng = random.Random(seed)
    first = today - dt.timedelta(days=days)
    breaks = {first + dt.timedelta(days=d) for start in (days // 3, 2 * days // 3)
              for d in range(start, start + rng.randint(3, 5))}
    plan: list[tuple[dt.datetime, Entry]] = []
    for n in range(days):
        day = first + dt.timedelta(days=n)
        progress = n / max(1, days - 1)
        plan += _day(rng, day, progress, skip=day in breaks)
    _save_all(store, plan)
    return store


def _at(day: dt.date, hour: float) -> dt.datetime:
    return dt.datetime.combine(day, dt.time()).astimezone() + dt.timedelta(hours=hour)


def _day(rng: random.Random, day: dt.date, progress: float,
         skip: bool) -> list[tuple[dt.datetime, Entry]]:
    entries: list[tuple[dt.datetime, Entry]] = []
    grateful = rng.random() < 0.25 + 0.45 * progress
    if grateful:
        told = rng.random() < 0.3 + 0.5 * progress
        entry = _maybe("gratitude", items=tuple(rng.sample(GRATITUDE_LINES, rng.randint(1, 3))),
                       told=None, told_first=told, rng=rng)
        if entry is not None:
            entries.append((_at(day, 21.5), entry))
    if day.weekday() in (1, 4) and rng.random() < 0.7:
        belief = rng.randint(55, 90)
        entry = _maybe("thought_record", belief_before=belief,
                       belief_after=max(5, belief - rng.randint(10, 25) - int(20 * progress)),
                       rng=rng)
        if entry is not None:
            entries.append((_at(day, 19), entry))
    if day.weekday() == 6:
        level = 2.6 - 1.3 * progress
        answers = tuple(min(4, max(0, round(rng.gauss(level, 0.8)))) for _ in
                        words.SNAPSHOT_QUESTIONS)
        entries.append((_at(day, 20), InsecuritySnapshot(answers=answers)))
    if skip or rng.random() < 0.12:
        return entries
    trend = 4.3 + 2.6 * progress + 0.5 * math.sin(day.toordinal() / 7 * 2 * math.pi)
    for _ in range(2 if rng.random() < 0.15 else 1):
        mood = _clip(rng.gauss(trend + (0.6 if grateful else 0.0), 1.2), 1, 10)
        insecurity = _clip(rng.gauss(7.2 - 3.4 * progress - 0.3 * (mood - trend), 1.3), 0, 10)
        feelings = ("calm", "hopeful", "close", "content") if mood >= 6 else (
            "anxious", "unsure", "lonely", "tired")
        emotions = tuple(sorted(rng.sample(feelings, rng.randint(0, 2))))
        entries.append((_at(day, rng.uniform(8, 12) if not entries else 17),
                        CheckIn(mood=mood, insecurity=insecurity, emotions=emotions)))
    return entries


def _clip(value: float, low: int, high: int) -> int:
    return int(min(high, max(low, round(value))))


def _maybe(kind: str, *, rng: random.Random, **answers: Any) -> Entry | None:
    """An entry of ``kind`` when this version has it; None otherwise."""
    model = KINDS.get(kind)
    if model is None:
        return None
    values = _defaults(rng, answers)
    names = {f.name for f in dataclasses.fields(model)}
    try:
        return model(**{k: v for k, v in values.items() if k in names})
    except (TypeError, EntryInvalid):
        return None


def _defaults(rng: random.Random, answers: dict[str, Any]) -> dict[str, Any]:
    """Plausible answers for the fields gratitude and thought-record entries ask for."""
    values = dict(answers)
    if "items" in values:
        told_first = values.pop("told_first")
        values["told"] = tuple(told_first if i == 0 else rng.random() < 0.4
                               for i in range(len(values["items"])))
    if "belief_before" in values:
        traps = list(words.THINKING_TRAPS)
        situations = list(words.THOUGHT_SITUATIONS)
        values.update(
            situation="A demo situation.", situation_kind=rng.choice(situations),
            emotions=("anxious",), intensity_before=(rng.randint(60, 90),),
            intensity_after=(rng.randint(20, 55),),
            automatic_thought="A demo thought.", evidence_for="", evidence_against="",
            friend_view="", balanced_thought="A demo balanced thought.",
            # A few traps come up far more often than others, as in real records.
            traps=tuple(sorted(set(rng.choices(traps, weights=[1 / (i + 1) for i in
                                                                range(len(traps))], k=2)))))
    return values


def _save_all(store: Store, plan: list[tuple[dt.datetime, Entry]]) -> None:
    try:
        for when, entry in sorted(plan, key=lambda item: item[0]):
            store.add(entry, at=when)
    except StoreError:
        store.close()
        raise
