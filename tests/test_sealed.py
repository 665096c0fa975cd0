from __future__ import annotations

import json

import pytest
from apart import run_apart
from examples import EXAMPLES

from workbook import sealed, share
from workbook.models import CheckIn
from workbook.store import Store, keys

FAST = sealed.KdfSettings(time_cost=1, memory_kib=8 * 1024, parallelism=1)


def test_a_sealed_envelope_opens_with_its_secret_and_holds_no_plain_text():
    envelope = sealed.seal(b"canary-note-7731", "correct horse", purpose="test", settings=FAST)
    assert b"canary-note-7731" not in json.dumps(envelope).encode()
    assert sealed.unseal(envelope, "correct horse", purpose="test") == b"canary-note-7731"


def test_a_wrong_secret_is_told_apart_from_a_damaged_envelope():
    envelope = sealed.seal(b"x", "right", purpose="test", settings=FAST)
    with pytest.raises(sealed.WrongSecret):
        sealed.unseal(envelope, "wrong", purpose="test")
    with pytest.raises(sealed.BadEnvelope):
        sealed.unseal({**envelope, "format": "something else"}, "right", purpose="test")
    with pytest.raises(sealed.BadEnvelope):
        sealed.unseal({**envelope, "nonce": "not base64!"}, "right", purpose="test")
    with pytest.raises(sealed.BadEnvelope):
        sealed.unseal({**envelope, "version": 99}, "right", purpose="test")


def test_changed_bytes_and_a_different_purpose_are_refused():
    envelope = sealed.seal(b"secret data", "pass", purpose="share", settings=FAST)
    with pytest.raises(sealed.BadEnvelope):
        sealed.unseal(envelope, "pass", purpose="journal-key")
    data = bytearray(sealed._unb64(envelope["data"]))
    data[0] ^= 1
    with pytest.raises(sealed.WrongSecret):
        sealed.unseal({**envelope, "data": sealed._b64(bytes(data))}, "pass", purpose="share")


def test_settings_travel_with_the_envelope_so_they_can_be_raised_later():
    stronger = sealed.KdfSettings(time_cost=2, memory_kib=16 * 1024, parallelism=1)
    envelope = sealed.seal(b"x", "pass", purpose="test", settings=stronger)
    assert envelope["kdf"]["time_cost"] == 2 and envelope["kdf"]["memory_kib"] == 16 * 1024
    assert sealed.unseal(envelope, "pass", purpose="test") == b"x"


def test_each_seal_uses_a_fresh_salt_and_nonce():
    one = sealed.seal(b"same", "pass", purpose="test", settings=FAST)
    two = sealed.seal(b"same", "pass", purpose="test", settings=FAST)
    assert one["kdf"]["salt"] != two["kdf"]["salt"] and one["nonce"] != two["nonce"]


# -- settings read from a file are bounded, for every kind of sealed file -------------------

PASSPHRASE = "blue kettle at noon"


def _sealed_export(tmp_path):
    with Store(tmp_path / "mine" / "journal.sqlite3") as store:
        store.add(CheckIn(mood=6, insecurity=3, note="a canary"))
        path = store.export_sealed(tmp_path / "export.json", PASSPHRASE, kdf=FAST)

    def read():
        with Store(tmp_path / "theirs" / "journal.sqlite3") as other:
            return other.import_json(path, PASSPHRASE)

    return path, lambda document: document, read


def _share_file(tmp_path):
    with Store(tmp_path / "mine" / "journal.sqlite3") as store:
        goal = store.add(EXAMPLES["shared_goal"])
        made = share.build(store, [goal.id], "Sam")
    path = tmp_path / "share.json"
    # As `share.write` seals it, with cheap settings.
    path.write_text(json.dumps({"format": share.FORMAT, "version": share.VERSION,
                                "sealed": sealed.seal(share.file_text(made).encode(),
                                                      PASSPHRASE, purpose=share.PURPOSE,
                                                      settings=FAST)}))
    return path, lambda document: document["sealed"], lambda: share.read(
        path, passphrase=PASSPHRASE)


def _key_file(tmp_path):
    journal = tmp_path / "journal.sqlite3"
    path = keys.write(journal, keys.wrap(keys.new_data_key(), PASSPHRASE,
                                         keys.new_recovery_code(), settings=FAST))
    return path, lambda document: document["passphrase"], lambda: keys.open_with_passphrase(
        journal, PASSPHRASE)


FILES = {"sealed export": (_sealed_export, "StoreError"),
         "share file": (_share_file, "ShareError"),
         "key file": (_key_file, "KeyFileProblem")}


def _kdf(**changes):
    return lambda envelope: envelope["kdf"].update(changes)


# Each a change to a genuine envelope that must be refused before any key is derived.
OUT_OF_BOUNDS = {
    "2³²−1 passes": _kdf(time_cost=2**32 - 1),
    "11 passes": _kdf(time_cost=11),
    "no passes": _kdf(time_cost=0),
    "passes as text": _kdf(time_cost="3"),
    "passes as true": _kdf(time_cost=True),
    "a terabyte": _kdf(memory_kib=2**30),
    "257 MiB": _kdf(memory_kib=257 * 1024),
    "too little memory for its lanes": _kdf(memory_kib=8, parallelism=2),
    "no lanes": _kdf(parallelism=0),
    "a thousand lanes": _kdf(parallelism=1000, memory_kib=8000),
    "too much work in all": _kdf(time_cost=10, memory_kib=256 * 1024),
    "an odd salt": _kdf(salt="c2FsdA=="),  # 4 bytes
    "a salt that is not base64": _kdf(salt="not base64!"),
    "a huge salt": _kdf(salt=sealed._b64(b"s" * 65)),
    "another derivation": _kdf(name="scrypt"),
    "a short nonce": lambda envelope: envelope.update(nonce=sealed._b64(b"n" * 8)),
    "a long nonce": lambda envelope: envelope.update(nonce=sealed._b64(b"n" * 64)),
    "another cipher": lambda envelope: envelope.update(cipher="aes-128-cbc"),
}


@pytest.mark.parametrize("change", sorted(OUT_OF_BOUNDS))
@pytest.mark.parametrize("kind", sorted(FILES))
def test_key_settings_out_of_bounds_are_refused_with_the_files_own_error(tmp_path, kind, change):
    make, error = FILES[kind]
    path, envelope_of, read = make(tmp_path)
    document = json.loads(path.read_text())
    OUT_OF_BOUNDS[change](envelope_of(document))
    path.write_text(json.dumps(document))
    # In a child: a file asking for 2³²−1 passes would otherwise never return.
    outcome = run_apart(read, seconds=20)
    assert outcome.finished, f"opening a {kind} with {change} was still running after 20 s"
    assert error in outcome.errors, (outcome.error, outcome.message)
    assert "HashingError" not in outcome.errors
    # The file is at fault, not the passphrase the person typed.
    assert "does not open" not in outcome.message
    assert outcome.message.endswith(".") and "Traceback" not in outcome.message
    assert outcome.seconds < 10


@pytest.mark.parametrize("kind", sorted(FILES))
def test_the_cheapest_and_the_dearest_settings_allowed_still_open(tmp_path, kind):
    make, _error = FILES[kind]
    _path, _envelope_of, read = make(tmp_path)
    assert run_apart(read).error == ""
    cheapest = sealed.KdfSettings(time_cost=1, memory_kib=8, parallelism=1)
    assert sealed.unseal(sealed.seal(b"x", "p", purpose="t", settings=cheapest), "p",
                         purpose="t") == b"x"
    with Store(tmp_path / "sharing" / "journal.sqlite3") as store:
        made = share.build(store, [store.add(EXAMPLES["gratitude"]).id], "Sam")
    written = share.write(made, tmp_path / "cheap.json", passphrase=PASSPHRASE, kdf=cheapest)
    assert json.loads(written.read_text())["sealed"]["kdf"]["memory_kib"] == 8
    assert share.read(written, passphrase=PASSPHRASE) == made
    dearest = sealed.KdfSettings(time_cost=4, memory_kib=256 * 1024, parallelism=8)
    envelope = sealed.seal(b"x", "p", purpose="t", settings=dearest)
    assert sealed.checked(envelope).settings == dearest


def test_settings_out_of_bounds_are_never_written():
    with pytest.raises(sealed.BadEnvelope, match="number of passes outside 1 to 10"):
        sealed.seal(b"x", "p", purpose="t",
                    settings=sealed.KdfSettings(time_cost=11, memory_kib=8, parallelism=1))
