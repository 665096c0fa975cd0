from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pandas as pd

import workbook
from workbook.models import CheckIn, InsecuritySnapshot


def test_check_ins_come_back_as_a_typed_frame_with_a_datetime_index(store):
    at = dt.datetime(2026, 3, 1, 9, 30).astimezone()
    store.add(CheckIn(mood=4, insecurity=7, emotions=("anxious",), note="None"), at=at)
    store.add(CheckIn(mood=8, insecurity=2), at=at + dt.timedelta(hours=10))
    frame = workbook.data("checkin", store=store)
    assert isinstance(frame.index, pd.DatetimeIndex) and frame.index.name == "at"
    assert list(frame.index) == [pd.Timestamp(2026, 3, 1, 9, 30), pd.Timestamp(2026, 3, 1, 19, 30)]
    assert str(frame["mood"].dtype) == "Int64" and str(frame["insecurity"].dtype) == "Int64"
    assert str(frame["note"].dtype) == "string"
    assert frame["note"].tolist() == ["None", ""]  # typed text is never turned into missing
    assert frame["emotions"].tolist() == [("anxious",), ()]
    assert frame["day"].tolist() == [pd.Timestamp(2026, 3, 1)] * 2
    assert frame["mood"].mean() == 6


def test_an_empty_kind_still_has_its_columns_and_types(store):
    frame = workbook.data("insecurity_snapshot", store=store)
    assert frame.empty
    assert {"answers", "note", "profile"} <= set(frame.columns)
    assert isinstance(frame.index, pd.DatetimeIndex)


def test_snapshot_frame_carries_the_score(store):
    store.add(InsecuritySnapshot(answers=(4, 4, 4, 4, 4, 4)))
    assert workbook.data("insecurity_snapshot", store=store)["score"].tolist() == [10.0]


def test_profile_filter_and_all_kinds_at_once(store):
    store.add(CheckIn(mood=4, insecurity=7))
    store.add(CheckIn(mood=6, insecurity=3), profile="partner")
    assert workbook.data("checkin", store=store, profile="partner")["mood"].tolist() == [6]
    everything = workbook.data(store=store)
    assert {"checkin", "insecurity_snapshot", "practice"} <= set(everything)


def test_unknown_kind_is_a_key_error(store):
    import pytest

    with pytest.raises(KeyError):
        workbook.data("no-such-kind", store=store)


def test_importing_the_package_loads_no_heavy_libraries():
    code = ("import sys, workbook, workbook.store, workbook.models; "
            "print(sorted(m for m in ('pandas', 'matplotlib', 'ipywidgets') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
