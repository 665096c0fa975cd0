from __future__ import annotations

import json

import pytest

from workbook import sealed

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
