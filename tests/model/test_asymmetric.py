"""Key specs and usages, the signing rules and the PKCS#8 checks of the model."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

from app.model import private_keys, rules, signing
from app.model.api_format import cmk_from_details
from app.model.errors import KmsError
from app.model.keys import IMPORTABLE_SPECS, KeyFamily, KeySpec, KeyUsage
from app.model.signing import MessageType, SigningAlgorithm


@pytest.fixture(scope="module")
def rsa2048() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def p384() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP384R1())


def test_the_consoles_six_specs_and_their_usages() -> None:
    assert [s.value for s in IMPORTABLE_SPECS] == [
        "AES_256", "RSA_2048", "RSA_3072", "RSA_4096", "EC_P256", "EC_P384",
    ]  # fmt: skip
    assert KeySpec.AES_256.usages == (KeyUsage.ENCRYPT_DECRYPT,)
    assert KeySpec.RSA_3072.usages == (KeyUsage.SIGN_VERIFY, KeyUsage.ENCRYPT_DECRYPT)
    assert KeySpec.EC_P256.usages == (KeyUsage.SIGN_VERIFY,)
    assert KeySpec.RSA_4096.default_usage is KeyUsage.SIGN_VERIFY
    assert KeySpec.EC_P384.curve == "secp384r1" and KeySpec.RSA_2048.rsa_bits == 2048


def test_usage_rules_of_create_key() -> None:
    assert rules.parse_key_spec(None) is KeySpec.AES_256
    assert rules.parse_key_usage(None, KeySpec.RSA_2048) is KeyUsage.SIGN_VERIFY
    assert rules.parse_key_usage("ENCRYPT_DECRYPT", KeySpec.RSA_2048) is KeyUsage.ENCRYPT_DECRYPT
    with pytest.raises(KmsError) as refused:
        rules.parse_key_usage("ENCRYPT_DECRYPT", KeySpec.EC_P256)
    assert (refused.value.code, refused.value.message_id) == ("KMS.0308", "key_usage.spec")
    assert "SIGN_VERIFY" in refused.value.message
    for spec in ("SM2", "ML_DSA_44", "RSA_1024", "not a spec!"):
        with pytest.raises(KmsError) as refused:
            rules.parse_key_spec(spec)
        assert refused.value.message_id == "key_spec.unsupported"


def test_a_real_kms_unknown_spec_is_never_aes() -> None:
    details = {"key_id": "k", "key_spec": "ML_DSA_44", "key_usage": "SIGN_VERIFY", "key_state": "2"}
    cmk = cmk_from_details(details, project_id="p")
    assert cmk.key_spec.value == "ML_DSA_44" and cmk.key_spec is not KeySpec.AES_256
    assert cmk.key_spec.family is KeyFamily.OTHER and not cmk.key_spec.supported
    rsa_key = cmk_from_details({**details, "key_spec": "RSA_3072"}, project_id="p")
    assert rsa_key.key_spec is KeySpec.RSA_3072 and rsa_key.key_usage is KeyUsage.SIGN_VERIFY
    sm2 = cmk_from_details({**details, "key_spec": "SM2", "key_usage": ""}, project_id="p")
    assert sm2.key_spec is KeySpec.SM2
    with pytest.raises(ValueError):
        cmk_from_details({**details, "key_spec": "<script>"}, project_id="p")


def test_signing_algorithms_by_spec_and_digest_lengths() -> None:
    assert len(SigningAlgorithm) == 9
    assert {a.family for a in signing.signing_algorithms(KeySpec.RSA_2048)} == {KeyFamily.RSA}
    assert len(signing.signing_algorithms(KeySpec.EC_P256)) == 3
    assert signing.signing_algorithms(KeySpec.AES_256) == ()
    with pytest.raises(KmsError, match="does not sign with a EC_P256") as refused:
        signing.parse_signing_algorithm("RSASSA_PSS_SHA_256", KeySpec.EC_P256)
    assert refused.value.message_id == "sign.algorithm_spec"
    algorithm = SigningAlgorithm.ECDSA_SHA_384
    signing.check_message(bytes(48), MessageType.DIGEST, algorithm)
    with pytest.raises(KmsError) as refused:
        signing.check_message(bytes(32), MessageType.DIGEST, algorithm)
    assert refused.value.message_id == "sign.digest_length"
    with pytest.raises(KmsError) as refused:
        signing.check_message(bytes(4097), MessageType.RAW, algorithm)
    assert refused.value.message_id == "sign.message_size"
    assert signing.parse_message_type(None) is MessageType.DIGEST
    assert signing.oaep_plaintext_max(KeySpec.RSA_2048) == 190


def _der(key: object, fmt: serialization.PrivateFormat) -> bytes:
    return key.private_bytes(serialization.Encoding.DER, fmt, serialization.NoEncryption())  # type: ignore[attr-defined]


def test_pkcs8_loads_and_must_fit_the_spec(
    rsa2048: rsa.RSAPrivateKey, p384: ec.EllipticCurvePrivateKey
) -> None:
    pkcs8 = _der(rsa2048, serialization.PrivateFormat.PKCS8)
    loaded = private_keys.load_pkcs8(pkcs8, KeySpec.RSA_2048)
    assert private_keys.key_fingerprint(loaded) == private_keys.key_fingerprint(rsa2048)
    for spec, key in (
        (KeySpec.RSA_3072, pkcs8),
        (KeySpec.RSA_2048, _der(p384, serialization.PrivateFormat.PKCS8)),
    ):
        with pytest.raises(KmsError) as refused:
            private_keys.load_pkcs8(key, spec)
        assert (refused.value.code, refused.value.message_id) == (
            "KMS.2609",
            "asym.private_key_spec",
        )
    assert "an EC key on the curve secp384r1" in refused.value.message


@pytest.mark.parametrize(
    ("make", "message_id"),
    [
        (lambda k: b"", "asym.private_key_empty"),
        (lambda k: _pem(k, serialization.PrivateFormat.PKCS8), "asym.private_key_pem"),
        (
            lambda k: _der(k, serialization.PrivateFormat.TraditionalOpenSSL),
            "asym.private_key_pkcs1",
        ),
        (lambda k: _public(k), "asym.private_key_public"),
        (lambda k: _encrypted(k), "asym.private_key_encrypted"),
        (lambda k: _der(k, serialization.PrivateFormat.PKCS8)[:-10], "asym.private_key_not_der"),
        (
            lambda k: _der(k, serialization.PrivateFormat.PKCS8) + b"\x00",
            "asym.private_key_not_der",
        ),
        (lambda k: bytes(range(256)) * 4, "asym.private_key_not_der"),
        (
            lambda k: _corrupt(_der(k, serialization.PrivateFormat.PKCS8)),
            "asym.private_key_unreadable",
        ),
    ],
)
def test_every_wrong_blob_has_its_own_message(
    rsa2048: rsa.RSAPrivateKey, make, message_id: str
) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(KmsError) as refused:
        private_keys.load_pkcs8(make(rsa2048), KeySpec.RSA_2048)
    assert (refused.value.code, refused.value.message_id) == ("KMS.2608", message_id)


def test_sec1_ec_key_is_named(p384: ec.EllipticCurvePrivateKey) -> None:
    with pytest.raises(KmsError) as refused:
        private_keys.load_pkcs8(
            _der(p384, serialization.PrivateFormat.TraditionalOpenSSL), KeySpec.EC_P384
        )
    assert refused.value.message_id == "asym.private_key_sec1"


def test_an_ed25519_key_is_described() -> None:
    key = ed25519.Ed25519PrivateKey.generate()
    with pytest.raises(KmsError, match="Ed25519PrivateKey"):
        private_keys.load_pkcs8(_der(key, serialization.PrivateFormat.PKCS8), KeySpec.EC_P256)


def _pem(key: rsa.RSAPrivateKey, fmt: serialization.PrivateFormat) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, fmt, serialization.NoEncryption())


def _public(key: rsa.RSAPrivateKey) -> bytes:
    return key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _encrypted(key: rsa.RSAPrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b"passphrase"),
    )


def _corrupt(der: bytes) -> bytes:
    """A PKCS#8 key whose RSA numbers no longer agree (a byte of the modulus changed)."""
    data = bytearray(der)
    data[60] ^= 0xFF
    return bytes(data)


def test_a_tokens_zero_padding_to_the_wrap_block_is_not_part_of_the_key(
    rsa2048: rsa.RSAPrivateKey,
) -> None:
    """SoftHSM 2 pads a private key with zeros to a multiple of 8 before its RFC 5649 wrap:
    those zeros go; any other tail (or zeros that are not that padding) stays, and
    ``load_pkcs8`` refuses it."""
    pkcs8 = _der(rsa2048, serialization.PrivateFormat.PKCS8)
    pad = -len(pkcs8) % 8 or 8
    padded = pkcs8 + bytes(pad)
    if pad < 8:
        assert private_keys.without_block_padding(padded) == pkcs8
    for tail in (b"\x01" + bytes(pad - 1), bytes(pad + 8), bytes(8) if pad == 8 else b""):
        assert private_keys.without_block_padding(pkcs8 + tail) == pkcs8 + tail
    p256 = _der(ec.generate_private_key(ec.SECP256R1()), serialization.PrivateFormat.PKCS8)
    assert len(p256) % 8 and private_keys.without_block_padding(p256 + bytes(-len(p256) % 8))
    assert private_keys.load_pkcs8(
        private_keys.without_block_padding(p256 + bytes(-len(p256) % 8)), KeySpec.EC_P256
    )
