"""`workbook.app_page`: the entry an app page's address asks to edit, read strictly, the
link that asks for it, and the page each kind's form is on."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from workbook import app_page, messages, share, words
from workbook.app_page import Asked, NotEditable
from workbook.models import KINDS, CheckIn
from workbook.panels.journal import editors

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


@pytest.mark.parametrize("query, entry_id", [
    ("edit=42", 42), ("token=abc&edit=7", 7), ("edit=999999999999999999", 10**18 - 1)])
def test_an_entry_id_is_read_from_the_address(query, entry_id):
    assert app_page.asked(query) == Asked(entry_id)


@pytest.mark.parametrize("query", [None, "", "token=abc", "opened=1", "editor=3"])
def test_an_address_that_asks_for_no_entry_asks_for_none(query):
    assert app_page.asked(query) is None


@pytest.mark.parametrize("query", [
    "edit=", "edit", "edit=abc", "edit=-1", "edit=%2B1", "edit=0", "edit=042", "edit=1e3",
    "edit=4.2", "edit=%2042", "edit=42%20", "edit=42%00", "edit=%EF%BC%94%EF%BC%92",
    "edit=1&edit=2", "edit=1234567890123456789", "edit=<script>", "edit=42;drop",
    "&".join(f"f{n}=1" for n in range(30)) + "&edit=42"])
def test_anything_but_one_plain_entry_id_is_not_an_entry(query):
    assert app_page.asked(query) == Asked(None)


def test_the_link_carries_the_page_and_the_entry_id_only():
    assert app_page.edit_href("00_start_here.ipynb", 42) == "00_start_here.ipynb?edit=42"
    assert app_page.asked(app_page.edit_href("x.ipynb", 42).split("?")[1]) == Asked(42)
    assert app_page.edit_href("my page.ipynb", 1) == "my%20page.ipynb?edit=1"
    for bad in (0, -1, True, "42", 4.2, 10**18, None):
        with pytest.raises(ValueError):
            app_page.edit_href("00_start_here.ipynb", bad)


def test_only_a_page_of_the_app_reads_its_address(monkeypatch):
    monkeypatch.setenv("QUERY_STRING", "edit=5")
    monkeypatch.setenv("SCRIPT_NAME", "/voila/render/05_reframe_negative_thoughts.ipynb")
    monkeypatch.delenv("VOILA_BASE_URL", raising=False)
    assert not app_page.in_app()
    assert app_page.requested() is None and app_page.this_page() is None
    monkeypatch.setenv("VOILA_BASE_URL", "/")
    assert app_page.in_app()
    assert app_page.requested() == Asked(5)
    assert app_page.this_page() == "05_reframe_negative_thoughts.ipynb"
    monkeypatch.setenv("SCRIPT_NAME", "/")  # a single notebook served on its own
    assert app_page.this_page() is None


def _code(notebook: str) -> str:
    cells = json.loads((NOTEBOOKS / notebook).read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")


def test_every_kind_with_a_form_has_its_page_and_that_page_makes_the_form():
    for kind, form in editors().items():
        page = app_page.page_for(kind)
        assert page is not None and (NOTEBOOKS / page).exists(), kind
        module = form.__module__.rsplit(".", 1)[1]
        # The page imports the form's module and calls one of its exercises.
        code = _code(page)
        assert f"import {module}" in code or re.search(rf"import .*\b{module}\b", code), kind
        assert re.search(rf"\b{module}\.\w+\(", code), (kind, page)
    assert app_page.page_for("no_such_kind") is None
    assert set(editors()) <= set(KINDS)


def test_an_entry_of_this_page_is_given_to_edit(store):
    saved = store.add(CheckIn(mood=4, insecurity=6, note="the harbour"))
    assert app_page.to_edit(store, Asked(saved.id), "00_start_here.ipynb") == saved
    assert app_page.to_edit(store, Asked(saved.id), None) == saved  # page not known


def _refused(store, request, page="00_start_here.ipynb") -> str:
    with pytest.raises(NotEditable) as caught:
        app_page.to_edit(store, request, page)
    return caught.value.message


def test_no_id_an_unknown_or_deleted_id_or_another_pages_entry_is_refused_kindly(store):
    saved = store.add(CheckIn(mood=4, insecurity=6, note="the harbour"))
    assert _refused(store, Asked(None)) == messages.ASKED_NOT_AN_ENTRY
    assert _refused(store, Asked(saved.id + 1000)) == messages.ASKED_GONE
    assert _refused(store, Asked(10**18 - 1)) == messages.ASKED_GONE
    assert _refused(store, Asked(saved.id), "05_reframe_negative_thoughts.ipynb") == \
        messages.ASKED_ELSEWHERE
    store.delete(saved.id)
    assert _refused(store, Asked(saved.id)) == messages.ASKED_GONE


def test_a_partners_shared_entry_is_not_opened_for_changing(store):
    store.set_profile(words.PROFILE_PARTNER, "Sam")
    with store.batch(share.BATCH_KIND, "their share file") as batch:
        batch.add(CheckIn(mood=6, insecurity=2, note="from Sam"), profile=words.PROFILE_PARTNER)
    theirs = store.entries("checkin")[0]
    assert _refused(store, Asked(theirs.id)) == messages.ASKED_RECEIVED


def test_an_entry_this_version_cant_read_is_left_as_it_is(store):
    saved = store.add(CheckIn(mood=4, insecurity=6, note="the harbour"))
    con = sqlite3.connect(store.path)
    with con:
        con.execute("UPDATE entries SET kind = 'from_a_newer_version' WHERE id = ?",
                    (saved.id,))
    con.close()
    assert _refused(store, Asked(saved.id)) == messages.ASKED_UNREADABLE
