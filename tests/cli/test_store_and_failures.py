"""The command line's side of issue 13: ``keyferry check``, no traceback anywhere (each case
one ``error`` line and a non-zero exit), no secret on argv for ``encrypt-datakey``, and
``profile save`` / ``--insecure-http``."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import keyring
import keyring.errors
import pytest

from tests.cli.conftest import Run
from tests.helpers import MemoryKeyring

ROOT = Path(__file__).resolve().parents[2]


def keyferry(
    tmp_path: Path, *argv: str | bytes, env: dict[str, str] | None = None, **kwargs
) -> subprocess.CompletedProcess[bytes]:
    """``keyferry`` as a process of its own, on the test's store."""
    environment = os.environ | {
        "KEYFERRY_DATA_DIR": str(tmp_path / "store"),
        "KEYFERRY_MASTER_KEY_FILE": str(tmp_path / "master.key"),
    }
    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *argv],
        stderr=subprocess.PIPE,
        check=False,
        cwd=ROOT,
        env=environment | (env or {}),
        timeout=120,
        **kwargs,
    )


# --------------------------------------------------------------------------- check


def test_check_says_a_whole_store_is_whole(run: Run) -> None:
    run("create-key", "--alias", "a", "--origin", "kms")
    run("create-key", "--alias", "b")
    code, out, err = run("check")
    assert code == 0, err
    assert "2 keys read, 1 sealed values opened." in out and "No problems found." in out
    code, out, _ = run("check", "--json")
    report = json.loads(out)
    assert code == 0 and report["problems"] == [] and report["keys"] == 2


def test_check_says_what_is_damaged_and_fails(run: Run, tmp_path: Path) -> None:
    """The issue's case: bytes flipped in the file, and the store still opened and listed a
    part of its keys with exit status 0. ``check`` lists the damage and exits 1."""
    from app.engine import FileMasterKey, LocalKms
    from app.model.keys import KeyState
    from tests.seeding import SeedKey, seed

    run("create-key", "--alias", "first", "--origin", "kms")
    with LocalKms.open(
        tmp_path / "store",
        master_key_source=FileMasterKey(tmp_path / "master.key"),
        background=False,
        pool_size=0,
    ) as kms:
        seed(kms, [SeedKey(alias=f"bulk-{i}", state=KeyState.ENABLED) for i in range(2000)])
    path = tmp_path / "store" / "keyferry.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'keys_by_project'")
        offset = (root.fetchone()[0] - 1) * size
    with path.open("r+b") as handle:
        handle.seek(offset + 8)
        handle.write(bytes(range(256)) * 2)
    code, out, err = run("check")
    assert code == 1
    assert "problem: SQLite: " in out
    assert err.startswith("error KMS.0102: The key store is damaged:") and "backup" in err


def test_check_on_no_store_creates_none(run: Run, tmp_path: Path) -> None:
    code, _, err = run("check")
    assert code == 1 and err.startswith("error KMS.0102: There is no key store in")
    assert not (tmp_path / "store").exists()


# ------------------------------------------------------------------ no tracebacks


@pytest.mark.parametrize(
    ("tz", "when"),
    [("Asia/Shanghai", "0001-01-01T00:00"), ("America/New_York", "9999-12-31T23:59:59")],
)
def test_an_expiry_outside_the_calendar_is_an_error_line(tmp_path: Path, tz: str, when: str):
    key = "00000000-0000-4000-8000-000000000000"
    (tmp_path / "f").write_bytes(b"x" * 256)
    args = ["import-key-material", key, "--material", str(tmp_path / "f")]
    child = keyferry(
        tmp_path, *args, "--token", str(tmp_path / "f"), "--expires-at", when, env={"TZ": tz}
    )
    _one_error_line(child, "error KMS.2602: ")


def test_a_file_or_proc_self_as_data_dir_is_an_error_line(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    for folder in (tmp_path / "a-file", Path("/proc/self")):
        child = keyferry(tmp_path, "--data-dir", str(folder), "list-keys")
        _one_error_line(child, "error KMS.0102: ")


def test_output_to_a_full_disk_is_an_error_line(tmp_path: Path) -> None:
    keyferry(tmp_path, "create-key", "--alias", "a")
    with open("/dev/full", "wb") as full:
        child = keyferry(tmp_path, "list-keys", stdout=full)
    _one_error_line(child, "error: No space left on device")


@pytest.mark.parametrize(
    "argv",
    [
        [b"create-key", b"--alias", b"a", b"--description", b"\xff"],
        [b"create-key", b"--alias", b"caf\xe9"],
        [b"create-key", b"--alias", b"a", b"--tag", b"env=\xfe\xff"],
    ],
)
def test_an_argument_that_is_not_utf8_is_a_kms_error(tmp_path: Path, argv) -> None:
    child = keyferry(tmp_path, *argv)
    _one_error_line(child, "error KMS.0308: ")
    assert b"not UTF-8 text" in child.stderr
    listed = keyferry(tmp_path, "--json", "list-keys")
    assert listed.returncode == 0 and json.loads(listed.stdout)["total"] == 0


def test_a_file_name_that_is_not_utf8_is_fine(tmp_path: Path) -> None:
    key = json.loads(
        keyferry(tmp_path, "--json", "create-key", "--alias", "k", "--origin", "kms").stdout
    )["key_id"]
    plain = tmp_path / "plain"
    plain.write_bytes(b"data")
    out = os.fsencode(tmp_path) + b"/cipher-\xff.txt"
    child = keyferry(tmp_path, "encrypt-data", key, "--in", str(plain), "--out", out)
    assert child.returncode == 0, child.stderr
    assert os.path.exists(out)


def _one_error_line(child: subprocess.CompletedProcess[bytes], start: str) -> None:
    err = child.stderr.decode("utf-8", "replace")
    assert child.returncode != 0
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert err.startswith(start) and err.count("\n") == 1, err


# --------------------------------------------------------------- encrypt-datakey


def test_encrypt_datakey_reads_the_key_from_a_file_or_stdin(tmp_path: Path) -> None:
    key = json.loads(
        keyferry(tmp_path, "--json", "create-key", "--alias", "k", "--origin", "kms").stdout
    )["key_id"]
    datakey = os.urandom(32).hex()
    (tmp_path / "dk.hex").write_text(datakey + "\n")
    ciphers = [
        keyferry(tmp_path, "--json", "encrypt-datakey", key, "--in", str(tmp_path / "dk.hex")),
        keyferry(tmp_path, "--json", "encrypt-datakey", key, "--in", "-", input=datakey.encode()),
    ]
    for child in ciphers:
        assert child.returncode == 0, child.stderr
        assert datakey.encode() not in child.stdout + child.stderr
        cipher = json.loads(child.stdout)["cipher_text"]
        opened = keyferry(tmp_path, "--json", "decrypt-datakey", key, cipher)
        assert json.loads(opened.stdout)["data_key"] == datakey


def test_encrypt_datakey_refuses_the_key_on_argv_without_echoing_it(tmp_path: Path) -> None:
    datakey = os.urandom(32).hex()
    (tmp_path / "dk.hex").write_text(datakey)
    key = "00000000-0000-4000-8000-000000000000"
    child = keyferry(tmp_path, "encrypt-datakey", key, datakey, "--in", str(tmp_path / "dk.hex"))
    assert child.returncode == 2 and b"not take the data key on the command line" in child.stderr
    assert datakey.encode() not in child.stderr + child.stdout
    child = keyferry(tmp_path, "encrypt-datakey", key, datakey)
    assert child.returncode == 2 and datakey.encode() not in child.stderr + child.stdout


def test_encrypt_datakey_says_what_is_wrong_with_its_input(tmp_path: Path) -> None:
    key = "00000000-0000-4000-8000-000000000000"
    (tmp_path / "dk.hex").write_text("not hex")
    child = keyferry(tmp_path, "encrypt-datakey", key, "--in", str(tmp_path / "dk.hex"))
    _one_error_line(child, "error KMS.2101: The data key must be hex.")
    child = keyferry(tmp_path, "encrypt-datakey", key, "--in", "-", input=b"a" * 5000)
    _one_error_line(child, "error KMS.2101: ")


# ------------------------------------------------------------------------ profiles


class RefusingKeyring(MemoryKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("the keyring refused")


def test_profile_save_with_a_refusing_keyring_leaves_no_profile(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KEYFERRY_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("KEYFERRY_SECRET_KEY", "the secret")
    previous = keyring.get_keyring()
    keyring.set_keyring(RefusingKeyring())
    try:
        code, _, err = run(
            "--endpoint",
            "https://kms.example.com",
            "--project-id",
            "p",
            "--access-key-id",
            "AK1",
            "profile",
            "save",
            "lab",
            "--no-check",  # the keyring's refusal, not the network's
        )
    finally:
        keyring.set_keyring(previous)
    assert code == 2 and "keyring" in err
    assert not (tmp_path / "config" / "profiles.json").exists()


def test_plain_http_to_another_machine_needs_insecure_http(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    monkeypatch.setenv("KEYFERRY_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("KEYFERRY_SECRET_KEY", "the secret")
    remote = ["--endpoint", "http://10.0.0.5:8080", "--project-id", "p", "--access-key-id", "AK1"]
    code, _, err = run(*remote, "profile", "save", "lan")
    assert code == 2 and "must use https://" in err and "--insecure-http" in err
    assert not (tmp_path / "config" / "profiles.json").exists()
    code, _, err = run(*remote, "--insecure-http", "profile", "save", "lan", "--no-check")
    assert code == 0, err
    saved = json.loads((tmp_path / "config" / "profiles.json").read_text())["profiles"]["lan"]
    assert saved["insecure_http"] is True


def test_an_unexpected_failure_is_one_line_not_a_traceback(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug in a handler still ends in one error line and a non-zero exit."""
    from app.cli import store

    def broken(args: object) -> int:
        raise RuntimeError("a bug")

    monkeypatch.setattr(store, "check", broken)
    code, out, err = run("check")
    assert code == 70 and out == ""
    assert err == (
        "error: Keyferry failed unexpectedly (RuntimeError). Nothing more is known; please "
        "report it with the command you ran.\n"
    )
