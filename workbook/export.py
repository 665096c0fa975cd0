"""Taking the journal elsewhere: every kind of entry as CSV, and everything as JSON.

CSV cells are text exactly as written: lists are JSON arrays, missing values are
empty, and nothing is turned into "NaN". Read a file back with `read_csv` (or
``pandas.read_csv(path, dtype=str, keep_default_na=False)``) and it equals `table`
of the frame it came from. The JSON file is the journal's own versioned export,
`Store.export_json`, which can be imported back; `export_locked` seals it under a
passphrase for a journal that should stay locked when it leaves.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pandas as pd

from workbook.models import KINDS
from workbook.sealed import KdfSettings
from workbook.store import Store, make_private_dir, now

PREFIX = "secure-base"  # `Store.delete_everything` removes exports named like this


def cell(value: Any) -> str:
    """One value as CSV text: lists as JSON, missing as '', dates in ISO form."""
    if isinstance(value, tuple | list | dict):
        return json.dumps(_listed(value), ensure_ascii=False)
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp | dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _listed(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_listed(item) for item in value]
    if isinstance(value, dict):
        return {key: _listed(item) for key, item in value.items()}
    return value


def table(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` as the text table written to CSV, its time index as the first column."""
    rows = {"at": [cell(at) for at in frame.index]}
    for column in frame.columns:
        rows[str(column)] = [cell(value) for value in frame[column].astype(object)]
    return pd.DataFrame(rows, columns=["at", *map(str, frame.columns)], dtype=object)


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """Write ``frame`` as UTF-8 CSV to a new private (0600) file at ``path``."""
    with private_file(path, "w") as handle:
        table(frame).to_csv(handle, index=False, lineterminator="\n")
    return path


def read_csv(path: Path) -> pd.DataFrame:
    """A CSV written by `write_csv`, as text, with nothing turned into a missing value."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def private_file(path: Path, mode: str = "w") -> Any:
    """Open a new file readable only by this user; never replaces an existing file."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.fchmod(fd, 0o600)
    if "b" in mode:
        return os.fdopen(fd, mode)
    return os.fdopen(fd, mode, encoding="utf-8", newline="")


def free_stamp(folder: Path) -> str:
    """A date-time stamp no existing export in ``folder`` uses yet."""
    stamp = now().strftime("%Y%m%d-%H%M%S")
    candidate, n = stamp, 1
    while any(folder.glob(f"{PREFIX}-{candidate}*")):
        n += 1
        candidate = f"{stamp}-{n}"
    return candidate


def export_locked(store: Store, passphrase: str, folder: Path | None = None, *,
                  kdf: KdfSettings | None = None) -> Path:
    """The JSON export sealed under ``passphrase``, for a journal that should stay locked
    when it leaves; `Store.import_json` reads it back with the same passphrase."""
    if folder is None:
        folder = store.exports_dir
        make_private_dir(folder)
    stamp = free_stamp(Path(folder))
    return store.export_sealed(Path(folder) / f"{PREFIX}-{stamp}.locked.json", passphrase,
                               kdf=kdf)


def export_all(store: Store, folder: Path | None = None) -> list[Path]:
    """One CSV per kind of entry that has any, plus the JSON export, in ``folder``.

    The default folder is the journal's exports folder (0700). Returns the files written.
    """
    import workbook

    if folder is None:
        folder = store.exports_dir
        make_private_dir(folder)
    stamp = free_stamp(Path(folder))
    written = [store.export_json(Path(folder) / f"{PREFIX}-{stamp}.json")]
    for kind in KINDS:
        frame = workbook.data(kind, store=store)
        if len(frame):
            written.append(write_csv(frame, Path(folder) / f"{PREFIX}-{stamp}-{kind}.csv"))
    return written
