"""Which handles this process has on a journal file, and keeping them off it during a swap.

SQLite's locks on a file belong to the process, not to a connection: a second handle
opened here passes straight through a lock this process holds, and closing any handle
on the file drops every such lock, letting other notebooks in. So while a lock change
holds a journal (`holding`), nothing else in this process opens it: a `Store` about to
open it, a restore, or a look at its first bytes waits (`using`), as SQLite's own busy
wait does, and a change that finds the journal already open here refuses.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from workbook import messages
from workbook.store import keys
from workbook.store.connection import BUSY_TIMEOUT_MS
from workbook.store.errors import StoreError

if TYPE_CHECKING:
    from workbook.store.journal import Store

# Every Store with a connection in this process, so questions about its file can be
# answered without opening the file (see `open_here`).
_live: weakref.WeakSet[Store] = weakref.WeakSet()
# Journals held by a lock change (path → the holding thread), and how many other uses
# of each are under way; both change only under `_changed`.
_held: dict[Path, int] = {}
_users: dict[Path, int] = {}
_changed = threading.Condition()


def open_here(journal: Path) -> Store | None:
    """A Store of this process with ``journal`` open, if there is one."""
    target = Path(journal).resolve()
    return next((store for store in list(_live)
                 if not store.closed and store.path.resolve() == target), None)


def is_encrypted_here(journal: Path) -> bool:
    """Whether ``journal`` is locked, without opening it while this process has it open:
    closing a handle on the file would drop this process's SQLite locks on it."""
    with using(journal):
        store = open_here(journal)
        return store.locked if store is not None else keys.is_encrypted(journal)


@contextmanager
def using(journal: Path, store: Store | None = None) -> Iterator[None]:
    """Open ``journal`` in this block, once no lock change holds it (``store``, when
    given, counts as open here from then on). Waits as long as SQLite would for a
    busy journal, then raises `StoreError` (busy)."""
    key = Path(journal).resolve()
    with _changed:
        if _held.get(key) == threading.get_ident():
            raise RuntimeError(f"a lock change opened the journal it holds: {journal}")
        if not _changed.wait_for(lambda: key not in _held, timeout=BUSY_TIMEOUT_MS / 1000):
            raise StoreError(messages.LOCKED)
        _users[key] = _users.get(key, 0) + 1
    try:
        yield
        if store is not None:
            _live.add(store)
    finally:
        with _changed:
            _users[key] -= 1
            if not _users[key]:
                del _users[key]
            _changed.notify_all()


@contextmanager
def holding(journal: Path, *, wait_ms: int) -> Iterator[None]:
    """Keep every other handle of this process off ``journal`` for this block.

    Waits up to ``wait_ms`` for uses under way to end; raises `StoreError` (open
    elsewhere) if a Store of this process still has the journal open, or another
    change holds it.
    """
    key = Path(journal).resolve()
    with _changed:
        free = _changed.wait_for(lambda: key not in _held and not _users.get(key),
                                 timeout=wait_ms / 1000)
        if not free or open_here(journal) is not None:
            raise StoreError(messages.OPEN_ELSEWHERE)
        _held[key] = threading.get_ident()
    try:
        yield
    finally:
        with _changed:
            del _held[key]
            _changed.notify_all()
