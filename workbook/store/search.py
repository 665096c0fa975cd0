"""Searching the journal the way people type, through its word index (`search_index`).

Several words must all be found; a "quoted phrase" must appear as written, within one
answer; case and accents don't matter; the last word may be unfinished ("jealou"
finds "jealousy"). The person's text is never handed to SQLite as a query: it is cut
into words here and each word is quoted, so nothing typed (``"``, ``*``, ``NEAR(``,
``-``, ``AND``) can be read as search syntax or fail.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
import threading
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from typing import Any

from workbook.models import KINDS
from workbook.store import rows, search_index
from workbook.store.errors import operational
from workbook.store.rows import Found, Saved, UnreadableRow
from workbook.store.search_index import RESERVED, SEPARATOR, TABLE, whole_characters

Span = tuple[int, int]

# Typographic quotes count as quotes: phones and word processors put them in.
_QUOTES = str.maketrans(dict.fromkeys("“”„‟″«»", '"') | dict.fromkeys(RESERVED, " "))
# Where a match starts and ends in the index's highlighted text (reserved characters).
_OPEN, _CLOSE = "\ue001", "\ue002"
# SQLite takes at most this many values in one statement on older builds.
_IN_CHUNK = 500


@dataclasses.dataclass(frozen=True)
class FieldMatch:
    """One answer of an entry that matched: its text as the person reads it (picks as
    their labels) and where the matches are in it, as (start, end) character offsets."""

    field: str
    text: str
    spans: tuple[Span, ...]


@dataclasses.dataclass(frozen=True)
class Hit:
    """A saved entry that matched, with the answers where the words were found."""

    saved: Saved
    fields: tuple[FieldMatch, ...] = ()

    def spans(self, field: str) -> tuple[Span, ...]:
        """Where the matches are in ``field``'s text (none if it didn't match)."""
        return next((found.spans for found in self.fields if found.field == field), ())


class Hits(list[Hit]):
    """One page of matching entries, newest first.

    ``total`` counts every match (all pages); ``skipped`` holds rows of this page that
    this version can't read (see `Found.not_shown`).
    """

    def __init__(self, hits: list[Hit], *, total: int, skipped: list[UnreadableRow]):
        super().__init__(hits)
        self.total = total
        self.skipped = skipped

    def not_shown(self) -> str:
        return Found([], self.skipped).not_shown()


def parse(text: str) -> list[tuple[str, bool]]:
    """The pieces of a search as typed: (text, quoted). An unclosed quote counts as
    none, so its words are searched one by one."""
    parts = text.translate(_QUOTES).split('"')
    closed = len(parts) % 2 == 1
    pieces: list[tuple[str, bool]] = []
    for index, part in enumerate(parts):
        if index % 2 == 1 and (closed or index < len(parts) - 1):
            pieces.append((part, True))
        else:
            pieces.extend((word, False) for word in part.split())
    return pieces


def fts_query(text: str) -> str | None:
    """The FTS5 query for a search as typed, or None when it holds no words.

    Every piece becomes a quoted string of the words the index would see in it (so
    nothing in it is syntax); pieces are all required; the last word, unless quoted,
    also matches longer words.
    """
    pieces = [(words, quoted) for words, quoted in _words_of(parse(whole_characters(text)))
              if words]
    if not pieces:
        return None
    terms = ['"' + " ".join(words) + '"' for words, _ in pieces]
    if not pieces[-1][1]:
        terms[-1] += "*"
    return " ".join(terms)


class Search:
    """The part of `Store` that searches the journal."""

    _con: sqlite3.Connection
    read_only: bool
    _writing: Callable[[], AbstractContextManager[sqlite3.Connection]]
    _search_checked: object = None

    def search(self, text: str, *, kind: str | Iterable[str] | None = None,
               strategy: str | None = None, since: dt.date | None = None,
               until: dt.date | None = None, profile: str | None = None,
               limit: int | None = None, offset: int = 0) -> Hits:
        """Saved entries whose answers hold ``text``, newest first, with where it matched.

        ``text`` is read as a person types it (see `workbook.search`); empty text
        matches every entry, and text with no words in it (only signs) matches none.
        ``kind`` (one kind or several), ``strategy``, ``profile``, and days ``since``
        and ``until`` (both included) narrow the search; ``limit`` and ``offset``
        page through it. Raises ``KeyError`` for a kind the workbook does not know.
        """
        kinds = [kind] if isinstance(kind, str) else list(kind) if kind is not None else None
        for name in kinds or ():
            if name not in KINDS:
                raise KeyError(name)
        query = fts_query(text)
        if query is None and text.strip():
            return Hits([], total=0, skipped=[])
        self._keep_index_in_step()
        ids = self._matching(query, _filters(kinds, strategy, profile, since, until))
        end = None if limit is None else offset + max(0, int(limit))
        page = ids[max(0, int(offset)):end]
        found, skipped = _saved(self._con, page)
        answers = {i: search_index.fields(saved.entry) for i, saved in found.items()}
        marked = {} if query is None else _SCRATCH.marked(
            {i: SEPARATOR.join(text for _, text in texts) for i, texts in answers.items()}, query)
        hits = [Hit(found[i], _matches(answers[i], marked.get(i))) for i in page if i in found]
        return Hits(hits, total=len(ids), skipped=skipped)

    def _matching(self, query: str | None, filters: tuple[str, list[Any]]) -> list[int]:
        """Ids of the entries that match, newest first (every entry if ``query`` is None)."""
        where, args = filters
        order = " ORDER BY e.created_at DESC, e.id DESC"
        if query is None:
            sql = "SELECT e.id FROM entries e" + (" WHERE " + where if where else "") + order
        else:
            sql = (f"SELECT e.id FROM {TABLE} JOIN entries e ON e.id = {TABLE}.rowid"
                   f" WHERE {TABLE} MATCH ?" + (" AND " + where if where else "") + order)
            args = [query, *args]
        try:
            return [row[0] for row in self._con.execute(sql, args)]
        except operational():
            if not self.read_only:
                raise
            return []  # a newer version's journal without our index: nothing to search

    def _keep_index_in_step(self) -> None:
        """Check the index (fully once per connection, lightly on each search) and
        bring it in step when it is not."""
        if self.read_only:
            return
        thorough = self._search_checked is not self._con
        if search_index.out_of_step(self._con, thorough=thorough) is not None:
            with self._writing() as con:
                # Asked again under the write lock: another kernel may have fixed it.
                if search_index.out_of_step(con, thorough=True) == "rebuild":
                    search_index.rebuild(con)
                # Entries still noted are indexed as this transaction commits.
        self._search_checked = self._con


def _filters(kinds: list[str] | None, strategy: str | None, profile: str | None,
             since: dt.date | None, until: dt.date | None) -> tuple[str, list[Any]]:
    where, args = [], []
    if kinds is not None:
        where.append(f"e.kind IN ({', '.join('?' * len(kinds))})" if kinds else "0")
        args += kinds
    for clause, value in (("e.strategy = ?", strategy), ("e.profile = ?", profile),
                          ("e.day >= ?", since and since.isoformat()),
                          ("e.day <= ?", until and until.isoformat())):
        if value is not None:
            where.append(clause)
            args.append(value)
    return " AND ".join(where), args


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _IN_CHUNK):
        yield ids[start:start + _IN_CHUNK]


def _saved(con: sqlite3.Connection, ids: list[int]) -> tuple[dict[int, Saved],
                                                           list[UnreadableRow]]:
    """The entries ``ids`` that this version can read, and the rows it can't."""
    found: dict[int, Saved] = {}
    skipped: list[UnreadableRow] = []
    for part in _chunks(ids):
        marks = ", ".join("?" * len(part))
        for row in con.execute(rows.SELECT + f" WHERE id IN ({marks})", part):
            try:
                found[row[0]] = rows.saved(row)
            except UnreadableRow as unreadable:
                skipped.append(unreadable)
    return found, skipped


def _matches(answers: list[tuple[str, str]], marked: str | None) -> tuple[FieldMatch, ...]:
    """Where the marked matches fall in each answer (``marked``: the answers joined as
    the index joins them, with its matches marked)."""
    if marked is None:
        return ()
    plain, spans = _unmark(marked)
    if plain != SEPARATOR.join(text for _, text in answers):
        return ()  # the person's own text holds our marks: no highlights, rather than wrong ones
    found, start = [], 0
    for name, text in answers:
        end = start + len(text)
        inside = tuple((max(s, start) - start, min(e, end) - start) for s, e in spans
                       if s < end and e > start)
        if inside:
            found.append(FieldMatch(name, text, inside))
        start = end + len(SEPARATOR)
    return tuple(found)


def _unmark(marked: str) -> tuple[str, list[Span]]:
    """The text without highlight marks, and where the marked parts are in it."""
    first, *rest = marked.split(_OPEN)
    plain, spans, length = [first], [], len(first)
    for chunk in rest:
        inside, _, after = chunk.partition(_CLOSE)
        spans.append((length, length + len(inside)))
        plain += [inside, after]
        length += len(inside) + len(after)
    return "".join(plain), spans


# -- the index's own rules, applied in memory ---------------------------------------------


class _Scratch:
    """A private in-memory FTS5 table with the index's tokenizer, so words are cut and
    matches marked exactly as the index sees them. Nothing in it touches a disk, and it
    is emptied after each use.

    Marking a page here, rather than in the journal, keeps the work to the page: in
    the journal, an unfinished word is looked up across every entry again per entry.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._con: sqlite3.Connection | None = None

    def _ready(self) -> sqlite3.Connection:
        if self._con is None:
            self._con = sqlite3.connect(":memory:", check_same_thread=False,
                                        isolation_level=None)
            self._con.execute("CREATE VIRTUAL TABLE scratch USING fts5(words, tokenize ="
                              " \"unicode61 remove_diacritics 2\")")
            self._con.execute("CREATE VIRTUAL TABLE scratch_words USING fts5vocab(scratch,"
                              " 'instance')")
        return self._con

    def words(self, texts: list[str]) -> list[list[str]]:
        """The words (folded) the index sees in each text."""
        if not texts:
            return []
        with self._lock:
            con = self._ready()
            con.executemany("INSERT INTO scratch (rowid, words) VALUES (?, ?)",
                            list(enumerate(texts, 1)))
            try:
                cut: dict[int, list[str]] = {}
                for term, doc in con.execute("SELECT term, doc FROM scratch_words"
                                             " ORDER BY doc, offset"):
                    cut.setdefault(doc, []).append(term)
            finally:
                _empty(con, len(texts))
        return [cut.get(number, []) for number in range(1, len(texts) + 1)]

    def marked(self, docs: dict[int, str], query: str) -> dict[int, str]:
        """Each text of ``docs`` that ``query`` matches, with its matches marked."""
        if not docs:
            return {}
        with self._lock:
            con = self._ready()
            con.executemany("INSERT INTO scratch (rowid, words) VALUES (?, ?)",
                            [(key, whole_characters(text)) for key, text in docs.items()])
            try:
                return dict(con.execute(
                    "SELECT rowid, highlight(scratch, 0, ?, ?) FROM scratch"
                    " WHERE scratch MATCH ?", (_OPEN, _CLOSE, query)))
            finally:
                _empty(con, len(docs))


def _empty(con: sqlite3.Connection, added: int) -> None:
    con.execute("DELETE FROM scratch")
    if added > _MERGE_AFTER:
        # FTS5 keeps deleted texts' words until its segments merge; after a large page
        # they would slow every later use, so they are merged away at once.
        con.execute("INSERT INTO scratch (scratch) VALUES ('optimize')")


# How many texts may pass through the scratch table before it is compacted.
_MERGE_AFTER = 100
_SCRATCH = _Scratch()


def _words_of(pieces: list[tuple[str, bool]]) -> list[tuple[list[str], bool]]:
    """Each piece as the words the index sees in it."""
    cut = _SCRATCH.words([text for text, _ in pieces])
    return [(words, quoted) for words, (_, quoted) in zip(cut, pieces, strict=True)]
