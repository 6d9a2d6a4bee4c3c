"""``keyferry hsm-wrap --private-key-label`` against a real SoftHSM token: an RSA_2048 and an
EC_P256 pair generated in the token, wrapped there in both layers, imported into the engine
(Enabled, with the token's public key fingerprint), and a signature Keyferry makes verified
by the token's own public key; a non-extractable key, a key of another spec and a wrong PIN
refused with their ids; no plaintext private key ever written."""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

import pytest
from pkcs11 import Attribute, KeyType, Mechanism, ObjectClass
from pkcs11.util.ec import decode_ecdsa_signature

from app.backends.import_record import ImportRecord
from app.material.hsm.module import Module
from app.model.keys import KeySpec
from tests.cli.conftest import Run
from tests.softhsm import USER_PIN, SoftToken

ALGORITHM = "RSAES_OAEP_SHA_1"  # SoftHSM 2.6.1 cannot wrap with OAEP-SHA-256
#: How the token verifies what Keyferry signs (a SHA-256 digest of the message).
TOKEN_CHECK = {
    KeySpec.RSA_2048: ("RSASSA_PKCS1_V1_5_SHA_256", Mechanism.SHA256_RSA_PKCS),
    KeySpec.EC_P256: ("ECDSA_SHA_256", Mechanism.ECDSA),
}


@pytest.fixture
def pin_file(tmp_path: Path) -> Path:
    path = tmp_path / "pin.txt"
    path.write_text(USER_PIN + "\n")
    path.chmod(0o600)
    return path


def new_key(run: Run, folder: Path, spec: KeySpec) -> tuple[str, Path, Path]:
    code, out, err = run(
        "--json", "create-key", "--alias", f"token-{spec.value}", "--key-spec", spec.value
    )
    assert code == 0, err
    key_id = json.loads(out)["key_id"]
    code, out, err = run(
        "--json", "get-parameters-for-import", key_id, "--wrapping-algorithm", ALGORITHM,
        "--out-dir", str(folder / "items"),
    )  # fmt: skip
    assert code == 0, err
    items = json.loads(out)
    return key_id, Path(items["wrapping_key_file"]), Path(items["import_token_file"])


def hsm_wrap(run: Run, token: SoftToken, wrapping_key: Path, out: Path, *extra: str):
    return run(
        "hsm-wrap", "--module", str(token.module_path), "--token", token.label,
        "--wrapping-key", str(wrapping_key), "--algorithm", ALGORITHM,
        "--out", str(out / "EncryptedKeyMaterial.bin"),
        "--out-private-key", str(out / "out_rsa_private_key.der"), *extra,
    )  # fmt: skip


def token_verifies(token: SoftToken, label: str, spec: KeySpec, message: bytes, sig: bytes):
    """The token's own public key object checks Keyferry's signature."""
    mechanism = TOKEN_CHECK[spec][1]
    data = message if spec is KeySpec.RSA_2048 else hashlib.sha256(message).digest()
    raw = sig if spec is KeySpec.RSA_2048 else decode_ecdsa_signature(sig)
    module = Module.load(token.module_path)
    with module.session(token.label, token.pin) as session:
        raw_session = session._session  # the test reads the token directly, as an HSM tool
        [public] = raw_session.get_objects(
            {Attribute.CLASS: ObjectClass.PUBLIC_KEY, Attribute.LABEL: label}
        )
        return public.verify(data, raw, mechanism=mechanism)


@pytest.mark.parametrize("spec", list(TOKEN_CHECK))
def test_a_pair_generated_in_the_token_imports_and_signs_for_it(
    run: Run, soft_token: SoftToken, pin_file: Path, tmp_path: Path, spec: KeySpec
) -> None:
    key_id, wrapping_key, import_token = new_key(run, tmp_path, spec)
    out = tmp_path / "wrapped"
    out.mkdir()
    code, stdout, err = hsm_wrap(
        run, soft_token, wrapping_key, out, "--private-key-label", "pair",
        "--generate", "--key-spec", spec.value, "--pin-file", str(pin_file), "--json",
    )  # fmt: skip
    assert code == 0, err
    wrapped = json.loads(stdout)
    assert (wrapped["key_spec"], wrapped["generated"]) == (spec.value, True)
    fingerprint = wrapped["public_key_fingerprint"]
    assert len(fingerprint) == 64
    assert sorted(p.name for p in out.iterdir()) == [
        "EncryptedKeyMaterial.bin",
        "EncryptedKeyMaterial.bin.pkcs11.json",
        "out_rsa_private_key.der",
    ], "the two wrapped files and their provenance, nothing else"
    provenance = json.loads((out / "EncryptedKeyMaterial.bin.pkcs11.json").read_text())
    assert provenance["public_key_fingerprint"] == fingerprint
    assert provenance["pkcs11"]["key_class"] == "private_key" and "kcv" not in provenance
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in out.iterdir())

    code, stdout, err = run(
        "--json", "hsm-list", "--module", "softhsm2", "--token", soft_token.label,
        "--pin-file", str(pin_file),
    )  # fmt: skip
    assert code == 0, err
    [listed] = json.loads(stdout)["private_keys"]
    assert (listed["label"], listed["key_spec"], listed["extractable"]) == (
        "pair",
        spec.value,
        True,
    )
    assert listed["public_key_fingerprint"] == fingerprint and listed["sensitive"]

    code, stdout, err = run(
        "--json", "import-key-material", key_id,
        "--material", str(out / "EncryptedKeyMaterial.bin"),
        "--private-key", str(out / "out_rsa_private_key.der"), "--token", str(import_token),
    )  # fmt: skip
    assert code == 0, err
    described = json.loads(stdout)
    assert (described["key_state"], described["public_key_fingerprint"]) == ("2", fingerprint)
    [entry] = ImportRecord().entries(key_id=key_id)
    assert entry.extra["pkcs11"] == provenance["pkcs11"], "the token key, recorded"

    message = b"signed by Keyferry, checked by the token"
    (tmp_path / "message.txt").write_bytes(message)
    code, _out, err = run(
        "sign", key_id, "--algorithm", TOKEN_CHECK[spec][0],
        "--message-file", str(tmp_path / "message.txt"), "--out", str(tmp_path / "sig.bin"),
    )  # fmt: skip
    assert code == 0, err
    signature = (tmp_path / "sig.bin").read_bytes()
    assert token_verifies(soft_token, "pair", spec, message, signature)
    assert not token_verifies(soft_token, "pair", spec, message + b"!", signature)


def test_the_text_output_names_both_files_and_the_fingerprint(
    run: Run, soft_token: SoftToken, pin_file: Path, tmp_path: Path
) -> None:
    _key_id, wrapping_key, _token = new_key(run, tmp_path, KeySpec.EC_P256)
    code, stdout, err = hsm_wrap(
        run, soft_token, wrapping_key, tmp_path, "--private-key-label", "signer",
        "--generate", "--key-spec", "EC_P256", "--pin-file", str(pin_file),
    )  # fmt: skip
    assert code == 0, err
    assert f"Wrapped private key written to {tmp_path / 'out_rsa_private_key.der'}" in stdout
    assert "Public key SHA-256: " in stdout and "(EC_P256)" in stdout
    code, stdout, err = run(
        "hsm-list", "--module", "softhsm2", "--token", soft_token.label,
        "--pin-file", str(pin_file),
    )  # fmt: skip
    assert code == 0, err
    assert "has no AES key" in stdout and "signer" in stdout and "private key EC_P256" in stdout


def _pair_in_token(token: SoftToken, label: str, *, extractable: bool, ec: bool) -> None:
    """A pair made by the token's own tools, not by Keyferry."""
    from app.material.hsm.private_keys import CURVE_PARAMS

    module = Module.load(token.module_path)
    with module.session(token.label, token.pin, write=True) as session:
        raw = session._session
        template = {Attribute.SENSITIVE: True, Attribute.EXTRACTABLE: extractable}
        if ec:
            params = {Attribute.EC_PARAMS: CURVE_PARAMS["secp256r1"]}
            domain = raw.create_domain_parameters(KeyType.EC, params, local=True)
            domain.generate_keypair(label=label, store=True, private_template=template)
        else:
            raw.generate_keypair(
                KeyType.RSA, 2048, label=label, store=True, private_template=template
            )


def test_a_non_extractable_key_and_a_key_of_another_spec_are_refused(
    run: Run, soft_token: SoftToken, pin_file: Path, tmp_path: Path
) -> None:
    _key_id, wrapping_key, _token = new_key(run, tmp_path, KeySpec.RSA_2048)
    _pair_in_token(soft_token, "kept-inside", extractable=False, ec=False)
    _pair_in_token(soft_token, "ec-signer", extractable=True, ec=True)
    out = tmp_path / "wrapped"
    out.mkdir()
    pin = ("--pin-file", str(pin_file))
    code, stdout, err = hsm_wrap(
        run, soft_token, wrapping_key, out, "--private-key-label", "kept-inside", *pin
    )
    assert code == 1 and stdout == ""
    assert err.startswith("error HSM.0006: The key kept-inside is not extractable")
    code, stdout, err = hsm_wrap(
        run, soft_token, wrapping_key, out, "--private-key-label", "ec-signer",
        "--key-spec", "RSA_2048", *pin,
    )  # fmt: skip
    assert code == 1
    assert err.startswith(
        "error HSM.0005: The token's private key ec-signer is an EC key on the curve "
        "secp256r1, but the key being imported is RSA_2048"
    )
    code, stdout, err = hsm_wrap(
        run, soft_token, wrapping_key, out, "--private-key-label", "nowhere", *pin
    )
    assert code == 1 and "has no RSA or EC private key labelled nowhere" in err
    code, stdout, err = hsm_wrap(
        run, soft_token, wrapping_key, out, "--private-key-label", "ec-signer",
        "--generate", "--key-spec", "EC_P256", *pin,
    )  # fmt: skip
    assert code == 1 and err.startswith("error HSM.0008: ") and "ec-signer" in err
    assert list(out.iterdir()) == [], "nothing written"


def test_the_pin_is_in_no_output_log_or_error(
    run: Run,
    soft_token: SoftToken,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    _key_id, wrapping_key, _token = new_key(run, tmp_path, KeySpec.EC_P256)
    monkeypatch.setenv("KEYFERRY_HSM_PIN", "271828")
    extra = ("--private-key-label", "p", "--generate", "--key-spec", "EC_P256")
    code, stdout, err = hsm_wrap(run, soft_token, wrapping_key, tmp_path, *extra)
    assert code == 1 and err.startswith("error HSM.0003: The PIN is wrong")
    monkeypatch.setenv("KEYFERRY_HSM_PIN", USER_PIN)
    code, stdout2, err2 = hsm_wrap(run, soft_token, wrapping_key, tmp_path, *extra, "--json")
    assert code == 0, err2
    seen = stdout + err + stdout2 + err2 + caplog.text
    assert "271828" not in seen and USER_PIN not in seen


def test_options_that_do_not_go_together_are_named(run: Run, tmp_path: Path) -> None:
    base = ("hsm-wrap", "--module", "softhsm2", "--token", "t", "--wrapping-key", "w",
            "--algorithm", ALGORITHM, "--out", str(tmp_path / "o"))  # fmt: skip
    code, _out, err = run(*base, "--private-key-label", "p")
    assert code == 2 and "--out-private-key" in err
    code, _out, err = run(*base, "--private-key-label", "p", "--generate", "--out-private-key", "x")
    assert code == 2 and "--key-spec" in err
    code, _out, err = run(*base, "--key-label", "k", "--key-spec", "EC_P256")
    assert code == 2 and "--private-key-label" in err
