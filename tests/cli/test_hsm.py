"""``keyferry hsm-list`` and ``hsm-wrap`` against a real SoftHSM token (a fresh one per test):
the listings, the whole Method 1 from the command line with the import checked against the
token's KCV, and the failures, each with its code and never the PIN."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.softhsm import USER_PIN


@pytest.fixture
def pin_file(tmp_path: Path) -> Path:
    path = tmp_path / "pin.txt"
    path.write_text(USER_PIN + "\n")
    path.chmod(0o600)
    return path


def new_key(run, tmp_path: Path, algorithm: str) -> tuple[str, Path, Path]:
    code, out, err = run("--json", "create-key", "--alias", "from-the-token")
    assert code == 0, err
    key_id = json.loads(out)["key_id"]
    folder = tmp_path / "items"
    code, _out, err = run(
        "get-parameters-for-import",
        key_id,
        "--wrapping-algorithm",
        algorithm,
        "--out-dir",
        str(folder),
    )
    assert code == 0, err
    [wrapping_key] = folder.glob("wrappingKey_*")
    [token] = folder.glob("importToken_*")
    return key_id, wrapping_key, token


def hsm_wrap(run, soft_token, wrapping_key: Path, algorithm: str, out: Path, *extra: str):
    return run(
        "hsm-wrap",
        "--module",
        str(soft_token.module_path),
        "--token",
        soft_token.label,
        "--key-label",
        "byok-cli",
        "--wrapping-key",
        str(wrapping_key),
        "--algorithm",
        algorithm,
        "--out",
        str(out),
        *extra,
    )


def test_hsm_list_names_the_modules_then_the_tokens_then_the_keys(run, soft_token, pin_file):
    code, out, err = run("--json", "hsm-list")
    assert code == 0, err
    paths = [Path(m["path"]).resolve() for m in json.loads(out)["modules"]]
    assert soft_token.module_path.resolve() in paths
    code, out, err = run("--json", "hsm-list", "--module", "softhsm2")  # its p11-kit name
    assert code == 0, err
    [token] = json.loads(out)["tokens"]
    assert token["label"] == soft_token.label and token["manufacturer"] == "SoftHSM project"
    code, out, err = run(
        "--json",
        "hsm-list",
        "--module",
        "softhsm2",
        "--token",
        soft_token.label,
        "--pin-file",
        str(pin_file),
    )
    assert code == 0, err
    assert json.loads(out)["keys"] == []


def test_method_1_from_the_command_line_imports_with_the_tokens_kcv(
    run, soft_token, pin_file, tmp_path
) -> None:
    algorithm = "RSAES_OAEP_SHA_1"
    key_id, wrapping_key, token = new_key(run, tmp_path, algorithm)
    out_file = tmp_path / "EncryptedKeyMaterial.bin"
    code, out, err = hsm_wrap(
        run,
        soft_token,
        wrapping_key,
        algorithm,
        out_file,
        "--generate",
        "--pin-file",
        str(pin_file),
    )
    assert code == 0, err
    assert "KCV (computed in the token): " in out
    code, out, err = hsm_wrap(
        run, soft_token, wrapping_key, algorithm, out_file, "--pin-file", str(pin_file), "--json"
    )  # the same key wrapped again: the same KCV
    assert code == 0, err
    result = json.loads(out)
    assert set(result) >= {"kcv", "key_label", "token"}
    assert (result["key_label"], result["token"]) == ("byok-cli", soft_token.label)
    assert len(result["kcv"]) == 6 and out_file.stat().st_mode & 0o777 == 0o600
    code, out, err = run(
        "--json",
        "hsm-list",
        "--module",
        str(soft_token.module_path),
        "--token",
        soft_token.label,
        "--pin-file",
        str(pin_file),
    )
    [listed] = json.loads(out)["keys"]
    assert listed["kcv"] == result["kcv"] and listed["extractable"] and listed["sensitive"]
    kcv = result["kcv"]
    other = f"{int(kcv, 16) ^ 1:06X}"
    importing = ("import-key-material", key_id, "--material", str(out_file), "--token", str(token))
    code, out, err = run(*importing, "--never-expires", "--expect-kcv", other)
    assert code == 1 and err.startswith("error KMS.0308: "), "differs from the token's KCV"
    code, out, err = run(*importing, "--never-expires", "--expect-kcv", other, "--no-provenance")
    assert code == 1 and err.startswith("error KMS.2607: "), err
    code, out, err = run("--json", "describe-key", key_id)
    assert json.loads(out)["key_state"] == "5", "refused: still Pending import"
    code, out, err = run("--json", *importing, "--never-expires", "--expect-kcv", kcv)
    assert code == 0, err
    assert json.loads(out)["kcv_verified"] is True
    code, out, err = run("--json", "describe-key", key_id)
    described = json.loads(out)
    assert (described["key_state"], described["kcv"]) == ("2", result["kcv"])
    assert not list(tmp_path.glob("**/PlaintextKeyMaterial*"))


def test_oaep_sha_256_is_refused_saying_what_to_do(run, soft_token, pin_file, tmp_path):
    _key_id, wrapping_key, _token = new_key(run, tmp_path, "RSAES_OAEP_SHA_256")
    out_file = tmp_path / "EncryptedKeyMaterial.bin"
    code, out, err = hsm_wrap(
        run,
        soft_token,
        wrapping_key,
        "RSAES_OAEP_SHA_256",
        out_file,
        "--generate",
        "--pin-file",
        str(pin_file),
    )
    assert code == 1 and out == ""
    assert err.startswith("error HSM.0007: The token cannot wrap with RSAES_OAEP_SHA_256")
    assert "RSAES_PKCS1_V1_5, RSAES_OAEP_SHA_1" in err and not out_file.exists()


def test_the_pin_from_the_environment_and_a_wrong_one_never_shown(
    run, soft_token, tmp_path, monkeypatch
) -> None:
    _key_id, wrapping_key, _token = new_key(run, tmp_path, "RSAES_PKCS1_V1_5")
    out_file = tmp_path / "EncryptedKeyMaterial.bin"
    monkeypatch.setenv("KEYFERRY_HSM_PIN", "999999")
    code, out, err = hsm_wrap(
        run, soft_token, wrapping_key, "RSAES_PKCS1_V1_5", out_file, "--generate"
    )
    assert code == 1 and err.startswith("error HSM.0003: The PIN is wrong for the token")
    assert "999999" not in out + err and not out_file.exists()
    monkeypatch.setenv("KEYFERRY_HSM_PIN", USER_PIN)
    code, out, err = hsm_wrap(
        run, soft_token, wrapping_key, "RSAES_PKCS1_V1_5", out_file, "--generate"
    )
    assert code == 0, err
    assert USER_PIN not in out + err


def test_without_a_pin_and_a_terminal_it_says_where_a_pin_comes_from(
    run, soft_token, tmp_path, monkeypatch
) -> None:
    monkeypatch.delenv("KEYFERRY_HSM_PIN", raising=False)
    monkeypatch.setattr("sys.stdin", open("/dev/null"))
    code, _out, err = run("hsm-list", "--module", "softhsm2", "--token", soft_token.label)
    assert code == 2
    assert "--pin-file" in err and "KEYFERRY_HSM_PIN" in err


def test_the_pin_is_never_an_argument(run, capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        run("hsm-wrap", "--help")
    assert exited.value.code == 0
    usage = capsys.readouterr().out
    assert "--pin-file" in usage and "--pin " not in usage and "--pin=" not in usage


def test_a_missing_module_and_an_unknown_token_are_named(run, soft_token, pin_file) -> None:
    code, _out, err = run("hsm-list", "--module", "/nowhere/libvendor.so")
    assert code == 1 and err.startswith(
        "error HSM.0001: The PKCS#11 module /nowhere/libvendor.so does not exist"
    )
    code, _out, err = run(
        "hsm-list", "--module", "softhsm2", "--token", "elsewhere", "--pin-file", str(pin_file)
    )
    assert code == 1 and "no token labelled elsewhere" in err and soft_token.label in err


def test_the_same_token_key_again_after_the_material_is_gone(
    run, soft_token, pin_file, tmp_path
) -> None:
    """The README's "same material again": new items, ``hsm-wrap`` with the same key label
    (no --generate), and the import checked with --expect-kcv of the first import's KCV; data
    encrypted before decrypts after. The material goes with delete-imported-key-material,
    which leaves the key exactly as an expiry does (Pending import, the same material only)."""
    algorithm = "RSAES_OAEP_SHA_1"
    key_id, wrapping_key, token = new_key(run, tmp_path, algorithm)
    first = tmp_path / "first.bin"
    pin = ("--pin-file", str(pin_file), "--json")
    code, out, err = hsm_wrap(run, soft_token, wrapping_key, algorithm, first, "--generate", *pin)
    assert code == 0, err
    kcv = json.loads(out)["kcv"]
    importing = ("import-key-material", key_id, "--token", str(token), "--never-expires")
    assert run(*importing, "--material", str(first), "--expect-kcv", kcv)[0] == 0
    (tmp_path / "plain.txt").write_bytes(b"before the material went")
    sealed, back = tmp_path / "sealed", tmp_path / "back.txt"
    data = ("--in", str(tmp_path / "plain.txt"), "--out", str(sealed))
    assert run("encrypt-data", key_id, *data)[0] == 0
    assert run("delete-imported-key-material", key_id)[0] == 0

    folder = tmp_path / "again"
    code, _out, err = run(
        "get-parameters-for-import", key_id, "--wrapping-algorithm", "RSAES_PKCS1_V1_5",
        "--out-dir", str(folder),
    )  # fmt: skip
    assert code == 0, err
    [wrapping_key] = folder.glob("wrappingKey_*")
    [token] = folder.glob("importToken_*")
    again = tmp_path / "again.bin"
    code, out, err = hsm_wrap(run, soft_token, wrapping_key, "RSAES_PKCS1_V1_5", again, *pin)
    assert code == 0, err
    assert json.loads(out)["kcv"] == kcv, "the same token key: the same KCV"
    importing = ("import-key-material", key_id, "--token", str(token), "--never-expires")
    code, out, err = run("--json", *importing, "--material", str(again), "--expect-kcv", kcv)
    assert code == 0, err
    assert (json.loads(out)["kcv"], json.loads(out)["kcv_verified"]) == (kcv, True)
    assert run("decrypt-data", "--in", str(sealed), "--out", str(back))[0] == 0
    assert back.read_bytes() == b"before the material went"
    assert not list(tmp_path.glob("**/PlaintextKeyMaterial*"))
    from app.backends.import_record import ImportRecord

    imports = ImportRecord().entries(key_id=key_id)
    assert [(e.kcv, e.kcv_source) for e in imports] == 2 * [(kcv, "pkcs11")]
    assert imports[0].extra["pkcs11"] == imports[1].extra["pkcs11"], "the same token key"
