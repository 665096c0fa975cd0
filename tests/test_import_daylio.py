"""Daylio exports brought in as check-ins: every quirk found in the wild, field by field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from daylio_exports import (
    CURRENT,
    NO_TITLE,
    YEAR_FIRST,
    DaylioDay,
    export_csv,
    generated,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import workbook
from workbook.importers import (
    MOOD_FOR_LEVEL,
    ImportProblem,
    _shared,
    bring_in,
    daylio,
    read_daylio,
)
from workbook.models import CheckIn
from workbook.store import StoreError, reading

AT = dt.datetime
DAYS = [
    DaylioDay(AT(2024, 12, 31, 23, 58), "rad", ("work", "friends 🎉"),
              "Line one,\nline two \"quoted\"", "A title"),
    DaylioDay(AT(2025, 1, 1, 0, 5), "good", ("rain, cold",), "NA"),
    DaylioDay(AT(2025, 1, 1, 12, 0), "meh", (), "None"),
    DaylioDay(AT(2025, 1, 2, 6, 50), "bad", ("walk",), ""),
    DaylioDay(AT(2025, 1, 3, 19, 8), "awful", ("sleep early", "gym"), "😴 tired"),
]


def journal_bytes(path: Path) -> list[bytes]:
    """The journal file and its write-ahead log, byte for byte."""
    return [side.read_bytes() if side.exists() else b""
            for side in (path, Path(f"{path}-wal"))]


def write(tmp_path: Path, data: bytes, name: str = "daylio_export.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def saved_checkins(store) -> list:
    return store.entries("checkin", newest_first=False)


def expected_note(day: DaylioDay, shape: str) -> str:
    if shape == CURRENT and day.note_title:
        return f"{day.note_title}\n\n{day.note}" if day.note else day.note_title
    return day.note


def test_the_mood_rule_is_two_points_a_level_with_meh_in_the_middle():
    assert MOOD_FOR_LEVEL == {"rad": 9, "good": 7, "meh": 5, "bad": 3, "awful": 1}


@pytest.mark.parametrize("shape", [CURRENT, NO_TITLE, YEAR_FIRST])
@pytest.mark.parametrize("bom, upper", [(False, False), (True, True)])
def test_each_shape_comes_in_field_by_field(tmp_path, store, shape, bom, upper):
    path = write(tmp_path, export_csv(DAYS, shape, bom=bom, upper=upper))
    result = workbook.import_daylio(path, store=store)
    assert (result.added, result.skipped, result.unreadable) == (5, 0, 0)
    saved = saved_checkins(store)
    assert len(saved) == len(DAYS)
    for item, day in zip(saved, DAYS, strict=True):  # newest first in the file, oldest here
        entry = item.entry
        assert item.created_at.replace(tzinfo=None) == day.at
        assert item.day == day.at.date()
        assert entry.mood == MOOD_FOR_LEVEL[day.mood]
        assert entry.insecurity is None
        assert entry.activities == day.activities
        assert entry.note == expected_note(day, shape)
        assert entry.emotions == ()
        assert entry.source == "daylio"
        assert item.batch == result.batch


def test_headers_with_spaces_and_capitals(tmp_path, store):
    text = ("Full Date,Date,Weekday,Time,Mood,Activities,Note Title,Note\n"
            "2025-02-02,February 2,Sunday,10:25 pm,good,walk,Title,Body\n")
    workbook.import_daylio(write(tmp_path, text.encode()), store=store)
    (saved,) = saved_checkins(store)
    assert (saved.entry.mood, saved.entry.activities, saved.entry.note) == (
        7, ("walk",), "Title\n\nBody")


def test_na_none_and_empty_notes_stay_as_written(tmp_path, store):
    workbook.import_daylio(write(tmp_path, export_csv(DAYS)), store=store)
    notes = [s.entry.note for s in saved_checkins(store)]
    assert notes[1] == "NA" and notes[2] == "None" and notes[3] == ""


def test_times_in_both_clocks_labels_with_spaces_and_case(tmp_path, store):
    text = ("full_date,date,weekday,time,mood,activities,note_title,note\n"
            "2025-02-02,February 2,Sunday,10:25 pm,\"  RAD \",,,\n"
            "2025-02-02,February 2,Sunday,12:05 AM,Good,,,\n"
            "2025-02-01,February 1,Saturday,19:08,meh ,,,\n")
    workbook.import_daylio(write(tmp_path, text.encode()), store=store)
    saved = saved_checkins(store)
    assert [(s.created_at.hour, s.created_at.minute) for s in saved] == [(19, 8), (0, 5),
                                                                         (22, 25)]
    assert [s.entry.mood for s in saved] == [5, 7, 9]


def test_importing_the_same_file_twice_adds_nothing(tmp_path, store, dump):
    path = write(tmp_path, export_csv(DAYS))
    first = workbook.import_daylio(path, store=store)
    before = dump(store.path)
    second = workbook.import_daylio(path, store=store)
    assert (first.added, second.added, second.skipped) == (5, 0, 5)
    assert second.batch is None
    assert dump(store.path) == before
    assert len(store.batches("import")) == 1


def test_a_longer_export_adds_only_the_new_days(tmp_path, store):
    workbook.import_daylio(write(tmp_path, export_csv(DAYS[:3]), "old.csv"), store=store)
    result = workbook.import_daylio(write(tmp_path, export_csv(DAYS), "new.csv"), store=store)
    assert (result.added, result.skipped) == (2, 3)


def test_undo_removes_exactly_that_import(tmp_path, store):
    own = store.add(CheckIn(mood=6, insecurity=3, note="written by hand"))
    first = workbook.import_daylio(write(tmp_path, export_csv(DAYS[:2]), "a.csv"), store=store)
    second = workbook.import_daylio(write(tmp_path, export_csv(DAYS), "b.csv"), store=store)
    assert store.undo_batch(second.batch) == 3
    left = {s.id for s in store.entries("checkin")}
    assert own.id in left and len(left) == 3
    assert {s.batch for s in store.entries("checkin")} == {None, first.batch}
    again = workbook.import_daylio(write(tmp_path, export_csv(DAYS), "b.csv"), store=store)
    assert (again.added, again.skipped) == (3, 2)


def test_renamed_moods_must_be_mapped_before_anything_is_written(tmp_path, store, dump):
    days = [DaylioDay(AT(2025, 3, 1, 9, 0), "Fantastic"), DaylioDay(AT(2025, 3, 2, 9, 0), "meh"),
            DaylioDay(AT(2025, 3, 3, 9, 0), " so-so ")]
    path = write(tmp_path, export_csv(days))
    preview = read_daylio(path)
    assert preview.unknown_labels == ("fantastic", "so-so")
    before = dump(store.path)
    with pytest.raises(ImportProblem) as problem:
        workbook.import_daylio(path, store=store)
    assert "fantastic, so-so" in problem.value.message
    assert dump(store.path) == before
    result = bring_in(preview, store=store, mapping={"fantastic": 9, "so-so": 5})
    assert result.added == 3
    assert [s.entry.mood for s in saved_checkins(store)] == [9, 5, 5]


def test_the_preview_counts_days_range_and_unreadable_rows(tmp_path):
    text = ("full_date,date,weekday,time,mood,activities,note_title,note\n"
            "2025-01-03,January 3,Friday,8:00 am,good,,,\n"
            "2025-02-30,February 30,Friday,8:00 am,good,,,\n"
            "2025-01-02,January 2,Thursday,25:99,good,,,\n"
            "2025-01-01,January 1,Wednesday,09:00,,,,\n"
            "2025-01-01,January 1,Wednesday,10:00,bad,,,\n"
            "2025-01-01,January 1,Wednesday,11:00,bad,,,\n")
    preview = read_daylio(write(tmp_path, text.encode()))
    assert len(preview.rows) == 3
    assert preview.days == 2
    assert (preview.first, preview.last) == (dt.date(2025, 1, 1), dt.date(2025, 1, 3))
    lines = dict(preview.unreadable)
    assert set(lines) == {3, 4, 5}
    assert "2025-02-30" in lines[3] and "25:99" in lines[4] and "no mood" in lines[5]
    assert preview.describe() == ("daylio_export.csv holds 3 check-ins on 2 days, from "
                                  "01 January 2025 to 03 January 2025.")


def test_a_note_too_long_to_keep_is_listed_not_cut(tmp_path, store):
    days = [DaylioDay(AT(2025, 4, 1, 9, 0), "good", (), "x" * 20_001),
            DaylioDay(AT(2025, 4, 2, 9, 0), "good", (), "y" * 20_000)]
    preview = read_daylio(write(tmp_path, export_csv(days)))
    assert [row.note for row in preview.rows] == ["y" * 20_000]
    assert preview.unreadable == ((3, "its note is longer than 20,000 characters"),)
    assert bring_in(preview, store=store).added == 1


def test_a_profile_gets_its_own_copy(tmp_path, store):
    path = write(tmp_path, export_csv(DAYS))
    workbook.import_daylio(path, store=store)
    result = workbook.import_daylio(path, store=store, profile="partner")
    assert result.added == 5
    assert len(store.entries("checkin", profile="partner")) == 5


def test_progress_is_reported_up_to_the_end(tmp_path, store):
    preview = read_daylio(write(tmp_path, export_csv(generated(0.6))))
    seen: list[tuple[int, int]] = []
    bring_in(preview, store=store, on_progress=lambda done, total: seen.append((done, total)))
    total = len(preview.rows)
    assert seen[-1] == (total, total)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


# -- files that are not (whole) Daylio exports --------------------------------------------

BAD_FILES = {
    "empty": (b"", "is empty"),
    "only spaces": (b"  \n\n", "is empty"),
    "binary": (b"PK\x03\x04\x00\x00binary zip\x00\xff", "isn't a text file"),
    "not utf-8": (b"full_date,time,mood\n2025-01-01,10:00,\xff\xfe\xfa\n", "isn't a text file"),
    "not daylio": (b"name,email\nSam,sam@example.org\n", "doesn't look like a Daylio export"),
    "no mood column": (b"full_date,date,weekday,time,activities,note\n2025-01-01,a,b,10:00,,\n",
                       "mood is missing"),
    "broken quoting": (b'full_date,date,weekday,time,mood,activities,note\n'
                       b'2025-01-01,a,b,10:00,good,"walk,"never closed\n2025-01-02,a,b,10:00,'
                       b'good,,\n', "quotation marks don't match"),
    "quote never closed": (b'full_date,date,weekday,time,mood,activities,note\n'
                           b'2025-01-02,a,b,10:00,good,,"a note\nover two lines"\n'
                           b'2025-01-01,a,b,10:00,good,,"this note goes on\n', "line 4"),
    "no readable day": (b"full_date,date,weekday,time,mood,activities,note\n"
                        b"yesterday,a,b,10:00,good,,\n", "no day that could be read"),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_a_bad_file_gets_a_sentence_and_leaves_the_journal_alone(tmp_path, store, dump, kind):
    store.add(CheckIn(mood=6, insecurity=3))
    data, words = BAD_FILES[kind]
    path = write(tmp_path, data, f"{kind}.csv")
    before, raw = dump(store.path), journal_bytes(store.path)
    with pytest.raises(StoreError) as problem:
        workbook.import_daylio(path, store=store)
    assert isinstance(problem.value, ImportProblem)
    assert words in problem.value.message
    assert "Traceback" not in problem.value.message
    assert dump(store.path) == before
    assert journal_bytes(store.path) == raw


def test_a_huge_file_is_refused_before_it_is_read(tmp_path, store, dump, monkeypatch):
    monkeypatch.setattr(_shared, "MAX_BYTES", 1000)
    path = write(tmp_path, export_csv(generated(0.2)))
    before = dump(store.path)
    with pytest.raises(ImportProblem, match="more than the"):
        workbook.import_daylio(path, store=store)
    assert dump(store.path) == before


def test_a_missing_file_and_a_folder(tmp_path, store):
    with pytest.raises(ImportProblem, match="There is no file"):
        workbook.import_daylio(tmp_path / "nothing.csv", store=store)
    with pytest.raises(ImportProblem):
        workbook.import_daylio(tmp_path, store=store)


def test_a_failure_midway_writes_nothing(tmp_path, store, dump, monkeypatch):
    preview = read_daylio(write(tmp_path, export_csv(DAYS)))
    before = dump(store.path)

    def stop(done: int, total: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(_shared, "PROGRESS_EVERY", 2)
    with pytest.raises(OSError):
        bring_in(preview, store=store, on_progress=stop)
    assert dump(store.path) == before


# -- generated rows come back equal -----------------------------------------------------------

_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"),
                max_size=40)
_activity = st.text(st.characters(blacklist_categories=("Cs", "Zs", "Cc"),
                                  blacklist_characters="|"), min_size=1, max_size=12)
_day = st.builds(
    DaylioDay,
    # Within the dates a file may hold: from 1970 up to tomorrow.
    at=st.datetimes(min_value=AT(2000, 1, 1), max_value=AT(2025, 12, 31)).map(
        lambda at: at.replace(second=0, microsecond=0)),
    mood=st.sampled_from(["rad", "good", "meh", "bad", "awful"]).flatmap(
        lambda label: st.sampled_from([label, label.upper(), f" {label.title()}  "])),
    activities=st.lists(_activity, max_size=4, unique=True).map(tuple),
    note=_text,
    note_title=_text,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(days=st.lists(_day, min_size=1, max_size=8, unique_by=lambda d: d.at),
       shape=st.sampled_from([CURRENT, NO_TITLE, YEAR_FIRST]), twelve=st.booleans(),
       bom=st.booleans())
def test_generated_exports_come_back_equal(tmp_path_factory, days, shape, twelve, bom):
    from workbook.store import Store

    folder = tmp_path_factory.mktemp("round-trip")
    with Store(folder / "journal.sqlite3") as store:
        path = write(folder, export_csv(days, shape, bom=bom, twelve_hour=twelve))
        result = workbook.import_daylio(path, store=store)
        assert result.added == len(days)
        saved = saved_checkins(store)
        for item, day in zip(saved, sorted(days, key=lambda d: d.at), strict=True):
            assert item.created_at.replace(tzinfo=None) == day.at
            assert item.entry.mood == MOOD_FOR_LEVEL[day.mood.strip().lower()]
            assert item.entry.activities == tuple(a.strip() for a in day.activities)
            assert item.entry.note == expected_note(day, shape)



def test_the_same_row_twice_in_one_file_is_added_once(tmp_path, store):
    twice = [DAYS[0], DAYS[0], DAYS[1]]
    result = workbook.import_daylio(write(tmp_path, export_csv(twice)), store=store)
    assert (result.added, result.skipped) == (2, 1)


def test_origins_never_change_so_a_file_imported_again_later_adds_nothing():
    # Written down from an earlier version: a change here would bring old imports in twice.
    assert [row.origin for row in read_daylio(export_csv(DAYS)).rows] == [
        "2024-12-31T23:58:3bf0485be371f3d7dfa484d3",
        "2025-01-01T00:05:988b7667b486d9b3657bb239",
        "2025-01-01T12:00:7f4ed32a28b7eedad4736580",
        "2025-01-02T06:50:7d45353acd6486cb4b884d67",
        "2025-01-03T19:08:13386946266f053d67798307",
    ]
    # Years before 1000 were once named without zeros; such rows are now refused (a date
    # before 1970 is no mood app's), but their names must stay as they were.
    assert daylio._minute(AT(999, 1, 2, 19, 5)) == "999-01-02T19:05"
    odd_year = read_daylio(b"full_date,date,weekday,time,mood,activities,note_title,note\n"
                           b"0999-01-02,January 2,Monday,7:05 pm,good,walk,,\n")
    assert odd_year.rows == ()
    assert odd_year.unreadable == ((2, "its date, 2 January 999, is not "
                                        + reading.bounds_text()),)
