"""What a person calls their partner(s): saved per profile, exported, and said in prompts."""

from __future__ import annotations

import json

import pytest

from workbook import naming
from workbook.models import EntryInvalid
from workbook.store import Store, StoreError


@pytest.mark.parametrize(("text", "said"), [
    ("Something your partner could say yes to.", "Something Sam could say yes to."),
    ("My partner's view, in my own words", "Sam's view, in my own words"),
    ("Your partner(s) may see it differently.", "Sam may see it differently."),
    ("Time with your partners", "Time with Sam"),
    ("A partner or an ex-partner", "A partner or an ex-partner"),
    ("our partnership", "our partnership"),
])
def test_your_partner_becomes_the_name(text, said):
    assert naming.for_partner(text, "Sam") == said


def test_with_no_name_the_words_stay_as_written():
    assert naming.for_partner("about your partner today", "") == "about your partner today"


def test_saved_for_one_profile_only_and_forgotten_when_emptied(store):
    assert naming.called(store, "me") == ""
    assert naming.remember_called(store, "me", "  Sam   and Alex ") == "Sam and Alex"
    assert naming.called(store, "me") == "Sam and Alex"
    assert naming.called(store, "partner") == ""
    naming.remember_called(store, "me", "")
    assert naming.called(store, "me") == ""
    assert store.setting("partner_called:me") is None  # nothing of it is left behind


@pytest.mark.parametrize("value", ["x" * (naming.CALLED_LIMIT + 1), "Sam\nAlex", "Sam\x00"])
def test_a_name_that_cant_be_kept_is_refused_with_nothing_saved(store, value):
    with pytest.raises(EntryInvalid) as raised:
        naming.remember_called(store, "me", value)
    assert set(raised.value.problems) == {"partner_called"}
    assert naming.called(store, "me") == ""


def test_an_unreadable_journal_falls_back_to_your_partner(store):
    class Locked:
        def setting(self, key: str) -> str:
            raise StoreError("locked")

    assert naming.called(Locked(), "me") == ""  # type: ignore[arg-type]


def test_the_name_travels_in_an_export_and_never_overwrites_on_import(store, tmp_path):
    naming.remember_called(store, "me", "Sam")
    exported = store.export_json(tmp_path / "export.json")
    assert json.loads(exported.read_text())["settings"]["partner_called:me"] == "Sam"
    with Store(tmp_path / "other" / "journal.sqlite3") as fresh:
        fresh.import_json(exported)
        assert naming.called(fresh, "me") == "Sam"
    with Store(tmp_path / "third" / "journal.sqlite3") as named:
        naming.remember_called(named, "me", "Alex")
        named.import_json(exported)
        assert naming.called(named, "me") == "Alex"


def test_an_export_from_before_settings_still_imports(store, tmp_path):
    exported = store.export_json(tmp_path / "export.json")
    document = json.loads(exported.read_text())
    del document["settings"]
    exported.write_text(json.dumps(document))
    with Store(tmp_path / "other" / "journal.sqlite3") as fresh:
        assert fresh.import_json(exported) == 0


def test_settings_that_are_not_text_are_refused_on_import(store, tmp_path):
    exported = store.export_json(tmp_path / "export.json")
    document = json.loads(exported.read_text())
    document["settings"] = {"partner_called:me": ["not", "text"]}
    exported.write_text(json.dumps(document))
    with Store(tmp_path / "other" / "journal.sqlite3") as fresh, \
            pytest.raises(StoreError, match="settings"):
        fresh.import_json(exported)


def test_deleting_everything_takes_the_name_with_it(store):
    naming.remember_called(store, "me", "Sam")
    folder = store.path.parent
    store.delete_everything()
    assert not any(folder.rglob("*"))
