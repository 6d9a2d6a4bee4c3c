"""``hsm-wrap``'s provenance file against a real SoftHSM token: written beside the encrypted
material (0600, no PIN), picked up by ``import-key-material`` (the token's KCV expected, the
token key recorded as the wizard records it), and refused clearly when it does not parse,
disagrees with ``--expect-kcv`` or travels with other material."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app.backends.import_record import ImportRecord
from tests.cli.test_hsm import hsm_wrap, new_key
from tests.softhsm import USER_PIN

ALGORITHM = "RSAES_OAEP_SHA_1"


@pytest.fixture
def pin_file(tmp_path: Path) -> Path:
    path = tmp_path / "pin.txt"
    path.write_text(USER_PIN + "\n")
    path.chmod(0o600)
    return path


def wrapped(run, soft_token, tmp_path: Path, pin: Path) -> tuple[str, Path, Path, dict]:
    """A new key, its import items, and a token key generated and wrapped for it."""
    key_id, wrapping_key, token = new_key(run, tmp_path, ALGORITHM)
    out = tmp_path / "EncryptedKeyMaterial.bin"
    code, printed, err = hsm_wrap(
        run,
        soft_token,
        wrapping_key,
        ALGORITHM,
        out,
        "--generate",
        "--pin-file",
        str(pin),
        "--json",
    )
    assert code == 0, err
    return key_id, out, token, json.loads(printed)


def importing(run, key_id: str, out: Path, token: Path, *extra: str) -> tuple[int, str, str]:
    return run(
        "--json",
        "import-key-material",
        key_id,
        "--material",
        str(out),
        "--token",
        str(token),
        "--never-expires",
        *extra,
    )


def state(run, key_id: str) -> str:
    return json.loads(run("--json", "describe-key", key_id)[1])["key_state"]


def test_hsm_wrap_writes_the_provenance_and_the_import_records_the_token_key(
    run, soft_token, pin_file, tmp_path
) -> None:
    key_id, out, token, result = wrapped(run, soft_token, tmp_path, pin_file)
    provenance = Path(result["provenance_file"])
    assert provenance == tmp_path / "EncryptedKeyMaterial.bin.pkcs11.json"
    assert provenance.stat().st_mode & 0o777 == 0o600
    text = provenance.read_text()
    assert USER_PIN not in text and str(pin_file) not in text
    written = json.loads(text)
    assert written["kcv"] == result["kcv"] and written["wrapping_algorithm"] == ALGORITHM
    assert written["wrapping_key"] == next(tmp_path.glob("items/wrappingKey_*")).name
    token_key = {
        "module": str(soft_token.module_path.resolve()),
        "token_label": soft_token.label,
        "token_serial": result["token_serial"],
        "key_label": "byok-cli",
    }
    assert {**written["pkcs11"], "module": str(Path(written["pkcs11"]["module"]).resolve())} == (
        token_key
    )

    code, printed, err = importing(run, key_id, out, token)  # no --expect-kcv given
    assert code == 0, err
    assert json.loads(printed)["expected_kcv"] == result["kcv"]
    assert json.loads(printed)["kcv_verified"] is True and "byok-cli" in err
    [entry] = ImportRecord().entries(key_id=key_id)
    assert (entry.kcv, entry.kcv_source, entry.kcv_verified) == (result["kcv"], "pkcs11", True)
    assert entry.extra["pkcs11"] == written["pkcs11"], "recorded as the wizard records it"
    assert entry.wrapping_algorithm == ALGORITHM and entry.alias == "from-the-token"


def test_other_material_beside_the_provenance_is_refused_by_its_kcv(
    run, soft_token, pin_file, tmp_path
) -> None:
    key_id, out, token, result = wrapped(run, soft_token, tmp_path, pin_file)
    wrapping_key = next(tmp_path.glob("items/wrappingKey_*"))
    elsewhere = tmp_path / "elsewhere.bin"
    code, _printed, err = run(
        "wrap",
        "--wrapping-key",
        str(wrapping_key),
        "--algorithm",
        ALGORITHM,
        "--generate",
        str(tmp_path / "plain.bin"),
        "--out",
        str(elsewhere),
    )
    assert code == 0, err
    shutil.copyfile(elsewhere, out)  # other material, with the token key's provenance beside it
    code, _printed, err = importing(run, key_id, out, token)
    assert code == 1 and err.startswith("error KMS.2607: "), err
    assert state(run, key_id) == "5", "refused: still Pending import"
    [entry] = ImportRecord().entries(key_id=key_id)
    assert (entry.outcome.value, entry.kcv, entry.kcv_source) == (
        "refused",
        result["kcv"],
        "pkcs11",
    )


def test_a_different_expect_kcv_is_refused_naming_both(run, soft_token, pin_file, tmp_path):
    key_id, out, token, result = wrapped(run, soft_token, tmp_path, pin_file)
    other = f"{int(result['kcv'], 16) ^ 1:06X}"
    code, _printed, err = importing(run, key_id, out, token, "--expect-kcv", other)
    assert code == 1 and err.startswith("error KMS.0308: "), err
    assert other in err and result["kcv"] in err and "Traceback" not in err
    assert state(run, key_id) == "5" and ImportRecord().entries(key_id=key_id) == []
    code, printed, err = importing(run, key_id, out, token, "--expect-kcv", result["kcv"].lower())
    assert code == 0, err
    assert json.loads(printed)["kcv_verified"] is True


def test_a_provenance_that_does_not_parse_is_a_clear_error(run, soft_token, pin_file, tmp_path):
    key_id, out, token, result = wrapped(run, soft_token, tmp_path, pin_file)
    provenance = Path(result["provenance_file"])
    for damaged in (
        "{not json",
        '{"pkcs11": "no"}',
        json.dumps({**json.loads(provenance.read_text()), "kcv": "XYZ"}),
    ):
        provenance.write_text(damaged)
        code, _printed, err = importing(run, key_id, out, token)
        assert code == 1 and err.startswith("error KMS.0308: "), err
        assert str(provenance) in err and "--no-provenance" in err and "Traceback" not in err
    assert state(run, key_id) == "5" and ImportRecord().entries(key_id=key_id) == []
    code, _printed, err = importing(run, key_id, out, token, "--no-provenance")
    assert code == 0, err
    [entry] = ImportRecord().entries(key_id=key_id)
    assert entry.kcv_source == "kms" and "pkcs11" not in entry.extra


def test_a_provenance_of_other_import_items_is_not_used(run, soft_token, pin_file, tmp_path):
    key_id, out, token, _result = wrapped(run, soft_token, tmp_path, pin_file)
    renamed = token.with_name("importToken_copy")
    shutil.copyfile(token, renamed)
    code, printed, err = importing(run, key_id, out, renamed)
    assert code == 0, err
    assert "is not used" in err and "expected_kcv" not in json.loads(printed)
    [entry] = ImportRecord().entries(key_id=key_id)
    assert entry.kcv_source == "kms" and "pkcs11" not in entry.extra
