"""Secure Base: a private workbook for feeling more secure in a relationship.

Importing this package is cheap: pandas, matplotlib and ipywidgets load only
when a frame, a chart or a form is first asked for.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

__all__ = ["__version__", "app_ready", "data", "default_store", "import_daylio",
           "reminders_ics", "report_pdf", "search"]
__version__ = "0.1.0"

if TYPE_CHECKING:
    import datetime as dt
    import os
    from collections.abc import Iterable
    from pathlib import Path

    from workbook.importers import ImportResult
    from workbook.store import Store
    from workbook.store.search import Hits
    from workbook.trends import Span


def app_ready(preload: Iterable[str] = ()) -> None:
    """In the app, wait here until the page is opened; anywhere else, do nothing.

    `make app` keeps a kernel ready for every page (Voilà's preheated kernels), which
    runs the notebook ahead up to this call and pauses. So a notebook calls it after
    its imports and before anything that reads the journal: the slow start is done
    before the person asks, and what they see is their journal as it is when they do.
    ``preload`` names modules the page will need at once (``"pandas"`` for a page that
    shows a table when it opens), imported ahead in the app only. In JupyterLab, nbval
    or a script it returns at once and imports nothing.

    A page opened by *Edit* in My journal (``?edit=<id>`` in its address) then says so
    at its top, and its form of that entry's kind opens with the entry loaded (see
    `workbook.widgets.asked_entry`).
    """
    if os.environ.get("VOILA_PREHEAT") == "True":
        import importlib

        from workbook.page_request import wait_for_request

        for name in preload:
            importlib.import_module(name)
        wait_for_request()
    if "VOILA_BASE_URL" in os.environ:  # a page of the app, preheated or not
        from workbook.widgets.asked_entry import open_asked

        open_asked()


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


def search(text: str, *, kind: str | Iterable[str] | None = None,
           strategy: str | None = None, since: dt.date | None = None,
           until: dt.date | None = None, profile: str | None = None,
           store: Store | None = None, limit: int | None = None, offset: int = 0) -> Hits:
    """Saved entries whose text answers or picked labels hold ``text``, newest first.

    Typed as people type: several words must all be found, a "quoted phrase" as
    written, in any case and with or without accents, and the last word may be
    unfinished ("jealou" finds "jealousy"). Nothing typed is an error: signs that
    mean something to a search engine are simply not words. Empty text gives every
    entry. ``kind`` (one or several), ``strategy`` (a part of the workbook),
    ``profile`` and days ``since``/``until`` (both included) narrow it; ``limit`` and
    ``offset`` page through it.

    Returns a list of hits (``hit.saved`` is the entry, ``hit.fields`` the answers
    that matched, each with its text and the (start, end) spans of the matches), with
    ``total``, the number of matches on every page. Raises ``KeyError`` for a kind
    the workbook does not know.
    """
    return (store or default_store()).search(
        text, kind=kind, strategy=strategy, since=since, until=until, profile=profile,
        limit=limit, offset=offset)


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


def report_pdf(path: str | os.PathLike[str] | None, *,
               period: int | str | Span | tuple[dt.date, dt.date] | None = 90,
               sections: Iterable[str] | None = None, profile: str | None = None,
               store: Store | None = None) -> Path:
    """Write the progress report to bring to a therapist as a PDF file, and return its path.

    ``period`` is a number of days up to today, "all", or a (first day, last day) pair.
    ``sections`` names the parts to include (keys of `workbook.report.SECTIONS`; all of
    them when None); a part left out is not in the file at all. A relative ``path`` (or
    None, for a new name) is taken in the journal's exports folder. The file is readable
    only by this user and never replaces another. From a locked journal it warns (a
    `workbook.report.NotLockedWarning`) that the file is not locked. Raises
    `workbook.report.ReportError` (with ``message`` for the person) when it can't be
    written, and ``ValueError`` for an unknown period or section.
    """
    from workbook.report import report_pdf as _report_pdf

    return _report_pdf(path, period=period, sections=sections, profile=profile, store=store)
