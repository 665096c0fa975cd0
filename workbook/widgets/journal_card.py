"""One entry on the *My journal* page: its card text in full, with what a search found
marked in it (or under it), the whole entry on request, and Edit and Delete from the recent
lists (Edit a link to the entry's own page, in the app)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable

import ipywidgets as widgets

from workbook.store import Saved
from workbook.store.search import FieldMatch, Hit
from workbook.widgets import html
from workbook.widgets.recent import RecentItem, button

# How much of a long answer shows around the first match on the closed card.
SNIPPET_BEFORE = 80
SNIPPET_AFTER = 200
# Answers that describe where an entry came from rather than what was written.
NOT_SHOWN = frozenset({"source"})


def label(field: str) -> str:
    """An answer's name as a person reads it: "what_helped" → "What helped"."""
    return field.replace("_", " ").capitalize()


def snippet(found: FieldMatch) -> str:
    """The matched answer, escaped, with matches marked; a long one is cut around its first
    match, with "…" where words were left out."""
    value, spans = found.text, found.spans
    if len(value) <= SNIPPET_BEFORE + SNIPPET_AFTER or not spans:
        return html.marked(value, spans)
    start = max(0, spans[0][0] - SNIPPET_BEFORE)
    end = min(len(value), spans[0][0] + SNIPPET_AFTER)
    kept = [(max(a, start) - start, min(b, end) - start) for a, b in spans if a < end and b > start]
    return (("…" if start else "") + html.marked(value[start:end], kept)
            + ("…" if end < len(value) else ""))


def card_line(hit: Hit) -> tuple[str, list[FieldMatch]]:
    """The recent lists' card text in full (`Entry.summary_in_full`), escaped, with the
    matches of each answer it quotes marked, and the matched answers it doesn't quote."""
    saved = hit.saved
    text = saved.entry.summary_in_full()
    spans: list[tuple[int, int]] = []
    elsewhere = []
    for found in hit.fields:
        if not found.spans:
            continue
        # Marked in the line only where the answer shows there, once, as written.
        if found.text and text.count(found.text) == 1:
            at = text.index(found.text)
            spans += [(at + start, at + end) for start, end in found.spans]
        else:
            elsewhere.append(found)
    when = saved.created_at.astimezone()
    return (f"<div style='overflow-wrap:anywhere'><span class='sb-when'>"
            f"{when:%a %d %b %Y, %H:%M}</span> — {html.marked(text, spans)}</div>", elsewhere)


def whole_entry(hit: Hit) -> str:
    """Every answer of the entry, labelled, escaped, with any matches marked."""
    entry = hit.saved.entry
    matched = {found.field: found for found in hit.fields}
    rows = []
    for field in dataclasses.fields(entry):
        if field.name in NOT_SHOWN:
            continue
        value = getattr(entry, field.name)
        if value is None or value == "" or value == ():
            continue
        if field.name in matched:
            shown = html.marked(matched[field.name].text, matched[field.name].spans)
        elif isinstance(value, bool):
            shown = "yes" if value else "no"
        elif isinstance(value, dt.date):
            shown = html.text(f"{value:%d %b %Y}")
        else:
            shown = html.text(entry.shown(field.name))
        rows.append(f"<dt><b>{html.text(label(field.name))}</b></dt>"
                    f"<dd style='margin:0 0 0.5em 1em;overflow-wrap:anywhere'>{shown}</dd>")
    if hit.saved.updated_at is not None:
        changed = hit.saved.updated_at.astimezone()
        rows.append(f"<dd style='margin:0'><small>Last changed {changed:%d %b %Y, %H:%M}."
                    "</small></dd>")
    return f"<dl class='sb-entry-whole' style='margin:0.3em 0 0.6em 0'>{''.join(rows)}</dl>"


class JournalCard:
    """A card: the recent-list line (with Edit when allowed, and Delete that asks first),
    what kind of entry it is and whose, the answers a search matched, and *Open* to read
    the whole entry."""

    def __init__(self, hit: Hit, *, kind_title: str, whose: str, editable: bool,
                 received: bool = False, edit_href: str | None = None,
                 on_delete: Callable[[JournalCard], object] = lambda _card: None):
        """``edit_href``: where Edit goes (a link, in the app); None: Edit is a button.
        ``on_delete(card)`` runs once the person has said yes to deleting."""
        self.hit = hit
        self.open = button("Open")
        self.item = RecentItem(hit.saved, lambda saved: saved.entry.summary(), editable,
                               more=[self.open], on_confirm=lambda _item: on_delete(self))
        shown, elsewhere = card_line(hit)
        self.item.text.value = shown
        self.item.text.add_class("sb-card-text")
        about = f"{kind_title} · {whose}" + (" · from their share file" if received else "")
        self.about = widgets.HTML(f"<small class='sb-about'>{html.text(about)}</small>")
        self.matches = widgets.HTML(_matches(elsewhere))
        self.matches.add_class("sb-matches")
        self.details = widgets.HTML("")
        self.details.add_class("sb-entry-details")
        self.details.layout.display = "none"
        [line] = self.item.box.children  # Delete's question comes under the card when asked
        self.edit_link: widgets.HTML | None = None
        if editable and edit_href is not None:
            # As wide as its word, like the buttons beside it.
            self.edit_link = widgets.HTML(edit_link(edit_href), layout=widgets.Layout(
                width="auto", min_width="max-content", flex="0 0 auto"))
            line.children = [self.edit_link if child is self.item.edit else child
                             for child in line.children]
        self.box = self.item.box
        self.box.children = [line, self.about, self.matches, self.details]
        self.box.layout = widgets.Layout(border_bottom="1px solid #ddd", padding="0.3em 0")
        self.box.add_class("sb-journal-card")
        self.open.on_click(lambda _b: self.toggle())

    @property
    def saved(self) -> Saved:
        return self.hit.saved

    @property
    def is_open(self) -> bool:
        return self.details.layout.display != "none"

    def toggle(self) -> None:
        """Show the whole entry, or fold it away again."""
        if self.is_open:
            self.details.layout.display = "none"
            self.open.description = "Open"
        else:
            self.details.value = whole_entry(self.hit)
            self.details.layout.display = "block"
            self.open.description = "Close"


def edit_link(href: str) -> str:
    """Edit as a link that looks like the buttons beside it (``href`` is escaped)."""
    return (f"<a href='{html.attribute(href)}' class='jupyter-button widget-button "
            "sb-edit-link' style='width:auto;display:inline-flex;align-items:center;"
            "text-decoration:none;color:inherit'>Edit</a>")


def _matches(fields: Iterable[FieldMatch]) -> str:
    found = [f"<div style='overflow-wrap:anywhere'><small>{html.text(label(match.field))}:"
             f"</small> {snippet(match)}</div>" for match in fields if match.spans]
    return "".join(found)
