"""Bigger pieces of HTML built from lists: columns side by side, a bulleted list, a table,
a file's text as it is. Every piece of text passed in is escaped here."""

from __future__ import annotations

import html as escaping
from collections.abc import Iterable, Sequence

from workbook.widgets import html

NEW_LINE = "\n"


def paragraph(text: str) -> str:
    """Text as a paragraph; apostrophes stay as written (only <, > and & need escaping
    between tags)."""
    return f"<p>{escaping.escape(text, quote=False)}</p>"


def bullets(items: Iterable[str], css: str = "", empty: str = "") -> str:
    """A bulleted list; with no items, one bullet saying ``empty`` (when given)."""
    listed = "".join(f"<li>{html.text(item)}</li>" for item in items)
    if not listed and empty:
        listed = f"<li>{html.text(empty)}</li>"
    return f"<ul class='{css}'>{listed}</ul>" if css else f"<ul>{listed}</ul>"


def columns(parts: Iterable[tuple[str, Iterable[str]]], width: str = "12em") -> str:
    """A bulleted list under each heading, side by side, wrapping onto the next line when
    the page is narrow; an empty list shows a dash."""
    shown = "".join(f"<div style='flex:1 1 {width};padding:0 0.6em'><b>{html.text(heading)}"
                    f"</b>{bullets(items, empty='—')}</div>" for heading, items in parts)
    return f"<div style='display:flex;flex-wrap:wrap'>{shown}</div>"


def table(headings: Sequence[str], rows: Iterable[Sequence[str]], css: str) -> str:
    """A table with a row of headings."""
    head = "".join(f"<th>{html.text(heading)}</th>" for heading in headings)
    body = "".join("<tr>" + "".join(f"<td>{html.text(cell)}</td>" for cell in row) + "</tr>"
                   for row in rows)
    return f"<table class='{css}'><tr>{head}</tr>{body}</table>"


def as_written(text: str) -> str:
    """Text shown character for character (line breaks and spaces kept), in a box that
    scrolls when it is long."""
    return ("<pre style='white-space:pre-wrap;background:#f7f7f7;padding:0.6em;"
            f"max-height:28em;overflow:auto'>{html.text(text).replace('<br>', NEW_LINE)}</pre>")
