"""Crash consistency (issue 7): a child process runs imports and lifecycle operations in a
loop and is killed with SIGKILL at random moments, 30 times in CI (200 with ``--long``).
After each kill the store opens, ``PRAGMA integrity_check`` is ok, every key is in a state
its material allows, and no key is half imported (every stored material unseals and matches
its KCV)."""

from __future__ import annotations

import base64
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from app.engine import DEFAULT_PROJECT, FileMasterKey, LocalKms
from tests.helpers import scale
from tests.reliability.invariants import check_store

ROOT = Path(__file__).resolve().parents[2]


def test_sigkill_at_random_moments_never_corrupts_the_store(tmp_path) -> None:
    store, key_file = tmp_path / "store", tmp_path / "master.key"
    LocalKms.open(
        store, master_key_source=FileMasterKey(key_file), background=False, pool_size=0
    ).close()
    master_key = base64.b64decode(key_file.read_text())
    rng = random.Random(7)
    kills = scale(30, 200)
    totals: dict[str, int] = {}
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
    print(f"{kills} kills; keys by state at the end: {totals}")
