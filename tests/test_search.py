"""Searching the journal: words as people type them, an index always in step, nothing plain."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from daylio_exports import DaylioDay, export_csv
from examples import EXAMPLES, text_fields, with_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import workbook
from workbook import demo, migrations, words
from workbook.models import CheckIn
from workbook.models.reframe import ThoughtRecord
from workbook.sealed import KdfSettings
from workbook.store import Store, lock, restore, search_index
from workbook.store.search import fts_query

DATA = Path(__file__).parent / "data"
FAST = KdfSettings(time_cost=1, memory_kib=8 * 1024, parallelism=1)
PASSPHRASE = "river stone quiet lamp"
AT = dt.datetime(2025, 3, 14, 20, 30).astimezone()


def in_step(store: Store) -> None:
    """The index holds exactly the words of every entry, and nothing waits to be indexed."""
    con = store._con
    assert con.execute("SELECT count(*) FROM search_pending").fetchone()[0] == 0
    indexed = dict(con.execute("SELECT rowid, words FROM search_text"))
    expected = {entry_id: search_index.document(kind, data) for entry_id, kind, data
                in con.execute("SELECT id, kind, data FROM entries")}
    assert indexed == expected


def notes(hits) -> list[str]:
    return [hit.saved.entry.note for hit in hits]


def note(text: str, *, mood: int = 5, emotions: tuple[str, ...] = ()) -> CheckIn:
    return CheckIn(mood=mood, insecurity=4, emotions=emotions, note=text)


@pytest.fixture
def journal(tmp_path: Path) -> Store:
    """A generated journal (a month of demo entries) plus a few notes to look for."""
    store = demo.build(tmp_path / "secure-base", days=30, today=dt.date(2025, 3, 1))
    for day, text in enumerate([
            "He didn't answer my text about the café. Jealousy again.",
            "A calm evening; the text was answered quickly.",
            "Felt JEALOUS when she mentioned the party.",
            "Cafe with friends, no worries at all.",
            "The unanswered text still bothers me."], start=1):
        store.add(note(text), at=AT + dt.timedelta(days=day))
    yield store
    store.close()


# -- searching the way people type ----------------------------------------------------

def test_several_words_must_all_be_found_in_any_order(journal):
    assert notes(journal.search("answer text")) == [
        "He didn't answer my text about the café. Jealousy again."]
    assert set(notes(journal.search("text"))) == {
        "He didn't answer my text about the café. Jealousy again.",
        "A calm evening; the text was answered quickly.",
        "The unanswered text still bothers me."}
    assert notes(journal.search("text party")) == []


def test_a_quoted_phrase_must_appear_as_written(journal):
    assert notes(journal.search('"answer my text"')) == [
        "He didn't answer my text about the café. Jealousy again."]
    assert notes(journal.search('"text answer"')) == []
    # Typographic quotes from a phone work the same.
    assert len(journal.search("“answer my text”")) == 1
    assert notes(journal.search('"unanswered text" bothers')) == [
        "The unanswered text still bothers me."]


def test_a_phrase_never_runs_from_one_answer_into_the_next(store):
    record = dataclasses.replace(EXAMPLES[ThoughtRecord.KIND], situation="waited by the phone",
                                 automatic_thought="nobody cares about me")
    store.add(record)
    assert len(store.search('"phone nobody"')) == 0
    assert len(store.search("phone nobody")) == 1


def test_a_lone_surrogate_written_by_another_program_leaves_its_other_words_found(store):
    """Today's forms refuse half a character, but a row may hold one (escaped in its
    JSON); SQLite can't index it, so the index takes a replacement character instead."""
    con = sqlite3.connect(store.path)
    con.execute("INSERT INTO entries (profile, kind, strategy, created_at, day, data) VALUES"
                " ('me', 'checkin', NULL, '2025-06-01T09:00:00+00:00', '2025-06-01', ?)",
                ('{"mood": 5, "insecurity": 3, "note": "a lighthouse \\ud800 at dusk"}',))
    con.commit()
    con.close()
    assert notes(store.search("lighthouse")) == ["a lighthouse \ud800 at dusk"]
    assert notes(store.search("dusk")) == ["a lighthouse \ud800 at dusk"]
    # Half a character typed is no error, and no word either.
    assert notes(store.search("lighthouse \udfff")) == ["a lighthouse \ud800 at dusk"]


def test_case_and_accents_do_not_matter(journal):
    both = {"He didn't answer my text about the café. Jealousy again.",
            "Cafe with friends, no worries at all."}
    for typed in ("cafe", "CAFÉ", "Café", "cAfe\u0301"):
        assert set(notes(journal.search(typed))) == both, typed
    assert set(notes(journal.search('"jealous"'))) == {"Felt JEALOUS when she mentioned the party."}


def test_the_last_word_may_be_unfinished(journal):
    assert set(notes(journal.search("jealou"))) == {
        "He didn't answer my text about the café. Jealousy again.",
        "Felt JEALOUS when she mentioned the party."}
    assert notes(journal.search("the unans")) == ["The unanswered text still bothers me."]
    # Only the last one: a word before it must be whole.
    assert notes(journal.search("jealou again")) == []
    # A closed phrase is whole too.
    assert notes(journal.search('"jealou"')) == []


@pytest.mark.parametrize("typed", ['"', "*", "NEAR(", "-", "AND", "(", ")", "OR", "NOT",
                                   '""', "^", "+", ":", "{", "NEAR(text, 2)", "words: text",
                                   "text AND", "(text", "-text", "text*", '"text', 'text"',
                                   "\\", "'", "\x01", "\ue000", "\ue001text\ue002"])
def test_search_syntax_is_read_as_plain_words_and_never_fails(journal, typed):
    hits = journal.search(typed)
    plain = [word for word in ("text", "and", "or", "not", "near", "words") if word in
             typed.lower()]
    if not plain:
        assert list(hits) == [] and hits.total == 0
    else:
        assert hits.total == len(hits)


def test_signs_around_words_are_only_separators(journal):
    assert set(notes(journal.search("-text"))) == set(notes(journal.search("text")))
    assert notes(journal.search("(party) -jealous")) == [
        "Felt JEALOUS when she mentioned the party."]
    # AND, OR and NOT are words like any other: no entry says "not".
    assert notes(journal.search("text NOT answer")) == []
    assert fts_query('NEAR( "a" OR b* -c') == '"near" "a" "or" "b" "c"*'
    assert fts_query(" * - ( ") is None


def test_matches_point_at_the_words_in_each_answer(journal):
    hits = journal.search("cafe jealou")
    assert len(hits) == 1
    (found,) = hits[0].fields
    assert found.field == "note"
    assert [found.text[s:e] for s, e in found.spans] == ["café", "Jealousy"]
    assert hits[0].spans("note") == found.spans and hits[0].spans("emotions") == ()
    phrase = journal.search('"answer my text"')[0]
    assert [phrase.fields[0].text[s:e] for s, e in phrase.spans("note")] == ["answer my text"]


def test_picks_are_found_by_the_label_the_person_reads(store, monkeypatch):
    saved = store.add(note("a quiet day", emotions=("jealous", "calm")))
    hits = store.search("jealous")
    assert [h.saved.id for h in hits] == [saved.id]
    label = hits[0].fields[0]
    assert label.field == "emotions" and label.text[slice(*label.spans[0])] == "jealous"
    # A release that rewords a label: the index is rebuilt with the new words.
    monkeypatch.setattr(words, "EMOTIONS", words.EMOTIONS.renamed(
        lambda text: "green-eyed" if text == "jealous" else text))
    assert [h.saved.id for h in store.search("green eyed")] == [saved.id]
    assert list(store.search("jealous")) == []
    in_step(store)


def test_every_text_answer_of_every_kind_is_searched(store):
    for number, (kind, example) in enumerate(EXAMPLES.items()):
        # Where a check-in came from is not the person's words (see the next test).
        fields = set(text_fields(example)) - {"source"}
        if not fields:
            continue
        saved = store.add(with_text(example, f"zephyrine marker{number}"))
        hits = store.search(f"marker{number} zephyrine")
        assert [h.saved.id for h in hits] == [saved.id], kind
        assert {f.field for f in hits[0].fields} >= fields, kind


def test_source_of_an_import_is_not_searched_as_words(store):
    store.add(CheckIn(mood=5, insecurity=None, note="a walk", source="daylio"))
    assert list(store.search("daylio")) == []


def test_filters_and_pages_newest_first(store):
    for n in range(12):
        store.add(note(f"river walk {n}"), profile="me" if n % 3 else "partner",
                  at=AT + dt.timedelta(days=n))
    store.add(EXAMPLES["gratitude"], at=AT)
    everything = store.search("river")
    assert everything.total == 12
    assert notes(everything) == [f"river walk {n}" for n in reversed(range(12))]
    pages = [store.search("river", limit=5, offset=start) for start in (0, 5, 10)]
    assert [notes(page) for page in pages] == [notes(everything)[i:i + 5] for i in (0, 5, 10)]
    assert {page.total for page in pages} == {12}
    assert notes(store.search("river", profile="partner")) == [
        f"river walk {n}" for n in (9, 6, 3, 0)]
    days = store.search("river", since=(AT + dt.timedelta(days=2)).date(),
                        until=(AT + dt.timedelta(days=4)).date())
    assert notes(days) == ["river walk 4", "river walk 3", "river walk 2"]
    assert store.search("river", kind="gratitude").total == 0
    assert store.search("river", kind=["gratitude", "checkin"]).total == 12
    assert store.search("", kind="gratitude").total == 1
    assert [h.saved.id for h in store.search("")] == [s.id for s in store.entries()]
    with pytest.raises(KeyError):
        store.search("river", kind="no_such_kind")


def test_the_package_level_search_uses_the_store_given(journal):
    hits = workbook.search("bothers", store=journal)
    assert notes(hits) == ["The unanswered text still bothers me."]


# -- the index in step after every change -----------------------------------------------

def test_the_index_follows_adding_editing_and_deleting(journal):
    in_step(journal)
    saved = journal.add(note("a kestrel over the field"))
    in_step(journal)
    assert [h.saved.id for h in journal.search("kestrel")] == [saved.id]
    journal.update(saved.id, note("an osprey over the lake"))
    in_step(journal)
    assert list(journal.search("kestrel")) == []
    assert [h.saved.id for h in journal.search("osprey")] == [saved.id]
    assert journal.delete(saved.id)
    in_step(journal)
    assert list(journal.search("osprey")) == []


def test_the_index_follows_an_import_and_its_undo(store, tmp_path):
    export = tmp_path / "daylio.csv"
    export.write_bytes(export_csv([
        DaylioDay(dt.datetime(2025, 1, 2, 20, 0), "good", ("walk",), "saw a heron by the pond"),
        DaylioDay(dt.datetime(2025, 1, 3, 20, 0), "meh", ("work",), "long meeting")]))
    result = workbook.import_daylio(export, store=store)
    in_step(store)
    assert notes(store.search("heron")) == ["saw a heron by the pond"]
    # Activities brought in with the check-in are searched too.
    assert store.search("walk").total == 1
    store.undo_batch(result.batch)
    in_step(store)
    assert list(store.search("heron")) == []


def test_the_index_follows_a_json_import(journal, tmp_path):
    path = journal.export_json(tmp_path / "export.json")
    with Store(tmp_path / "other" / "journal.sqlite3") as other:
        other.import_json(path)
        in_step(other)
        assert notes(other.search("bothers")) == ["The unanswered text still bothers me."]


def test_a_restored_backup_brings_its_own_index(journal):
    first = journal.add(note("a kestrel over the field"))
    backup = journal.backup()
    journal.delete(first.id)
    journal.add(note("an osprey over the lake"))
    path = journal.path
    journal.close()
    restore(path, backup)
    with Store(path) as back:
        in_step(back)
        assert notes(back.search("kestrel")) == ["a kestrel over the field"]
        assert list(back.search("osprey")) == []


def test_an_older_journal_gets_its_index_when_upgraded(tmp_path):
    path = tmp_path / "journal.sqlite3"
    con = sqlite3.connect(path)
    con.executescript((DATA / "journal-v2.sql").read_text(encoding="utf-8"))
    count = con.execute("SELECT count(*) FROM entries").fetchone()[0]
    con.close()
    with Store(path) as store:
        assert store.version == migrations.LATEST
        in_step(store)
        assert store.search("").total == count
        hits = store.search('"being lied to"', kind="trigger_log")
        assert hits.total >= 1
        assert all("being lied to" in h.saved.entry.shown("fears") for h in hits)


def test_entries_written_by_another_program_are_found(journal):
    con = sqlite3.connect(journal.path)
    con.execute("INSERT INTO entries (profile, kind, strategy, created_at, day, data) VALUES"
                " ('me', 'checkin', NULL, '2025-06-01T09:00:00+00:00', '2025-06-01', ?)",
                ('{"mood": 5, "insecurity": 3, "note": "written with plain SQL"}',))
    con.execute("UPDATE entries SET data = json_set(data, '$.note', 'the party was fine')"
                " WHERE instr(data, 'JEALOUS')")
    con.commit()
    con.close()
    assert notes(journal.search("plain sql")) == ["written with plain SQL"]
    assert notes(journal.search("party")) == ["the party was fine"]
    in_step(journal)


def test_rows_this_version_cant_read_leave_the_index_working(store):
    con = sqlite3.connect(store.path)
    con.execute("INSERT INTO entries (profile, kind, strategy, created_at, day, data) VALUES"
                " ('me', 'dream_diary', NULL, '2025-06-01T09:00:00+00:00', '2025-06-01',"
                " '{\"dream\": \"flying\"}')")
    con.commit()
    con.close()
    store.add(note("flying kites"))
    in_step(store)
    assert notes(store.search("flying")) == ["flying kites"]
    everything = store.search("")
    assert everything.total == 2 and len(everything) == 1 and len(everything.skipped) == 1


@pytest.mark.parametrize("damage", [
    "DELETE FROM search_text",
    "INSERT INTO search_text (rowid, words) VALUES (999, 'ghost words')",
    "DROP TRIGGER search_entry_added",
    "DROP TABLE search_text",
    "DROP TABLE search_pending",
    "UPDATE search_state SET value = 'made with other labels'",
])
def test_an_index_out_of_step_is_rebuilt_when_searched(journal, damage):
    path = journal.path
    journal.close()
    con = sqlite3.connect(path)
    con.execute(damage)
    con.commit()
    con.close()
    with Store(path) as store:
        assert notes(store.search("bothers")) == ["The unanswered text still bothers me."]
        assert list(store.search("ghost")) == []
        in_step(store)
        saved = store.add(note("a kestrel over the field"))
        assert [h.saved.id for h in store.search("kestrel")] == [saved.id]
        in_step(store)


# -- a locked journal ----------------------------------------------------------------------

CANARY = "Quetzalcoatlus"


def plain_copies(folder: Path, word: str) -> list[str]:
    """Files under ``folder`` holding ``word`` (in any case) as plain bytes."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            data = path.read_bytes().lower()
            if word.lower().encode() in data:
                found.append(str(path.relative_to(folder)))
    return found


@pytest.mark.parametrize("locked", [True, False])
def test_a_locked_journal_is_searched_and_its_words_are_in_no_file(tmp_path, locked):
    path = tmp_path / "secure-base" / "journal.sqlite3"
    store = Store(path, PASSPHRASE, kdf=FAST) if locked else Store(path)
    store.add(note(f"{CANARY} bones at the museum"), at=AT)
    store.add(note("second entry takes the daily backup"))
    saved = store.add(note(f"the {CANARY.lower()} again"))
    assert notes(store.search(CANARY[:7].lower())) == [
        f"the {CANARY.lower()} again", f"{CANARY} bones at the museum"]
    store.update(saved.id, note(f"{CANARY} once more"))
    assert store.search(f'"{CANARY} once"').total == 1
    found = plain_copies(path.parent, CANARY)  # read while open: the WAL holds the newest
    if locked:
        assert found == []
    else:
        # The same check on a plain journal finds the word: the check itself works.
        assert "journal.sqlite3" in found or "journal.sqlite3-wal" in found
    store.close()
    if locked:
        assert plain_copies(path.parent, CANARY) == []


def test_locking_and_unlocking_keep_the_index(tmp_path):
    path = tmp_path / "secure-base" / "journal.sqlite3"
    with Store(path) as store:
        store.add(note(f"{CANARY} bones at the museum"))
    lock.lock(path, PASSPHRASE, kdf=FAST)
    lock.lock_now(path)
    assert plain_copies(path.parent, CANARY) == []
    with Store(path, PASSPHRASE) as store:
        in_step(store)
        assert store.search(CANARY).total == 1
        store.add(note(f"another {CANARY}"))
        in_step(store)
        assert store.search(CANARY).total == 2
    assert plain_copies(path.parent, CANARY) == []
    lock.remove_lock(path, PASSPHRASE)
    with Store(path) as store:
        in_step(store)
        assert store.search(CANARY).total == 2


# -- anything typed ------------------------------------------------------------------------

# Every example searches (or writes to) the same journal: that is intended.
ONE_JOURNAL = [HealthCheck.function_scoped_fixture]
SYNTAX = st.sampled_from(['"', "*", "(", ")", "-", "+", "^", ":", "{", "}", " ", "NEAR",
                          "AND", "OR", "NOT", "text", "café", "\ue000", "\x00", "'", "\\"])


@settings(max_examples=300, deadline=None, suppress_health_check=ONE_JOURNAL)
@given(typed=st.one_of(st.text(), st.lists(SYNTAX).map("".join)))
def test_anything_typed_is_answered_without_an_error(journal, typed):
    hits = journal.search(typed, limit=3)
    assert len(hits) <= 3 and hits.total >= len(hits)
    for hit in hits:
        for found in hit.fields:
            assert all(0 <= s < e <= len(found.text) for s, e in found.spans)


@settings(max_examples=40, deadline=None, suppress_health_check=ONE_JOURNAL)
@given(written=st.text(st.characters(categories=("L", "N", "Zs", "P")), min_size=1, max_size=80))
def test_any_word_written_finds_its_entry(store, written):
    saved = store.add(note(written))
    for word in written.split():
        if fts_query(word) is not None:
            assert saved.id in {h.saved.id for h in store.search(word)}, word
    store.delete(saved.id)
