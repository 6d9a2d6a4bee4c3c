"""Without a system keyring, the command line says the exact commands to run, with a
proposed master-key file, and ``keyferry init --master-key-file PATH`` creates the store
with its key there. Real processes, with keyring's own "no backend" (fail) keyring."""

from __future__ import annotations

import json
import os
import shlex
import stat
import subprocess
import sys
from pathlib import Path

import pytest


def _env(tmp_path: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "KEYFERRY_CONFIG_DIR": str(tmp_path / "config"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    env.pop("KEYFERRY_MASTER_KEY_FILE", None)
    env.pop("KEYFERRY_DATA_DIR", None)
    return env


def _run(argv: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *argv], env=env, capture_output=True, text=True
    )


def _quoted(stderr: str, starting: str) -> list[str]:
    """The command quoted in the error that starts with ``starting``."""
    start = stderr.index(f"'{starting}")
    return shlex.split(stderr[start + 1 : stderr.index("'", start + 1)])


def test_no_keyring_names_the_init_command_and_it_works(tmp_path: Path) -> None:
    env, store = _env(tmp_path), tmp_path / "store"
    refused = _run(["--data-dir", str(store), "create-key", "--alias", "a"], env)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    init = _quoted(refused.stderr, "keyferry --data-dir")
    key_file = Path(init[init.index("--master-key-file") + 1])
    assert init[3] == "init" and key_file.parent == tmp_path / "config"
    again = _quoted(refused.stderr, "keyferry --master-key-file")
    assert again[-3:] == ["create-key", "--alias", "a"]
    again.append("--json")
    created = _run(init[1:], env)
    assert created.returncode == 0, created.stderr
    assert f"its master key is in the master-key file {key_file}" in created.stdout
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(key_file.parent.stat().st_mode) == 0o700
    done = _run(again[1:], env)
    assert done.returncode == 0, done.stderr
    key = _run(
        [
            "--data-dir",
            str(store),
            "--master-key-file",
            str(key_file),
            "--json",
            "describe-key",
            json.loads(done.stdout)["key_id"],
        ],
        env,
    )
    assert json.loads(key.stdout)["key_alias"] == "a"


def test_an_existing_store_without_its_key_file_is_told_to_name_it(tmp_path: Path) -> None:
    env, store = _env(tmp_path), tmp_path / "store"
    key_file = tmp_path / "mine.key"
    assert (
        _run(["--data-dir", str(store), "init", "--master-key-file", str(key_file)], env).returncode
        == 0
    )
    refused = _run(["--data-dir", str(store), "list-keys"], env)
    assert refused.returncode == 2
    assert f"the store in {store} already has a master key" in refused.stderr
    assert "'keyferry --master-key-file " in refused.stderr


def test_init_refuses_a_folder_that_holds_a_store(tmp_path: Path) -> None:
    env, store = _env(tmp_path), tmp_path / "store"
    key_file = tmp_path / "mine.key"
    argv = ["--data-dir", str(store), "init", "--master-key-file", str(key_file)]
    assert _run(argv, env).returncode == 0
    before = key_file.read_bytes()
    other = tmp_path / "other.key"
    refused = _run([*argv[:-1], str(other)], env)
    assert refused.returncode == 2 and "holds a key store already" in refused.stderr
    assert not other.exists() and key_file.read_bytes() == before


@pytest.mark.parametrize("mode", [0o644, 0o640])
def test_init_refuses_a_key_file_others_can_read(tmp_path: Path, mode: int) -> None:
    key_file = tmp_path / "loose.key"
    key_file.write_text("A" * 43 + "=\n")
    key_file.chmod(mode)
    refused = _run(
        ["--data-dir", str(tmp_path / "s"), "init", "--master-key-file", str(key_file)],
        _env(tmp_path),
    )
    assert refused.returncode == 2
    assert "can be read by other users" in refused.stderr and "chmod 600" in refused.stderr
