"""The journal store: one private SQLite file that several notebooks can write at once.

Every write runs in ``BEGIN IMMEDIATE`` so concurrent kernels queue politely
instead of failing; the file and its WAL/SHM companions are 0600 from the first
byte; upgrades back the file up and run in one transaction.

One module per job: `files` (where and how privately), `journal` (the `Store`),
`rows` (an entry as a row), `batches` (entries brought in together), `copies`
(backups and restore), `transfer` (JSON export and import), `errors` (messages
for the person), `keys` and `lock` (the optional passphrase lock, SQLCipher),
`connection` (opening a plain or locked file), `reading` (files from outside, read
within bounds), `handles` (which handles this process has on a journal, and none
besides the lock's while a lock change holds it), `search_index` (the word index kept
inside the journal) and `search` (finding entries by the words in them).
"""

from __future__ import annotations

from workbook.store.batches import Batch, BatchWriter
from workbook.store.copies import BACKUPS_KEPT, backups_of, restore
from workbook.store.errors import (
    KeyFileProblem,
    StoreDamaged,
    StoreError,
    StoreLocked,
    StoreTooNew,
    WrongPassphrase,
)
from workbook.store.files import (
    FILE_NAME,
    HOME_VARIABLE,
    default_path,
    home,
    make_private_dir,
    make_private_file,
    now,
)
from workbook.store.journal import BUSY_TIMEOUT_MS, Store, default_store
from workbook.store.rows import Profile, Saved
from workbook.store.transfer import EXPORT_FORMAT, EXPORT_VERSION

__all__ = [
    "BACKUPS_KEPT",
    "BUSY_TIMEOUT_MS",
    "EXPORT_FORMAT",
    "EXPORT_VERSION",
    "FILE_NAME",
    "HOME_VARIABLE",
    "Batch",
    "BatchWriter",
    "KeyFileProblem",
    "Profile",
    "Saved",
    "Store",
    "StoreDamaged",
    "StoreError",
    "StoreLocked",
    "StoreTooNew",
    "WrongPassphrase",
    "backups_of",
    "default_path",
    "default_store",
    "home",
    "make_private_dir",
    "make_private_file",
    "now",
    "restore",
]
