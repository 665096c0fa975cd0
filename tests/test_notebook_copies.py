"""The person's copy of the notebooks: made once, updated if untouched, kept if changed."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from workbook.notebook_copies import RECORD, beside, refresh


def _notebook(path: Path, *sources: str, outputs: list | None = None) -> None:
    cells = [{"cell_type": "code", "source": source, "metadata": {},
              "outputs": outputs or [], "execution_count": None} for source in sources]
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4,
                                "nbformat_minor": 5}), encoding="utf-8")


def _sources(path: Path) -> list[str]:
    return [cell["source"] for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]]


def _shipped(tmp_path: Path, version: str) -> Path:
    folder = tmp_path / f"shipped-{version}"
    folder.mkdir(exist_ok=True)
    _notebook(folder / "00_start_here.ipynb", f"start {version}")
    _notebook(folder / "01_open_communication.ipynb", f"talk {version}")
    return folder


def test_first_run_copies_every_notebook_into_a_private_folder(tmp_path: Path) -> None:
    copy = tmp_path / "data" / "notebooks"
    done = refresh(_shipped(tmp_path, "1"), copy)

    assert done.copied == ["00_start_here.ipynb", "01_open_communication.ipynb"]
    assert done.updated == done.kept == []
    assert stat.S_IMODE(copy.stat().st_mode) == 0o700
    for name in done.copied:
        assert _sources(copy / name) == [f"{'start' if name[1] == '0' else 'talk'} 1"]
        assert stat.S_IMODE((copy / name).stat().st_mode) == 0o600
    assert stat.S_IMODE((copy / RECORD).stat().st_mode) == 0o600


def test_a_second_run_with_the_same_version_changes_nothing(tmp_path: Path) -> None:
    shipped, copy = _shipped(tmp_path, "1"), tmp_path / "notebooks"
    refresh(shipped, copy)
    before = {path.name: path.stat().st_mtime_ns for path in copy.iterdir()}

    done = refresh(shipped, copy)

    assert (done.copied, done.updated, done.kept) == ([], [], [])
    assert {p.name: p.stat().st_mtime_ns for p in copy.iterdir() if p.name != RECORD} == {
        name: mtime for name, mtime in before.items() if name != RECORD}


def test_an_update_replaces_an_untouched_notebook(tmp_path: Path) -> None:
    copy = tmp_path / "notebooks"
    refresh(_shipped(tmp_path, "1"), copy)
    # Running it and saving outputs is not a change of the person's.
    _notebook(copy / "00_start_here.ipynb", "start 1", outputs=[{"output_type": "stream",
                                                                "name": "stdout", "text": "hi"}])

    done = refresh(_shipped(tmp_path, "2"), copy)

    assert done.updated == ["00_start_here.ipynb", "01_open_communication.ipynb"]
    assert done.kept == [] and done.notes() == []
    assert _sources(copy / "00_start_here.ipynb") == ["start 2"]
    assert not (copy / beside("00_start_here.ipynb")).exists()


def test_an_update_keeps_a_changed_notebook_and_puts_the_new_one_beside_it(
        tmp_path: Path) -> None:
    copy = tmp_path / "notebooks"
    refresh(_shipped(tmp_path, "1"), copy)
    _notebook(copy / "01_open_communication.ipynb", "talk 1", "my own note")

    done = refresh(_shipped(tmp_path, "2"), copy)

    assert done.kept == ["01_open_communication.ipynb"]
    assert done.updated == ["00_start_here.ipynb"]
    assert _sources(copy / "01_open_communication.ipynb") == ["talk 1", "my own note"]
    new = copy / "01_open_communication (new version).ipynb"
    assert _sources(new) == ["talk 2"]
    assert stat.S_IMODE(new.stat().st_mode) == 0o600
    [note] = done.notes()
    assert "01_open_communication.ipynb" in note and new.name in note and "kept" in note

    # Said once: the next start with the same version is quiet and leaves theirs alone.
    again = refresh(_shipped(tmp_path, "2"), copy)
    assert again.kept == [] and again.notes() == []
    assert _sources(copy / "01_open_communication.ipynb") == ["talk 1", "my own note"]


def test_a_notebook_the_person_removed_comes_back(tmp_path: Path) -> None:
    shipped, copy = _shipped(tmp_path, "1"), tmp_path / "notebooks"
    refresh(shipped, copy)
    (copy / "00_start_here.ipynb").unlink()

    assert refresh(shipped, copy).copied == ["00_start_here.ipynb"]


def test_a_lost_record_never_overwrites_the_persons_notebooks(tmp_path: Path) -> None:
    copy = tmp_path / "notebooks"
    refresh(_shipped(tmp_path, "1"), copy)
    _notebook(copy / "00_start_here.ipynb", "mine")
    (copy / RECORD).write_text("not json", encoding="utf-8")

    done = refresh(_shipped(tmp_path, "2"), copy)

    assert _sources(copy / "00_start_here.ipynb") == ["mine"]
    assert "00_start_here.ipynb" in done.kept
