"""A progress report to bring to a therapist: one HTML file, every chart, its sentence and
its numbers, for a chosen period and profile.

The file is self-contained (images inside), opens in any browser, and prints to PDF
from there. It is written readable only by this user account (0600) and never replaces
an existing file.
"""

from __future__ import annotations

import base64
import datetime as dt
from pathlib import Path

from workbook import charts, trends
from workbook.export import PREFIX, private_file
from workbook.store import Store, make_private_dir, now
from workbook.trends import Span
from workbook.widgets.html import text as escape

TITLE = "My progress with Secure Base"
ABOUT = ("These charts come from my own journal entries: daily check-ins, exercises and "
         "weekly snapshots. They show patterns over time; they are not a test or a diagnosis.")


class ReportError(Exception):
    """The report could not be written; ``message`` says why, in plain words."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


def default_path(store: Store, when: dt.datetime | None = None) -> Path:
    """A new file name in the journal's exports folder."""
    return store.exports_dir / f"{PREFIX}-report-{(when or now()):%Y%m%d-%H%M%S-%f}.html"


def build_html(frames: charts.Frames, span: Span, *, who: str = "",
               demo: bool = False, plans: tuple[str, ...] = ()) -> str:
    """The whole report as one HTML page. Every piece of text is escaped."""
    made = now()
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(TITLE)}</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:52em;margin:2em auto;"
        "padding:0 1em;color:#222;line-height:1.45}img{max-width:100%}"
        "table{border-collapse:collapse;margin:.5em 0 2em}td{border-bottom:1px solid #ddd;"
        "padding:.2em 1em .2em 0}td.n{text-align:right}section{page-break-inside:avoid}"
        ".demo{color:#D55E00;font-weight:bold}</style></head><body>",
        f"<h1>{escape(TITLE)}</h1>",
    ]
    if demo:
        parts.append('<p class="demo">Demo: made-up data, not anyone\'s journal.</p>')
    details = [("Period", _period(span))]
    if who:
        details.append(("Whose entries", who))
    details.append(("Made on", f"{made:%d %B %Y, %H:%M}"))
    parts.append(_table(details))
    parts.append(f"<p>{escape(ABOUT)}</p>")
    parts += [f"<section>{plan}</section>" for plan in plans]
    for chart in charts.CHARTS:
        figure = chart.figure(frames, span)
        if demo:
            charts.mark_demo(figure)
        image = base64.b64encode(charts.png(figure, dpi=110)).decode("ascii")
        parts += [
            "<section>",
            f"<h2>{escape(chart.title)}</h2>",
            f'<img src="data:image/png;base64,{image}" alt="{escape(chart.title)}">',
            f"<p>{escape(chart.summary(frames, span))}</p>",
            _table(chart.numbers(frames, span)),
            "</section>",
        ]
    parts.append("</body></html>")
    return "\n".join(parts)


def _period(span: Span) -> str:
    if span.start is None:
        return f"All entries up to {span.end:%d %B %Y}"
    return f"{span.start:%d %B %Y} to {span.end:%d %B %Y}"


def _table(rows: list[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><td>{escape(label)}</td><td class='n'>{escape(value)}</td>"
                    "</tr>" for label, value in rows)
    return f"<table>{cells}</table>"


def write(store: Store, path: Path | str | None = None, *, span: Span,
          profile: str | None = None, who: str = "", demo: bool = False) -> Path:
    """Write the report for ``profile`` over ``span`` to ``path`` (default: `default_path`).

    A relative ``path`` is taken inside the exports folder; a folder gets a new file name
    in it. A safety plan is included only when the person ticked it for the report.
    Raises `ReportError` when the file exists already or can't be written.
    """
    try:
        target = _target(store, path)
    except OSError as error:
        raise ReportError(f"The report could not be written to {path} "
                          f"({error.strerror or 'an error'}).") from error
    frames = trends.load(store, profile, span)
    page = build_html(frames, span, who=who, demo=demo,
                      plans=() if demo else chosen_plans(store, profile))
    try:
        with private_file(target) as handle:
            handle.write(page)
    except FileExistsError as error:
        raise ReportError(f"There is already a file at {target}. Please choose another "
                          "name, so nothing gets replaced.") from error
    except OSError as error:
        raise ReportError(f"The report could not be written to {target} "
                          f"({error.strerror or 'an error'}).") from error
    return target


def chosen_plans(store: Store, profile: str | None) -> tuple[str, ...]:
    """The newest safety plans the person chose to include, each as an escaped card."""
    from workbook import words
    from workbook.plan_cards import plan_card

    cards = []
    for kind, parts in (("safety_plan", words.SAFETY_PLAN_PARTS),
                        ("partner_safety_plan", words.PARTNER_PLAN_PARTS)):
        newest = store.entries(kind, profile=profile or words.PROFILE_ME, limit=1)
        if newest and newest[0].entry.in_report:  # type: ignore[attr-defined]
            cards.append(plan_card(newest[0].entry, parts))
    return tuple(cards)


def _target(store: Store, path: Path | str | None) -> Path:
    if path is None or not str(path).strip():
        make_private_dir(store.exports_dir)
        return default_path(store)
    target = Path(str(path).strip()).expanduser()
    if not target.is_absolute():
        make_private_dir(store.exports_dir)
        target = store.exports_dir / target
    if target.parent == store.exports_dir:
        make_private_dir(store.exports_dir)
    if target.is_dir():
        return target / default_path(store).name
    if target.suffix.lower() not in (".html", ".htm"):
        target = target.with_name(target.name + ".html")
    if not target.parent.is_dir():
        raise ReportError(f"The folder {target.parent} doesn't exist. Please choose a folder "
                          "that does.")
    return target
