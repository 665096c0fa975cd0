"""Every entry stays readable after any update: today's rules are never applied to reading.

A later version may reword a pick list, drop an item from it, or meet rows it can't
decode at all. None of that may make a person's earlier entries unreadable.
"""

from __future__ import annotations

import dataclasses
import html
import json
import sqlite3
from pathlib import Path

import pandas as pd
import pytest
from examples import EXAMPLES

import workbook
from workbook import charts, migrations, report, trends, words
from workbook.models import KINDS, Entry
from workbook.store import Store, StoreError
from workbook.trends import Span
from workbook.widgets import RecentEntries
from workbook.words import Picks

DATA = Path(__file__).parent / "data"


def pick_lists() -> dict[str, Picks]:
    return {name: value for name, value in vars(words).items() if isinstance(value, Picks)}


def with_pick(example: Entry, field: str, key: str) -> Entry:
    """``example`` with ``key`` as its answer to ``field`` (and what that answer needs)."""
    current = getattr(example, field)
    changes: dict[str, object] = {field: (key,) if isinstance(current, tuple) else key}
    if example.KIND == "living_values":
        changes.update(importance=(9,), consistency=(4,))
    if example.KIND == "values_sort":
        changes = {"very_important": (), "important": (), "not_important": (),
                   "top_five": ()}
        changes["very_important" if field == "top_five" else field] = (key,)
        if field == "top_five":
            changes["top_five"] = (key,)
    return dataclasses.replace(example, **changes)


def every_pick_entries() -> list[Entry]:
    """For each kind, its example plus one entry per key of each of its pick lists."""
    made, used = [], set()
    for kind, example in EXAMPLES.items():
        made.append(example)
        for field, list_name in KINDS[kind].PICKS.items():
            for key in getattr(words, list_name):
                made.append(with_pick(example, field, key))
                used.add((list_name, key))
    picked_somewhere = {name for kind in KINDS.values() for name in kind.PICKS.values()}
    for name in picked_somewhere:
        assert {(name, key) for key in getattr(words, name)} <= used
    return made


def reading(store: Store) -> dict[str, object]:
    """Everything a person can see of their journal, as comparable values."""
    export = json.loads(store.export_json(store.path.parent / "export.json").read_text())
    export.pop("exported_at")
    frames = {kind: workbook.data(kind, store=store) for kind in KINDS}
    loaded = trends.load(store, None)
    span = Span.last(30)
    return {
        "entries": [(s.id, s.entry) for s in store.entries()],
        "frames": frames,
        "export": export,
        "summaries": {c.key: c.summary(loaded, span) for c in charts.CHARTS},
        "figures": [c.figure(loaded, span).axes[0].get_title() for c in charts.CHARTS],
    }


def assert_same(before: dict[str, object], after: dict[str, object]) -> None:
    assert after["entries"] == before["entries"]
    assert after["export"] == before["export"]
    for kind, frame in before["frames"].items():  # type: ignore[union-attr]
        now = after["frames"][kind]  # type: ignore[index]
        # The answers are unchanged; text made from labels (a statement) may follow the
        # new wording, so derived columns are only required to be there.
        answers = [f.name for f in dataclasses.fields(KINDS[kind]) if f.name in frame]
        pd.testing.assert_frame_equal(now[answers], frame[answers])
        assert list(now.columns) == list(frame.columns)


def recent_text(store: Store) -> str:
    shown = []
    for kind in KINDS:
        recent = RecentEntries(kind, store=store, limit=1000)
        shown += [item.text.value for item in recent.items]
    return "\n".join(shown)


@pytest.fixture
def full_store(store):
    for entry in every_pick_entries():
        store.add(entry)
    return store


def renamed_everywhere(monkeypatch) -> None:
    for name, picks in pick_lists().items():
        monkeypatch.setattr(words, name, picks.renamed(lambda label: f"reworded {label}"))


def removed_everywhere(monkeypatch) -> None:
    # Items simply gone, not even marked retired: the worst a later version could do.
    for name in pick_lists():
        monkeypatch.setattr(words, name, Picks({}))


@pytest.mark.parametrize("change", [renamed_everywhere, removed_everywhere])
def test_every_entry_reads_back_unchanged_after_pick_lists_change(full_store, monkeypatch,
                                                                  tmp_path, change):
    before = reading(full_store)
    count = len(before["entries"])  # type: ignore[arg-type]
    assert count == len(every_pick_entries())
    change(monkeypatch)
    after = reading(full_store)
    assert_same(before, after)
    shown = recent_text(full_store)
    assert shown.count("sb-when") == count
    if change is removed_everywhere:
        assert "(no longer on the list)" in shown
    else:
        assert "reworded" in shown
    page = report.write(full_store, tmp_path / "report.html", span=Span.last(30)).read_text()
    for chart in charts.CHARTS:
        assert f"<h2>{chart.title}</h2>" in page


def test_a_retired_pick_is_shown_as_written_and_kept_on_export(store, monkeypatch):
    store.add(dataclasses.replace(EXAMPLES["checkin"], emotions=("hopeful", "calm")))
    monkeypatch.setattr(words, "EMOTIONS", words.EMOTIONS.without("hopeful"))
    [saved] = store.entries("checkin")
    assert saved.entry.emotions == ("hopeful", "calm")
    assert "hopeful (no longer on the list), calm" in saved.entry.summary()
    exported = json.loads(store.export_json(store.path.parent / "e.json").read_text())
    assert exported["entries"][0]["data"]["emotions"] == ["hopeful", "calm"]


def test_editing_an_old_entry_with_a_retired_pick_says_so_and_can_keep_it(store, monkeypatch):
    from workbook.exercises.checkin import CheckInForm

    saved = store.add(dataclasses.replace(EXAMPLES["checkin"], emotions=("hopeful", "calm")))
    monkeypatch.setattr(words, "EMOTIONS", words.EMOTIONS.without("hopeful"))
    form = CheckInForm(store=store)
    form.edit(saved)
    field = form.fields["emotions"]
    assert "no longer on the list" in field.message.value
    assert form.emotions.value == ("hopeful", "calm")
    assert "hopeful (no longer on the list)" in [t.description for t in form.emotions.toggles]
    form.note.value = "still hopeful"
    form.save.click()
    assert store.get(saved.id).entry.emotions == ("hopeful", "calm")
    assert store.get(saved.id).entry.note == "still hopeful"
    # ... or change it: untick the retired feeling and save again.
    form.edit(store.get(saved.id))
    form.emotions.controls["hopeful"].value = False
    form.save.click()
    assert store.get(saved.id).entry.emotions == ("calm",)


def test_a_brand_new_entry_cannot_pick_a_key_that_was_never_listed(store):
    from workbook.exercises.checkin import CheckInForm

    form = CheckInForm(store=store)
    form.emotions.value = ("made_up",)
    form.save.click()
    assert store.count("checkin") == 0
    assert "Please choose from the list." in form.fields["emotions"].message.value


def _put_raw(store: Store, kind: str, data: str) -> None:
    con = sqlite3.connect(store.path)
    try:
        # A later version (or a damaged write) could leave rows this version can't read.
        con.execute("PRAGMA ignore_check_constraints = ON")
        con.execute("INSERT INTO entries (profile, kind, strategy, created_at, day, data)"
                    " VALUES ('me', ?, NULL, '2026-11-01T09:00:00+00:00', '2026-11-01', ?)",
                    (kind, data))
        con.commit()
    finally:
        con.close()


def test_unreadable_rows_are_skipped_counted_kept_and_exported(store, tmp_path):
    store.add(EXAMPLES["checkin"])
    store.add(EXAMPLES["gratitude"])
    _put_raw(store, "checkin", "{not json")
    _put_raw(store, "dream_diary", json.dumps({"dream": "flying"}))
    _put_raw(store, "checkin", json.dumps({"mood": 5, "insecurity": 5, "colour": "blue"}))
    found = store.entries()
    assert [s.kind for s in found] == ["gratitude", "checkin"]
    assert len(found.skipped) == 3
    assert found.not_shown() == (
        "2 entries from a newer version of Secure Base aren't shown here. 1 entry couldn't "
        "be read and isn't shown here. They are kept safely in your journal, unchanged.")
    # Charts and frames load what can be read.
    assert len(workbook.data("checkin", store=store)) == 1
    loaded = trends.load(store, None)
    for chart in charts.CHARTS:
        chart.figure(loaded, Span.last(30))
    # The recent list says so in a friendly line.
    recent = RecentEntries("checkin", store=store)
    line = html.unescape(recent.root.children[-2].value)
    assert "1 entry couldn't be read" in line and "1 entry from a newer version" in line
    # Still in the file, and in the export exactly as stored.
    con = sqlite3.connect(store.path)
    assert con.execute("SELECT count(*) FROM entries").fetchone()[0] == 5
    con.close()
    exported = json.loads(store.export_json(tmp_path / "e.json").read_text())
    kept = [e for e in exported["entries"] if e.get("unreadable")]
    assert sorted(e["stored_data"] for e in kept) == sorted([
        "{not json", json.dumps({"dream": "flying"}),
        json.dumps({"mood": 5, "insecurity": 5, "colour": "blue"})])
    # A daily backup copies them too.
    backup = store.backup()
    con = sqlite3.connect(backup)
    assert con.execute("SELECT count(*) FROM entries").fetchone()[0] == 5
    con.close()


def test_entries_of_a_newer_kind_survive_an_export_import_round_trip(store, tmp_path):
    _put_raw(store, "dream_diary", json.dumps({"dream": "flying"}))
    path = store.export_json(tmp_path / "e.json")
    other = Store(tmp_path / "other" / "journal.sqlite3")
    assert other.import_json(path) == 1
    assert other.import_json(path) == 0
    con = sqlite3.connect(other.path)
    rows = con.execute("SELECT kind, data FROM entries").fetchall()
    con.close()
    other.close()
    assert rows == [("dream_diary", json.dumps({"dream": "flying"}))]


def test_the_migration_to_keys_keeps_every_entry_of_a_journal_from_the_last_version(tmp_path):
    journal = tmp_path / "journal.sqlite3"
    con = sqlite3.connect(journal)
    con.executescript((DATA / "journal-v2.sql").read_text(encoding="utf-8"))
    assert con.execute("PRAGMA user_version").fetchone()[0] == 2
    before = {entry_id: (kind, json.loads(data)) for entry_id, kind, data
              in con.execute("SELECT id, kind, data FROM entries")}
    con.close()
    with Store(journal) as store:
        assert store.version == migrations.LATEST
        after = {s.id: s for s in store.entries()}
        assert not store.entries().skipped
        assert store.backups(), "a backup is taken before the upgrade"
    assert set(after) == set(before)
    changed = 0
    for entry_id, (kind, old) in before.items():
        saved = after[entry_id]
        assert saved.kind == kind
        new = saved.entry.to_data()
        # Answers added by later versions come in with their defaults.
        assert set(old) <= set(new)
        for field, value in old.items():
            if field in saved.entry.PICKS:
                picks = getattr(words, saved.entry.PICKS[field])
                values = value if isinstance(value, list) else [value]
                keys = new[field] if isinstance(new[field], list) else [new[field]]
                assert all(picks.is_current(key) for key in keys)
                # Each pick is now the key made from the words stored back then (a key
                # stays a key), so it reads as that item, however it is worded today.
                assert keys == [migrations.pick_key(v) for v in values]
                changed += keys != values
            else:
                assert new[field] == value, (kind, field)
    assert changed > 100  # the fixture holds every pick as its words


def test_no_pick_key_ever_shipped_disappears_without_being_retired():
    shipped = json.loads((DATA / "pick_keys.json").read_text())
    lists = pick_lists()
    for name, keys in shipped.items():
        assert name in lists, f"the pick list {name} is gone; keep it (retire its keys)"
        kept = set(lists[name]) | set(lists[name].retired)
        lost = [key for key in keys if key not in kept]
        assert not lost, (f"{name} lost {lost}: move them to retired=... with their last "
                          "label, so old entries stay readable")


def test_every_pick_key_is_in_the_shipped_snapshot():
    shipped = json.loads((DATA / "pick_keys.json").read_text())
    for name, picks in pick_lists().items():
        new = [key for key in [*picks, *picks.retired] if key not in shipped.get(name, [])]
        assert not new, (f"add {new} to tests/data/pick_keys.json under {name}: every key "
                         "that ships must stay readable forever")


def test_a_retired_single_choice_is_offered_as_it_was_when_editing(store, monkeypatch):
    from workbook.exercises.professional_help import TherapistForm

    saved = store.add(dataclasses.replace(EXAMPLES["therapist_candidate"], format="online"))
    monkeypatch.setattr(words, "THERAPIST_FORMATS", words.THERAPIST_FORMATS.without("online"))
    form = TherapistForm(store=store)
    assert "online" not in [key for _label, key in form.format.options]
    form.edit(saved)
    assert form.format.value == "online"
    assert ("online (no longer on the list)", "online") in form.format.options
    assert "no longer on the list" in form.fields["format"].message.value
    form.save.click()
    assert store.get(saved.id).entry.format == "online"


def _crafted_export(tmp_path: Path, entries: list[dict]) -> Path:
    path = tmp_path / "crafted.json"
    path.write_text(json.dumps({"format": "secure-base-export", "version": 1, "schema": 4,
                                "exported_at": "2026-11-01T09:00:00+00:00",
                                "profiles": [{"key": "me", "name": ""}], "settings": {},
                                "entries": entries}))
    return path


def test_an_entry_marked_unreadable_stays_unread_whatever_it_claims(store, tmp_path):
    impossible = json.dumps({"mood": 999, "insecurity": -5, "note": "x" * 200_000})
    path = _crafted_export(tmp_path, [
        {"profile": "me", "kind": "checkin", "strategy": "checkin", "unreadable": True,
         "created_at": "2026-11-01T09:00:00+00:00", "updated_at": None,
         "stored_data": impossible},
        # Even answers this version could read stay unread when marked so.
        {"profile": "me", "kind": "checkin", "strategy": "checkin", "unreadable": True,
         "created_at": "2026-11-02T09:00:00+00:00", "updated_at": None,
         "stored_data": json.dumps({"mood": 5, "insecurity": 5, "note": "canary"})}])
    assert store.import_json(path) == 2
    assert store.search("canary").total == 0  # its words are not found either
    found = store.entries()
    assert list(found) == [] and len(found.skipped) == 2
    assert "couldn't be read" in found.not_shown()
    assert store.count("checkin") == 0 and store.days_with("checkin") == []
    assert store.practice() == []
    assert workbook.data("checkin", store=store).empty
    loaded = trends.load(store, None)
    for chart in charts.CHARTS:
        chart.figure(loaded, Span.last(3650))
    # Kept exactly as it came, and exported the same way again.
    exported = json.loads(store.export_json(tmp_path / "again.json").read_text())
    assert [(e.get("unreadable"), e.get("stored_data")) for e in exported["entries"]] == [
        (True, impossible), (True, json.dumps({"mood": 5, "insecurity": 5, "note": "canary"}))]
    assert "data" not in exported["entries"][0]


def test_an_entry_not_marked_unreadable_is_checked_like_any_save(store, tmp_path, dump):
    path = _crafted_export(tmp_path, [
        {"profile": "me", "kind": "checkin", "strategy": "checkin",
         "created_at": "2026-11-01T09:00:00+00:00",
         "data": {"mood": 999, "insecurity": -5, "note": "x"}}])
    before = dump(store.path)
    with pytest.raises(StoreError, match="entry 1 \\(checkin\\), mood"):
        store.import_json(path)
    assert dump(store.path) == before


@pytest.mark.parametrize("when", ["9999-01-01T00:00:00+00:00", "0001-01-01T00:00:00+00:00"])
def test_an_export_entry_dated_far_ahead_or_back_is_refused(store, tmp_path, dump, when):
    path = _crafted_export(tmp_path, [
        {"profile": "me", "kind": "checkin", "strategy": "checkin", "created_at": when,
         "data": EXAMPLES["checkin"].to_data()}])
    before = dump(store.path)
    with pytest.raises(StoreError, match="is not between 1 January 1970 and"):
        store.import_json(path)
    assert dump(store.path) == before


def test_an_unreadable_entry_must_still_be_strict_json(store, tmp_path, dump):
    path = _crafted_export(tmp_path, [
        {"profile": "me", "kind": "checkin", "unreadable": True,
         "created_at": "2026-11-01T09:00:00+00:00", "stored_data": '{"mood": NaN}'}])
    before = dump(store.path)
    with pytest.raises(StoreError, match="entry 1, stored_data: not readable data"):
        store.import_json(path)
    assert dump(store.path) == before
