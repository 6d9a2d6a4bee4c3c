"""Data nonces come from the OS a page at a time (app/engine/nonces.py): never repeated,
not in a forked child either, whatever the length asked for."""

from __future__ import annotations

import os
import threading

from app.engine.nonces import NoncePool


def test_nonces_do_not_repeat_across_refills() -> None:
    pool = NoncePool()
    nonces = [pool(12) for _ in range(5000)]  # ~15 refills of 4 KiB
    assert len(set(nonces)) == len(nonces)
    assert all(len(n) == 12 for n in nonces)


def test_the_pools_length_comes_from_a_page_and_other_lengths_from_the_source() -> None:
    calls: list[int] = []

    def source(n: int) -> bytes:
        calls.append(n)
        return os.urandom(n)

    pool = NoncePool(12, source)
    first = pool(12)
    assert len(first) == 12 and calls == [4092]  # 341 nonces of 12 bytes
    assert len(pool(10_000)) == 10_000 and calls == [4092, 10_000]
    taken = {first} | {pool(12) for _ in range(340)}
    assert len(taken) == 341 and calls == [4092, 10_000]  # the page, cut into 341 nonces
    pool(12)
    assert calls == [4092, 10_000, 4092]


def test_threads_taking_nonces_at_once_never_get_the_same_one() -> None:
    pool = NoncePool()
    results: list[list[bytes]] = [[] for _ in range(4)]

    def take(into: list[bytes]) -> None:
        for _ in range(20_000):
            into.append(pool(12))

    threads = [threading.Thread(target=take, args=(r,)) for r in results]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    every = [nonce for r in results for nonce in r]
    assert len(every) == 80_000 and len(set(every)) == 80_000


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


def test_a_pool_of_nonces_longer_than_a_page_still_gives_fresh_ones() -> None:
    pool = NoncePool(5000)
    first, second = pool(5000), pool(5000)
    assert len(first) == len(second) == 5000 and first != second
