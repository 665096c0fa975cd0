"""The journal's word index (SQLite FTS5), kept inside the journal file itself.

A locked journal's index is locked with it: no word the person wrote is ever kept
beside the file. For each entry the index holds its text answers and the labels of
its picks (as the person reads them), one field after another.

Keeping it in step needs no care from the code that writes entries: triggers in the
journal note every entry added or changed (whoever writes it, even with plain SQL)
and drop the words of a deleted one; `catch_up` indexes the noted entries before
every write transaction of a `Store` commits. `out_of_step` finds an index that
drifted anyway (its words built under other pick-list labels, a part missing, counts
that differ), and `rebuild` makes it again from the entries.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import re
import sqlite3
import types
import typing
from collections.abc import Mapping
from typing import Any

from workbook import words
from workbook.models import KINDS, Entry, UnreadableData
from workbook.store.errors import operational

TABLE = "search_text"
# The journal version whose upgrade step adds the index (see `workbook.migrations`).
SINCE_VERSION = 4
# Between two fields: a token that no query can produce (queries drop these characters),
# so a phrase never runs from the end of one answer into the start of the next.
SEPARATOR = " \ue000 "
# Characters kept for our own use in the index and its highlights, never searched for.
RESERVED = "".join(chr(code) for code in range(0xE000, 0xE010))

# How the words of an entry are made; a change here must change this number, so
# indexes built the old way are rebuilt.
FORMAT = 1
# Answers that say where an entry came from, not what the person wrote.
_NOT_WRITTEN = frozenset({"source"})

_TRIGGERS = ("search_entry_added", "search_entry_changed", "search_entry_removed")
_SCHEMA = (
    f"""CREATE VIRTUAL TABLE {TABLE} USING fts5(
            words, tokenize = "unicode61 remove_diacritics 2", prefix = '2 3')""",
    # Entries whose words are still to be (re)indexed, noted by the triggers below.
    "CREATE TABLE search_pending (entry INTEGER PRIMARY KEY)",
    "CREATE TABLE search_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TRIGGER search_entry_added AFTER INSERT ON entries BEGIN
           INSERT OR IGNORE INTO search_pending (entry) VALUES (new.id);
       END""",
    f"""CREATE TRIGGER search_entry_changed AFTER UPDATE OF id, kind, data ON entries BEGIN
           DELETE FROM {TABLE} WHERE rowid = old.id;
           INSERT OR IGNORE INTO search_pending (entry) VALUES (new.id);
       END""",
    f"""CREATE TRIGGER search_entry_removed AFTER DELETE ON entries BEGIN
           DELETE FROM {TABLE} WHERE rowid = old.id;
           DELETE FROM search_pending WHERE entry = old.id;
       END""",
)


def create(con: sqlite3.Connection) -> None:
    """Add the index to a journal (inside the caller's transaction); every entry is
    noted, so `catch_up` fills it before the transaction commits."""
    for statement in _SCHEMA:
        con.execute(statement)
    con.execute("INSERT INTO search_pending (entry) SELECT id FROM entries")
    con.execute("INSERT INTO search_state (key, value) VALUES ('words', ?)", (fingerprint(),))


def drop(con: sqlite3.Connection) -> None:
    for trigger in _TRIGGERS:
        con.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    for table in (TABLE, "search_pending", "search_state"):
        con.execute(f"DROP TABLE IF EXISTS {table}")


def rebuild(con: sqlite3.Connection) -> None:
    """Make the index again from the entries (inside the caller's write transaction)."""
    drop(con)
    create(con)


def catch_up(con: sqlite3.Connection, *,
             known: Mapping[tuple[str, str], str] | None = None) -> int:
    """Index the entries noted as added or changed; returns how many.

    ``known`` gives the words of rows just written, by (kind, stored answers) as
    `written_document` found them: those rows are not decoded again. Runs inside the
    caller's write transaction. A journal of the index's version whose index tables
    have gone missing gets them made again here.
    """
    try:
        noted = con.execute("SELECT 1 FROM search_pending LIMIT 1").fetchone()
    except operational() as error:
        if "no such table" not in str(error):
            raise
        if con.execute("PRAGMA user_version").fetchone()[0] < SINCE_VERSION:
            return 0  # a journal still being upgraded: its step adds the index
        rebuild(con)
        noted = True
    if not noted:
        return 0
    # A row kept unread is never shown, so none of its words are found either.
    found = con.execute("SELECT id, CASE WHEN unread THEN '' ELSE kind END, data FROM entries"
                        " WHERE id IN (SELECT entry FROM search_pending)").fetchall()
    # Old words are dropped only where there are some (FTS5 keeps a row per indexed
    # entry in its own table): a row just added has none.
    con.executemany(f"DELETE FROM {TABLE} WHERE rowid = ?", con.execute(
        f"SELECT id FROM {TABLE}_docsize WHERE id IN (SELECT entry FROM search_pending)"
    ).fetchall())
    known = known or {}
    documents = []
    for entry_id, kind, data in found:
        text = known.get((kind, data))
        documents.append((entry_id, document(kind, data) if text is None else text))
    con.executemany(f"INSERT INTO {TABLE} (rowid, words) VALUES (?, ?)", documents)
    con.execute("DELETE FROM search_pending")
    return len(found)


def out_of_step(con: sqlite3.Connection, *, thorough: bool) -> str | None:
    """Why the index can't be trusted as it is, or None when it can.

    "pending": entries are noted but not indexed yet (written by another program);
    "rebuild": the index must be made again. ``thorough`` also compares the entries
    with the index row for row by count and sum of ids, and checks its triggers.
    """
    try:
        made_with = con.execute("SELECT value FROM search_state WHERE key = 'words'").fetchone()
        if made_with is None or made_with[0] != fingerprint():
            return "rebuild"
        if thorough:
            parts = con.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN"
                f" ({', '.join('?' * len(_TRIGGERS))})", _TRIGGERS).fetchone()[0]
            if parts != len(_TRIGGERS):
                return "rebuild"
        pending = con.execute("SELECT 1 FROM search_pending LIMIT 1").fetchone()
        if thorough and not pending:
            entries = con.execute("SELECT count(*), total(id) FROM entries").fetchone()
            # FTS5 keeps one row per indexed entry in this table of its own: reading it
            # is far quicker than reading every indexed text back.
            indexed = con.execute(f"SELECT count(*), total(id) FROM {TABLE}_docsize").fetchone()
            if tuple(entries) != tuple(indexed):
                return "rebuild"
    except operational():
        return "rebuild"
    return "pending" if pending else None


def document(kind: str, data: str) -> str:
    """The words indexed for a stored entry ("" for one this version can't read)."""
    model = KINDS.get(kind)
    if model is None:
        return ""
    try:
        answers = json.loads(data)
    except (ValueError, TypeError):
        return ""
    return answers_document(model, answers)


def answers_document(model: type[Entry], answers: Any) -> str:
    """The words of ``model.from_data(answers)`` (stored answers, decoded), found
    without making the entry; "" when no entry can be made of them."""
    try:
        values = model.stored_answers(answers, searched_fields(model))
    except (UnreadableData, ValueError, TypeError, AttributeError):
        return ""
    return _joined(model, values)


def entry_document(entry: Entry) -> str:
    """The words of ``entry`` as it is held (see `fields`)."""
    model = type(entry)
    return _joined(model, [getattr(entry, name) for name in searched_fields(model)])


def written_document(model: type[Entry], answers: dict[str, Any]) -> str | None:
    """The words `document` gives for a row written from ``answers`` (an entry's
    `Entry.to_data`, every answer there), without reading the row back; None when an
    answer might come back from the stored text as another value (anything but text,
    numbers or a list of them), so only reading it back can tell.

    Answer by answer, what `_texts` does with the values `Entry.stored_answers` gives,
    in one pass: this runs for every row of an import."""
    held, restores = _held(model)
    if restores:
        # A date that can't be read makes the row unreadable: `from_data` decides.
        if not all(_comes_back(answers[name]) for name, _, _ in held):
            return None
        return answers_document(model, answers)
    texts = []
    for name, listed, picked in held:
        value = answers[name]
        if type(value) is list:
            if not _comes_back(value):
                return None
            if listed:  # held as a tuple by an entry
                if not value:
                    continue
                text = (model.shown_answer(name, tuple(value)) if picked
                        else ", ".join([item for item in value if type(item) is str]))
            else:
                text = model.shown_answer(name, value) if picked else ""
        elif type(value) is str:
            text = model.shown_answer(name, value) if picked else value
        elif type(value) in _PLAIN_TYPES:
            text = model.shown_answer(name, value) if picked else ""
        else:
            return None
        if text.strip():
            texts.append(text)
    return whole_characters(SEPARATOR.join(texts))


def whole_characters(text: str) -> str:
    """``text`` with each lone surrogate (half a character, which a row written by
    another program may hold) as the replacement character: SQLite takes only whole
    characters. One character for one, so positions in ``text`` still fit."""
    return text if text.isascii() else _LONE_SURROGATE.sub("\ufffd", text)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def fields(entry: Entry) -> list[tuple[str, str]]:
    """(field, text as the person reads it) for each answer of ``entry`` with words in it,
    in the order the form asks them; picks are given as their labels."""
    model = type(entry)
    return _texts(model, [getattr(entry, name) for name in searched_fields(model)])


def _texts(model: type[Entry], values: list[Any]) -> list[tuple[str, str]]:
    found = []
    picks = model.PICKS
    for name, value in zip(searched_fields(model), values, strict=True):
        if value == ():
            continue  # nothing picked or listed
        text = model.shown_answer(name, value) if name in picks else _written(value)
        if text.strip():
            found.append((name, text))
    return found


def _joined(model: type[Entry], values: list[Any]) -> str:
    return whole_characters(SEPARATOR.join([text for _, text in _texts(model, values)]))


@functools.cache
def _held(model: type[Entry]) -> tuple[tuple[tuple[str, bool, bool], ...], bool]:
    """(name, whether an entry holds it as a tuple, whether it is a pick) for each searched
    answer of ``model``, and whether some answer of it is read back changed (a date)."""
    hints = typing.get_type_hints(model)
    return (tuple((name, _has_tuple(hints[name]), name in model.PICKS)
                  for name in searched_fields(model)), model.restores_answers())


@functools.cache
def searched_fields(model: type[Entry]) -> tuple[str, ...]:
    """The answers of ``model`` that hold words: text, lists of text, and picks."""
    hints = typing.get_type_hints(model)
    return tuple(field.name for field in dataclasses.fields(model)
                 if field.name not in _NOT_WRITTEN and _holds_text(hints[field.name]))


def fingerprint() -> str:
    """What the index's words depend on besides the entries: this module's format, the
    answers searched in each kind, and every pick-list label. When it changes (a label
    reworded, a kind added), the index is rebuilt."""
    global _last
    lists = tuple((name, value) for name, value in sorted(vars(words).items())
                  if type(value) is words.Picks)
    # Asked on every search: worked out again only when a list is replaced.
    if _last is not None and _last[1] == len(KINDS) and len(_last[0]) == len(lists) and all(
            name == seen and value is known for (name, value), (seen, known)
            in zip(lists, _last[0], strict=True)):
        return _last[2]
    parts: list[Any] = [FORMAT, {kind: searched_fields(model) for kind, model in KINDS.items()}]
    for name, value in lists:
        parts.append([name, [[key, value.label(key)] for key in value],
                      sorted(value.retired.items())])
    text = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    _last = (lists, len(KINDS), hashlib.sha256(text.encode("utf-8")).hexdigest()[:32])
    return _last[2]


_last: tuple[tuple[tuple[str, Any], ...], int, str] | None = None


# Values that come back from JSON text as they went in (a list stays a list).
_PLAIN_TYPES = frozenset((str, int, float, bool, type(None)))


def _comes_back(value: object) -> bool:
    if type(value) is list:
        return _PLAIN_TYPES.issuperset(map(type, value))
    return type(value) in _PLAIN_TYPES


def _written(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, tuple):
        return ", ".join(item for item in value if isinstance(item, str))
    return ""


def _has_tuple(hint: Any) -> bool:
    if typing.get_origin(hint) in (types.UnionType, typing.Union):
        return any(_has_tuple(arg) for arg in typing.get_args(hint))
    return typing.get_origin(hint) is tuple


def _holds_text(hint: Any) -> bool:
    if typing.get_origin(hint) in (types.UnionType, typing.Union):
        return all(arg is type(None) or _holds_text(arg) for arg in typing.get_args(hint))
    if typing.get_origin(hint) is tuple:
        args = typing.get_args(hint)
        return len(args) == 2 and args[0] is str and args[1] is Ellipsis
    return hint is str
