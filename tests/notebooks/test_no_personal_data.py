"""Run every notebook against a journal full of a unique canary; the saved file has none.

This is what a person's own notebooks look like after working through them and
saving: nbclient with ``store_widget_state=False``, as JupyterLab saves by default.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import nbformat
import pytest
from examples import EXAMPLES, missing_kinds, with_text
from nbclient import NotebookClient

from workbook import naming
from workbook.store import Store

NOTEBOOK_DIR = Path(__file__).resolve().parents[2] / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
CANARY = f"canary-{uuid.uuid4().hex[:12]}"


@pytest.fixture(scope="module")
def seeded_home(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("canary-home")
    with Store(home / "journal.sqlite3") as store:
        store.set_profile("me", CANARY)
        store.set_profile("partner", CANARY + "-partner")
        # What each calls their partner(s) is said in the prompts of every exercise.
        naming.remember_called(store, "me", CANARY + "-called")
        naming.remember_called(store, "partner", CANARY + "-called-too")
        for profile in ("me", "partner"):
            for entry in EXAMPLES.values():
                store.add(with_text(entry, CANARY), profile=profile)
        assert sum(CANARY in str(s.entry) for s in store.entries()) >= len(EXAMPLES)
    return home


def run(path: Path, home: Path, monkeypatch, *, store_widget_state: bool) -> str:
    monkeypatch.setenv("SECURE_BASE_HOME", str(home))
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=120, kernel_name="python3",
                            store_widget_state=store_widget_state,
                            resources={"metadata": {"path": str(NOTEBOOK_DIR)}})
    client.execute()
    return nbformat.writes(nb)


def test_every_kind_is_seeded():
    assert missing_kinds() == set()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_a_saved_notebook_holds_no_canary(path, seeded_home, monkeypatch):
    saved = run(path, seeded_home, monkeypatch, store_widget_state=False)
    assert CANARY not in saved


def test_the_canary_is_really_on_screen(seeded_home, monkeypatch):
    # With widget state saved, the recent-entry lists would carry it: the seed is visible.
    saved = run(NOTEBOOK_DIR / "00_start_here.ipynb", seeded_home, monkeypatch,
                store_widget_state=True)
    assert CANARY in saved


def test_the_name_for_a_partner_is_really_on_screen(seeded_home, monkeypatch):
    # The gratitude journal says it in its intro, so widget state saved on purpose has it.
    saved = run(NOTEBOOK_DIR / "02_focus_on_the_positive.ipynb", seeded_home, monkeypatch,
                store_widget_state=True)
    assert CANARY + "-called" in saved
