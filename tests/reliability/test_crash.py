"""Crash consistency (issue 7): a child process runs imports and lifecycle operations in a
loop and is killed with SIGKILL at random moments, 30 times in CI (200 with ``--long``).
After each kill the store opens, ``PRAGMA integrity_check`` is ok, every key is in a state
its material allows, and no key is half imported (every stored material unseals and matches
its KCV). And nothing acknowledged is lost: every step a child printed as done is in the
store (the key's state, material and KCV, tags, and the change's audit entry), for every
child so far; only the step in flight when the kill came may be there or not."""

from __future__ import annotations

import base64
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from app.engine import DEFAULT_PROJECT, FileMasterKey, LocalKms
from tests.helpers import scale
from tests.reliability.crash_child import AFTER
from tests.reliability.invariants import check_store

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Acked:
    """What the children acknowledged of one key."""

    step: int = -1
    kcv: str = ""
    changes: Counter[str] = field(default_factory=Counter)  # audit operation -> times
    in_flight: bool = False  # its child was killed between this step and the next


def read_acks(output: str, ledger: dict[str, Acked]) -> None:
    """The complete ``ack`` lines of a killed child. A line cut short by the kill is not one:
    its step is covered as in flight (the same key's next step, or a new key not yet acked)."""
    last = None
    for line in output.split("\n")[:-1]:  # the last piece: "" or a line cut short
        words = line.split()
        if words[:1] != ["ack"]:
            continue
        key_id, step = words[1], int(words[2])
        acked = ledger.setdefault(key_id, Acked())
        acked.step = step
        acked.kcv = words[3] if len(words) > 3 else acked.kcv
        if AFTER[step][1] is not None:
            acked.changes[AFTER[step][1]] += 1
        last = acked
    if last is not None:
        last.in_flight = True


def check_nothing_lost(path: Path, ledger: dict[str, Acked], pid: int) -> None:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        keys = {
            key_id: (state, kcv, alias)
            for key_id, state, kcv, alias in conn.execute(
                "SELECT key_id, state, kcv, alias FROM keys"
            )
        }
        tags: dict[str, set[str]] = {}
        for key_id, tag_key in conn.execute("SELECT key_id, tag_key FROM tags"):
            tags.setdefault(key_id, set()).add(tag_key)
        audited = Counter(
            {
                (operation, key_id): count
                for operation, key_id, count in conn.execute(
                    "SELECT operation, key_id, count(*) FROM audit "
                    "WHERE result = 'ok' AND read = 0 GROUP BY operation, key_id"
                )
            }
        )
    finally:
        conn.close()
    for key_id, acked in ledger.items():
        assert key_id in keys, f"an acknowledged key is gone: {key_id}"
        state, kcv, _ = keys[key_id]
        found = (state, kcv is not None, frozenset(tags.get(key_id, ())))
        allowed = [AFTER[acked.step][2:]]
        if acked.in_flight and acked.step + 1 < len(AFTER):
            allowed.append(AFTER[acked.step + 1][2:])
        assert found in allowed, f"{key_id}: acknowledged step {acked.step}, store has {found}"
        if kcv is not None and acked.kcv:
            assert kcv == acked.kcv, f"{key_id} holds material other than acknowledged"
        for operation, times in acked.changes.items():
            assert audited[(operation, key_id)] >= times, f"{key_id}: {operation} not audited"
    unacked = [k for k, (_, _, a) in keys.items() if k not in ledger and a.startswith(f"k{pid}-")]
    assert len(unacked) <= 1, "only the key being created when the kill came lacks an ack"
    for key_id in unacked:
        assert (keys[key_id][:2], tags.get(key_id)) == ((5, None), {"run"}), key_id


def test_sigkill_at_random_moments_never_corrupts_the_store(tmp_path) -> None:
    store, key_file = tmp_path / "store", tmp_path / "master.key"
    LocalKms.open(
        store, master_key_source=FileMasterKey(key_file), background=False, pool_size=0
    ).close()
    master_key = base64.b64decode(key_file.read_text())
    rng = random.Random(7)
    kills = scale(30, 200)
    totals: dict[str, int] = {}
    ledger: dict[str, Acked] = {}
    for _ in range(kills):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.crash_child", str(store), str(key_file)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout and child.stdout.readline().strip() == "ready", (
            child.stderr.read() if child.stderr else ""
        )
        time.sleep(rng.uniform(0.0, 0.4))
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
        assert child.returncode == -signal.SIGKILL, "the worker died before the kill: " + (
            child.stderr.read() if child.stderr else ""
        )
        totals = check_store(store / "keyferry.sqlite3", master_key)
        read_acks(child.stdout.read(), ledger)
        check_nothing_lost(store / "keyferry.sqlite3", ledger, child.pid)
    # after all the kills the engine opens the store and works
    kms = LocalKms.open(
        store, master_key_source=FileMasterKey(key_file), background=False, pool_size=0
    )
    try:
        keys = kms.list_keys(project_id=DEFAULT_PROJECT).keys
        assert keys, "the workers got work done between kills"
        usable = [k for k in keys if k.state.value in (2, 3)]
        assert usable, "some keys completed an import between kills"
        for key in usable[:5]:
            if key.state.value == 3:
                kms.enable_key(project_id=DEFAULT_PROJECT, key_id=key.key_id)
            blob = kms.encrypt_data(
                project_id=DEFAULT_PROJECT, key_id=key.key_id, plain_text=b"after the crashes"
            )
            assert (
                kms.decrypt_data(project_id=DEFAULT_PROJECT, cipher_text=blob)[1]
                == b"after the crashes"
            )
    finally:
        kms.close()
    acked = sum(a.step + 1 for a in ledger.values())
    print(f"{kills} kills; {acked} steps acknowledged and kept; keys by state: {totals}")


def test_a_line_cut_short_by_the_kill_acknowledges_nothing() -> None:
    ledger: dict[str, Acked] = {}
    read_acks("ack k1 0 \nack k1 1 \nack k1 2 AB", ledger)  # "AB" is a KCV cut in half
    assert (ledger["k1"].step, ledger["k1"].kcv, ledger["k1"].in_flight) == (1, "", True)
