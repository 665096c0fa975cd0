"""Share files between two journals: what goes in, what comes out, and what is refused."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import stat

import pytest
from examples import EXAMPLES, with_text

from workbook import sealed, share, words
from workbook.models.positive import Gratitude
from workbook.models.values import ValuesSort
from workbook.store import Store

PARTNER = words.PROFILE_PARTNER
NEVER_SHARED = sorted(set(EXAMPLES) - set(share.SHAREABLE))


@pytest.fixture
def other(tmp_path):
    """The partner's own journal, on their own computer."""
    journal = Store(tmp_path / "theirs" / "journal.sqlite3")
    yield journal
    journal.close()


def every_shareable(store, tag="words"):
    """One saved entry of every shareable kind, each with ``tag`` in its free text."""
    return [store.add(with_text(EXAMPLES[kind], f"{kind} {tag}")).id for kind in share.SHAREABLE]


@pytest.mark.usefixtures("cheap_kdf")
@pytest.mark.parametrize("passphrase", ["", "blue kettle at noon"])
def test_every_shareable_kind_goes_from_one_journal_to_the_other(store, other, tmp_path,
                                                                   passphrase):
    ids = every_shareable(store)
    made = share.build(store, ids, "Sam")
    path = share.write(made, tmp_path / "out" / "for-alex.json", passphrase=passphrase)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600

    opened = share.read(path, passphrase=passphrase)
    receipt = share.receive(other, opened)

    assert (receipt.added, receipt.replaced, receipt.name) == (len(ids), 0, "Sam")
    theirs = other.entries(profile=PARTNER, newest_first=False)
    assert [s.kind for s in theirs] == list(share.SHAREABLE)
    assert [s.entry for s in theirs] == [store.get(i).entry for i in ids]
    assert [s.created_at for s in theirs] == [store.get(i).created_at for i in ids]
    assert other.entries(profile=words.PROFILE_ME) == []
    assert {p.key: p.name for p in other.profiles()}[PARTNER] == "Sam"
    assert all(share.is_received(s, share.received_batches(other)) for s in theirs)


def test_a_passphrase_file_hides_every_word_and_needs_the_passphrase(store, tmp_path):
    store.add(Gratitude(items=("the soup you brought me",), told=(True,)))
    made = share.build(store, [c.id for c in share.candidates(store)], "Sam")
    path = share.write(made, tmp_path / "share.json", passphrase="blue kettle at noon")
    text = path.read_text()
    assert "soup" not in text and "Sam" not in text
    assert json.loads(text)["format"] == share.FORMAT
    # Sealed at the full cost (the other tests here seal cheaply).
    kdf = json.loads(text)["sealed"]["kdf"]
    assert {key: kdf[key] for key in ("time_cost", "memory_kib", "parallelism")} == (
        dataclasses.asdict(sealed.KdfSettings()))
    with pytest.raises(share.ShareError) as missing:
        share.read(path)
    assert missing.value.message == share.messages.SHARE_NEEDS_PASSPHRASE
    with pytest.raises(share.ShareError) as wrong:
        share.read(path, passphrase="green kettle at noon")
    assert wrong.value.message == share.messages.SHARE_WRONG_PASSPHRASE


def test_a_short_passphrase_is_refused_and_nothing_is_written(store, tmp_path):
    made = share.build(store, every_shareable(store)[:1], "Sam")
    with pytest.raises(share.ShareError, match="at least 8"):
        share.write(made, tmp_path / "share.json", passphrase="short")
    assert not (tmp_path / "share.json").exists()


@pytest.mark.parametrize("kind", NEVER_SHARED)
def test_private_kinds_are_never_offered_nor_written(store, tmp_path, kind):
    private = store.add(EXAMPLES[kind])
    assert private.id not in {c.id for c in share.candidates(store)}
    with pytest.raises(share.ShareError, match="never put in a share file"):
        share.build(store, [private.id], "Sam")


def test_nothing_is_ticked_for_the_person_and_nothing_unpicked_goes(store, tmp_path):
    ids = every_shareable(store, "secret-unpicked")
    picked = store.add(ValuesSort(very_important=("trust",), top_five=("trust",))).id
    offered = share.candidates(store)
    assert picked in {c.id for c in offered}
    with pytest.raises(share.ShareError, match="tick at least one"):
        share.build(store, [], "Sam")
    path = share.write(share.build(store, [picked], "Sam"), tmp_path / "share.json")
    text = path.read_text()
    assert "secret-unpicked" not in text
    assert [e["kind"] for e in json.loads(text)["entries"]] == ["values_sort"]
    assert len(ids) == len(share.SHAREABLE)


def test_the_preview_shows_every_character_the_file_holds(store, tmp_path):
    ids = every_shareable(store, "looked at")
    made = share.build(store, ids, "Sam")
    path = share.write(made, tmp_path / "share.json")
    # The exact text is shown before saving, and is byte for byte the file.
    assert path.read_text(encoding="utf-8") == share.file_text(made)
    # The plain preview names every answer: each value in the file, or its label.
    shown = share.preview(made)

    def leaves(value):
        if isinstance(value, dict):
            for key, item in value.items():
                yield key
                yield from leaves(item)
        elif isinstance(value, list):
            for item in value:
                yield from leaves(item)
        else:
            yield value

    for item in json.loads(path.read_text())["entries"]:
        for leaf in leaves(item["data"]):
            if isinstance(leaf, bool):
                leaf = "yes" if leaf else "no"
            text = str(leaf).replace("_", " ").capitalize() if leaf in item["data"] else leaf
            card = words.VALUE_CARDS.get(leaf)
            assert str(text) in shown or (card and card.label in shown), leaf
    assert "Sam" in shown


def test_gratitude_told_them_can_be_chosen_in_one_go(store):
    told = store.add(Gratitude(items=("a",), told=(True,))).id
    store.add(Gratitude(items=("b",), told=(False,)))
    assert share.told_them(share.candidates(store)) == [told]


def test_received_entries_are_never_shared_onwards(store, other, tmp_path):
    path = share.write(share.build(store, every_shareable(store), "Sam"), tmp_path / "s.json")
    share.receive(other, share.read(path))
    assert share.candidates(other) == []
    received = other.entries(profile=PARTNER)[0]
    with pytest.raises(share.ShareError, match="Only your own"):
        share.build(other, [received.id], "Alex", profile=PARTNER)


def test_a_newer_file_from_the_same_partner_replaces_the_older(store, other, tmp_path):
    goal = store.add(EXAMPLES["shared_goal"])
    first = share.write(share.build(store, [goal.id], "Sam"), tmp_path / "first.json")
    sort = store.add(EXAMPLES["values_sort"])
    second = share.write(share.build(store, [goal.id, sort.id], "Sam"), tmp_path / "second.json")
    other.add(EXAMPLES["values_sort"])  # their own sort stays whatever happens

    share.receive(other, share.read(first))
    receipt = share.receive(other, share.read(second))

    assert (receipt.added, receipt.replaced) == (2, 1)
    assert sorted(s.kind for s in other.entries(profile=PARTNER)) == ["shared_goal",
                                                                      "values_sort"]
    assert len(other.batches(share.BATCH_KIND)) == 1
    assert other.count("values_sort") == 1


def test_the_same_or_an_older_file_again_changes_nothing(store, other, tmp_path, dump):
    goal = store.add(EXAMPLES["shared_goal"]).id
    older = share.write(share.build(store, [goal], "Sam"), tmp_path / "older.json")
    newer = share.write(share.build(store, [goal], "Sam"), tmp_path / "newer.json")
    share.receive(other, share.read(newer))
    before = dump(other.path)
    for path in (newer, older):
        with pytest.raises(share.ShareError, match="already brought in"):
            share.receive(other, share.read(path))
    assert dump(other.path) == before


def crafted(tmp_path, name, document):
    path = tmp_path / name
    path.write_text(document if isinstance(document, str) else json.dumps(document))
    return path


def good_document(store, tmp_path):
    made = share.build(store, every_shareable(store), "Sam")
    return json.loads(share.file_text(made))


BAD_FILES = {
    "not_json": ("{ this is not json", "is not a Secure Base share file"),
    "an_export": ({"format": "secure-base-export", "version": 1, "entries": []},
                  "is not a Secure Base share file"),
    "newer": (None, "made by a newer version"),
    "no_entries": ({"format": share.FORMAT, "version": 1, "from": "Sam",
                    "made_at": "2026-01-01T10:00:00+00:00", "entries": []},
                   "could not be read as a share file"),
    "bad_answer": (None, "could not be read as a share file"),
    "hidden_field": (None, "could not be read as a share file"),
    "missing": (None, "There is no file"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_each_bad_file_gives_its_message_and_leaves_the_journal_alone(store, other, tmp_path,
                                                                      dump, case):
    document, expected = BAD_FILES[case]
    good = good_document(store, tmp_path)
    if case == "newer":
        document = {**good, "version": share.VERSION + 1}
    elif case == "bad_answer":
        good["entries"][0]["data"]["top_five"] = ["not a value"]
        document = good
    elif case == "hidden_field":
        good["entries"][1]["data"]["secret"] = "a field the preview would not show"
        document = good
    path = tmp_path / "nowhere.json" if case == "missing" else crafted(tmp_path, "f.json",
                                                                         document)
    other.add(EXAMPLES["values_sort"])
    before = dump(other.path)
    with pytest.raises(share.ShareError) as refused:
        share.receive(other, share.read(path))
    assert expected in refused.value.message
    assert dump(other.path) == before


@pytest.mark.parametrize("kind", NEVER_SHARED)
def test_a_crafted_file_with_a_private_kind_is_refused_whole(store, other, tmp_path, dump,
                                                             kind):
    document = good_document(store, tmp_path)
    document["entries"].append({"kind": kind, "written_at": "2026-01-01T10:00:00+00:00",
                                "data": EXAMPLES[kind].to_data()})
    path = crafted(tmp_path, "crafted.json", document)
    before = dump(other.path)
    with pytest.raises(share.ShareError, match="never shared between journals"):
        share.read(path)
    assert dump(other.path) == before


@pytest.mark.usefixtures("cheap_kdf")
def test_a_wrong_passphrase_leaves_the_journal_alone(store, other, tmp_path, dump):
    made = share.build(store, every_shareable(store)[:2], "Sam")
    path = share.write(made, tmp_path / "s.json", passphrase="blue kettle at noon")
    before = dump(other.path)
    with pytest.raises(share.ShareError, match="does not open"):
        share.receive(other, share.read(path, passphrase="blue kettle at nine"))
    assert dump(other.path) == before


def test_a_share_file_cannot_be_written_over_a_folder(store, tmp_path):
    made = share.build(store, every_shareable(store)[:1], "Sam")
    (tmp_path / "folder").mkdir()
    with pytest.raises(share.ShareError, match="could not be written"):
        share.write(made, tmp_path / "folder")


def test_the_sharer_needs_a_name(store):
    ids = every_shareable(store)[:1]
    for name in ("", "   ", "x" * (share.NAME_LIMIT + 1)):
        with pytest.raises(share.ShareError):
            share.build(store, ids, name)


def test_what_my_partner_appreciates_comes_only_from_their_share_file(store, other, tmp_path):
    store.add(Gratitude(items=("how you listen",), told=(True,)))
    other.add(Gratitude(items=("your laugh",), told=(False,)))
    other.add(Gratitude(items=("typed here by them",), told=(False,)), profile=PARTNER)
    path = share.write(share.build(store, [c.id for c in share.candidates(store)], "Sam"),
                       tmp_path / "s.json")
    share.receive(other, share.read(path))
    assert share.appreciation(other) == (["your laugh"], ["how you listen"])


def test_a_file_whose_entries_were_all_deleted_can_come_in_again(store, other, tmp_path):
    path = share.write(share.build(store, every_shareable(store)[:1], "Sam"), tmp_path / "s.json")
    share.receive(other, share.read(path))
    for saved in other.entries(profile=PARTNER):
        other.delete(saved.id)
    receipt = share.receive(other, share.read(path))
    assert receipt.added == 1
    assert len(other.batches(share.BATCH_KIND)) == 1


@pytest.mark.usefixtures("cheap_kdf")
def test_a_crafted_envelope_asking_for_huge_key_settings_is_refused(store, tmp_path):
    path = share.write(share.build(store, every_shareable(store)[:1], "Sam"),
                       tmp_path / "s.json", passphrase="blue kettle at noon")
    document = json.loads(path.read_text())
    document["sealed"]["kdf"]["memory_kib"] = 64 * 1024 * 1024
    path.write_text(json.dumps(document))
    with pytest.raises(share.ShareError, match="key settings"):
        share.read(path, passphrase="blue kettle at noon")


def test_a_blank_path_is_asked_for_when_writing_and_reading(store):
    made = share.build(store, every_shareable(store)[:1], "Sam")
    for attempt in (lambda: share.write(made, "  "), lambda: share.read("")):
        with pytest.raises(share.ShareError) as blank:
            attempt()
        assert (blank.value.message, blank.value.field) == (share.messages.SHARE_NO_PATH, "path")


@pytest.mark.parametrize("made_at", ["9999-12-31T23:59:59+00:00", "0001-01-01T00:00:00+00:00",
                                     "1969-12-31T23:59:59+00:00"])
def test_a_file_dated_far_ahead_or_back_is_refused_and_blocks_no_later_file(
        store, other, tmp_path, dump, made_at):
    crafted_path = crafted(tmp_path, "crafted.json",
                           {**good_document(store, tmp_path), "made_at": made_at})
    before = dump(other.path)
    with pytest.raises(share.ShareError, match="between 1 January 1970 and") as refused:
        share.read(crafted_path)
    assert refused.value.message.endswith("Nothing was changed.")
    assert dump(other.path) == before
    # A genuine file made later still comes in.
    genuine = share.write(share.build(store, every_shareable(store, "later"), "Sam"),
                          tmp_path / "genuine.json")
    assert share.receive(other, share.read(genuine)).added == len(share.SHAREABLE)


def test_an_entry_dated_in_the_far_future_is_refused(store, tmp_path):
    document = good_document(store, tmp_path)
    document["entries"][0]["written_at"] = "9999-01-01T00:00:00+00:00"
    with pytest.raises(share.ShareError, match="entry 1 was written on 1 January 9999"):
        share.read(crafted(tmp_path, "crafted.json", document))


def test_a_far_future_file_brought_in_before_these_checks_blocks_nothing(store, other, tmp_path):
    made = share.build(store, every_shareable(store), "Sam")
    share.receive(other, dataclasses.replace(
        made, made_at=dt.datetime(9999, 1, 1, tzinfo=dt.UTC)))
    genuine = share.write(share.build(store, every_shareable(store, "later"), "Sam"),
                          tmp_path / "genuine.json")
    receipt = share.receive(other, share.read(genuine))
    assert (receipt.added, receipt.replaced) == (len(share.SHAREABLE), len(share.SHAREABLE))


def test_a_candidate_is_offered_on_one_line_with_its_day(store):
    store.add(Gratitude(items=("the walk\nby the sea",), told=(True,)))
    [candidate] = share.candidates(store)
    line = candidate.line()
    assert line.startswith(f"Gratitude journal, {candidate.written.astimezone():%d %b %Y}: ")
    assert "\n" not in line and "the walk by the sea" in line


def test_a_new_share_file_is_named_for_today_in_the_shares_folder():
    from workbook.store import home, now

    assert share.default_path() == home() / "shares" / f"share-{now():%Y-%m-%d}.json"
