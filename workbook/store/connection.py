"""Opening a journal file: plain SQLite, or SQLCipher when it is locked with a data key.

sqlcipher3 loads only when a locked journal is opened, so plain journals (the default)
cost nothing extra.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from workbook.store.keys import sqlcipher_key

BUSY_TIMEOUT_MS = 30_000


def connect(path: Path | str, data_key: bytes | None, *, uri: bool = False,
            timeout_ms: int = BUSY_TIMEOUT_MS) -> Any:
    """A connection in autocommit mode (we run our own transactions) to ``path``.

    It may be used from the kernel's other threads (widget callbacks can run there);
    `Store._writing` makes sure one transaction runs at a time.

    With ``data_key`` the file is read and written through SQLCipher 4 under that raw
    256-bit key; a wrong key fails at the first read ("file is not a database").
    """
    if data_key is None:
        return sqlite3.connect(path, timeout=timeout_ms / 1000, isolation_level=None, uri=uri,
                               check_same_thread=False)
    from sqlcipher3 import dbapi2

    con = dbapi2.connect(str(path), timeout=timeout_ms / 1000, isolation_level=None, uri=uri,
                         check_same_thread=False)
    # SQLCipher logs failed page checks to stderr by default; the reason reaches us anyway.
    con.execute("PRAGMA cipher_log_level = NONE")
    con.execute(f"PRAGMA key = {sqlcipher_key(data_key)}")
    return con
