"""The user's side: loading material and wrapping keys, what a wrong file looks like, KCVs,
safe file writes, and the download's three files."""

from __future__ import annotations

import base64
import os
import stat
import subprocess

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from app.material import files
from app.material.import_items import find_import_items, read_import_items, write_import_items
from app.material.recipes import openssl_recipe
from app.material.wrap import (
    generate_material,
    key_check_value,
    load_plaintext_material,
    load_wrapping_key,
    wrap_material,
)
from app.model.errors import KmsError
from app.model.importing import ImportParameters, WrappingAlgorithm


def problem(call, *args) -> KmsError:
    with pytest.raises(KmsError) as caught:
        call(*args)
    return caught.value


def test_generated_material_is_32_fresh_bytes() -> None:
    a, b = generate_material(), generate_material()
    assert len(a) == 32 and isinstance(a, bytearray) and a != b


@pytest.mark.parametrize(
    ("content", "says", "code"),
    [
        (b"", "an empty file", "KMS.2604"),
        (os.urandom(31), "31 bytes of binary data", "KMS.2604"),
        (os.urandom(33), "33 bytes", "KMS.2604"),
        (os.urandom(32).hex().encode() + b"\n", "hex text", "KMS.2604"),
        (base64.b64encode(os.urandom(32)) + b"\n", "Base64 text", "KMS.2604"),
        (b"-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n", "PEM", "KMS.2604"),
    ],
)
def test_plaintext_material_must_be_32_raw_bytes(tmp_path, content, says, code) -> None:
    path = tmp_path / "material.bin"
    path.write_bytes(content)
    error = problem(load_plaintext_material, path)
    assert error.code == code and says in error.message and str(path) in error.message


def test_hex_and_base64_material_get_a_conversion_hint(tmp_path) -> None:
    path = tmp_path / "m.hex"
    path.write_text(os.urandom(32).hex())
    assert "xxd -r -p" in problem(load_plaintext_material, path).message


def test_hostile_paths_are_refused_before_reading(tmp_path) -> None:
    assert "is a folder" in problem(load_plaintext_material, tmp_path).message
    assert "does not exist" in problem(load_plaintext_material, tmp_path / "gone").message
    huge = tmp_path / "huge.bin"
    with huge.open("wb") as handle:  # a sparse 2 GB file: refused by size, never read
        handle.truncate(2 * 1024**3)
    error = problem(load_plaintext_material, huge)
    assert "2.0 GiB" in error.message and "was not read" in error.message
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert "not a regular file" in problem(load_plaintext_material, fifo).message


def test_unreadable_file_says_permission(tmp_path) -> None:
    """Root reads anything, so the check runs in a child without capabilities (setpriv)."""
    import shutil
    import sys

    path = tmp_path / "secret.bin"
    path.write_bytes(bytes(32))
    path.chmod(0)
    code = (
        "from app.material.wrap import load_plaintext_material as load\n"
        f"try: load({str(path)!r})\nexcept Exception as e: print(e.message)"
    )
    argv = [sys.executable, "-c", code]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        assert setpriv, "setpriv (util-linux) is needed to drop root's capabilities"
        argv = [setpriv, "--inh-caps=-all", "--bounding-set=-all", *argv]
    child = subprocess.run(argv, capture_output=True, text=True, check=False)
    assert "You do not have permission to read" in child.stdout, child.stderr


@pytest.fixture(scope="module")
def rsa_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def test_wrapping_key_formats(tmp_path, rsa_key) -> None:
    public = rsa_key.public_key()
    der = public.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    pem = public.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    for name, data in (("der", der), ("pem", pem), ("b64", base64.b64encode(der))):
        (tmp_path / name).write_bytes(data)
        assert load_wrapping_key(tmp_path / name).public_numbers() == public.public_numbers()
    (tmp_path / "token").write_text("QUJD" * 400)
    error = problem(load_wrapping_key, tmp_path / "token")
    assert "not a wrapping key" in error.message and "Base64" in error.message


@pytest.mark.parametrize("algorithm", list(WrappingAlgorithm))
def test_wrap_roundtrip(rsa_key, algorithm) -> None:
    material = generate_material()
    wrapped = wrap_material(material, rsa_key.public_key(), algorithm)
    assert len(wrapped) == 256
    assert rsa_key.decrypt(wrapped, algorithm.padding()) == bytes(material)
    assert problem(wrap_material, b"x" * 31, rsa_key.public_key(), algorithm).code == "KMS.2604"


def test_kcv_matches_openssl_cmac(tmp_path) -> None:
    key = os.urandom(32)
    (tmp_path / "zero").write_bytes(bytes(16))
    out = subprocess.run(
        [
            "openssl",
            "mac",
            "-cipher",
            "AES-256-CBC",
            "-macopt",
            f"hexkey:{key.hex()}",
            "-in",
            str(tmp_path / "zero"),
            "CMAC",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert key_check_value(key) == out.stdout.strip().upper()[:6]


def test_private_files_are_0600_and_failed_writes_leave_nothing(tmp_path) -> None:
    path = files.write_private(tmp_path / "out.bin", b"data")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.chmod(0o644)
    files.write_private(path, b"new")  # rewriting also tightens the mode
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and path.read_bytes() == b"new"
    with pytest.raises(files.FileProblem, match="already exists"):
        files.write_private(path, b"x", overwrite=False)
    with pytest.raises(files.FileProblem, match="does not exist"):
        files.write_private(tmp_path / "no" / "such" / "dir", b"x")
    with pytest.raises(files.FileProblem, match="not a regular file"):
        files.write_private("/dev/null", b"x")
    assert os.path.exists("/dev/null")


def test_a_write_that_runs_out_of_space_leaves_no_partial_file(tmp_path) -> None:
    """A child limited to 1 KiB files (RLIMIT_FSIZE) writes 100 KB: the write fails like a
    full disk, the message says so, and the partial file is removed."""
    import sys

    target = tmp_path / "EncryptedKeyMaterial.bin"
    code = (
        "import resource, signal\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))\n"
        "from app.material import files\n"
        f"try: files.write_private({str(target)!r}, b'x' * 100_000)\n"
        "except files.FileProblem as e: print(e.message)\n"
    )
    child = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert "no space left for it" in child.stdout, child.stderr
    assert not target.exists()


def _params(algorithm=WrappingAlgorithm.RSAES_OAEP_SHA_256) -> ImportParameters:
    return ImportParameters(
        key_id="0d0466b0-e727-4d9c-b35d-f84bb474a37f",
        wrapping_algorithm=algorithm,
        public_key_der=b"\x30DER",
        import_token="T" * 300,
        expiration_time=1_900_000_000,
    )


def test_import_items_files_and_readme(tmp_path) -> None:
    now = 1_899_913_600.0
    items = write_import_items(tmp_path, _params(), alias="payments", now_s=now)
    stamp = items.wrapping_key.name.rsplit("_", 1)[1]
    assert len(stamp) == 14 and stamp.isdigit()
    assert items.wrapping_key.name == f"wrappingKey_{_params().key_id}_{stamp}"
    assert items.token.name == f"importToken_{_params().key_id}_{stamp}"
    assert items.readme.name == f"README_{_params().key_id}_{stamp}.txt"
    assert items.wrapping_key.read_bytes() == b"\x30DER"
    assert items.token.read_text() == "T" * 300
    text = items.readme.read_text()
    for expected in (
        _params().key_id,
        "payments",
        "RSAES_OAEP_SHA_256",
        items.token.name,
        items.wrapping_key.name,
        "UTC",
        "24 hours",
        "rsa_oaep_md:sha256",
    ):
        assert expected in text
    for path in items.paths():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = read_import_items(items.readme)
    assert again == items
    assert find_import_items(tmp_path, _params().key_id) == [items]
    assert not again.expired(now) and again.expired(1_900_000_000)


def test_import_items_into_a_missing_folder(tmp_path) -> None:
    with pytest.raises(files.FileProblem, match="not a folder"):
        write_import_items(tmp_path / "missing", _params(), alias="a", now_s=0)


def test_recipes_use_real_file_names() -> None:
    steps = openssl_recipe(WrappingAlgorithm.RSAES_PKCS1_V1_5, "wrappingKey_x_1")
    assert steps[0].command == "openssl rand -out PlaintextKeyMaterial.bin 32"
    assert steps[1].command == (
        "openssl rsautl -encrypt -in PlaintextKeyMaterial.bin -pkcs "
        "-inkey wrappingKey_x_1 -keyform der -pubin "
        "-out EncryptedKeyMaterial.bin"
    )
    spaced = openssl_recipe(WrappingAlgorithm.RSAES_OAEP_SHA_256, "my keys/wrappingKey")
    assert "'my keys/wrappingKey'" in spaced[1].command
