"""Export then import gives back every entry exactly, whatever text it holds."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from examples import EXAMPLES, missing_kinds, with_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbook.models.base import SHORT_TEXT
from workbook.store import Store

AWKWARD = ["NA", "None", "null", "n/a", "", " ", "\r\n", "<b>bold</b>", "שלום", "👋🏽",
           "a\tb", "‮reversed", "\\u0000", "💔" * 100]

storable_text = st.one_of(
    st.sampled_from(AWKWARD),
    st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"),
            max_size=SHORT_TEXT // 4),
)
# Within the times an export may hold: from 1970 up to tomorrow.
moments = st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2025, 12, 31),
                       timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=-7)),
                                                  dt.timezone(dt.timedelta(hours=5, minutes=30))]))


def _empty_journal() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        Store(Path(folder) / "journal.sqlite3").close()
        return (Path(folder) / "journal.sqlite3").read_bytes()


# Each example starts from copies of one new journal: making two journals afresh for
# each of a thousand examples took about half the test's time.
EMPTY = _empty_journal()


def _new_journal(folder: Path) -> Store:
    folder.mkdir(mode=0o700)
    path = folder / "journal.sqlite3"
    path.write_bytes(EMPTY)
    path.chmod(0o600)
    return Store(path)


def test_every_kind_has_an_example():
    assert missing_kinds() == set()


@settings(max_examples=1000, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(kind=st.sampled_from(sorted(EXAMPLES)), text=storable_text, at=moments,
       profile=st.sampled_from(["me", "partner"]))
def test_json_export_and_import_round_trip_every_kind(kind, text, at, profile):
    entry = with_text(EXAMPLES[kind], text)
    with tempfile.TemporaryDirectory() as folder:
        source = _new_journal(Path(folder) / "a")
        target = _new_journal(Path(folder) / "b")
        try:
            original = source.add(entry, profile=profile, at=at)
            exported = source.export_json(Path(folder) / "export.json")
            assert target.import_json(exported) == 1
            [copy] = target.entries()
            assert copy.entry == original.entry == entry
            assert (copy.profile, copy.kind, copy.strategy, copy.created_at, copy.day) == (
                original.profile, original.kind, original.strategy, original.created_at,
                original.day)
        finally:
            source.close()
            target.close()
