from __future__ import annotations

import datetime as dt

from examples import EXAMPLES, with_text

from workbook import words
from workbook.exercises.checkin import CheckInForm
from workbook.models import KINDS, CheckIn
from workbook.panels import journal

START = dt.datetime(2025, 3, 1, 20, 0, tzinfo=dt.UTC)


def checkins(store, count, *, note="an ordinary day", profile=words.PROFILE_ME):
    return [store.add(CheckIn(mood=5, insecurity=4, note=f"{note} {i}"), profile=profile,
                      at=START + dt.timedelta(days=i)) for i in range(count)]


def shown(page):
    return [card.saved.id for card in page.cards]


def test_every_entry_newest_first_a_page_at_a_time(store):
    saved = checkins(store, 45)
    page = journal.page(store=store)
    assert shown(page) == [s.id for s in reversed(saved)][:40]
    assert "Showing 1–40 of 45 entries" in page.showing.value
    assert page.newer.disabled and not page.older.disabled
    page.older.click()
    assert shown(page) == [s.id for s in reversed(saved)][40:]
    assert "Showing 41–45 of 45 entries" in page.showing.value
    assert page.older.disabled and not page.newer.disabled
    page.newer.click()
    assert "Showing 1–40 of 45" in page.showing.value


def test_a_card_carries_the_recent_list_text_in_full_and_opens_the_whole_entry(store):
    note = "We talked about the weekend. " * 3
    store.add(CheckIn(mood=7, insecurity=2, emotions=("calm",), note=note.strip()))
    page = journal.page(store=store)
    card = page.cards[0]
    entry = CheckIn(mood=7, insecurity=2, emotions=("calm",), note=note.strip())
    assert entry.summary().endswith("…")  # the recent lists cut it short; the card doesn't
    assert entry.summary_in_full() in card.item.text.value
    assert card.item.text.value.count("We talked about the weekend.") == 3
    assert "…" not in card.item.text.value
    assert "Daily check-in" in card.about.value
    assert card.details.layout.display == "none"
    card.open.click()
    assert card.is_open and card.open.description == "Close"
    assert note.strip() in card.details.value and "calm" in card.details.value
    assert "Mood" in card.details.value
    card.open.click()
    assert not card.is_open


def test_search_finds_a_word_of_a_note_and_marks_it(store):
    checkins(store, 5)
    store.add(CheckIn(mood=3, insecurity=8, note="The message went unanswered all evening"))
    page = journal.page(store=store)
    page.search.value = "unanswer"
    assert len(page.cards) == 1
    assert "Showing 1–1 of 1 entry" in page.showing.value
    # Marked where the card shows the note, not repeated under it.
    assert "<mark>unanswered</mark>" in page.cards[0].item.text.value
    assert page.cards[0].matches.value == ""
    page.cards[0].open.click()
    assert "<mark>unanswered</mark>" in page.cards[0].details.value


def test_typed_markup_is_escaped_on_the_card_in_the_marks_and_in_the_whole_entry(store):
    evil = "<img src=x onerror=alert(1)> lonely <b>night</b>"
    store.add(CheckIn(mood=4, insecurity=6, note=evil))
    page = journal.page(store=store)
    page.search.value = "lonely"
    card = page.cards[0]
    card.open.click()
    assert card.matches.value == ""  # the note is on the card itself
    for value in (card.item.text.value, card.details.value):
        assert "<img" not in value and "<b>night" not in value
        assert "&lt;img src=x onerror=alert(1)&gt;" in value
    assert "<mark>lonely</mark>" in card.item.text.value


def test_filters_by_part_kind_dates_and_person(store):
    store.set_profile(words.PROFILE_PARTNER, "Sam")
    mine = checkins(store, 3)
    theirs = checkins(store, 2, profile=words.PROFILE_PARTNER)
    thanks = store.add(EXAMPLES["gratitude"], at=START + dt.timedelta(days=10))
    page = journal.page(store=store)
    assert page.who.layout.display != "none"
    assert page.hits.total == 6
    page.part.value = "focus_on_the_positive"
    assert shown(page) == [thanks.id]
    assert {value for _label, value in page.kind.options} <= {"", *(
        k for k, m in KINDS.items() if m.STRATEGY == "focus_on_the_positive")}
    page.part.value = journal.EVERYDAY
    assert set(shown(page)) == {s.id for s in mine + theirs}
    page.part.value = ""
    page.kind.value = "gratitude"
    assert shown(page) == [thanks.id]
    page.kind.value = ""
    page.who.value = words.PROFILE_PARTNER
    assert set(shown(page)) == {s.id for s in theirs}
    assert "Sam" in page.cards[0].about.value
    page.who.value = ""
    page.since.value = (START + dt.timedelta(days=1)).date()
    page.until.value = (START + dt.timedelta(days=1)).date()
    assert set(shown(page)) == {mine[1].id, theirs[1].id}
    page.since.value = (START + dt.timedelta(days=5)).date()
    assert page.cards == [] and "first date is after the last" in page.showing.value
    page.clear.click()
    assert page.hits.total == 6


def test_nothing_found_and_nothing_written_say_so_kindly(store):
    page = journal.page(store=store)
    assert "Nothing is saved yet" in page.showing.value
    checkins(store, 1)
    page.search.value = "zebra"
    assert "Nothing matches" in page.showing.value


def test_edit_opens_the_entrys_own_form_loaded_and_the_change_shows_in_the_journal(store):
    target = checkins(store, 3)[1]
    page = journal.page(store=store)
    page.search.value = "day 1"
    card = next(c for c in page.cards if c.saved.id == target.id)
    card.item.edit.click()
    form = page.form
    assert isinstance(form, CheckInForm) and form.editing.id == target.id
    assert form.note.value == "an ordinary day 1"
    form.note.value = "a walk by the river instead"
    form.save.click()
    assert store.get(target.id).entry.note == "a walk by the river instead"
    assert len(store.entries("checkin")) == 3
    assert page.form is None and "changes are saved" in page.status.value
    page.search.value = "river"
    assert shown(page) == [target.id]
    assert "<mark>river</mark>" in page.cards[0].item.text.value


def test_an_edit_that_does_not_validate_keeps_the_form_open(store):
    target = checkins(store, 1)[0]
    page = journal.page(store=store)
    page.cards[0].item.edit.click()
    page.form.mood.value = 0
    page.form.save.click()
    assert page.form is not None and store.get(target.id).entry.mood == 5


def test_delete_asks_first_and_removes_only_that_entry(store):
    saved = checkins(store, 2)
    page = journal.page(store=store)
    card = page.cards[0]
    card.item.delete.click()
    assert card.item.confirm_row.layout.display == "flex"
    card.item.keep.click()
    assert len(store.entries()) == 2
    card.item.delete.click()
    card.item.confirm.click()
    assert [s.id for s in store.entries()] == [saved[0].id]
    assert shown(page) == [saved[0].id] and "Deleted" in page.status.value


def test_deleting_the_last_entry_of_the_last_page_goes_back_a_page(store):
    checkins(store, 41)
    page = journal.page(store=store)
    page.older.click()
    assert len(page.cards) == 1
    page.cards[0].item.delete.click()
    page.cards[0].item.confirm.click()
    assert "Showing 1–40 of 40" in page.showing.value


def test_every_kind_shows_and_opens_and_every_kind_with_a_form_can_be_edited(store):
    for entry in EXAMPLES.values():
        store.add(with_text(entry, "<script>x</script>"))
    page = journal.JournalPage(store=store, page_size=100)
    assert {card.saved.kind for card in page.cards} == set(KINDS)
    for card in page.cards:
        card.open.click()
        assert "<script>" not in card.details.value + card.item.text.value
        editable = card.saved.kind in journal.editors()
        assert (card.item.edit in card.item.box.children[0].children) == editable
        if editable:
            card.item.edit.click()
            assert page.form is not None and page.form.editing.id == card.saved.id
    # Every kind a person writes in a form can be changed from the journal.
    assert set(KINDS) - set(journal.editors()) <= {"therapy_statement"}


def test_a_partners_shared_entry_can_be_read_and_deleted_but_not_edited(store):
    from workbook import share

    store.set_profile(words.PROFILE_PARTNER, "Sam")
    with store.batch(share.BATCH_KIND, "their share file") as batch:
        batch.add(CheckIn(mood=6, insecurity=2, note="from Sam"), profile=words.PROFILE_PARTNER)
    mine = checkins(store, 1)[0]
    page = journal.page(store=store)
    theirs = next(card for card in page.cards if card.saved.id != mine.id)
    line = theirs.item.box.children[0].children
    assert theirs.item.edit not in line and theirs.item.delete in line
    assert "from their share file" in theirs.about.value
    own = next(card for card in page.cards if card.saved.id == mine.id)
    assert own.item.edit in own.item.box.children[0].children


def test_in_the_app_edit_links_to_the_page_of_the_entrys_form_by_its_id_only(store,
                                                                               monkeypatch):
    from workbook.models.reframe import QuickThoughtCheck

    note = "<b>my</b> words & more"
    mine = store.add(CheckIn(mood=4, insecurity=6, note=note))
    thought = store.add(QuickThoughtCheck(thought="they are late", trap="mind_reading",
                                          alternative="traffic"))
    inline = journal.page(store=store)
    assert all(card.edit_link is None for card in inline.cards)  # JupyterLab: edit here
    monkeypatch.setenv("VOILA_BASE_URL", "/")
    page = journal.page(store=store)
    links = {card.saved.id: card.edit_link.value for card in page.cards}
    assert f"href='00_start_here.ipynb?edit={mine.id}'" in links[mine.id]
    assert f"href='05_reframe_negative_thoughts.ipynb?edit={thought.id}'" in links[thought.id]
    assert all(card.item.edit not in card.item.box.children[0].children for card in page.cards)
    assert "my" not in links[mine.id].split(">")[0]  # no word of the entry in the link


def test_searching_again_for_the_same_keeps_the_cards_and_what_is_open(store):
    checkins(store, 3)
    page = journal.page(store=store)
    page.search.value = "ordinary"
    first = page.cards[0]
    first.open.click()
    page.find.click()  # Search pressed as the box is left: the same page again
    assert page.cards[0] is first and first.is_open
    store.add(CheckIn(mood=5, insecurity=4, note="ordinary again"))
    page.find.click()  # something new: the page is read and drawn anew
    assert len(page.cards) == 4 and page.cards[0] is not first
