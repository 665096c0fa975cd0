"""CSV and JSON export of every kind of entry; CSV reads back exactly as written."""

from __future__ import annotations

import datetime as dt
import json
import stat

import pandas as pd

import workbook
from workbook import export
from workbook.models import CheckIn, InsecuritySnapshot

AWKWARD = ["NA", "None", "null", "n/a", "NaN", "", " leading and trailing ", "a, b; c",
           'she said "fine"', "line one\nline two", "line\r\nwindows", "tab\there", "0012",
           "1e3", "TRUE", "#N/A", "émoji 🙂 ünïcode", "=1+1", "-", "'quoted'"]


def test_csv_reads_back_equal_to_what_was_written(store, tmp_path):
    for n, note in enumerate(AWKWARD):
        store.add(CheckIn(mood=1 + n % 10, insecurity=n % 11,
                          emotions=("calm",) if n % 2 else ("anxious", "hopeful"), note=note),
                  at=dt.datetime(2026, 3, 1, 9, 0).astimezone() + dt.timedelta(hours=n))
    frame = workbook.data("checkin", store=store)
    path = export.write_csv(frame, tmp_path / "checkins.csv")
    back = export.read_csv(path)
    pd.testing.assert_frame_equal(back, export.table(frame).astype(str), check_dtype=False)
    assert back["note"].tolist() == AWKWARD
    assert back["emotions"].tolist()[:2] == ['["anxious", "hopeful"]', '["calm"]']
    # The same with plain pandas, as the reliability issue asks.
    plain = pd.read_csv(path, keep_default_na=False, dtype=str)
    assert plain["note"].tolist() == AWKWARD
    assert [json.loads(cell) for cell in plain["emotions"]] == [list(e) for e in
                                                                frame["emotions"]]
    assert plain["mood"].astype(int).tolist() == frame["mood"].tolist()


def test_cells_are_plain_text():
    assert export.cell(("a", "b")) == '["a", "b"]'
    assert export.cell((True, False)) == "[true, false]"
    assert export.cell(pd.NA) == "" and export.cell(None) == "" and export.cell(float("nan")) == ""
    assert export.cell(True) == "true"
    assert export.cell(pd.Timestamp("2026-03-01 09:30")) == "2026-03-01T09:30:00"
    assert export.cell(7) == "7" and export.cell(2.5) == "2.5"


def test_export_all_writes_json_and_a_csv_per_kind_privately(store):
    store.add(CheckIn(mood=6, insecurity=3, note="null"))
    store.add(InsecuritySnapshot(answers=(1, 2, 3, 4, 0, 1)), profile="partner")
    written = export.export_all(store)
    assert written[0].suffix == ".json"
    assert sorted(p.name.rsplit("-", 1)[-1] for p in written[1:]) == [
        "checkin.csv", "insecurity_snapshot.csv"]
    assert all(p.parent == store.exports_dir for p in written)
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in written)
    document = json.loads(written[0].read_text(encoding="utf-8"))
    assert len(document["entries"]) == 2
    snapshot_csv = next(p for p in written if p.name.endswith("-insecurity_snapshot.csv"))
    rows = export.read_csv(snapshot_csv)
    assert rows.loc[0, "profile"] == "partner"
    assert rows.loc[0, "answers"] == "[1, 2, 3, 4, 0, 1]"
    assert rows.loc[0, "score"] == "4.6"  # 10 * 11 / (4 * 6), to one decimal
    checkin_csv = next(p for p in written if p.name.endswith("-checkin.csv"))
    assert export.read_csv(checkin_csv).loc[0, "note"] == "null"
    # Only kinds with entries get a file.
    assert len(written) == 3


def test_two_exports_in_the_same_second_do_not_collide(store):
    store.add(CheckIn(mood=6, insecurity=3))
    first = export.export_all(store)
    second = export.export_all(store)
    assert not set(first) & set(second)
    assert all(p.exists() for p in first + second)


def test_delete_everything_also_removes_exports_and_reports(store):
    from workbook import report
    from workbook.trends import Span

    store.add(CheckIn(mood=6, insecurity=3))
    written = [*export.export_all(store), report.write(store, span=Span.last(7))]
    store.delete_everything()
    assert not any(p.exists() for p in written)
