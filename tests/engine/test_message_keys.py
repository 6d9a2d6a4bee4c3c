"""Data is sealed under keys derived per batch (app/engine/message_keys.py): no derived key
seals more than its limit of messages, whatever the threads do; every message opens, whatever
batch sealed it; the material itself encrypts nothing; data sealed before message keys opens."""

from __future__ import annotations

import os
import threading
from collections import Counter

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.engine.message_keys import MESSAGES_PER_KEY, NONCE_LEN, SALT_LEN, MessageKeys, derive


def salts(sealed: list[bytes]) -> Counter[bytes]:
    return Counter(s[:SALT_LEN] for s in sealed)


def test_a_derived_key_seals_at_most_its_limit_then_a_new_salt_takes_over() -> None:
    keys = MessageKeys(os.urandom(32), messages_per_key=10)
    sealed = [keys.seal(b"m%d" % n, None) for n in range(95)]
    per_salt = salts(sealed)
    assert len(per_salt) == 10 and max(per_salt.values()) == 10
    assert [keys.open(s, None) for s in sealed] == [b"m%d" % n for n in range(95)]


def test_threads_sealing_at_once_never_pass_the_limit() -> None:
    keys = MessageKeys(os.urandom(32), messages_per_key=7)
    sealed: list[list[bytes]] = [[] for _ in range(4)]

    def work(out: list[bytes]) -> None:
        out.extend(keys.seal(b"x", None) for _ in range(2000))

    threads = [threading.Thread(target=work, args=(out,)) for out in sealed]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    every = [s for out in sealed for s in out]
    assert max(salts(every).values()) <= 7
    nonces = {s[: SALT_LEN + NONCE_LEN] for s in every}
    assert len(nonces) == len(every) == 8000


def test_the_material_itself_encrypts_nothing() -> None:
    material = os.urandom(32)
    sealed = MessageKeys(material).seal(b"secret", b"aad")
    salt, nonce, body = sealed[:SALT_LEN], sealed[SALT_LEN:28], sealed[28:]
    with pytest.raises(InvalidTag):
        AESGCM(material).decrypt(nonce, body, b"aad")
    assert derive(material, salt).decrypt(nonce, body, b"aad") == b"secret"


def test_a_message_of_another_batch_or_process_opens() -> None:
    material = os.urandom(32)
    earlier = MessageKeys(material).seal(b"kept", None)
    assert MessageKeys(material).open(earlier, None) == b"kept"
    with pytest.raises(InvalidTag):
        MessageKeys(os.urandom(32)).open(earlier, None)


def test_data_sealed_under_the_material_itself_still_opens() -> None:
    material, nonce = os.urandom(32), os.urandom(NONCE_LEN)
    old = nonce + AESGCM(material).encrypt(nonce, b"from before", b"\x01ctx")
    assert MessageKeys(material).open_unsalted(old, b"\x01ctx") == b"from before"


def test_the_limit_stays_far_inside_nists_bound() -> None:
    assert MESSAGES_PER_KEY <= 2**32 // 256
