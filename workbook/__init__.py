"""Secure Base: a private workbook for feeling more secure in a relationship.

Importing this package is cheap: pandas, matplotlib and ipywidgets load only
when a frame, a chart or a form is first asked for.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

__all__ = ["__version__", "app_ready", "data", "default_store", "import_daylio", "reminders_ics"]
__version__ = "0.1.0"

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable
    from pathlib import Path

    from workbook.importers import ImportResult
    from workbook.store import Store


def app_ready(preload: Iterable[str] = ()) -> None:
    """In the app, wait here until the page is opened; anywhere else, do nothing.

    `make app` keeps a kernel ready for every page (Voilà's preheated kernels), which
    runs the notebook ahead up to this call and pauses. So a notebook calls it after
    its imports and before anything that reads the journal: the slow start is done
    before the person asks, and what they see is their journal as it is when they do.
    ``preload`` names modules the page will need at once (``"pandas"`` for a page that
    shows a table when it opens), imported ahead in the app only. In JupyterLab, nbval
    or a script it returns at once and imports nothing.
    """
    if os.environ.get("VOILA_PREHEAT") != "True":
        return
    import importlib

    from voila.utils import wait_for_request

    for name in preload:
        importlib.import_module(name)
    wait_for_request()


def default_store() -> Store:
    """The journal in the person's data directory (or ``$SECURE_BASE_HOME``)."""
    from workbook.store import default_store as _default_store

    return _default_store()


def data(kind: str | None = None, *, store: Store | None = None, profile: str | None = None,
         since: dt.date | None = None, until: dt.date | None = None) -> Any:
    """One tidy pandas DataFrame per kind of entry, indexed by when it was written.

    ``data("checkin")`` gives the check-ins; ``data()`` gives a dict of every kind.
    ``since`` and ``until`` (days, both included) read only part of the journal.
    Raises ``KeyError`` for a kind the workbook does not know.
    """
    from workbook.frames import data as _data

    return _data(kind, store=store, profile=profile, since=since, until=until)


def import_daylio(path: str | os.PathLike[str], *, store: Store | None = None,
                  profile: str | None = None,
                  mapping: dict[str, int] | None = None) -> ImportResult:
    """Bring a Daylio CSV export in as check-ins, in one batch that can be undone.

    Returns a result with ``added`` and ``skipped`` (rows already in the journal).
    ``mapping`` gives a mood (1–10) for each renamed mood label. Raises
    `workbook.importers.ImportProblem` (a `StoreError`, with ``message`` for the person)
    when the file can't be imported; the journal is then unchanged.
    """
    from workbook.importers import bring_in, read_daylio

    preview = read_daylio(path)
    return bring_in(preview, store=store or default_store(), profile=profile, mapping=mapping)


def reminders_ics(path: str | os.PathLike[str], *, daily: str = "20:00",
                  weekly_day: str = "sunday", title: str | None = None) -> Path:
    """Write a calendar file (.ics) with a daily check-in and a weekly snapshot reminder.

    The events say nothing private unless ``title`` is given. Returns the path written
    (readable only by this user). Raises ``ValueError`` for a time or day it can't read.
    """
    from workbook.reminders import write_calendar

    return write_calendar(path, daily=daily, weekly_day=weekly_day, title=title)
