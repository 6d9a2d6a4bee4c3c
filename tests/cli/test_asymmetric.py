"""The console's own openssl commands for every asymmetric spec, imported through the CLI;
Keyferry's signatures verified by openssl (pkeyutl and dgst) against get-public-key's PEM,
openssl's signatures validated by Keyferry; every wrong file refused with its code."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from app.model.keys import KeySpec
from tests.cli.conftest import Run

_EC = ["openssl", "genpkey", "-algorithm", "EC", "-pkeyopt"]
GENERATE = {
    KeySpec.RSA_2048: ["openssl", "genrsa", "-out", "pkcs1.pem", "2048"],
    KeySpec.RSA_3072: ["openssl", "genrsa", "-out", "pkcs1.pem", "3072"],
    KeySpec.RSA_4096: ["openssl", "genrsa", "-out", "pkcs1.pem", "4096"],
    KeySpec.EC_P256: [*_EC, "ec_paramgen_curve:P-256", "-out", "pkcs1.pem"],
    KeySpec.EC_P384: [*_EC, "ec_paramgen_curve:P-384", "-out", "pkcs1.pem"],
}  # fmt: skip


def sh(command: str, cwd: Path) -> None:
    subprocess.run(["sh", "-c", command], cwd=cwd, check=True, capture_output=True)


def console_wrap(folder: Path, spec: KeySpec, wrapping_key: Path, der: str = "key.der") -> None:
    """The guide's steps, as written: temporary key, its RSA wrap, PKCS#8, RFC 5649."""
    subprocess.run(GENERATE[spec], cwd=folder, check=True, capture_output=True)
    sh(
        "openssl rand -out 0xPlaintextKeyMaterial.bin -hex 32 && "
        "xxd -r -ps 0xPlaintextKeyMaterial.bin > PlaintextKeyMaterial.bin && "
        f"openssl pkeyutl -in PlaintextKeyMaterial.bin -inkey {wrapping_key} "
        "-out EncryptedKeyMaterial.bin -keyform der -pubin -encrypt "
        "-pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_md:sha256 && "
        f"openssl pkcs8 -topk8 -inform PEM -in pkcs1.pem -outform DER -nocrypt -out {der}",
        folder,
    )
    sh(
        "openssl enc -id-aes256-wrap-pad -K $(cat 0xPlaintextKeyMaterial.bin) -iv A65959A6 "
        f"-in {der} -out out_rsa_private_key.der",
        folder,
    )


def create_and_download(
    run: Run, folder: Path, spec: KeySpec, usage: str = "SIGN_VERIFY"
) -> tuple[str, Path, Path]:
    code, out, err = run(
        "create-key", "--alias", f"k-{spec.value}-{usage}", "--key-spec", spec.value,
        "--key-usage", usage, "--json",
    )  # fmt: skip
    assert code == 0, err
    key_id = json.loads(out)["key_id"]
    assert json.loads(out)["key_spec"] == spec.value
    code, out, err = run(
        "get-parameters-for-import", key_id, "--out-dir", str(folder / "items"), "--json"
    )
    assert code == 0, err
    items = json.loads(out)
    return key_id, Path(items["wrapping_key_file"]), Path(items["import_token_file"])


@pytest.mark.parametrize("spec", list(GENERATE))
def test_console_commands_import_and_signatures_cross_check(
    run: Run, tmp_path: Path, spec: KeySpec
) -> None:
    key_id, wrapping_key, token = create_and_download(run, tmp_path, spec)
    console_wrap(tmp_path, spec, wrapping_key)
    code, out, err = run(
        "import-key-material", key_id, "--material", str(tmp_path / "EncryptedKeyMaterial.bin"),
        "--private-key", str(tmp_path / "out_rsa_private_key.der"), "--token", str(token), "--json",
    )  # fmt: skip
    assert code == 0, err
    described = json.loads(out)
    assert described["key_state"] == "2"
    sh("openssl pkey -in pkcs1.pem -pubout -outform DER -out pub.der", tmp_path)
    expected = subprocess.run(
        ["openssl", "dgst", "-sha256", "-r", "pub.der"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    ).stdout.split()[0]
    assert described["public_key_fingerprint"] == expected
    assert run("get-public-key", key_id, "--out", str(tmp_path / "kf.pem"))[0] == 0
    (tmp_path / "message.txt").write_bytes(b"sign me, as the console would")
    ec = spec.value.startswith("EC")
    algorithm = "ECDSA_SHA_384" if ec else "RSASSA_PSS_SHA_256"
    digest = "sha384" if ec else "sha256"
    code, _, err = run(
        "sign",
        key_id,
        "--algorithm",
        algorithm,
        "--message-file",
        str(tmp_path / "message.txt"),
        "--out",
        str(tmp_path / "sig.bin"),
    )
    assert code == 0, err
    pss = "" if ec else " -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:digest"
    sh(f"openssl dgst -{digest} -verify kf.pem{pss} -signature sig.bin message.txt", tmp_path)
    # openssl signs the digest; Keyferry validates it (DIGEST) and rejects a changed one.
    sh(f"openssl dgst -{digest} -binary -out digest.bin message.txt", tmp_path)
    pkeyopt = "" if ec else " -pkeyopt rsa_padding_mode:pss -pkeyopt rsa_pss_saltlen:digest"
    sh(
        "openssl pkeyutl -sign -inkey pkcs1.pem -in digest.bin -out osig.bin "
        f"-pkeyopt digest:{digest}{pkeyopt}",
        tmp_path,
    )
    sh(
        "openssl pkeyutl -verify -pubin -inkey kf.pem -in digest.bin -sigfile sig.bin "
        f"-pkeyopt digest:{digest}{pkeyopt}",
        tmp_path,
    )
    check = [
        "validate-signature",
        key_id,
        "--algorithm",
        algorithm,
        "--digest-file",
        str(tmp_path / "digest.bin"),
    ]
    assert run(*check, "--signature", str(tmp_path / "osig.bin"))[0] == 0
    (tmp_path / "bad.bin").write_bytes(bytes(reversed((tmp_path / "osig.bin").read_bytes())))
    assert run(*check, "--signature", str(tmp_path / "bad.bin"))[0] == 1
    (tmp_path / "short.bin").write_bytes(b"short")
    assert (
        run(
            "validate-signature",
            key_id,
            "--algorithm",
            algorithm,
            "--digest-file",
            str(tmp_path / "short.bin"),
            "--signature",
            str(tmp_path / "osig.bin"),
        )[0]
        == 4
    )


def test_pkcs1_sha256_and_rsa_encryption_through_the_cli(run: Run, tmp_path: Path) -> None:
    key_id, wrapping_key, token = create_and_download(
        run, tmp_path, KeySpec.RSA_2048, "ENCRYPT_DECRYPT"
    )
    console_wrap(tmp_path, KeySpec.RSA_2048, wrapping_key)
    code, _, err = run(
        "import-key-material", key_id, "--material", str(tmp_path / "EncryptedKeyMaterial.bin"),
        "--private-key", str(tmp_path / "out_rsa_private_key.der"), "--token", str(token),
    )  # fmt: skip
    assert code == 0, err
    (tmp_path / "plain.txt").write_bytes(b"hello rsa")
    assert (
        run(
            "encrypt-data",
            key_id,
            "--in",
            str(tmp_path / "plain.txt"),
            "--out",
            str(tmp_path / "ct"),
        )[0]
        == 0
    )
    code, _, err = run(
        "decrypt-data",
        "--in",
        str(tmp_path / "ct"),
        "--out",
        str(tmp_path / "back"),
        "--key",
        key_id,
        "--encryption-algorithm",
        "RSAES_OAEP_SHA_256",
    )
    assert code == 0, err
    assert (tmp_path / "back").read_bytes() == b"hello rsa"
    code, _, err = run(
        "sign",
        key_id,
        "--algorithm",
        "RSASSA_PSS_SHA_256",
        "--digest-file",
        str(tmp_path / "plain.txt"),
        "--out",
        str(tmp_path / "s"),
    )
    assert code == 1 and "KMS.2610" in err


_PUBLIC = "openssl pkey -in pkcs1.pem -pubout -outform DER -out bad.der"
_PKCS1 = "openssl rsa -in pkcs1.pem -traditional -outform DER -out bad.der"
WRONG = [
    # (spec of the CMK, spec of the key the console wraps, how the DER is made, code)
    ("p384 into RSA_2048", KeySpec.RSA_2048, KeySpec.EC_P384, None, "KMS.2609"),
    ("3072 into RSA_2048", KeySpec.RSA_2048, KeySpec.RSA_3072, None, "KMS.2609"),
    ("public key", KeySpec.RSA_2048, KeySpec.RSA_2048, _PUBLIC, "KMS.2608"),
    ("PKCS#1", KeySpec.RSA_2048, KeySpec.RSA_2048, _PKCS1, "KMS.2608"),
    ("PEM", KeySpec.RSA_2048, KeySpec.RSA_2048, "cp pkcs1.pem bad.der", "KMS.2608"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "cmk_spec", "key_spec", "make", "code"), WRONG, ids=[w[0] for w in WRONG]
)
def test_every_wrong_file_is_refused_with_its_code(
    run: Run, tmp_path: Path, name, cmk_spec, key_spec, make, code
) -> None:  # type: ignore[no-untyped-def]
    key_id, wrapping_key, token = create_and_download(run, tmp_path, cmk_spec)
    if make:
        subprocess.run(GENERATE[key_spec], cwd=tmp_path, check=True, capture_output=True)
        sh(make, tmp_path)
        console_wrap_der(tmp_path, wrapping_key, "bad.der")
    else:
        console_wrap(tmp_path, key_spec, wrapping_key)
    status, _, err = run(
        "import-key-material", key_id, "--material", str(tmp_path / "EncryptedKeyMaterial.bin"),
        "--private-key", str(tmp_path / "out_rsa_private_key.der"), "--token", str(token),
    )  # fmt: skip
    assert status == 1 and f"error {code}:" in err
    assert json.loads(run("describe-key", key_id, "--json")[1])["key_state"] == "5"


def console_wrap_der(folder: Path, wrapping_key: Path, der: str) -> None:
    sh(
        "openssl rand -out 0xPlaintextKeyMaterial.bin -hex 32 && "
        "xxd -r -ps 0xPlaintextKeyMaterial.bin > PlaintextKeyMaterial.bin && "
        f"openssl pkeyutl -in PlaintextKeyMaterial.bin -inkey {wrapping_key} "
        "-out EncryptedKeyMaterial.bin -keyform der -pubin -encrypt "
        "-pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_md:sha256 && "
        "openssl enc -id-aes256-wrap-pad -K $(cat 0xPlaintextKeyMaterial.bin) -iv A65959A6 "
        f"-in {der} -out out_rsa_private_key.der",
        folder,
    )


def test_wrap_here_generates_or_takes_a_key(run: Run, tmp_path: Path) -> None:
    key_id, wrapping_key, token = create_and_download(run, tmp_path, KeySpec.EC_P256)
    code, out, err = run(
        "wrap", "--wrapping-key", str(wrapping_key), "--algorithm", "RSAES_OAEP_SHA_256",
        "--generate-private-key", str(tmp_path / "mine.pem"), "--key", key_id,
        "--out", str(tmp_path / "m.bin"), "--out-private-key", str(tmp_path / "p.bin"), "--json",
    )  # fmt: skip
    assert code == 0, err
    fingerprint = json.loads(out)["public_key_fingerprint"]
    code, out, err = run(
        "import-key-material", key_id, "--material", str(tmp_path / "m.bin"),
        "--private-key", str(tmp_path / "p.bin"), "--token", str(token), "--json",
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["public_key_fingerprint"] == fingerprint
    other_id, other_key, _ = (
        create_and_download(run, tmp_path / "o", KeySpec.EC_P384)
        if (tmp_path / "o").mkdir() is None
        else ("", Path(), Path())
    )
    code, _, err = run(
        "wrap", "--wrapping-key", str(other_key), "--algorithm", "RSAES_OAEP_SHA_256",
        "--private-key", str(tmp_path / "mine.pem"), "--key", other_id,
        "--out", str(tmp_path / "m2.bin"), "--out-private-key", str(tmp_path / "p2.bin"),
    )  # fmt: skip
    assert code == 1 and "KMS.2609" in err and not (tmp_path / "m2.bin").exists()
