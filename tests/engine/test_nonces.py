"""Data nonces come from the OS a page at a time (app/engine/nonces.py): never repeated,
not in a forked child either, whatever the length asked for."""

from __future__ import annotations

import os

from app.engine.nonces import NoncePool


def test_nonces_do_not_repeat_across_refills() -> None:
    pool = NoncePool()
    nonces = [pool(12) for _ in range(5000)]  # ~15 refills of 4 KiB
    assert len(set(nonces)) == len(nonces)
    assert all(len(n) == 12 for n in nonces)


def test_lengths_beyond_a_page_and_the_source_is_the_one_given() -> None:
    calls: list[int] = []

    def source(n: int) -> bytes:
        calls.append(n)
        return (bytes(range(256)) * (n // 256 + 1))[:n]

    pool = NoncePool(source)
    assert len(pool(10_000)) == 10_000
    assert pool(4) == bytes(range(4)) and calls == [10_000, 4096]


def test_a_forked_child_never_reuses_the_parents_buffer() -> None:
    pool = NoncePool()
    pool(12)  # the buffer holds 4 KiB of unread randomness now
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its next nonce, to the parent
        os.close(read)
        os.write(write, pool(12))
        os._exit(0)
    os.close(write)
    child = os.read(read, 12)
    os.close(read)
    os.waitpid(pid, 0)
    assert len(child) == 12
    assert child != pool(12), "the child drew the parent's next nonce"
