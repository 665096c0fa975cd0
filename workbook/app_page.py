"""An app page's address: whether this kernel serves a page of the app (`make app`), the
page it serves, and the entry a link from *My journal* asked it to open for changing.

In the app, *Edit* on a journal card is a link to the page that holds the entry's form,
``00_start_here.ipynb?edit=42``: the address carries the entry's id and nothing else, so
no word of the journal lands in the browser's history. Voilà gives the page's kernel the
address it was asked for (``QUERY_STRING`` and ``SCRIPT_NAME``, once `workbook.app_ready`
has waited for the request when preheated). Plain logic: no widgets.
"""

from __future__ import annotations

import dataclasses
import os
import posixpath
import re
from urllib.parse import parse_qs, quote, unquote

from workbook import messages
from workbook.store import Saved, Store
from workbook.store.rows import UnreadableRow

EDIT = "edit"
# An entry id as a link writes it: a positive whole number SQLite can hold, digits only.
_ENTRY_ID = re.compile(r"[1-9][0-9]{0,17}")
# Where the forms of the kinds that belong to no one strategy are.
EVERYDAY_PAGES = {
    "checkin": "00_start_here.ipynb",
    "insecurity_snapshot": "00_start_here.ipynb",
    "safety_plan": "07_seek_professional_help.ipynb",
    "partner_safety_plan": "07_seek_professional_help.ipynb",
}


class NotEditable(Exception):
    """The entry asked for can't be opened for changing on this page; ``message`` says why,
    for the person."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


@dataclasses.dataclass(frozen=True)
class Asked:
    """What a page's address asked to edit: ``entry_id``, or None when what it held is not
    an entry id."""

    entry_id: int | None


def in_app() -> bool:
    """Whether this kernel serves a page of the app (Voilà sets this for every page it
    runs, preheated or not); False in JupyterLab, nbval and scripts."""
    return "VOILA_BASE_URL" in os.environ


def asked(query: str | None) -> Asked | None:
    """The entry the query string ``query`` asks to edit; None when it asks for none.

    Strict: exactly one ``edit`` value made of digits only (no sign, space or leading
    zero), at most 18 of them. Anything else is `Asked(None)`, never an error.
    """
    if not query:
        return None
    try:
        values = parse_qs(query, keep_blank_values=True, max_num_fields=20).get(EDIT)
    except ValueError:  # more fields than any link of ours has
        return Asked(None)
    if not values:
        return None
    if len(values) != 1 or not _ENTRY_ID.fullmatch(values[0]):
        return Asked(None)
    return Asked(int(values[0]))


def requested() -> Asked | None:
    """The entry this app page's address asks to edit (None outside the app)."""
    return asked(os.environ.get("QUERY_STRING")) if in_app() else None


def this_page() -> str | None:
    """The notebook this app page serves ("00_start_here.ipynb"), when Voilà says."""
    name = posixpath.basename(unquote(os.environ.get("SCRIPT_NAME", "")))
    return name if in_app() and name.endswith(".ipynb") else None


def page_for(kind: str) -> str | None:
    """The notebook that holds the form writing ``kind`` (None for a kind it doesn't know)."""
    from workbook.models import KINDS
    from workbook.progress import NOTEBOOKS

    model = KINDS.get(kind)
    if model is None:
        return None
    if model.STRATEGY is None:
        return EVERYDAY_PAGES.get(kind)
    return NOTEBOOKS.get(model.STRATEGY)


def edit_href(notebook: str, entry_id: int) -> str:
    """The relative link that opens ``notebook``'s page with entry ``entry_id`` loaded for
    changing. Raises ``ValueError`` for anything but a positive entry id."""
    if isinstance(entry_id, bool) or not isinstance(entry_id, int) or \
            not _ENTRY_ID.fullmatch(str(entry_id)):
        raise ValueError(f"not an entry id: {entry_id!r}")
    return f"{quote(notebook)}?{EDIT}={entry_id}"


def to_edit(store: Store, request: Asked, page: str | None) -> Saved:
    """The saved entry ``request`` names, when the page ``page`` may open it for changing.

    Raises `NotEditable` (with a sentence for the person) for what is not an entry id, an
    entry that isn't in the journal (deleted, or never there), one that can't be read, one
    from a partner's share file, or one whose form is on another page; and `StoreError`
    when the journal can't be read (locked, for one).
    """
    from workbook import share

    if request.entry_id is None:
        raise NotEditable(messages.ASKED_NOT_AN_ENTRY)
    try:
        saved = store.get(request.entry_id)
    except KeyError:
        raise NotEditable(messages.ASKED_GONE) from None
    except UnreadableRow:
        raise NotEditable(messages.ASKED_UNREADABLE) from None
    if share.is_received(saved, share.received_batches(store)):
        raise NotEditable(messages.ASKED_RECEIVED)
    if page is not None and page_for(saved.kind) != page:
        raise NotEditable(messages.ASKED_ELSEWHERE)
    return saved
