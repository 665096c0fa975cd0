"""Every file read from outside is bounded: a pipe, a device or a huge file is refused quickly."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from apart import run_apart

from workbook import share
from workbook.importers import read_daylio, read_generic
from workbook.store import Store, keys

TWO_GB = 2 * 1024 * 1024 * 1024


def _export(path: Path) -> object:
    with Store(path.parent / "journal" / "journal.sqlite3") as store:
        return store.import_json(path)


def _key_file(path: Path) -> object:
    return keys.read(path.with_suffix(""))


# How each kind of file is read, its file name, and the error its module raises.
READERS = {
    "json export": (_export, "export.json", "StoreError"),
    "share file": (share.read, "share.json", "ShareError"),
    "daylio csv": (read_daylio, "daylio_export.csv", "ImportProblem"),
    "generic csv": (lambda path: read_generic(path, date_column="date", mood_column="mood"),
                    "moods.csv", "ImportProblem"),
    "key file": (_key_file, "journal.sqlite3.key", "KeyFileProblem"),
}


def _make(path: Path, what: str) -> None:
    if what == "named pipe":
        os.mkfifo(path)
    elif what == "/dev/zero":
        os.symlink("/dev/zero", path)
    elif what == "2 GB sparse file":
        with open(path, "wb") as handle:
            handle.truncate(TWO_GB)
    elif what == "folder":
        path.mkdir()


@pytest.mark.parametrize("what", ["named pipe", "/dev/zero", "2 GB sparse file", "folder"])
@pytest.mark.parametrize("reader", sorted(READERS))
def test_a_pipe_a_device_a_huge_file_or_a_folder_is_refused_quickly(tmp_path, reader, what):
    read, name, error = READERS[reader]
    path = tmp_path / name
    _make(path, what)
    # In a child with a memory limit: a reader that waits or reads forever is stopped.
    outcome = run_apart(lambda: read(path), seconds=20)
    assert outcome.finished, f"{reader} was still reading a {what} after 20 s"
    assert error in outcome.errors, (outcome.error, outcome.message)
    assert outcome.seconds < 10
    message = outcome.message
    assert message.endswith(".") and "Traceback" not in message and "Error" not in message
    assert "Nothing was changed" in message or "Nothing was changed or deleted" in message


def test_the_bounded_reader_reads_at_most_one_byte_past_its_limit(tmp_path):
    from workbook.store.reading import NotAFile, TooBig, read_bounded

    exact = tmp_path / "exact"
    exact.write_bytes(b"x" * 100)
    assert read_bounded(exact, 100) == b"x" * 100
    with pytest.raises(TooBig):
        read_bounded(exact, 99)
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(NotAFile):
        read_bounded(tmp_path / "pipe", 100)
    with pytest.raises(FileNotFoundError):
        read_bounded(tmp_path / "missing", 100)
