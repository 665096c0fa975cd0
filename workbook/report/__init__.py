"""A progress report to bring to a therapist: every chosen chart, its sentence and its
numbers, for a chosen period and profile, as a PDF or as one HTML page.

`content` decides what a report holds; `html` and `pdf` only lay it out. Both files are
self-contained (images inside), written readable only by this user account (0600), and
never replace an existing file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from workbook import trends, words
from workbook.export import PREFIX, private_file
from workbook.report import content
from workbook.report.content import ABOUT, SECTIONS, TITLE, build, chosen_plans
from workbook.store import Profile, Store, make_private_dir, now
from workbook.trends import Span

__all__ = ["ABOUT", "FORMATS", "SECTIONS", "TITLE", "NotLockedWarning", "ReportError",
           "build_html", "default_path", "report_pdf", "span_of", "write"]

Format = Literal["pdf", "html"]
# Each format's file ending; a name with another format's ending gets this one instead.
FORMATS: dict[str, str] = {"pdf": ".pdf", "html": ".html"}
_ENDINGS = {".pdf": "pdf", ".html": "html", ".htm": "html"}
# Pictures for paper are drawn finer than for the screen.
_DPI = {"pdf": 150, "html": 110}


def format_of(name: str) -> Format | None:
    """The format a file name's ending names (".pdf" or ".html"), or None."""
    name = name.strip().lower()
    return next((fmt for fmt, ending in FORMATS.items() if name.endswith(ending)), None)


def with_ending(name: str, fmt: Format) -> str:
    """``name`` ending in ``fmt``'s ending when it ended in another format's; else as it was."""
    stripped = name.strip()
    for other in FORMATS.values():
        if other != FORMATS[fmt] and stripped.lower().endswith(other):
            return stripped[: -len(other)] + FORMATS[fmt]
    return name


class ReportError(Exception):
    """The report could not be written; ``message`` says why, in plain words."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


def default_path(store: Store, when: dt.datetime | None = None, fmt: Format = "html") -> Path:
    """A new file name in the journal's exports folder."""
    stamp = f"{(when or now()):%Y%m%d-%H%M%S-%f}"
    return store.exports_dir / f"{PREFIX}-report-{stamp}{FORMATS[fmt]}"


def build_html(frames: object, span: Span, *, who: str = "", demo: bool = False,
               plans: tuple = (), sections: Iterable[str] | None = None) -> str:
    """The whole report as one HTML page. Every piece of text is escaped."""
    from workbook.report import html

    return html.render(build(frames, span, who=who, demo=demo, plans=plans,  # type: ignore[arg-type]
                             sections=sections, dpi=_DPI["html"]))


def write(store: Store, path: Path | str | None = None, *, span: Span,
          profile: str | None = None, who: str = "", demo: bool = False,
          sections: Iterable[str] | None = None, fmt: Format | None = None) -> Path:
    """Write the report for ``profile`` over ``span`` to ``path`` (default: `default_path`).

    ``who`` names whose entries these are (the profile's name when not given).
    ``fmt`` is "pdf" or "html"; without it, a path ending in .pdf gives a PDF and anything
    else an HTML page. Only the ``sections`` named (keys of `SECTIONS`; all when None) are
    in the file. A relative ``path`` is taken inside the exports folder; a folder gets a
    new file name in it. A safety plan is included only when the person ticked it for the
    report. Raises `ReportError` when no section is chosen, or the file exists already or
    can't be written, and ``ValueError`` for an unknown section or format.
    """
    if fmt is None:
        fmt = "pdf" if str(path or "").strip().lower().endswith(".pdf") else "html"
    if fmt not in FORMATS:
        raise ValueError(f"A report can be written as {' or '.join(FORMATS)}, not {fmt!r}.")
    chosen = content.chosen_sections(sections)
    if not chosen:
        raise ReportError("Please choose at least one part to put in the report.")
    try:
        target = _target(store, path, fmt)
    except OSError as error:
        raise ReportError(f"The report could not be written to {path} "
                          f"({error.strerror or 'an error'}).") from error
    if not who and not demo:
        key = profile or words.PROFILE_ME
        who = next((p.label for p in store.profiles() if p.key == key), Profile(key, "").label)
    frames = trends.load(store, profile, span)
    report = build(frames, span, who=who, demo=demo, sections=chosen, dpi=_DPI[fmt],
                   plans=() if demo else chosen_plans(store, profile))
    if fmt == "pdf":
        from workbook.report import pdf

        data: bytes = pdf.render(report)
    else:
        from workbook.report import html

        data = html.render(report).encode("utf-8")
    try:
        with private_file(target, "wb") as handle:
            handle.write(data)
    except FileExistsError as error:
        raise ReportError(f"There is already a file at {target}. Please choose another "
                          "name, so nothing gets replaced.") from error
    except OSError as error:
        raise ReportError(f"The report could not be written to {target} "
                          f"({error.strerror or 'an error'}).") from error
    return target


def _target(store: Store, path: Path | str | None, fmt: Format) -> Path:
    if path is None or not str(path).strip():
        make_private_dir(store.exports_dir)
        return default_path(store, fmt=fmt)
    target = Path(str(path).strip()).expanduser()
    if not target.is_absolute():
        make_private_dir(store.exports_dir)
        target = store.exports_dir / target
    if target.parent == store.exports_dir:
        make_private_dir(store.exports_dir)
    if target.is_dir():
        return target / default_path(store, fmt=fmt).name
    ending = target.suffix.lower()
    if _ENDINGS.get(ending) != fmt:
        target = (target.with_suffix(FORMATS[fmt]) if ending in _ENDINGS
                  else target.with_name(target.name + FORMATS[fmt]))
    if not target.parent.is_dir():
        raise ReportError(f"The folder {target.parent} doesn't exist. Please choose a folder "
                          "that does.")
    return target


class NotLockedWarning(UserWarning):
    """A report was written from a locked journal: the file itself is not locked."""


def span_of(period: int | str | Span | tuple[dt.date, dt.date] | None,
            today: dt.date | None = None) -> Span:
    """The days a report covers: a number of days up to today, "all" (or None) for
    everything, a `Span`, or a (first day, last day) pair. Raises ``ValueError`` otherwise."""
    if isinstance(period, Span):
        return period
    if period is None or period == "all":
        return Span.everything(today)
    if isinstance(period, int) and not isinstance(period, bool) and period > 0:
        return Span.last(period, today)
    if (isinstance(period, tuple) and len(period) == 2
            and all(isinstance(day, dt.date) for day in period) and period[0] <= period[1]):
        first, last = (day.date() if isinstance(day, dt.datetime) else day for day in period)
        return Span(first, last)
    raise ValueError("A period is a number of days, 'all', or a (first day, last day) pair "
                     f"with the first day not after the last, not {period!r}.")


def report_pdf(path: Path | str | None, *, period: int | str | Span | tuple | None = 90,
               sections: Iterable[str] | None = None, profile: str | None = None,
               store: Store | None = None) -> Path:
    """Write the progress report as a PDF (see `workbook.report_pdf`)."""
    import warnings

    from workbook.store import default_store

    store = store or default_store()
    written = write(store, path, span=span_of(period), profile=profile, sections=sections,
                    fmt="pdf")
    if store.locked:
        from workbook import messages

        warnings.warn(messages.EXPORT_NOT_LOCKED, NotLockedWarning, stacklevel=3)
    return written
