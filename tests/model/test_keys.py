"""Key snapshots, their effective state over time, errors and wrapping algorithms."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric import padding

from app.model.errors import CODES, KmsError
from app.model.importing import WrappingAlgorithm
from app.model.kcv import key_check_value
from app.model.keys import Cmk, KeyState, Origin


def _cmk(**changes) -> Cmk:
    base = dict(
        key_id="0d0466b0-e727-4d9c-b35d-f84bb474a37f",
        project_id="p",
        alias="a",
        description="",
        origin=Origin.EXTERNAL,
        state=KeyState.ENABLED,
        created_ms=1,
        kcv="ABCDEF",
    )
    base.update(changes)
    return Cmk(**base)


def test_expired_material_reads_as_pending_import() -> None:
    key = _cmk(material_expires_ms=5_000)
    assert key.effective_state(4_999) is KeyState.ENABLED
    assert key.effective_state(5_000) is KeyState.PENDING_IMPORT
    seen = key.at(5_000)
    assert (seen.state, seen.kcv, seen.material_expires_ms) == (KeyState.PENDING_IMPORT, None, None)
    assert key.at(4_999) is key


def test_disabled_key_with_expired_material_also_pending_import() -> None:
    assert (
        _cmk(state=KeyState.DISABLED, material_expires_ms=10).effective_state(10)
        is KeyState.PENDING_IMPORT
    )


def test_pending_deletion_key_keeps_its_state_when_material_expires() -> None:
    key = _cmk(state=KeyState.PENDING_DELETION, deletion_ms=99, material_expires_ms=10)
    assert key.effective_state(50) is KeyState.PENDING_DELETION
    assert key.at(50).kcv is None
    assert not key.deleted_by(98)
    assert key.deleted_by(99)


def test_state_numbers_and_labels_match_huawei() -> None:
    assert [int(s) for s in KeyState] == [1, 2, 3, 4, 5]
    assert KeyState(5).label == "Pending import"
    assert KeyState(4).label == "Pending deletion"


def test_every_error_code_has_a_sentence() -> None:
    for code, info in CODES.items():
        error = KmsError(code)
        assert error.message == info.message and error.message.endswith(".")
        assert error.http_status == info.http_status
    assert KmsError("KMS.0207").http_status == 404
    assert str(KmsError("KMS.2601")).startswith("KMS.2601: ")


def test_wrapping_algorithms_know_padding_recipe_and_deprecation() -> None:
    assert [a.value for a in WrappingAlgorithm] == [
        "RSAES_OAEP_SHA_256",
        "RSAES_PKCS1_V1_5",
        "RSAES_OAEP_SHA_1",
    ]
    assert [a.deprecated for a in WrappingAlgorithm] == [False, False, True]
    assert isinstance(WrappingAlgorithm.RSAES_PKCS1_V1_5.padding(), padding.PKCS1v15)
    oaep = WrappingAlgorithm.RSAES_OAEP_SHA_256.padding()
    assert isinstance(oaep, padding.OAEP) and oaep.algorithm.name == "sha256"
    assert oaep.mgf._algorithm.name == "sha256"  # MGF1 uses the same hash, as openssl does
    assert WrappingAlgorithm.RSAES_OAEP_SHA_1.padding().algorithm.name == "sha1"
    argv = WrappingAlgorithm.RSAES_OAEP_SHA_1.openssl_wrap_argv("P", "K", "O")
    assert argv[:2] == ["openssl", "pkeyutl"] and "rsa_oaep_md:sha1" in argv
    assert WrappingAlgorithm.RSAES_PKCS1_V1_5.openssl_wrap_argv("P", "K", "O")[:3] == [
        "openssl",
        "rsautl",
        "-encrypt",
    ]


def test_kcv_is_three_bytes_of_hex_and_depends_on_the_key() -> None:
    a, b = key_check_value(bytes(32)), key_check_value(b"\x01" + bytes(31))
    assert len(a) == 6 and a == a.upper() and a != b
