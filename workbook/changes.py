"""Pages on show that read the journal again when another page changes it in bulk.

An import, or its undo, on one page of a notebook changes what the progress page
above it should show. The page that changed the journal calls `announce`; a page
that shows the journal calls `watch` once. Watchers are held weakly: a page that
is gone stops being told.
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import Protocol


class Watcher(Protocol):
    def journal_changed(self, journal: Path) -> None:
        """``journal`` (the file) has changed; read it again if it is the one shown."""


_watching: weakref.WeakSet[Watcher] = weakref.WeakSet()


def watch(page: Watcher) -> None:
    """Tell ``page`` about every change announced from now on."""
    _watching.add(page)


def announce(journal: Path) -> None:
    """Tell every page watching that the journal at ``journal`` has changed."""
    for page in list(_watching):
        page.journal_changed(journal)
