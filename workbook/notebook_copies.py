"""The person's own copy of the notebooks, kept up to date without losing their changes.

`secure-base lab` opens notebooks from the data folder's ``notebooks/`` (0700), not from
the installed package, so a person may add notes of their own to a notebook. On every
start, `refresh` brings the copy in step with the notebooks this version ships:

- a notebook that isn't there yet is copied;
- one the person never changed is replaced by the new version;
- one they changed is kept as it is, and the new version is placed beside it with
  " (new version)" in its name, and a one-line note says so.

"Changed" means the text of a cell differs from what was copied: running a notebook
or saving it with outputs is not a change. What was copied is remembered in
``.shipped.json`` in the same folder, as a fingerprint of each notebook's cells.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from workbook.store.files import make_private_dir

RECORD = ".shipped.json"
NEW_SUFFIX = " (new version)"


@dataclass
class Refreshed:
    """What `refresh` did, by notebook file name."""

    copied: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    def notes(self) -> list[str]:
        """One plain line per notebook the person should know about."""
        return [
            f"{name} has changes of your own, so it was kept as it is; the new version is "
            f"beside it as {beside(name)}." for name in self.kept
        ]


def shipped_notebooks() -> Path:
    """The notebooks this version ships: inside the installed package, or a clone's notebooks/."""
    package = Path(__file__).resolve().parent
    installed = package / "notebooks"
    return installed if installed.is_dir() else package.parent / "notebooks"


def beside(name: str) -> str:
    """The name the new version of a changed notebook gets."""
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}{NEW_SUFFIX}{dot}{suffix}"


def fingerprint(path: Path) -> str:
    """A digest of the notebook's cells (type and text), blind to outputs and metadata.

    A file that can't be read as a notebook gets a digest of its bytes, so it still
    counts as changed when it differs from what was copied.
    """
    raw = path.read_bytes()
    try:
        cells = json.loads(raw)["cells"]
        text = json.dumps([[cell["cell_type"], _source(cell["source"])] for cell in cells])
    except (ValueError, KeyError, TypeError):
        return "bytes:" + hashlib.sha256(raw).hexdigest()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _source(source: str | list[str]) -> str:
    return source if isinstance(source, str) else "".join(source)


def refresh(shipped: Path, copy: Path) -> Refreshed:
    """Bring ``copy`` in step with the notebooks in ``shipped``; see the module text."""
    make_private_dir(copy)
    copied, offered = _read_record(copy / RECORD)
    done = Refreshed()
    for source in sorted(shipped.glob("*.ipynb")):
        name = source.name
        target = copy / name
        new = fingerprint(source)
        if not target.exists():
            _write(source, target)
            copied[name] = new
            done.copied.append(name)
        elif fingerprint(target) == copied.get(name):
            if new != copied[name]:
                _write(source, target)
                copied[name] = new
                done.updated.append(name)
        elif new not in (copied.get(name), offered.get(name)):
            # The person changed it: theirs stays, the new version goes beside it once.
            _write(source, copy / beside(name))
            offered[name] = new
            done.kept.append(name)
    _write_record(copy / RECORD, copied, offered)
    return done


def _read_record(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """What was copied as each notebook, and what was last placed beside a changed one."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        return dict(record["copied"]), dict(record["offered"])
    except (OSError, ValueError, KeyError, TypeError):
        return {}, {}


def _write(source: Path, target: Path) -> None:
    _write_bytes(target, source.read_bytes())


def _write_record(path: Path, copied: dict[str, str], offered: dict[str, str]) -> None:
    record = {"copied": copied, "offered": offered}
    _write_bytes(path, json.dumps(record, indent=1, sort_keys=True).encode("utf-8"))


def _write_bytes(target: Path, data: bytes) -> None:
    """Write through a private temporary file and a rename, so a copy is never half there."""
    temporary = target.with_name(f".{target.name}.partial")
    fd = os.open(temporary, os.O_CREAT | os.O_TRUNC | os.O_WRONLY | os.O_NOFOLLOW, 0o600)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb", closefd=False) as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    finally:
        os.close(fd)
    os.replace(temporary, target)
