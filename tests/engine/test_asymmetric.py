"""Asymmetric keys in the engine: create with spec and usage, import a private key in two
layers (each wrong input refused with its own error, the key left Pending import), sign and
validate with the nine algorithms, show the public key, RSA-OAEP encrypt and decrypt."""

from __future__ import annotations

import hashlib

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa, utils

from app.engine import LocalKms
from app.model.keys import KeySpec, KeyState, KeyUsage, Origin
from app.model.private_keys import key_fingerprint
from app.model.signing import MessageType, SigningAlgorithm, signing_algorithms
from tests.engine.helpers import P, params, refused, rows
from tests.helpers import pkcs8_of, wrap_private_for

_KEYS: dict[str, object] = {}


def private(spec: KeySpec) -> rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey:
    """One private key per spec for the module (RSA-4096 takes a while to make)."""
    if spec.value not in _KEYS:
        if spec.rsa_bits:
            _KEYS[spec.value] = rsa.generate_private_key(
                public_exponent=65537, key_size=spec.rsa_bits
            )
        else:
            curve = ec.SECP256R1() if spec.curve == "secp256r1" else ec.SECP384R1()
            _KEYS[spec.value] = ec.generate_private_key(curve)
    return _KEYS[spec.value]  # type: ignore[return-value]


def new_key(
    kms: LocalKms, spec: KeySpec, usage: KeyUsage | None = None, alias: str = "asym"
) -> str:
    return kms.create_key(
        project_id=P, key_alias=alias, origin=Origin.EXTERNAL, key_spec=spec, key_usage=usage
    ).key_id


def import_pair(kms: LocalKms, key_id: str, pkcs8: bytes, **overrides: object):  # type: ignore[no-untyped-def]
    p = params(kms, key_id)
    material, wrapped = wrap_private_for(p, pkcs8)
    request = {
        "project_id": P,
        "key_id": key_id,
        "import_token": p.import_token,
        "encrypted_key_material": material,
        "encrypted_privatekey": wrapped,
    }
    return kms.import_key_material(**{**request, **overrides})


def imported(kms: LocalKms, spec: KeySpec, usage: KeyUsage | None = None) -> str:
    key_id = new_key(kms, spec, usage, alias=f"{spec.value}-{usage}")
    import_pair(kms, key_id, pkcs8_of(private(spec)))
    return key_id


def test_create_key_takes_spec_and_usage_with_the_consoles_defaults(kms: LocalKms) -> None:
    rsa_key = kms.create_key(project_id=P, key_alias="r", origin="external", key_spec="RSA_2048")
    assert (rsa_key.key_spec, rsa_key.key_usage) == (KeySpec.RSA_2048, KeyUsage.SIGN_VERIFY)
    assert rsa_key.state is KeyState.PENDING_IMPORT and not rsa_key.has_material
    aes = kms.create_key(project_id=P, key_alias="a")
    assert (aes.key_spec, aes.key_usage) == (KeySpec.AES_256, KeyUsage.ENCRYPT_DECRYPT)
    before = rows(kms)
    error = refused(
        "KMS.0308", kms.create_key, project_id=P, key_alias="e", key_spec="EC_P256",
        key_usage="ENCRYPT_DECRYPT",
    )  # fmt: skip
    assert error.message_id == "key_usage.spec"
    assert refused(
        "KMS.0308", kms.create_key, project_id=P, key_alias="s", key_spec="SM2"
    ).message_id == ("key_spec.unsupported")
    assert rows(kms) == before


@pytest.mark.parametrize("spec", [KeySpec.RSA_2048, KeySpec.EC_P384])
def test_origin_kms_makes_the_pair_in_the_engine(kms: LocalKms, spec: KeySpec) -> None:
    cmk = kms.create_key(project_id=P, key_alias="made", origin="kms", key_spec=spec)
    assert cmk.state is KeyState.ENABLED and cmk.kcv is None
    pem = kms.get_public_key(project_id=P, key_id=cmk.key_id)
    public = serialization.load_pem_public_key(pem.encode())
    assert key_fingerprint(public) == cmk.public_key_fingerprint
    digest = hashlib.sha256(b"hello").digest()
    algorithm = signing_algorithms(spec)[0]
    signature = kms.sign(
        project_id=P, key_id=cmk.key_id, message=digest, signing_algorithm=algorithm
    )
    assert kms.validate_signature(
        project_id=P,
        key_id=cmk.key_id,
        message=digest,
        signature=signature,
        signing_algorithm=algorithm,
    )


@pytest.mark.parametrize("spec", [s for s in KeySpec if s.is_asymmetric])
def test_each_spec_imports_and_shows_its_fingerprint(kms: LocalKms, spec: KeySpec) -> None:
    key_id = new_key(kms, spec)
    cmk = import_pair(kms, key_id, pkcs8_of(private(spec)))
    assert cmk.state is KeyState.ENABLED and cmk.kcv is None
    assert cmk.public_key_fingerprint == key_fingerprint(private(spec))
    assert kms.describe_key(project_id=P, key_id=key_id) == cmk


def _pkcs1(key: rsa.RSAPrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    )


def _pem(key: rsa.RSAPrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _public(key: rsa.RSAPrivateKey) -> bytes:
    return key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


WRONG_KEYS = [
    (
        "p384 into RSA_2048",
        lambda: pkcs8_of(private(KeySpec.EC_P384)),
        "KMS.2609",
        "asym.private_key_spec",
    ),
    (
        "3072 into RSA_2048",
        lambda: pkcs8_of(private(KeySpec.RSA_3072)),
        "KMS.2609",
        "asym.private_key_spec",
    ),
    (
        "public key",
        lambda: _public(private(KeySpec.RSA_2048)),
        "KMS.2608",
        "asym.private_key_public",
    ),
    ("PKCS#1", lambda: _pkcs1(private(KeySpec.RSA_2048)), "KMS.2608", "asym.private_key_pkcs1"),
    ("PEM", lambda: _pem(private(KeySpec.RSA_2048)), "KMS.2608", "asym.private_key_pem"),
]


@pytest.mark.parametrize(
    ("name", "blob", "code", "message_id"), WRONG_KEYS, ids=[w[0] for w in WRONG_KEYS]
)
def test_each_wrong_private_key_has_its_error(kms: LocalKms, name, blob, code, message_id) -> None:  # type: ignore[no-untyped-def]
    key_id = new_key(kms, KeySpec.RSA_2048)
    before = rows(kms)
    error = refused(code, import_pair, kms, key_id, blob())
    assert error.message_id == message_id
    assert rows(kms) == before
    assert kms.describe_key(project_id=P, key_id=key_id).state is KeyState.PENDING_IMPORT


def test_truncated_corrupted_or_misplaced_wraps(kms: LocalKms) -> None:
    key_id = new_key(kms, KeySpec.EC_P256)
    pkcs8 = pkcs8_of(private(KeySpec.EC_P256))
    p = params(kms, key_id)
    material, wrapped = wrap_private_for(p, pkcs8)
    _, other = wrap_private_for(p, pkcs8)  # under another temporary key
    corrupted = bytearray(wrapped)
    corrupted[20] ^= 1
    before = rows(kms)
    base = {"project_id": P, "key_id": key_id, "import_token": p.import_token}
    for blob, code, message_id in (
        (wrapped[:-8], "KMS.0311", "asym.private_key_unwrap"),
        (wrapped[:-3], "KMS.0311", "asym.private_key_size"),
        (bytes(corrupted), "KMS.0311", "asym.private_key_unwrap"),
        (other, "KMS.0311", "asym.private_key_unwrap"),
        ("not base64!", "KMS.0308", "asym.private_key_not_base64"),
    ):
        error = refused(
            code,
            kms.import_key_material,
            **base,
            encrypted_key_material=material,
            encrypted_privatekey=blob,
        )
        assert error.message_id == message_id
    short_material, wrapped_short = wrap_private_for(p, pkcs8, temporary=bytes(range(1, 25)))
    error = refused(
        "KMS.2604", kms.import_key_material, **base, encrypted_key_material=short_material,
        encrypted_privatekey=wrapped_short,
    )  # fmt: skip
    assert error.message_id == "asym.temporary_key_length"
    assert refused(
        "KMS.0204", kms.import_key_material, **base, encrypted_key_material=material
    ).message_id == ("asym.private_key_missing")
    error = refused(
        "KMS.2611", kms.import_key_material, **base, encrypted_key_material=material,
        encrypted_privatekey=wrapped, expiration_time=int(kms.clock.now()) + 3600,
    )  # fmt: skip
    assert error.message_id == "asym.no_expiry"
    assert rows(kms) == before


def test_a_private_key_into_a_symmetric_key_is_refused(kms: LocalKms) -> None:
    key_id = kms.create_key(project_id=P, key_alias="aes", origin="external").key_id
    error = refused("KMS.0308", import_pair, kms, key_id, pkcs8_of(private(KeySpec.EC_P256)))
    assert error.message_id == "asym.private_key_symmetric"


def test_reimport_takes_only_the_same_key_and_material_stays(kms: LocalKms) -> None:
    from app.engine import records

    key_id = imported(kms, KeySpec.EC_P256)
    error = refused("KMS.2611", kms.delete_imported_key_material, project_id=P, key_id=key_id)
    assert error.message_id == "asym.no_delete_material"
    with kms.store.write() as conn:  # as if the material had gone: only re-import is left
        records.clear_material(conn, key_id)
    other = ec.generate_private_key(ec.SECP256R1())
    assert refused("KMS.2606", import_pair, kms, key_id, pkcs8_of(other)).message_id == (
        "asym.private_key_differs"
    )
    same = import_pair(kms, key_id, pkcs8_of(private(KeySpec.EC_P256)))
    assert same.state is KeyState.ENABLED


def _verify_outside(public, algorithm: SigningAlgorithm, signature: bytes, digest: bytes) -> None:  # type: ignore[no-untyped-def]
    prehashed = utils.Prehashed(algorithm.hash())
    if algorithm.family.value == "ec":
        public.verify(signature, digest, ec.ECDSA(prehashed))
    elif algorithm.is_pss:
        pss = padding.PSS(mgf=padding.MGF1(algorithm.hash()), salt_length=padding.PSS.DIGEST_LENGTH)
        public.verify(signature, digest, pss, prehashed)
    else:
        public.verify(signature, digest, padding.PKCS1v15(), prehashed)


@pytest.mark.parametrize("algorithm", list(SigningAlgorithm))
def test_all_nine_algorithms_sign_and_verify_outside(
    kms: LocalKms, algorithm: SigningAlgorithm
) -> None:
    spec = KeySpec.EC_P256 if algorithm.family.value == "ec" else KeySpec.RSA_2048
    key_id = imported(kms, spec)
    message = b"the message to sign"
    hasher = hashes.Hash(algorithm.hash())
    hasher.update(message)
    digest = hasher.finalize()
    by_digest = kms.sign(project_id=P, key_id=key_id, message=digest, signing_algorithm=algorithm)
    by_raw = kms.sign(
        project_id=P,
        key_id=key_id,
        message=message,
        signing_algorithm=algorithm.value,
        message_type="RAW",
    )
    public = private(spec).public_key()
    for signature in (by_digest, by_raw):
        _verify_outside(public, algorithm, signature, digest)
        assert kms.validate_signature(
            project_id=P,
            key_id=key_id,
            message=digest,
            signature=signature,
            signing_algorithm=algorithm,
        )
        assert kms.validate_signature(
            project_id=P, key_id=key_id, message=message, signature=signature,
            signing_algorithm=algorithm, message_type=MessageType.RAW,
        )  # fmt: skip
    assert not kms.validate_signature(
        project_id=P,
        key_id=key_id,
        message=bytes(len(digest)),
        signature=by_digest,
        signing_algorithm=algorithm,
    )


def test_signing_refusals(kms: LocalKms) -> None:
    signer = imported(kms, KeySpec.RSA_2048)
    encrypter = imported(kms, KeySpec.RSA_2048, KeyUsage.ENCRYPT_DECRYPT)
    digest = bytes(32)
    call = {"project_id": P, "message": digest, "signing_algorithm": "RSASSA_PSS_SHA_256"}
    assert refused("KMS.2610", kms.sign, key_id=encrypter, **call).message_id == "sign.usage_sign"
    error = refused(
        "KMS.0308", kms.sign, key_id=signer, **{**call, "signing_algorithm": "ECDSA_SHA_256"}
    )
    assert error.message_id == "sign.algorithm_spec"
    error = refused("KMS.0308", kms.sign, key_id=signer, **{**call, "message": bytes(20)})
    assert error.message_id == "sign.digest_length"
    error = refused(
        "KMS.0308",
        kms.sign,
        key_id=signer,
        **{**call, "message": bytes(4097), "message_type": "RAW"},
    )
    assert error.message_id == "sign.message_size"
    aes = kms.create_key(project_id=P, key_alias="aes").key_id
    assert (
        refused("KMS.0308", kms.get_public_key, project_id=P, key_id=aes).message_id
        == "asym.not_asymmetric"
    )
    kms.disable_key(project_id=P, key_id=signer)
    refused("KMS.0209", kms.sign, key_id=signer, **call)
    pending = new_key(kms, KeySpec.EC_P384, alias="pending")
    refused("KMS.1301", kms.get_public_key, project_id=P, key_id=pending)


def test_rsa_oaep_encrypts_and_decrypts(kms: LocalKms) -> None:
    key_id = imported(kms, KeySpec.RSA_3072, KeyUsage.ENCRYPT_DECRYPT)
    blob = kms.encrypt_data(
        project_id=P, key_id=key_id, plain_text=b"secret", encryption_algorithm="RSAES_OAEP_SHA_256"
    )
    oaep = padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None)
    assert private(KeySpec.RSA_3072).decrypt(blob, oaep) == b"secret"  # type: ignore[union-attr]
    assert kms.decrypt_data(
        project_id=P, cipher_text=blob, key_id=key_id, encryption_algorithm="RSAES_OAEP_SHA_256"
    ) == (key_id, b"secret")
    error = refused(
        "KMS.2101", kms.encrypt_data, project_id=P, key_id=key_id, plain_text=bytes(319)
    )
    assert error.message_id == "encrypt.rsa_plaintext_size"
    error = refused(
        "KMS.0308", kms.encrypt_data, project_id=P, key_id=key_id, plain_text=b"x",
        encryption_algorithm="SYMMETRIC_DEFAULT",
    )  # fmt: skip
    assert error.message_id == "encrypt.algorithm"
    error = refused(
        "KMS.0204",
        kms.decrypt_data,
        project_id=P,
        cipher_text=blob,
        encryption_algorithm="RSAES_OAEP_SHA_256",
    )
    assert error.message_id == "encrypt.key_id_needed"
    refused(
        "KMS.2201", kms.decrypt_data, project_id=P, cipher_text=blob[:-1] + b"\0", key_id=key_id
    )
    refused("KMS.2611", kms.create_datakey, project_id=P, key_id=key_id)
    signer = imported(kms, KeySpec.EC_P256)
    assert refused(
        "KMS.2610", kms.encrypt_data, project_id=P, key_id=signer, plain_text=b"x"
    ).message_id == ("sign.usage_encrypt")
