"""Hostile files fed to the CLI (issue 7): a token as material, a PEM, an empty file, a
folder, a file that vanishes mid-read, a 2 GB file (refused by its size, never read), a path
without permission. Each gets a clear message with a code, and nothing changes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from app.cli import main

PEM = (
    b"-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n"
    b"-----END PUBLIC KEY-----\n"
)


@pytest.fixture
def setup(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("KEYFERRY_DATA_DIR", str(tmp_path / "store"))
    monkeypatch.setenv("KEYFERRY_MASTER_KEY_FILE", str(tmp_path / "master.key"))

    def run(*argv: str) -> tuple[int, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, err if code else out

    key = json.loads(run("--json", "create-key", "--alias", "k")[1])["key_id"]
    downloads = tmp_path / "dl"
    downloads.mkdir()
    run("get-parameters-for-import", key, "--out-dir", str(downloads))
    token = next(downloads.glob("importToken_*"))
    wrapping_key = next(downloads.glob("wrappingKey_*"))
    huge = tmp_path / "huge.bin"
    with huge.open("wb") as handle:
        handle.truncate(2 * 1024**3)
    files = {
        "token": token,
        "wrapping key": wrapping_key,
        "folder": downloads,
        "huge": huge,
        "missing": tmp_path / "nothing-here",
    }
    for name, data in (("pem", PEM), ("empty", b""), ("plaintext", os.urandom(32))):
        files[name] = tmp_path / name
        files[name].write_bytes(data)
    return run, key, files


CASES = {
    "token": ("KMS.0311", "could not be unwrapped"),
    "wrapping key": ("KMS.0311", "could not be unwrapped"),
    "pem": ("KMS.0311", "could not be unwrapped"),
    "empty": ("KMS.0311", "could not be unwrapped"),
    "plaintext": ("KMS.0311", "could not be unwrapped"),
    "folder": ("KMS.0308", "is a folder"),
    "huge": ("KMS.0308", "was not read"),
    "missing": ("KMS.0308", "does not exist"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_material_files(setup, name) -> None:
    run, key, files = setup
    code, err = run(
        "import-key-material",
        key,
        "--material",
        str(files[name]),
        "--token",
        str(files["token"]),
        "--never-expires",
    )
    expected_code, says = CASES[name]
    assert code == 1 and err.startswith(f"error {expected_code}:") and says in err, err
    assert json.loads(run("--json", "describe-key", key)[1])["key_state"] == "5"


@pytest.mark.parametrize(
    "name", ["pem", "empty", "plaintext", "wrapping key", "folder", "huge", "missing"]
)
def test_hostile_token_files(setup, name) -> None:
    run, key, files = setup
    code, err = run(
        "import-key-material",
        key,
        "--material",
        str(files["plaintext"]),
        "--token",
        str(files[name]),
        "--never-expires",
    )
    assert code == 1 and (err.startswith("error KMS.2605:") or "KMS.0308" in err), err
    assert json.loads(run("--json", "describe-key", key)[1])["key_state"] == "5"


@pytest.mark.parametrize("name", ["token", "pem", "empty", "folder", "huge", "missing"])
def test_hostile_wrapping_key_files(setup, name, tmp_path) -> None:
    run, _, files = setup
    code, err = run(
        "wrap",
        "--wrapping-key",
        str(files[name]),
        "--algorithm",
        "RSAES_OAEP_SHA_256",
        "--material",
        str(files["plaintext"]),
        "--out",
        str(tmp_path / "out.bin"),
    )
    assert code == 1 and "KMS.0308" in err, err
    assert not (tmp_path / "out.bin").exists()


def test_a_file_without_permission(setup, tmp_path) -> None:
    """As root, run the CLI without capabilities (setpriv) so file modes apply."""
    import shutil

    _, key, files = setup
    locked = tmp_path / "locked.bin"
    locked.write_bytes(os.urandom(256))
    locked.chmod(0)
    argv = [
        sys.executable,
        "-m",
        "app.cli",
        "import-key-material",
        key,
        "--material",
        str(locked),
        "--token",
        str(files["token"]),
        "--never-expires",
    ]
    if os.geteuid() == 0:
        argv = [
            shutil.which("setpriv") or "setpriv",
            "--inh-caps=-all",
            "--bounding-set=-all",
            *argv,
        ]
    child = subprocess.run(argv, capture_output=True, text=True, check=False)
    assert child.returncode == 1
    assert "error KMS.0308: You do not have permission to read" in child.stderr


def test_a_file_that_vanishes_mid_read(tmp_path, monkeypatch) -> None:
    """The file is there when checked and gone when opened: a clear message, no crash."""
    from pathlib import Path

    from app.material import files

    path = tmp_path / "vanishing.bin"
    path.write_bytes(os.urandom(32))
    real_open = Path.open

    def open_after_unlink(self, *args, **kwargs):
        if self == path:
            path.unlink()
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_after_unlink)
    with pytest.raises(files.FileProblem, match="removed while being read"):
        files.read_input(path, "what.material_file")
