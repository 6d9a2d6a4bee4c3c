"""What each device of the data path buys: encrypt-data of 64 bytes on one key, as shipped,
and with one device taken out at a time, against raw AES-256-GCM, in alternating windows of a
fifth of a second in one process (the machine's speed drifts; alternating shares the drift).

- ``no_key_cache``: every call reads its key's row and unseals its material (key_cache.py);
- ``audit_per_call``: every call writes its audit entry in a transaction of its own instead
  of the group commit of reads (audit.py);
- ``key_per_message``: a key derived for every message instead of every batch
  (message_keys.py);
- ``no_change_check``: the cache trusted without asking SQLite whether anything committed
  (watch.py). Unsafe, never shipped: it bounds what any cheaper change detection could buy.

    .venv/bin/python -m tests.benchmarks.datapath_bench [--rounds 10]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from unittest import mock

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.engine import DEFAULT_PROJECT, FileMasterKey, LocalKms
from app.engine.audit import AuditLog
from app.engine.key_cache import Entries, KeyCache
from app.engine.message_keys import MessageKeys
from app.engine.watch import ChangeWatch
from tests.benchmarks.stats import calls_within

P = DEFAULT_PROJECT
VARIANTS = ("engine", "no_key_cache", "audit_per_call", "key_per_message", "no_change_check")


def _always_empty(self: KeyCache) -> Entries:
    return Entries(self._watch.token())


def _audit_now(
    self: AuditLog,
    *,
    operation: str,
    project_id: str | None,
    key_id: str | None,
    time_ms: int | None = None,
) -> None:
    self.append(operation=operation, project_id=project_id, key_id=key_id)


@contextlib.contextmanager
def _without(variant: str, kms: LocalKms) -> Iterator[None]:
    patches = {
        "no_key_cache": lambda: mock.patch.object(KeyCache, "current", _always_empty),
        "audit_per_call": lambda: mock.patch.object(AuditLog, "append_later", _audit_now),
        "key_per_message": lambda: mock.patch.object(
            MessageKeys, "__init__", _per_message(MessageKeys.__init__)
        ),
        "no_change_check": lambda: mock.patch.object(ChangeWatch, "token", lambda self: 0),
    }
    with patches[variant]() if variant in patches else contextlib.nullcontext():
        kms._usable.clear()  # keys cached under another variant are made again
        yield


def _per_message(init: Callable[..., None]) -> Callable[..., None]:
    def one_message_each(self: MessageKeys, material: bytes, **kwargs: object) -> None:
        init(self, material, **{**kwargs, "messages_per_key": 1})

    return one_message_each


def bench_datapath(quick: bool, rounds: int | None = None) -> dict[str, float]:
    rounds = rounds or (4 if quick else 10)
    data, raw = os.urandom(64), AESGCM(os.urandom(32))
    totals = {name: [0, 0.0] for name in ("raw", *VARIANTS)}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        kms = LocalKms.open(
            folder / "store", master_key_source=FileMasterKey(folder / "key"), background=False
        )
        try:
            key = kms.create_key(project_id=P, key_alias="bench", origin="kms").key_id

            def encrypt() -> None:
                kms.encrypt_data(project_id=P, key_id=key, plain_text=data)

            names = list(totals)
            for n in range(rounds):
                for name in names[n % len(names) :] + names[: n % len(names)]:
                    kms.flush()
                    with _without(name, kms):
                        start = time.perf_counter()
                        if name == "raw":
                            count = calls_within(
                                lambda: raw.encrypt(os.urandom(12), data, None), seconds=0.2
                            )
                        else:
                            count = calls_within(encrypt, seconds=0.2)
                            kms.flush()  # the window's audit entries on disk, in its time
                        totals[name][0] += count
                        totals[name][1] += time.perf_counter() - start
        finally:
            kms.close()
    rate = {name: count / took for name, (count, took) in totals.items()}
    return {f"datapath_{name}_of_raw": rate[name] / rate["raw"] for name in VARIANTS}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    for metric, value in bench_datapath(False, args.rounds).items():
        print(f"  {metric:<36} {value:8.3f}")
    sys.exit(0)
