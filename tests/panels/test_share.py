"""Notebooks 02 and 06: sharing with a partner, and opening their share file."""

from __future__ import annotations

import json
import os
import stat

import pytest
from examples import EXAMPLES

from workbook import messages, share, words
from workbook.exercises import positive, together, values
from workbook.models.positive import Gratitude
from workbook.models.values import ValuesSort
from workbook.panels import share as sharing
from workbook.store import Store


@pytest.fixture
def other(tmp_path):
    journal = Store(tmp_path / "theirs" / "journal.sqlite3")
    yield journal
    journal.close()


def test_sharing_starts_with_the_care_note_and_nothing_ticked(store):
    store.add(EXAMPLES["values_sort"])
    store.add(EXAMPLES["checkin"])
    panel = sharing.share_with_partner(store=store)
    assert "always optional" in panel.care.value and "safety check" in panel.care.value
    assert panel.ticked == []
    assert len(panel.picks.control.options) == 1  # the check-in is never offered
    panel.show.click()
    assert messages.SHARE_NOTHING_PICKED in panel.status.value
    assert messages.SHARE_NOTHING_PICKED in panel.picks.message.value
    assert panel.save.disabled
    panel.tick(*[c.id for c in panel.candidates])
    panel.show.click()
    assert messages.SHARE_NO_NAME in panel.name.message.value
    assert panel.picks.message.value == ""


def test_share_preview_then_save_writes_exactly_what_was_shown(store, tmp_path):
    sort = store.add(EXAMPLES["values_sort"]).id
    told = store.add(Gratitude(items=("you <b>listened</b>",), told=(True,))).id
    store.add(Gratitude(items=("not told",), told=(False,)))
    panel = sharing.share_with_partner(store=store)
    panel.name.control.value = "Sam"
    panel.tick(sort)
    panel.told.click()
    assert panel.ticked == [sort, told]
    panel.show.click()
    assert not panel.save.disabled
    assert "you &lt;b&gt;listened&lt;/b&gt;" in panel.preview.value
    assert "not told" not in panel.preview.value
    shown = panel.pending
    panel.path.control.value = str(tmp_path / "share.json")
    panel.passphrase.control.value = ""
    panel.save.click()
    assert "Saved the share file to" in panel.status.value
    written = (tmp_path / "share.json").read_text()
    assert written == share.file_text(shown)
    assert stat.S_IMODE(os.stat(tmp_path / "share.json").st_mode) == 0o600
    assert [e["kind"] for e in json.loads(written)["entries"]] == ["values_sort", "gratitude"]


def test_changing_the_ticks_after_the_preview_asks_for_a_new_look(store, tmp_path):
    first = store.add(EXAMPLES["shared_win"]).id
    second = store.add(EXAMPLES["shared_goal"]).id
    panel = sharing.share_with_partner(store=store)
    panel.name.control.value = "Sam"
    panel.tick(first)
    panel.show.click()
    panel.tick(second)
    assert panel.save.disabled and panel.preview.value == ""


@pytest.mark.usefixtures("cheap_kdf")
def test_a_passphrase_is_used_once_and_not_kept_in_the_form(store, tmp_path):
    panel = sharing.share_with_partner(store=store)
    store.add(EXAMPLES["shared_win"])
    panel.refresh()
    panel.name.control.value = "Sam"
    panel.tick(*[c.id for c in panel.candidates])
    panel.show.click()
    panel.path.control.value = str(tmp_path / "locked.json")
    panel.passphrase.control.value = "blue kettle at noon"
    panel.save.click()
    assert panel.passphrase.control.value == ""
    assert "sealed" in json.loads((tmp_path / "locked.json").read_text())


def make_file(store, tmp_path, name="share.json", passphrase=""):
    ids = [c.id for c in share.candidates(store)]
    return share.write(share.build(store, ids, "Sam"), tmp_path / name, passphrase=passphrase)


def test_opening_a_file_shows_it_first_then_the_comparison_follows(store, other, tmp_path):
    store.add(ValuesSort(very_important=("fun", "adventure"), top_five=("adventure",)))
    path = make_file(store, tmp_path)
    other.add(ValuesSort(very_important=("trust", "fun"), top_five=("trust",)))
    panel = sharing.open_partner_file(store=other, beside="values")
    assert panel.beside.root.layout.display == "none"
    panel.path.control.value = str(path)
    panel.bring_in.click()
    assert other.entries(profile=words.PROFILE_PARTNER) == []
    panel.look.click()
    assert "Values card sort" in panel.preview.value
    assert other.entries(profile=words.PROFILE_PARTNER) == []
    panel.bring_in.click()
    assert "Brought in 1 entry from Sam" in panel.status.value
    assert panel.beside.root.layout.display == "flex"
    shown = panel.beside.result.value
    we_share, mine, theirs = shown.split("<b>")[1:4]
    assert "<li>Fun</li>" in we_share and "Matters most to Sam" in theirs
    assert "<li>Adventure</li>" in theirs and "<li>Trust</li>" in mine


@pytest.mark.usefixtures("cheap_kdf")
def test_a_bad_file_in_the_form_says_so_and_adds_nothing(store, other, tmp_path, dump):
    store.add(EXAMPLES["shared_win"])
    path = make_file(store, tmp_path, passphrase="blue kettle at noon")
    panel = sharing.open_partner_file(store=other, beside="gratitude")
    before = dump(other.path)
    panel.path.control.value = str(path)
    panel.passphrase.control.value = "wrong kettle"
    panel.look.click()
    assert "does not open this share file" in panel.status.value
    assert "does not open this share file" in panel.passphrase.message.value
    assert panel.bring_in.disabled
    panel.path.control.value = str(tmp_path / "missing.json")
    panel.look.click()
    assert "There is no file" in panel.status.value
    assert "There is no file" in panel.path.message.value
    assert panel.passphrase.message.value == ""
    panel.path.control.value = "  "
    panel.look.click()
    assert messages.SHARE_NO_PATH in panel.path.message.value
    assert dump(other.path) == before


def test_received_gratitude_shows_beside_mine_in_02(store, other, tmp_path):
    store.add(Gratitude(items=("how you <i>laugh</i>",), told=(True,)))
    path = make_file(store, tmp_path)
    other.add(Gratitude(items=("your patience",), told=(False,)))
    panel = sharing.open_partner_file(store=other, beside="gratitude")
    assert "When your partner shares their gratitude" in panel.beside.result.value
    assert panel.beside.root.layout.display == "none"
    panel.path.control.value = str(path)
    panel.look.click()
    panel.bring_in.click()
    shown = panel.beside.result.value
    assert "What Sam appreciates about me" in shown
    assert "how you &lt;i&gt;laugh&lt;/i&gt;" in shown and "your patience" in shown
    assert "let these land" in shown


def test_received_entries_can_be_deleted_but_not_edited(store, other, tmp_path):
    store.add(Gratitude(items=("the walk",), told=(True,)))
    share.receive(other, share.read(make_file(store, tmp_path)))
    form = positive.gratitude_journal(store=other, profile=words.PROFILE_PARTNER)
    [item] = form.recent.items
    assert item.edit not in item.box.children[0].children
    assert "from their share file" in item.text.value
    item.delete.click()
    item.confirm.click()
    assert other.entries(profile=words.PROFILE_PARTNER) == []


def test_a_received_card_sort_is_never_changed_by_the_form(store, other, tmp_path):
    store.add(ValuesSort(very_important=("fun",), top_five=("fun",)))  # half done
    share.receive(other, share.read(make_file(store, tmp_path)))
    [received] = other.entries("values_sort", profile=words.PROFILE_PARTNER)
    form = values.card_sort(store=other, profile=words.PROFILE_PARTNER)
    assert "shared with you" in form.status.value
    form.sort_into("trust", "important")
    form.save.click()
    assert other.get(received.id).entry == received.entry
    assert other.count("values_sort", profile=words.PROFILE_PARTNER) == 2


def test_shared_goals_show_the_partners_received_goals(store, other, tmp_path):
    store.add(EXAMPLES["shared_goal"])
    share.receive(other, share.read(make_file(store, tmp_path)))
    goals = together.shared_goals(store=other, profile=words.PROFILE_PARTNER)
    assert goals.check_in.goals and "Your goals so far" in goals.check_in.overview.value


def test_what_came_before_shows_at_once_when_the_notebook_runs_again(store, other, tmp_path):
    store.add(Gratitude(items=("the walk",), told=(True,)))
    share.receive(other, share.read(make_file(store, tmp_path)))
    panel = sharing.open_partner_file(store=other, beside="gratitude")
    assert panel.beside.root.layout.display == "flex"
    assert "the walk" in panel.beside.result.value


def test_new_entries_are_offered_after_show_my_latest_and_ticks_stay(store):
    first = store.add(EXAMPLES["shared_win"]).id
    panel = sharing.share_with_partner(store=store)
    panel.tick(first)
    second = store.add(EXAMPLES["values_sort"]).id
    assert str(second) not in panel.picks.control.options
    panel.reload.click()
    assert str(second) in panel.picks.control.options
    assert panel.ticked == [first]
