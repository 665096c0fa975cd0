"""The word index's words: found from stored answers without making an entry, they are
exactly the words of the entry those answers make, for every kind and any row."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from daylio_exports import DaylioDay, export_csv
from examples import EXAMPLES, missing_kinds, with_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import workbook
from workbook.models import KINDS, CheckIn, Entry, UnreadableData
from workbook.store import Store, search_index
from workbook.store.rows import encode

# Text as people (and other programs) write it: accents both ways, emoji with joiners,
# right to left, the separator's own private-use character, control characters.
ODD_TEXTS = ["", "   ", "café cafe\u0301", "👩‍👩‍👧 família 🎵", "שלום עליכם", "a\ue000b",
             "line one\nline two\r\n\ttab", "\u200b zero width", "ﬁne ＦＵＬＬ", "NA"]


def through_entry(kind: str, data: str) -> str:
    """The words of a stored row the long way: its entry is made, then asked."""
    model = KINDS.get(kind)
    if model is None:
        return ""
    try:
        entry = model.from_data(json.loads(data))
    except (UnreadableData, ValueError, TypeError, AttributeError):
        return ""
    return search_index.whole_characters(
        search_index.SEPARATOR.join(text for _, text in search_index.fields(entry)))


def outcome(make: Any, *args: Any) -> tuple[str, Any]:
    """What ``make(*args)`` gives, or the kind of error it raises (the same either way)."""
    try:
        return "words", make(*args)
    except Exception as error:
        return "error", type(error)


def same_words(kind: str, answers: Any) -> None:
    data = json.dumps(answers, ensure_ascii=False)
    assert outcome(search_index.document, kind, data) == outcome(through_entry, kind, data)


def written(entry: Entry) -> str | None:
    return search_index.written_document(type(entry), entry.to_data())


def entries_of_every_kind() -> list[Entry]:
    assert not missing_kinds()
    return [with_text(example, text) for example in EXAMPLES.values()
            for text in [*ODD_TEXTS, "n"]]


def test_every_kind_with_any_text_is_indexed_alike_either_way():
    for entry in entries_of_every_kind():
        data = encode(entry)
        expected = through_entry(entry.KIND, data)
        assert search_index.document(entry.KIND, data) == expected, entry
        assert written(entry) == expected, entry
        assert search_index.entry_document(entry) == expected, entry


def test_picks_are_indexed_by_label_whatever_the_key():
    for kind, example in EXAMPLES.items():
        answers = example.to_data()
        for name in example.PICKS:
            for value in (["no_such_key"], "no_such_key", [], None, 3, [3, None], ["a", ["b"]],
                          [["nested"]], {"a": 1}, True):
                same_words(kind, {**answers, name: value})


def test_a_pick_taken_off_its_list_is_indexed_alike(monkeypatch):
    for kind, example in EXAMPLES.items():
        for name, listed in example.PICKS.items():
            picks = getattr(workbook.words, listed)
            gone = next(iter(picks))
            monkeypatch.setattr(workbook.words, listed, picks.without(gone))
            answers = {**example.to_data(),
                       name: [gone] if isinstance(getattr(example, name), tuple) else gone}
            same_words(kind, answers)
            assert "(no longer on the list)" in search_index.document(kind, json.dumps(answers))
            assert written(KINDS[kind].from_data(answers)) == through_entry(
                kind, json.dumps(answers))


def test_rows_written_by_another_program_are_indexed_alike():
    for kind, example in EXAMPLES.items():
        answers = example.to_data()
        for name in search_index.searched_fields(type(example)):
            for value in ("a lighthouse \ud800 at dusk", ["one", 2, None, "three"],
                          ("kept", "as a list"), "", None, 7, 1.5, {"x": "y"}, [],
                          ["\udfff"]):
                same_words(kind, {**answers, name: value})
            left_out = {key: value for key, value in answers.items() if key != name}
            same_words(kind, left_out)


@pytest.mark.parametrize("data", [
    '{"mood": 5, "insecurity": 3, "dream": "flying"}',  # written by a newer version
    '{"insecurity": 3, "note": "no mood"}',  # a required answer missing
    '{"mood": 5, "insecurity": 3, "note": "half \\ud800 a character"}',
    '["not", "named"]', "3", "null", '"text"', "{not json", "", "{}",
])
def test_unreadable_or_odd_check_ins_are_indexed_alike(data):
    assert search_index.document("checkin", data) == through_entry("checkin", data)


def test_kinds_this_version_does_not_know_have_no_words():
    assert search_index.document("dream_diary", '{"dream": "flying"}') == ""


@pytest.mark.parametrize("kind", sorted(kind for kind, model in KINDS.items()
                                        if any(t == "datetime64[ns]"
                                               for t in model.column_types().values())))
def test_a_date_that_cant_be_read_makes_the_row_unreadable_either_way(kind):
    answers = EXAMPLES[kind].to_data()
    for name, dtype in type(EXAMPLES[kind]).column_types().items():
        if dtype == "datetime64[ns]":
            for value in ("not a date", "2025-02-30", 20250101, None, "2025-01-01"):
                same_words(kind, {**answers, name: value})
                for pick in type(EXAMPLES[kind]).PICKS:  # and a pick no label can be found for
                    odd = {**answers, name: value, pick: ["a list", "where one key belongs"]}
                    same_words(kind, odd)
                    found = outcome(search_index.written_document, type(EXAMPLES[kind]), odd)
                    assert found == outcome(through_entry, kind, json.dumps(odd))


def _nested(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=2)


_json = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
                     | st.text(max_size=12), _nested, max_leaves=6)


@st.composite
def stored_rows(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    kind = draw(st.sampled_from(sorted(EXAMPLES)))
    answers = EXAMPLES[kind].to_data()
    names = sorted(answers)
    for name in draw(st.lists(st.sampled_from(names), max_size=4, unique=True)):
        picks = EXAMPLES[kind].PICKS.get(name)
        keys = list(getattr(workbook.words, picks)) if picks else ["x"]
        answers[name] = draw(_json | st.sampled_from(keys) | st.lists(st.sampled_from(keys)))
    for name in draw(st.lists(st.sampled_from(names), max_size=2, unique=True)):
        answers.pop(name)
    if draw(st.booleans()):
        answers[draw(st.text(min_size=1, max_size=5))] = draw(_json)
    return kind, answers


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(row=stored_rows())
def test_any_stored_answers_give_the_words_their_entry_gives(row):
    kind, answers = row
    same_words(kind, answers)


def test_answers_that_would_come_back_changed_are_read_back_instead():
    """An entry read from stored data is not checked, so it may hold a list inside a list:
    stored again, that comes back another value, so its words are not guessed."""
    odd = CheckIn.from_data({"mood": 5, "insecurity": 3, "activities": [("nested",), "walk"]})
    assert written(odd) is None
    assert written(CheckIn.from_data({"mood": 5, "insecurity": 3, "note": ["a", "list"]})) == ""


def in_step_with_entries(store: Store) -> None:
    con = store._con
    assert con.execute("SELECT count(*) FROM search_pending").fetchone()[0] == 0
    indexed = dict(con.execute("SELECT rowid, words FROM search_text"))
    assert indexed == {entry_id: through_entry(kind, data) for entry_id, kind, data
                       in con.execute("SELECT id, kind, data FROM entries")}


def test_a_batch_of_every_kind_is_indexed_as_its_entries_read(store):
    odd = CheckIn.from_data({"mood": 5, "insecurity": 3, "note": "kept",
                             "activities": [["nested"], "walk"]})
    at = dt.datetime(2025, 3, 14, 20, 30).astimezone()
    with store.batch("import", "entries of every kind") as batch:
        batch.add_many((entry, at, f"row-{n}") for n, entry in enumerate(entries_of_every_kind()))
        batch.add(odd)
        batch.add(dataclasses.replace(EXAMPLES[CheckIn.KIND], note="added alone"))
    in_step_with_entries(store)
    assert len(store.search("nested")) == 0
    assert len(store.search("walk")) == 1
    assert len(store.search('"added alone"')) == 1


def test_a_daylio_import_is_indexed_as_its_check_ins_read(store, tmp_path: Path):
    at = dt.datetime(2024, 5, 1, 8, 15)
    days = [DaylioDay(at + dt.timedelta(hours=7 * n), mood, activities, note, title)
            for n, (mood, activities, note, title) in enumerate([
                ("rad", ("walk", "music 🎵"), "café cafe\u0301 👩‍👩‍👧", ""),
                ("meh", (), "", ""),
                ("good", ("walk",), "", ""),
                ("good", ("walk",), "", ""),  # the same answers again: one entry, two rows
                ("awful", ("rain, cold",), "שלום\nsecond line", "A title"),
                ("good", ("x\ue000y",), "NA", "")])]
    path = tmp_path / "daylio.csv"
    path.write_bytes(export_csv(days))
    assert workbook.import_daylio(path, store=store).added == len(days)
    in_step_with_entries(store)
    assert len(store.search("cafe")) == 1
    assert len(store.search("music")) == 1
    assert len(store.search("walk")) == 3


@st.composite
def written_answers(draw: st.DrawFn) -> tuple[type[Entry], dict[str, Any]]:
    kind = draw(st.sampled_from(sorted(EXAMPLES)))
    answers = EXAMPLES[kind].to_data()
    for name in draw(st.lists(st.sampled_from(sorted(answers)), max_size=4, unique=True)):
        picks = EXAMPLES[kind].PICKS.get(name)
        keys = list(getattr(workbook.words, picks)) if picks else ["x"]
        answers[name] = draw(_json | st.sampled_from(keys) | st.lists(st.sampled_from(keys))
                             | st.lists(st.text(max_size=5)).map(tuple))
    return KINDS[kind], answers


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(row=written_answers())
def test_words_of_answers_about_to_be_written_are_the_words_read_back(row):
    model, answers = row
    data = json.dumps(answers, ensure_ascii=False)
    found = outcome(search_index.written_document, model, answers)
    if found != ("words", None):
        assert found == outcome(through_entry, model.KIND, data)
