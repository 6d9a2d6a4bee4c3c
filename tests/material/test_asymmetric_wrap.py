"""The two-layer wrap of a private key on the user's side, checked against openssl: what
Keyferry wraps, openssl unwraps to the same PKCS#8 key, and the other way round."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.keywrap import aes_key_unwrap_with_padding

from app.material import asymmetric
from app.material.recipes import asymmetric_recipe, private_key_steps
from app.model.errors import KmsError
from app.model.importing import WrappingAlgorithm
from app.model.keys import IMPORTABLE_SPECS, KeySpec
from app.model.private_keys import key_fingerprint, load_pkcs8


@pytest.fixture(scope="module")
def wrapping() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _run(*argv: str, cwd: Path) -> None:
    subprocess.run(argv, cwd=cwd, check=True, capture_output=True)


@pytest.mark.parametrize("spec", [s for s in IMPORTABLE_SPECS if s.is_asymmetric])
def test_generated_key_wraps_and_openssl_unwraps_it(
    spec: KeySpec, wrapping: rsa.RSAPrivateKey, tmp_path: Path
) -> None:
    key = asymmetric.generate_private_key(spec)
    wrapped = asymmetric.wrap_private_key(
        key, spec, wrapping.public_key(), WrappingAlgorithm.RSAES_OAEP_SHA_256
    )
    material, private = asymmetric.write_wrapped(
        wrapped, tmp_path / "EncryptedKeyMaterial.bin", tmp_path / "out_rsa_private_key.der"
    )
    assert wrapped.fingerprint == key_fingerprint(key)
    assert oct(material.stat().st_mode & 0o777) == oct(private.stat().st_mode & 0o777) == "0o600"
    temporary = wrapping.decrypt(
        material.read_bytes(),
        padding.OAEP(mgf=padding.MGF1(_sha256()), algorithm=_sha256(), label=None),
    )
    # openssl's own RFC 5649 unwrap (enc -d -id-aes256-wrap-pad), unpatched on OpenSSL 3.
    _run(
        "openssl", "enc", "-d", "-id-aes256-wrap-pad", "-K", temporary.hex(), "-iv", "A65959A6",
        "-in", private.name, "-out", "key.der", cwd=tmp_path,
    )  # fmt: skip
    assert (
        key_fingerprint(load_pkcs8((tmp_path / "key.der").read_bytes(), spec))
        == wrapped.fingerprint
    )


def test_openssl_wrapped_key_unwraps_here(tmp_path: Path) -> None:
    """The console guide's commands, run as the recipe writes them."""
    wrapping = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    (tmp_path / "PublicKey.bin").write_bytes(
        wrapping.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    steps = private_key_steps(KeySpec.EC_P256) + asymmetric_recipe(
        WrappingAlgorithm.RSAES_OAEP_SHA_256, "PublicKey.bin"
    )
    for step in steps:
        _run(*step.argv, cwd=tmp_path)
    temporary = wrapping.decrypt(
        (tmp_path / "EncryptedKeyMaterial.bin").read_bytes(),
        padding.OAEP(mgf=padding.MGF1(_sha256()), algorithm=_sha256(), label=None),
    )
    der = aes_key_unwrap_with_padding(
        temporary, (tmp_path / "out_rsa_private_key.der").read_bytes()
    )
    loaded = asymmetric.load_private_key(tmp_path / "pkcs1.pem")
    assert key_fingerprint(load_pkcs8(der, KeySpec.EC_P256)) == key_fingerprint(loaded)


def test_private_key_files_in_every_form(tmp_path: Path) -> None:
    key = asymmetric.generate_private_key(KeySpec.RSA_2048)
    forms = {
        "pkcs8.pem": (serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8),
        "pkcs1.pem": (serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL),
        "pkcs8.der": (serialization.Encoding.DER, serialization.PrivateFormat.PKCS8),
        "pkcs1.der": (serialization.Encoding.DER, serialization.PrivateFormat.TraditionalOpenSSL),
    }
    for name, (encoding, fmt) in forms.items():
        (tmp_path / name).write_bytes(
            key.private_bytes(encoding, fmt, serialization.NoEncryption())
        )
        assert not asymmetric.needs_passphrase(tmp_path / name)
        assert key_fingerprint(asymmetric.load_private_key(tmp_path / name)) == key_fingerprint(key)
    locked = tmp_path / "locked.pem"
    locked.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(b"open sesame"),
        )
    )
    assert asymmetric.needs_passphrase(locked)
    assert _problem(asymmetric.load_private_key, locked).message_id == "private_key.passphrase"
    assert _problem(asymmetric.load_private_key, locked, b"wrong").message_id == (
        "private_key.bad_passphrase"
    )
    opened = asymmetric.load_private_key(locked, b"open sesame")
    assert key_fingerprint(opened) == key_fingerprint(key)


def test_wrong_private_key_files(tmp_path: Path) -> None:
    key = asymmetric.generate_private_key(KeySpec.EC_P256)
    public = tmp_path / "public.pem"
    public.write_bytes(
        key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    assert _problem(asymmetric.load_private_key, public).message_id == "private_key.is_public"
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x00" * 100)
    assert _problem(asymmetric.load_private_key, junk).message_id == "private_key.not_a_key"
    wrapping = rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key()
    refused = _problem(
        asymmetric.wrap_private_key,
        key,
        KeySpec.EC_P384,
        wrapping,
        WrappingAlgorithm.RSAES_PKCS1_V1_5,
    )
    assert (refused.code, refused.message_id) == ("KMS.2609", "asym.private_key_spec")
    assert _problem(asymmetric.generate_private_key, KeySpec.AES_256).message_id == (
        "private_key.spec_none"
    )


def _problem(call, *args) -> KmsError:  # type: ignore[no-untyped-def]
    with pytest.raises(KmsError) as caught:
        call(*args)
    return caught.value


def _sha256():  # type: ignore[no-untyped-def]
    from cryptography.hazmat.primitives import hashes

    return hashes.SHA256()
