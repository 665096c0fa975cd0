"""The entry an app page was opened to change (*Edit* in My journal, in the app).

`workbook.app_ready` calls `open_asked` once the page is requested. When the page's
address asks for an entry (``?edit=<id>``), a note at the top of the page says what is
happening, and the entry is handed, loaded for changing, to the first form of its kind
the page builds, once the cell that built it has run. Every `Form` tells `built` it
exists, and so does a panel that makes its form when first opened; either gives the
form, open, from `form_for(kind)`. An id that isn't one, names nothing, or names an entry
this page can't change gets a kind sentence instead, and every form stays empty.
"""

from __future__ import annotations

import logging
import weakref
from typing import TYPE_CHECKING, Any, Protocol

import ipywidgets as widgets

from workbook import app_page, messages
from workbook.app_page import Asked, NotEditable
from workbook.models import KINDS
from workbook.progress import JOURNAL
from workbook.store import Saved, Store, StoreError
from workbook.widgets import html, shared
from workbook.widgets.binding import offered
from workbook.widgets.panel import Panel, shown
from workbook.widgets.recent import button

if TYPE_CHECKING:
    from workbook.widgets.form import Form

log = logging.getLogger(__name__)
ANCHOR = "sb-asked-entry"  # where on the page the form with the entry is


class Holder(Protocol):
    """A form, or a panel that makes one when it is first opened."""

    def form_for(self, kind: str) -> Form | None:
        """The form, open on the page, that can change entries of ``kind``; else None."""


def back_link() -> str:
    # Underlined, so a link is told apart from the text around it without colour.
    return (f"<a href='{JOURNAL}' class='sb-back-to-journal' "
            "style='text-decoration:underline'>Back to My journal</a>")


class AskedEntry(Panel):
    """The note at the top of a page opened to change an entry, and the entry itself
    (``saved``, None when it can't be changed here) until a form takes it (``form``)."""

    title = "The entry you opened"
    css_class = "sb-asked-entry"

    def __init__(self, request: Asked, *, page: str | None, store: Store | None = None):
        super().__init__(store=store)
        self.request = request
        self.page = page
        self.saved: Saved | None = None
        self.form: Form | None = None
        # Whether the journal couldn't be read (locked, for one): Try again looks again.
        self.waiting = False
        self._forms: list[weakref.ref[Holder]] = []
        self.try_again = button("Try again")
        self.on_click(self.try_again, self.retry)
        self.find()
        self.root.children = [self.status, self.try_again,
                              widgets.HTML(f"<p>{back_link()}</p>")]
        shared.restyle(self.root, border="2px solid #5c6bc0", padding="0.3em 0.6em")

    def find(self) -> None:
        """Look the entry up, and say what is open or why nothing is."""
        self.waiting = False
        try:
            self.saved = app_page.to_edit(self.store, self.request, self.page)
        except NotEditable as problem:
            self.say(problem.message, "info")
        except StoreError as error:
            self.waiting = True
            self.say(f"{error.message} {messages.ASKED_TRY_AGAIN}", "error")
        else:
            self.status.value = html.message(
                html.text(messages.ASKED_OPEN.format(title=_title(self.saved.kind),
                                                     when=_when(self.saved)))
                + f" <a href='#{ANCHOR}' style='text-decoration:underline'>Go to it</a>")
        shown(self.try_again, self.waiting, "inline-flex")

    def retry(self) -> None:
        """Try again, once the journal can be read: find the entry and open it in its form."""
        self.find()
        self.hand_over()

    @property
    def settled(self) -> bool:
        """Whether nothing is left to do: a form has the entry, or none ever will."""
        return self.form is not None or (self.saved is None and not self.waiting)

    def built(self, holder: Holder) -> None:
        """``holder`` is on the page (it may take the entry once its cell has run)."""
        self._forms.append(weakref.ref(holder))

    def hand_over(self) -> bool:
        """Give the entry to the first form built for its kind that can change it; returns
        whether one has it (now or before)."""
        if self.form is not None:
            return True
        if self.saved is None:
            return False
        for ref in self._forms:
            holder = ref()
            form = holder.form_for(self.saved.kind) if holder is not None else None
            if form is not None:
                self._open_in(form)
                return True
        return False

    def _open_in(self, form: Form) -> None:
        saved = self.saved
        assert saved is not None
        if (form.who is not None and saved.profile != form.profile
                and saved.profile in offered(form.who)):
            form.who.value = saved.profile  # the person who wrote it, as Edit in the journal
        form.edit(saved)
        self.form = form
        note = html.message(f"Opened from My journal. {back_link()}")
        here = widgets.HTML(f"<div id='{ANCHOR}'>{note}</div>")
        form.root.children = [here, *form.root.children]
        form.save.on_click(lambda _button: self._after_save(form))

    def _after_save(self, form: Form) -> None:
        saved = self.saved
        if saved is None or form.editing is not None or form.last_saved is None \
                or form.last_saved.id != saved.id:
            return  # not saved (the form says why), or saved as a new entry
        self.say(messages.ASKED_SAVED, "ok")


def _title(kind: str) -> str:
    # As the form and My journal call it: "My safety plan", "Is it time for support?".
    return getattr(KINDS.get(kind), "TITLE", "") or "Entry"


def _when(saved: Saved) -> str:
    return f"{saved.created_at.astimezone():%a %d %b %Y, %H:%M}"


_asked: AskedEntry | None = None


def open_asked(*, store: Store | None = None) -> AskedEntry | None:
    """On an app page whose address asks for an entry, show the note and hand the entry to
    the page's form of its kind after the cell that builds it. Elsewhere, do nothing."""
    global _asked
    request = app_page.requested()
    if request is None:
        return None
    _asked = AskedEntry(request, page=app_page.this_page(), store=store)
    if not _asked.settled:
        from IPython import get_ipython

        shell = get_ipython()
        if shell is not None:
            shell.events.register("post_run_cell", _after_cell)
    from IPython.display import display

    display(_asked)
    return _asked


def built(holder: Holder) -> None:
    """Every form calls this as it is made, as does a panel that makes its form later;
    it matters only on a page opened for an entry."""
    if _asked is not None:
        _asked.built(holder)


def _after_cell(_result: Any = None) -> None:
    from IPython import get_ipython

    try:
        done = _asked is None or _asked.hand_over() or _asked.settled
    except Exception as error:  # a page must never show a trace; entries never go to logs
        log.error("opening the asked entry in its form failed: %s", type(error).__name__)
        if _asked is not None:
            _asked.say(messages.ASKED_FAILED, "error")
        done = True
    shell = get_ipython()
    if done and shell is not None:
        shell.events.unregister("post_run_cell", _after_cell)
