"""Recent entries of one kind, newest first, each deletable after a confirmation."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

import ipywidgets as widgets

from workbook import share
from workbook.store import Saved, Store, StoreError
from workbook.widgets import html, shared
from workbook.widgets.panel import Panel

RECEIVED = " (from their share file)"
CONFIRM = "Delete this entry for good? This can't be undone."


class Editor(Protocol):
    """What a recent list needs from the form it sits under (a `Form` is one)."""

    profile: str
    editable: bool

    @property
    def store(self) -> Store: ...

    def edit(self, saved: Saved) -> None: ...

    def forget(self, entry_id: int) -> None: ...


class _Question:
    """"Delete this entry for good?" with its two buttons, on a row under the entry."""

    def __init__(self) -> None:
        self.question = widgets.HTML(html.message(CONFIRM, "error"))
        self.confirm = button("Yes, delete", button_style="danger")
        self.keep = button("Keep it")
        self.row = widgets.HBox([self.question, self.confirm, self.keep],
                                layout=widgets.Layout(flex_flow="row wrap"))

    @property
    def parts(self) -> tuple[widgets.Widget, ...]:
        return self.row, self.question, self.confirm, self.keep


class RecentItem:
    """One saved entry in the list, with Edit (when the form allows) and Delete.

    The question Delete asks is made the first time it is asked: most items are never
    deleted, and a page with full lists opens sooner without a hidden row under each.
    ``on_confirm(item)`` runs when the person says yes.
    """

    def __init__(self, saved: Saved, describe: Callable[[Saved], str], editable: bool, *,
                 more: Sequence[widgets.Widget] = (),
                 on_confirm: Callable[[RecentItem], object] = lambda _item: None):
        self.saved = saved
        self.editable = editable
        self._on_confirm = on_confirm
        self._question: _Question | None = None
        # The text takes the room that is left and wraps (long words too); the buttons
        # never shrink, so "Edit" and "Delete" always read in full.
        self.text = widgets.HTML(card_text(saved, describe),
                                 layout=widgets.Layout(flex="1 1 0%", min_width="0"))
        self.edit = button("Edit")
        self.delete = button("Delete")
        buttons = [*more, self.edit, self.delete] if editable else [*more, self.delete]
        self.box = widgets.VBox([widgets.HBox([self.text, *buttons],
                                              layout=widgets.Layout(align_items="center"))])
        self.box.add_class("sb-recent-item")
        self.delete.on_click(lambda _b: self.ask(True))

    def _asking(self) -> _Question:
        if self._question is None:
            asking = self._question = _Question()
            asking.row.layout.display = "none"
            asking.confirm.on_click(lambda _b: self._on_confirm(self))
            asking.keep.on_click(lambda _b: self.ask(False))
            self.box.children = [*self.box.children, asking.row]
        return self._question

    @property
    def confirm_row(self) -> widgets.HBox:
        return self._asking().row

    @property
    def question(self) -> widgets.HTML:
        return self._asking().question

    @property
    def confirm(self) -> widgets.Button:
        return self._asking().confirm

    @property
    def keep(self) -> widgets.Button:
        return self._asking().keep

    def ask(self, show: bool) -> None:
        """Show the question (made now if need be), or put it away."""
        if show or self._question is not None:
            self.confirm_row.layout.display = "flex" if show else "none"

    @property
    def shows(self) -> tuple[int, str, bool]:
        """What the item shows: its entry, the words on its card, and whether it offers Edit."""
        return self.saved.id, self.text.value, self.editable

    def close(self) -> None:
        """Close the item's own widgets (Edit too where it isn't shown), with their layouts
        and styles, once it is no longer listed: the page and the kernel let go of them.
        Layouts and styles shared with other widgets (`shared`) stay open for those.
        Widgets passed in as ``more`` are the caller's."""
        line = self.box.children[0]
        asked = self._question.parts if self._question is not None else ()
        for widget in (self.box, line, self.text, self.edit, self.delete, *asked):
            for part in (widget.layout, getattr(widget, "style", None)):
                if isinstance(part, widgets.Widget):
                    part.close()
            widget.close()


def card_text(saved: Saved, describe: Callable[[Saved], str]) -> str:
    """An entry as one line of HTML: when it was written, then ``describe(saved)`` escaped."""
    when = saved.created_at.astimezone()
    return (f"<div style='overflow-wrap:anywhere'><span class='sb-when'>"
            f"{when:%a %d %b %Y, %H:%M}</span> — {html.text(describe(saved))}</div>")


def button(label: str, **style: str) -> widgets.Button:
    """A button as wide as its words, that never shrinks."""
    return widgets.Button(description=label, layout=shared.layout(
        width="auto", min_width="max-content", flex="0 0 auto"),
        style=shared.button_style(), **style)


class RecentEntries(Panel):
    """The newest entries of ``kind`` for the form's profile; refreshes after each save."""

    title = "Recent entries"
    css_class = "sb-recent"

    def __init__(self, kind: str, *, form: Editor | None = None, store: Store | None = None,
                 profile: str | None = None, limit: int = 5,
                 describe: Callable[[Saved], str] | None = None,
                 on_change: Callable[[], None] | None = None):
        super().__init__(store=store, profile=profile if form is None else form.profile)
        self.kind = kind
        self.form = form
        self.limit = limit
        self.describe = describe or (lambda saved: saved.entry.summary())
        self.on_change = on_change
        self.items: list[RecentItem] = []
        self.heading = shared.words("<b>Your recent entries</b> <small>(newest first)</small>")
        self.empty = shared.words("<small>Nothing saved here yet.</small>")
        self.not_shown = shared.words()
        self.refresh()

    @property
    def store(self) -> Store:
        return self.form.store if self.form is not None else super().store

    def refresh(self) -> None:
        if self.form is not None:
            self.profile = self.form.profile
        try:
            saved = self.store.entries(self.kind, profile=self.profile, limit=self.limit)
        except StoreError as error:
            self.root.children = [widgets.HTML(html.problem(error))]
            return
        editable = self.form is not None and self.form.editable
        # A partner's shared entries are theirs: they can be deleted here, never edited.
        received = share.received_batches(self.store)

        def shown(s: Saved) -> str:
            return self.describe(s) + (RECEIVED if share.is_received(s, received) else "")

        # An entry shown as before keeps its item: after a save only the new entry's item
        # is made, not the whole list again (each item is a couple of dozen widgets for
        # the page to make). It is given the entry as now saved, for Edit to load.
        before = {item.shows: item for item in self.items}
        self.items = []
        for s in saved:
            editable_here = editable and not share.is_received(s, received)
            item = before.pop((s.id, card_text(s, shown), editable_here), None)
            if item is None:
                item = RecentItem(s, shown, editable_here, on_confirm=self._confirmed)
                self.on_click(item.edit, lambda item=item: self._edit(item))
            else:
                item.saved = s
                item.ask(False)
            self.items.append(item)
        listed = [i.box for i in self.items] or [self.empty]
        not_shown = saved.not_shown()
        if not_shown:
            self.not_shown.value = html.message(html.text(not_shown), "info")
            listed.append(self.not_shown)
        self.root.children = [self.heading, *listed, self.status]
        for item in before.values():  # what is left was not listed again
            item.close()

    def _confirmed(self, item: RecentItem) -> None:
        self._guarded(lambda: self._delete(item))

    def _delete(self, item: RecentItem) -> None:
        if self.form is not None:
            self.form.forget(item.saved.id)
        try:
            self.store.delete(item.saved.id)
        except StoreError as error:
            self.say(error.message, "error")
            return
        self.refresh()
        self.say("Deleted.", "ok")
        if self.on_change is not None:
            self.on_change()

    def _edit(self, item: RecentItem) -> None:
        if self.form is not None:
            self.form.edit(item.saved)
