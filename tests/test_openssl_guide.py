"""The console guide's own procedure with the CLI and the real openssl: download the import
items, run Table 2's commands exactly as printed, import; and the reverse, material wrapped by
``keyferry wrap`` decrypts with openssl and the engine's private key."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from app.cli import main
from app.engine import FileMasterKey, LocalKms
from app.material.recipes import openssl_recipe
from app.model.importing import WrappingAlgorithm

ALGORITHMS = list(WrappingAlgorithm)


@pytest.fixture
def cli(tmp_path, capsys, monkeypatch):
    if shutil.which("openssl") is None:
        pytest.fail("openssl is missing: install the Debian package openssl")
    monkeypatch.setenv("KEYFERRY_DATA_DIR", str(tmp_path / "store"))
    monkeypatch.setenv("KEYFERRY_MASTER_KEY_FILE", str(tmp_path / "master.key"))

    def run(*argv: str, expect: int = 0) -> dict | str:
        code = main(["--json", *argv])
        out, err = capsys.readouterr()
        assert code == expect, err
        return json.loads(out) if code == 0 and out.strip().startswith("{") else err

    return run


def download(cli, tmp_path: Path, algorithm: WrappingAlgorithm) -> tuple[str, dict, Path]:
    key = cli("create-key", "--alias", f"guide-{algorithm.value.lower()}")["key_id"]
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)
    items = cli(
        "get-parameters-for-import",
        key,
        "--wrapping-algorithm",
        algorithm.value,
        "--out-dir",
        str(work),
    )
    return key, items, work


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_guide_commands_import_and_the_key_encrypts(cli, tmp_path, algorithm) -> None:
    key, items, work = download(cli, tmp_path, algorithm)
    wrapping_key = Path(items["wrapping_key_file"]).name
    # Table 2, exactly as the guide and our README print it, run in the download folder
    for step in openssl_recipe(algorithm, wrapping_key):
        subprocess.run(step.command, shell=True, cwd=work, check=True, capture_output=True)
    assert (work / "EncryptedKeyMaterial.bin").stat().st_size == 256
    result = cli(
        "import-key-material",
        key,
        "--material",
        str(work / "EncryptedKeyMaterial.bin"),
        "--token",
        items["import_token_file"],
        "--never-expires",
    )
    assert result["key_state"] == "2"
    kcv = cli("kcv", "--material", str(work / "PlaintextKeyMaterial.bin"))["kcv"]
    assert result["kcv"] == kcv
    (tmp_path / "plain.txt").write_bytes(b"imported keys work like any other")
    cli("encrypt-data", key, "--in", str(tmp_path / "plain.txt"), "--out", str(tmp_path / "ct"))
    cli("decrypt-data", "--in", str(tmp_path / "ct"), "--out", str(tmp_path / "back.txt"))
    assert (tmp_path / "back.txt").read_bytes() == b"imported keys work like any other"


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_keyferry_wrap_decrypts_with_openssl_and_the_private_key(cli, tmp_path, algorithm) -> None:
    key, items, work = download(cli, tmp_path, algorithm)
    wrapped = cli(
        "wrap",
        "--wrapping-key",
        items["wrapping_key_file"],
        "--algorithm",
        algorithm.value,
        "--generate",
        str(work / "plain.bin"),
        "--out",
        str(work / "EncryptedKeyMaterial.bin"),
    )
    # the engine's private key, from inside the token (test-only access to the engine)
    kms = LocalKms.open(
        tmp_path / "store",
        master_key_source=FileMasterKey(tmp_path / "master.key"),
        background=False,
        pool_size=0,
    )
    token = Path(items["import_token_file"]).read_text()
    private = serialization.load_der_private_key(kms._tokens.open(token).private_key_der, None)
    kms.close()
    (work / "private.pem").write_bytes(
        private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    options = {
        WrappingAlgorithm.RSAES_OAEP_SHA_256: [
            "-pkeyopt",
            "rsa_padding_mode:oaep",
            "-pkeyopt",
            "rsa_oaep_md:sha256",
        ],
        WrappingAlgorithm.RSAES_OAEP_SHA_1: [
            "-pkeyopt",
            "rsa_padding_mode:oaep",
            "-pkeyopt",
            "rsa_oaep_md:sha1",
        ],
        WrappingAlgorithm.RSAES_PKCS1_V1_5: ["-pkeyopt", "rsa_padding_mode:pkcs1"],
    }[algorithm]
    subprocess.run(
        [
            "openssl",
            "pkeyutl",
            "-decrypt",
            "-inkey",
            str(work / "private.pem"),
            "-in",
            str(work / "EncryptedKeyMaterial.bin"),
            "-out",
            str(work / "decrypted.bin"),
            *options,
        ],
        check=True,
        capture_output=True,
    )
    assert (work / "decrypted.bin").read_bytes() == (work / "plain.bin").read_bytes()
    result = cli(
        "import-key-material",
        key,
        "--material",
        str(work / "EncryptedKeyMaterial.bin"),
        "--token",
        items["import_token_file"],
        "--expires-at",
        "2999-01-01T00:00",
    )
    assert result["key_state"] == "2" and result["kcv"] == wrapped["kcv"]
    assert result["expiration_time"] == str(int(datetime(2999, 1, 1).timestamp()) * 1000)
