"""Genuine files of every kind we read, changed at random: never a hang, a crash or a lie.

Each mutation of a genuine export (plain and sealed), share file (plain and sealed), key
file, Daylio CSV and generic CSV either comes in exactly as its preview (or the file's own
words) showed, or is refused with the module's own error and a sentence, leaving the
journal's bytes as they were; and each finishes within 10 seconds.

300 examples per kind when ``CI=true``; fewer locally (``MUTATIONS=n`` sets the number).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import os
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from apart import run_apart, start_fork_server
from daylio_exports import DaylioDay, export_csv
from examples import EXAMPLES
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from workbook import sealed, share
from workbook.importers import MOOD_FOR_LEVEL, ImportProblem, bring_in, read_daylio, read_generic
from workbook.models import KINDS
from workbook.store import Store, StoreError, StoreLocked, keys
from workbook.store.transfer import SEALED_EXPORT_PURPOSE

settings.register_profile("ci", max_examples=300)
settings.register_profile("dev", max_examples=int(os.environ.get("MUTATIONS", "30")))
PROFILE = settings.get_profile("ci" if os.environ.get("CI") == "true" else "dev")

PASSPHRASE = "blue kettle at noon"
# The cheapest settings the bounds allow, so thousands of openings stay quick.
CHEAP = sealed.KdfSettings(time_cost=1, memory_kib=8, parallelism=1)
AT = dt.datetime(2025, 3, 1, 9, 30).astimezone()
# When the one entry already in each journal was written (no file holds this time).
BEFORE = dt.datetime(2020, 1, 1, 12, 0).astimezone()
SECONDS = 10

# -- the genuine files ------------------------------------------------------------------------


def _export_document() -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder, \
            Store(Path(folder) / "journal.sqlite3") as store:
        for n, kind in enumerate(("checkin", "gratitude", "shared_goal", "thought_record")):
            store.add(EXAMPLES[kind], at=AT + dt.timedelta(days=n))
        store.set_profile("partner", "Sam")
        store.set_setting("reminder", "evening")
        con = sqlite3.connect(store.path)
        with con:  # one entry of a kind from a newer version, exported as unreadable
            con.execute("INSERT INTO entries (profile, kind, created_at, day, data) VALUES"
                        " ('me', 'dream_diary', '2025-03-09T09:00:00+00:00', '2025-03-09',"
                        " '{\"dream\": \"flying\"}')")
        con.close()
        return store.export_document()


def _share_text() -> str:
    with tempfile.TemporaryDirectory() as folder, \
            Store(Path(folder) / "journal.sqlite3") as store:
        ids = [store.add(EXAMPLES[kind], at=AT).id for kind in share.SHAREABLE]
        return share.file_text(share.build(store, ids, "Sam"))


def _sealed(plain: bytes, purpose: str) -> dict[str, Any]:
    return sealed.seal(plain, PASSPHRASE, purpose=purpose, settings=CHEAP)


DATA_KEY = bytes(range(32))
EXPORT = json.dumps(_export_document(), ensure_ascii=False, indent=1).encode()
SHARE = _share_text().encode()
DAYLIO = export_csv([
    DaylioDay(dt.datetime(2024, 12, 31, 23, 58), "rad", ("work", "friends"),
              "Line one,\nline two \"quoted\"", "A title"),
    DaylioDay(dt.datetime(2025, 1, 1, 0, 5), "good", ("rain, cold",), "NA"),
    DaylioDay(dt.datetime(2025, 1, 2, 6, 50), "bad", ("walk",), ""),
    DaylioDay(dt.datetime(2025, 1, 3, 19, 8), "awful", (), "tired")])
GENERIC = (b"date,time,mood,note\n2025-01-03,19:08,4,fine\n03/01/2025,7:05 pm,2,\"tired, sad\"\n"
           b"2025-01-05,,5,\n")


def _sealed_share(inner: bytes) -> bytes:
    return json.dumps({"format": share.FORMAT, "version": share.VERSION,
                       "sealed": _sealed(inner, share.PURPOSE)}).encode()


def _key_file() -> bytes:
    return json.dumps(keys.wrap(DATA_KEY, PASSPHRASE, "0000-0000-0000-0000-0000-0000",
                                settings=CHEAP)).encode()


# -- mutations ----------------------------------------------------------------------------------

ODD_VALUES = st.one_of(
    st.sampled_from([
        0, -1, -5, 1, 2, 8, 11, 999, 2**31, 2**32 - 1, 2**63, 10**30, -(2**63), 1e308, -0.0,
        0.5, float("nan"), float("inf"), True, False, None, "", " ", "x" * 600, "x" * 25_000,
        [], {}, [1, 2], {"a": 1}, ["rad"], "9999-12-31T23:59:59+00:00",
        "0001-01-01T00:00:00+00:00", "1969-12-31T23:59:59+00:00", "2025-03-01T09:30:00",
        "not a date", "aes-128-cbc", "aes-256-gcm", "argon2id", "scrypt", "AAAA", "c2FsdA==",
        "not base64!", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "\x00", "💔" * 10, "checkin",
        "values_sort", "thought_record", "safety_plan", "dream_diary", "me", "partner",
        "secure-base-export", "secure-base-share", "secure-base-sealed", "share-file",
        "journal-export", "journal-key"]),
    st.integers(),
    st.text(max_size=12),
    st.floats(),
)
# What a mood app's cell may hold, at its worst.
ODD_CELLS = st.one_of(
    st.sampled_from([
        "9999-12-31", "0001-01-01", "1969-12-31", "0999-01-02", "2025-13-45", "2025-02-30",
        "9999-12-31 23:59", "2025-01-03T10:00:00+14:00", "0001-01-01T00:00:00+05:00",
        "99:99", "25:00 pm", "12:00 am", "", " ", "x" * 25_000, "NaN", "inf", "-inf", "1e308",
        "-5", "999", "1,5", '"', "a\nb", "rad", " RAD ", "meh|work", "|" * 50, "\x00",
        "awful", "good"]),
    st.text(max_size=12),
)


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


def _at(node: Any, path: tuple) -> Any:
    for step in path:
        node = node[step]
    return node


@st.composite
def json_edit(draw: Any, original: bytes) -> bytes:
    """One field of the JSON changed, removed, or an entry marked unreadable."""
    document = json.loads(original)
    paths = _paths(document)
    path = draw(st.sampled_from(paths))
    parent, last = _at(document, path[:-1]), path[-1]
    action = draw(st.sampled_from(["replace", "replace", "replace", "remove", "unreadable"]))
    if action == "remove" and isinstance(parent, dict):
        del parent[last]
    elif action == "unreadable" and isinstance(parent, dict):
        # An entry claims to be kept unread, with answers no save would accept.
        parent["unreadable"] = True
        answers = parent.get("data") if isinstance(parent.get("data"), dict) else {}
        answers = {**answers, draw(st.sampled_from(["mood", "insecurity", "note", "items"])):
                   draw(ODD_VALUES)}
        parent["stored_data"] = json.dumps(answers)
    else:
        parent[last] = draw(ODD_VALUES)
    return json.dumps(document, ensure_ascii=draw(st.booleans())).encode()


@st.composite
def csv_edit(draw: Any, original: bytes) -> bytes:
    """One cell of the CSV changed, or a row cut short or made longer."""
    rows = list(csv.reader(io.StringIO(original.decode("utf-8-sig"), newline="")))
    row = draw(st.integers(0, len(rows) - 1))
    action = draw(st.sampled_from(["cell", "cell", "cell", "short", "long"]))
    if action == "short":
        rows[row] = rows[row][:draw(st.integers(0, max(0, len(rows[row]) - 1)))]
    elif action == "long":
        rows[row] = [*rows[row], draw(ODD_CELLS)]
    elif rows[row]:
        rows[row][draw(st.integers(0, len(rows[row]) - 1))] = draw(ODD_CELLS)
    out = io.StringIO(newline="")
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


@st.composite
def byte_edit(draw: Any, original: bytes) -> bytes:
    """Bytes flipped, or the file cut short."""
    data = bytearray(original)
    if draw(st.booleans()):
        return bytes(data[:draw(st.integers(0, len(data)))])
    for _ in range(draw(st.integers(1, 5))):
        position = draw(st.integers(0, len(data) - 1))
        data[position] ^= draw(st.integers(1, 255))
    return bytes(data)


def mutations(original: bytes, form: str) -> st.SearchStrategy[bytes]:
    edit = json_edit if form == "json" else csv_edit
    return st.one_of(byte_edit(original), edit(original), edit(original).flatmap(edit))


@st.composite
def sealed_mutation(draw: Any, inner: bytes, wrap: Callable[[bytes], bytes]) -> bytes:
    """A sealed file changed outside (its envelope) or inside (then sealed again)."""
    if draw(st.booleans()):
        return draw(mutations(wrap(inner), "json"))
    return wrap(draw(mutations(inner, "json")))


# -- what a mutation must do --------------------------------------------------------------------


def journal_bytes(path: Path) -> list[bytes]:
    return [side.read_bytes() if side.exists() else b"" for side in (path, Path(f"{path}-wal"))]


def _sentence(error: StoreError) -> None:
    message = error.message
    assert message.endswith((".", "?")) and len(message.split()) >= 5, message
    assert "Traceback" not in message and "Error" not in message, message


def _journal_with_one_entry() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        with Store(Path(folder) / "journal.sqlite3") as store:
            store.add(EXAMPLES["checkin"], at=BEFORE)
        return (Path(folder) / "journal.sqlite3").read_bytes()


# Each trial starts from a copy: making a journal afresh each time would double the run.
JOURNAL = _journal_with_one_entry()


@functools.cache
def _fork_server() -> None:
    """Each trial's child is forked from a small server that has this module loaded, not
    from the test process (which forks slowly once it has grown); so every ``attempt``
    below is a module-level function or a partial of one, which can be sent to it."""
    start_fork_server([__name__])


def _trial(data: bytes, name: str, attempt: Callable[[Store, Path], None],
           refused: type[StoreError], note: Callable[[str], object] = event) -> None:
    """Run ``attempt`` on ``data`` against a fresh journal: kept as shown, or refused whole.

    In a forked child with a memory limit, so one that would never finish is stopped
    after `SECONDS` and reported, rather than hanging the run.
    """
    _fork_server()
    outcome = run_apart(functools.partial(_trial_here, data, name, attempt, refused),
                        seconds=SECONDS, method="forkserver")
    assert outcome.finished, f"still running after {SECONDS} s"
    assert not outcome.error, f"{outcome.error}: {outcome.message}\n{outcome.trace}"
    note(outcome.value)


def _trial_here(data: bytes, name: str, attempt: Callable[[Store, Path], None],
                refused: type[StoreError]) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        journal = Path(folder) / "journal" / "journal.sqlite3"
        journal.parent.mkdir(mode=0o700)
        journal.write_bytes(JOURNAL)
        journal.chmod(0o600)
        with Store(journal) as store:
            before = journal_bytes(store.path)
            try:
                attempt(store, path)
            except refused as error:
                _sentence(error)
                assert journal_bytes(store.path) == before
                return "refused"
            return "came in"


def _shown(store: Store) -> set[tuple]:
    return {(s.kind, s.profile, s.created_at, json.dumps(s.entry.to_data(), sort_keys=True))
            for s in store.entries() if s.created_at != BEFORE}


def _import_export(store: Store, path: Path, document: Callable[[], Any]) -> None:
    found = store.entries()
    store.import_json(path, PASSPHRASE)
    # Came in: exactly the entries the file holds, each checked, the unreadable ones unseen.
    entries = document()["entries"]
    expected = {(e["kind"], e["profile"], dt.datetime.fromisoformat(e["created_at"]),
                 json.dumps(KINDS[e["kind"]].from_data(e["data"], validate=True).to_data(),
                            sort_keys=True))
                for e in entries if e.get("unreadable") is not True}
    assert _shown(store) == expected
    kept = {(e["kind"], e["created_at"], e["stored_data"]) for e in entries
            if e.get("unreadable") is True}
    assert len(store.entries().skipped) - len(found.skipped) == len(kept)


def _export_trial(data: bytes, inner: Callable[[], Any]) -> None:
    _trial(data, "export.json", functools.partial(_import_export, document=inner), StoreError)


def _plain_document(data: bytes) -> Any:
    return json.loads(data.decode("utf-8"))


def _sealed_document(file: bytes) -> Any:
    envelope = json.loads(file)
    return json.loads(sealed.unseal(envelope, PASSPHRASE, purpose=SEALED_EXPORT_PURPOSE))


def _sealed_export(inner: bytes) -> bytes:
    return json.dumps(_sealed(inner, SEALED_EXPORT_PURPOSE)).encode()


def _open_key(store: Store, path: Path) -> None:
    journal = path.with_name("journal.sqlite3")
    path.rename(keys.key_path(journal))
    # Opened, it gives exactly the key it was made with; never another one.
    assert keys.open_with_passphrase(journal, PASSPHRASE) == DATA_KEY


def _bring_in_daylio(store: Store, path: Path) -> None:
    _bring_in(store, read_daylio(path))


def _bring_in_generic(store: Store, path: Path) -> None:
    _bring_in(store, read_generic(path, date_column="date", mood_column="mood",
                                  time_column="time", note_column="note", scale=(1, 5)))


def _receive(store: Store, path: Path) -> None:
    opened = share.read(path, passphrase=PASSPHRASE)
    shown = share.preview(opened)
    receipt = share.receive(store, opened)
    assert receipt.added == len(opened.entries)
    theirs = store.entries(profile="partner", newest_first=False)
    assert sorted((s.kind, s.created_at, json.dumps(s.entry.to_data(), sort_keys=True))
                  for s in theirs) == sorted(
        (i.kind, i.written, json.dumps(i.entry.to_data(), sort_keys=True))
        for i in opened.entries)
    for item in opened.entries:
        assert share.title(item.kind) in shown


def _bring_in(store: Store, preview: Any) -> None:
    mapping = dict.fromkeys(preview.unknown_labels, 5)
    result = bring_in(preview, store=store, mapping=mapping)
    saved = [s for s in store.entries("checkin", newest_first=False)
             if s.created_at != BEFORE]
    moods = {**MOOD_FOR_LEVEL, **mapping}
    expected = {(row.at, row.mood if row.mood is not None else moods[row.label], row.note,
                 row.activities) for row in preview.rows}
    assert {(s.created_at.replace(tzinfo=None), s.entry.mood, s.entry.note, s.entry.activities)
            for s in saved} == expected
    assert result.added == len(saved)


EXAMPLES_SETTINGS = settings(PROFILE, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow,
                                                    HealthCheck.data_too_large])


@EXAMPLES_SETTINGS
@given(data=mutations(EXPORT, "json"))
def test_a_mutated_plain_export(data):
    _export_trial(data, functools.partial(_plain_document, data))


@EXAMPLES_SETTINGS
@given(data=st.data())
def test_a_mutated_sealed_export(data):
    file = data.draw(sealed_mutation(EXPORT, _sealed_export))
    _export_trial(file, functools.partial(_sealed_document, file))


@EXAMPLES_SETTINGS
@given(data=mutations(SHARE, "json"))
def test_a_mutated_plain_share_file(data):
    _trial(data, "share.json", _receive, share.ShareError)


@EXAMPLES_SETTINGS
@given(data=sealed_mutation(SHARE, _sealed_share))
def test_a_mutated_sealed_share_file(data):
    _trial(data, "share.json", _receive, share.ShareError)


@EXAMPLES_SETTINGS
@given(data=mutations(_key_file(), "json"))
def test_a_mutated_key_file(data):
    _trial(data, "key", _open_key, StoreLocked)


@EXAMPLES_SETTINGS
@given(data=mutations(DAYLIO, "csv"))
def test_a_mutated_daylio_export(data):
    _trial(data, "daylio_export.csv", _bring_in_daylio, ImportProblem)


@EXAMPLES_SETTINGS
@given(data=mutations(GENERIC, "csv"))
def test_a_mutated_mood_csv(data):
    _trial(data, "moods.csv", _bring_in_generic, ImportProblem)


def test_the_genuine_files_come_in_whole():
    def came_in(outcome: str) -> None:
        assert outcome == "came in"

    _trial(EXPORT, "export.json",
           functools.partial(_import_export, document=functools.partial(_plain_document,
                                                                        EXPORT)),
           StoreError, came_in)
    _trial(SHARE, "share.json", _receive, share.ShareError, came_in)
    _trial(_sealed_share(SHARE), "share.json", _receive, share.ShareError, came_in)
    with tempfile.TemporaryDirectory() as folder:
        journal = Path(folder) / "journal.sqlite3"
        keys.key_path(journal).write_bytes(_key_file())
        assert keys.open_with_passphrase(journal, PASSPHRASE) == DATA_KEY
    assert len(read_daylio(DAYLIO).rows) == 4
    assert len(read_generic(GENERIC, date_column="date", mood_column="mood").rows) == 3
