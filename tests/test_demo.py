"""The demo: months of made-up entries in a journal of its own, never the person's."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pandas as pd

import workbook
from workbook import demo, trends

TODAY = dt.date(2026, 6, 30)


def built(tmp_path: Path, **kwargs):
    return demo.build(tmp_path / "demo", today=TODAY, **kwargs)


def test_the_demo_covers_several_months_with_a_gentle_upward_trend(tmp_path):
    store = built(tmp_path)
    moods = workbook.data("checkin", store=store)
    days = trends.days_of(moods)
    assert days.min().date() == TODAY - dt.timedelta(days=demo.DAYS)
    assert days.max().date() < TODAY  # nothing in the future, nothing today
    assert (days.max() - days.min()).days >= 120
    daily = trends.daily(moods, "mood")
    first, last = daily.iloc[:30].mean(), daily.iloc[-30:].mean()
    assert 1.0 < last - first < 4.0  # up, but gently
    insecurity = trends.daily(moods, "insecurity")
    assert insecurity.iloc[-30:].mean() < insecurity.iloc[:30].mean()
    # Realistic noise: the mood moves day to day, and within the 1-10 scale.
    assert daily.diff().abs().mean() > 0.7
    assert moods["mood"].between(1, 10).all()
    # Real journals have breaks: at least one gap the rolling line stops at.
    assert trends.gaps(daily).any()


def test_the_demo_has_weekly_snapshots_and_other_kinds_when_they_exist(tmp_path):
    store = built(tmp_path)
    snaps = workbook.data("insecurity_snapshot", store=store)
    assert 18 <= len(snaps) <= 23  # one every Sunday
    assert snaps["score"].iloc[-4:].mean() < snaps["score"].iloc[:4].mean()
    frames = trends.load(store)
    for kind in ("gratitude", "thought_record"):
        if frames[kind] is not None:  # kinds this version has get demo entries too
            assert len(frames[kind]) > 10
            assert len(frames["practice"]) > 0


def test_the_demo_is_the_same_each_time(tmp_path):
    one = workbook.data("checkin", store=built(tmp_path / "a"))["mood"].tolist()
    two = workbook.data("checkin", store=built(tmp_path / "b"))["mood"].tolist()
    assert one == two


def test_the_demo_never_touches_the_persons_journal(store, monkeypatch):
    monkeypatch.setenv("SECURE_BASE_HOME", str(store.path.parent))
    before = sorted(p.name for p in store.path.parent.iterdir())
    journal = demo.demo_store()
    assert demo.is_demo(journal) and not demo.is_demo(store)
    assert store.entries() == []
    assert sorted(p.name for p in store.path.parent.iterdir()) == before
    assert not journal.path.is_relative_to(store.path.parent)
    assert journal.path.resolve() != workbook.default_store().path.resolve()
    assert oct(os.stat(journal.path).st_mode & 0o777) == "0o600"
    assert len(journal.entries()) > 100
    assert demo.demo_store() is journal  # made once per session


def test_demo_notes_are_not_personal(tmp_path):
    notes = workbook.data("checkin", store=built(tmp_path))["note"]
    assert set(notes) == {""}
    assert isinstance(notes, pd.Series)
