"""My journal (notebook 09): everything written, newest first, a page at a time, with
filters, a search that marks what it found, and Edit and Delete on every card.

In JupyterLab, Edit opens the entry's own form right on this page, loaded for changing.
In the app, Edit is a link to the page that holds that form, which opens with the entry
loaded (see `workbook.app_page` and `workbook.widgets.asked_entry`).
"""

from __future__ import annotations

import functools
import importlib
import inspect
from typing import Any

import ipywidgets as widgets

from workbook import app_page, share, words
from workbook.models import KINDS
from workbook.store import Store, StoreError
from workbook.store.search import Hits
from workbook.widgets import Form, Panel, fields, html
from workbook.widgets.journal_card import JournalCard
from workbook.widgets.recent import button
from workbook.words import journal as said

PAGE_SIZE = 40
EVERYDAY = "everyday"  # entries that belong to no one strategy: check-ins, snapshots, plans
# The parts of the workbook whose forms write entries.
FORM_MODULES = ("checkin", "start_here", "communication", "positive", "vulnerability",
                "self_compassion", "reframe", "values", "together", "professional_help",
                "safety_plan")


@functools.cache
def editors() -> dict[str, type[Form]]:
    """The form that writes each kind of entry (the one Edit opens), by kind."""
    found: dict[str, type[Form]] = {}
    for name in FORM_MODULES:
        module = importlib.import_module(f"workbook.exercises.{name}")
        for value in vars(module).values():
            if (inspect.isclass(value) and issubclass(value, Form)
                    and value.__module__ == module.__name__ and not inspect.isabstract(value)
                    and getattr(getattr(value, "model", None), "KIND", "") in KINDS):
                found.setdefault(value.model.KIND, value)
    return found


def kind_title(kind: str) -> str:
    return share.title(kind).capitalize()


class JournalPage(Panel):
    """Every entry, newest first, ``PAGE_SIZE`` to a page; the filters and the search
    narrow it, and each card opens, edits or deletes its entry."""

    title = "My journal"
    css_class = "sb-journal"

    def __init__(self, *, store: Store | None = None, profile: str | None = None,
                 page_size: int = PAGE_SIZE):
        super().__init__(store=store, profile=profile)
        self.page_size = page_size
        self.offset = 0
        self.hits = Hits([], total=0, skipped=[])
        self.cards: list[JournalCard] = []
        self.form: Form | None = None
        # In the app, Edit goes to the entry's own page (a link); here, its form opens inline.
        self.in_app = app_page.in_app()
        self._quiet = False
        self.status.add_class("sb-journal-status")
        wide = {"description_width": "initial"}
        self.search = fields.line(description="Search", placeholder="A word or two",
                                  style=wide, layout=widgets.Layout(width="24em"))
        self.find = button("Search", button_style="primary")
        self.part = widgets.Dropdown(description="Part", style=wide, options=[
            ("Every part", ""), ("Check-ins and everyday entries", EVERYDAY),
            *((title, key) for key, title in words.STRATEGIES.items())])
        self.kind = widgets.Dropdown(description="Kind", style=wide)
        self.since = widgets.DatePicker(description="From", style=wide)
        self.until = widgets.DatePicker(description="To", style=wide)
        self.who = widgets.Dropdown(description="Whose", style=wide)
        self.clear = button("Clear filters")
        self.newer = button("Newer", icon="arrow-left")
        self.older = button("Older", icon="arrow-right")
        self.showing = fields.html_area("sb-showing")
        self.list = fields.marked(widgets.VBox(), "sb-journal-list")
        self.editor = fields.marked(widgets.VBox(), "sb-journal-editor")
        self._kinds()
        self._profiles()
        self.lay_out(fields.row(self.search, self.find, align_items="center"),
                     fields.row(self.part, self.kind, self.who, align_items="center"),
                     fields.row(self.since, self.until, self.clear, align_items="center"),
                     self.status, self.editor,
                     fields.row(self.newer, self.showing, self.older, align_items="center"),
                     self.list)
        self.on_click(self.find, self.first_page)
        self.on_click(self.clear, self.clear_filters)
        self.on_click(self.newer, lambda: self.turn(-1))
        self.on_click(self.older, lambda: self.turn(1))
        self.when_changed(self.part, self._part_changed)
        for control in (self.search, self.kind, self.since, self.until, self.who):
            self.when_changed(control, self.first_page)
        self.refresh()

    # -- filters ----------------------------------------------------------------------

    def _kinds(self) -> None:
        part = self.part.value
        kinds = [kind for kind, model in KINDS.items()
                 if not part or (model.STRATEGY or EVERYDAY) == part]
        options = [("Every kind", ""), *sorted((kind_title(k), k) for k in kinds)]
        keep = self.kind.value if self.kind.value in dict(options).values() else ""
        self.kind.options = options
        self.kind.value = keep

    def _profiles(self) -> None:
        profiles = self.readable_profiles()
        self.whose = {p.key: p.label for p in profiles}
        self.who.options = [("Everyone", ""), *((p.label, p.key) for p in profiles)]
        self.who.layout.display = "flex" if len(profiles) > 1 else "none"

    def _part_changed(self) -> None:
        self._quiet = True
        try:
            self._kinds()
        finally:
            self._quiet = False
        self.first_page()

    def clear_filters(self) -> None:
        """Every entry again: no search, every part, kind, date and person."""
        self._quiet = True
        try:
            self.search.value = ""
            self.part.value = ""
            self.kind.value = ""
            self.since.value = None
            self.until.value = None
            self.who.value = ""
        finally:
            self._quiet = False
        self.first_page()

    def query(self) -> dict[str, Any]:
        """What `Store.search` is asked, from the filters as they are set."""
        kind: Any = self.kind.value or None
        strategy = None
        if kind is None and self.part.value == EVERYDAY:
            kind = [k for k, model in KINDS.items() if model.STRATEGY is None]
        elif kind is None and self.part.value:
            strategy = self.part.value
        return {"kind": kind, "strategy": strategy, "since": self.since.value,
                "until": self.until.value, "profile": self.who.value or None}

    # -- pages ------------------------------------------------------------------------

    def first_page(self) -> None:
        if self._quiet:
            return
        self.offset = 0
        self.refresh()

    def turn(self, pages: int) -> None:
        """Go ``pages`` pages on (older) or back (newer, when negative)."""
        self.offset = max(0, self.offset + pages * self.page_size)
        self.refresh()

    def refresh(self) -> None:
        """Read the current page again and redraw it."""
        since, until = self.since.value, self.until.value
        if since is not None and until is not None and since > until:
            self._show([], said.JOURNAL_DATES_REVERSED)
            return
        try:
            hits = self.store.search(self.search.value, limit=self.page_size,
                                     offset=self.offset, **self.query())
            if hits.total and self.offset >= hits.total:  # the last page emptied by a delete
                self.offset = max(0, (hits.total - 1) // self.page_size * self.page_size)
                hits = self.store.search(self.search.value, limit=self.page_size,
                                         offset=self.offset, **self.query())
            received = share.received_batches(self.store)
        except StoreError as error:
            self._show([], error.message)
            return
        if self.cards and list(hits) == list(self.hits) and hits.total == self.hits.total:
            # The same page again (Search pressed as the box was left): the cards stay, so
            # a press on one of them a moment later still reaches it.
            self._show(self.cards, self._counted(hits))
            return
        self.hits = hits
        cards = [self._card(hit, received) for hit in hits]
        self._show(cards, self._counted(hits))

    def _card(self, hit: Any, received: set[int]) -> JournalCard:
        saved = hit.saved
        theirs = share.is_received(saved, received)
        form = editors().get(saved.kind)
        page = app_page.page_for(saved.kind) if self.in_app else None
        card = JournalCard(hit, kind_title=kind_title(saved.kind),
                           whose=self.whose.get(saved.profile, saved.profile),
                           editable=form is not None and form.editable and not theirs,
                           received=theirs,
                           edit_href=None if page is None else app_page.edit_href(page, saved.id),
                           on_delete=lambda card: self._guarded(lambda: self.delete(card)))
        self.on_click(card.item.edit, lambda: self.edit(card))
        return card

    def _counted(self, hits: Hits) -> str:
        if not hits.total:
            if self.search.value.strip() or any(v for v in self.query().values()):
                return said.JOURNAL_NOTHING_MATCHES
            return said.JOURNAL_NOTHING_YET
        return said.showing(self.offset + 1, self.offset + len(hits), hits.total)

    def _show(self, cards: list[JournalCard], words_: str) -> None:
        self.cards = cards
        self.showing.value = f"<span>{html.text(words_)}</span>"
        not_shown = self.hits.not_shown() if cards else ""
        extra = [widgets.HTML(html.message(html.text(not_shown), "info"))] if not_shown else []
        self.list.children = [card.box for card in cards] + extra
        self.newer.disabled = self.offset == 0
        self.older.disabled = self.offset + len(cards) >= self.hits.total or not cards

    # -- edit and delete --------------------------------------------------------------

    def edit(self, card: JournalCard) -> None:
        """Open the entry's own form above the list, loaded for changing."""
        self.close_form()
        form = editors()[card.saved.kind](store=self.store, profile=card.saved.profile)
        form.edit(card.saved)
        done = button("Close the form")
        self.on_click(done, self.close_form)
        form.save.on_click(lambda _b: self._guarded(lambda: self._saved(form)))
        self.form = form
        self.editor.children = [
            widgets.HTML(html.message(said.JOURNAL_EDITING)),
            form.root, done]
        self.editor.layout.border = "2px solid #5c6bc0"
        self.editor.layout.padding = "0.5em"

    def _saved(self, form: Form) -> None:
        if form.editing is not None or form.last_saved is None:
            return  # not saved: the form says why, and stays open
        self.close_form()
        self.refresh()
        self.say(said.JOURNAL_CHANGES_SAVED, "ok")

    def close_form(self) -> None:
        self.form = None
        self.editor.children = []
        self.editor.layout.border = ""
        self.editor.layout.padding = ""

    def delete(self, card: JournalCard) -> None:
        """Delete the card's entry (after Delete and "Yes, delete")."""
        if self.form is not None:
            self.form.forget(card.saved.id)
        self.store.delete(card.saved.id)
        self.refresh()
        self.say(said.JOURNAL_DELETED, "ok")


# My journal: everything written, newest first, to read, search, change or delete.
page = JournalPage
