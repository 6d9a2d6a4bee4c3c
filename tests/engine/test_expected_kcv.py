"""Import with an expected key check value (``expect_kcv``): material whose KCV differs is
refused with KMS.2607 and nothing changes, which is what saves a key from the junk that
RSAES_PKCS1_V1_5's implicit rejection can unwrap to."""

from __future__ import annotations

import hmac
import os

import pytest
from cryptography.hazmat.primitives import serialization

from app.engine import DEFAULT_PROJECT, LocalKms
from app.model.errors import CODES
from app.model.importing import ImportParameters, WrappingAlgorithm
from app.model.kcv import key_check_value
from app.model.keys import KeyState
from tests.engine.helpers import external, params, refused, rows
from tests.helpers import material, wrap_for

P = DEFAULT_PROJECT
PKCS1 = WrappingAlgorithm.RSAES_PKCS1_V1_5


def _import(kms: LocalKms, p: ImportParameters, blob: bytes, expect_kcv: str | None):
    return kms.import_key_material(
        project_id=P,
        key_id=p.key_id,
        import_token=p.import_token,
        encrypted_key_material=blob,
        expect_kcv=expect_kcv,
    )


@pytest.mark.parametrize("algorithm", list(WrappingAlgorithm))
def test_the_expected_kcv_imports_in_any_spelling(kms: LocalKms, algorithm) -> None:
    key = external(kms)
    p = params(kms, key, algorithm)
    secret = material()
    kcv = key_check_value(secret)
    cmk = _import(kms, p, wrap_for(p, secret), f"  {kcv.lower()}\n")
    assert cmk.state is KeyState.ENABLED and cmk.kcv == kcv


def test_another_kcv_is_refused_and_changes_nothing(kms: LocalKms) -> None:
    key = external(kms)
    p = params(kms, key)
    secret = material()
    wrong = f"{(int(key_check_value(secret), 16) ^ 1):06X}"
    before = rows(kms)
    error = refused("KMS.2607", _import, kms, p, wrap_for(p, secret), wrong)
    assert wrong in error.message and "Pending import" in error.message
    assert error.http_status == 400 and "KMS.2607" in CODES
    assert rows(kms) == before, "a refused KCV left something behind"
    cmk = kms.describe_key(project_id=P, key_id=key)
    assert cmk.state is KeyState.PENDING_IMPORT and cmk.kcv is None
    last = kms.audit.entries(key_id=key)[-1]
    assert (last.operation, last.result, last.error_code) == (
        "import-key-material",
        "refused",
        "KMS.2607",
    )
    # nothing was bound: other material (the one the user meant) still imports
    meant = material()
    assert _import(kms, p, wrap_for(p, meant), key_check_value(meant)).kcv == key_check_value(meant)


@pytest.mark.parametrize(
    "text", ["", "CABA0", "CABA0BB", "GABA0B", "CA BA 0B", "0xCABA0B", "ＣＡＢＡ０Ｂ"]
)
def test_a_malformed_expected_kcv_is_a_parameter_error(kms: LocalKms, text: str) -> None:
    key = external(kms)
    p = params(kms, key)
    before = rows(kms)
    error = refused("KMS.0308", _import, kms, p, wrap_for(p, material()), text)
    assert "6 hexadecimal digits" in error.message
    assert rows(kms) == before


def test_the_kcv_is_checked_before_the_earlier_material(kms: LocalKms) -> None:
    """On re-import the expected KCV speaks first: it names what the user expected."""
    key = external(kms)
    p = params(kms, key)
    first = material()
    _import(kms, p, wrap_for(p, first), None)
    kms.delete_imported_key_material(project_id=P, key_id=key)
    other = material()
    refused("KMS.2607", _import, kms, p, wrap_for(p, other), key_check_value(first))
    refused("KMS.2606", _import, kms, p, wrap_for(p, other), key_check_value(other))
    assert _import(kms, p, wrap_for(p, first), key_check_value(first)).state is KeyState.ENABLED


def test_kcvs_are_compared_in_constant_time(kms: LocalKms, monkeypatch) -> None:
    """The expected KCV is compared with hmac.compare_digest: an import whose KCV
    differs must reach it (a plain == would not)."""
    compared: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a, b):
        compared.append((bytes(a), bytes(b)))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    key = external(kms)
    p = params(kms, key)
    secret = material()
    kcv = key_check_value(secret)
    refused("KMS.2607", _import, kms, p, wrap_for(p, secret), "000000" if kcv != "000000" else "1")
    assert (kcv.encode(), b"000000") in compared
    compared.clear()
    _import(kms, p, wrap_for(p, secret), kcv)
    assert (kcv.encode(), kcv.encode()) in compared


def junk_wrap(p: ImportParameters, private_der: bytes) -> tuple[bytes, bytes, int]:
    """Material wrapped with OAEP-SHA-256 that the token's RSAES_PKCS1_V1_5 nevertheless
    unwraps to 32 (random) bytes: the user chose the wrong algorithm on their side. Returns
    (the wrapped material, the material the user meant, how many tries it took)."""
    private_key = serialization.load_der_private_key(private_der, None)
    public_key = private_key.public_key()
    oaep = WrappingAlgorithm.RSAES_OAEP_SHA_256.padding()
    for tries in range(1, 100_000):
        meant = os.urandom(32)
        blob = public_key.encrypt(meant, oaep)
        if len(private_key.decrypt(blob, PKCS1.padding())) == 32:
            return blob, meant, tries
    raise AssertionError("no wrongly wrapped material unwrapped to 32 bytes")


def test_the_junk_material_trap(kms: LocalKms) -> None:
    """RSAES_PKCS1_V1_5 cannot tell wrongly wrapped material from right: OpenSSL's implicit
    rejection turns it into random bytes, now and then exactly 32. Without an expected KCV
    the key is bound to that junk; with it, the import is refused and the right material
    still imports."""
    trapped, saved = external(kms, "trapped"), external(kms, "saved")
    p_trapped, p_saved = params(kms, trapped, PKCS1), params(kms, saved, PKCS1)
    blob, meant, _ = junk_wrap(p_trapped, kms._tokens.open(p_trapped.import_token).private_key_der)
    junk = _import(kms, p_trapped, blob, None)  # what the trap does without a KCV
    assert junk.state is KeyState.ENABLED and junk.kcv != key_check_value(meant)
    kms.delete_imported_key_material(project_id=P, key_id=trapped)
    refused("KMS.2606", _import, kms, p_trapped, wrap_for(p_trapped, meant), None)

    blob, meant, _ = junk_wrap(p_saved, kms._tokens.open(p_saved.import_token).private_key_der)
    refused("KMS.2607", _import, kms, p_saved, blob, key_check_value(meant))
    cmk = _import(kms, p_saved, wrap_for(p_saved, meant), key_check_value(meant))
    assert cmk.state is KeyState.ENABLED and cmk.kcv == key_check_value(meant)
