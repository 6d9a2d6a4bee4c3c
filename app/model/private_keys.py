"""Private keys of an asymmetric import: the PKCS#8 rule, the fit to a key spec, and the
public key's SHA-256 fingerprint (an asymmetric key's counterpart of the KCV).

The engine reads an unwrapped ``encrypted_privatekey`` with ``load_pkcs8``; the user's side
(``app.material.asymmetric``) checks a key before wrapping it with ``check_fits``, so a key
that the engine would refuse is refused before anything is written. Every way a blob is not
a usable PKCS#8 private key has its own message: a PEM file, a PKCS#1 or SEC1 key, an
encrypted PKCS#8 key, a public key, anything else. Messages never quote the key.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any, cast

from app.model.errors import KmsError
from app.model.keys import KeyFamily, KeySpec
from app.model.messages import Message

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.types import (
        PrivateKeyTypes,
        PublicKeyTypes,
    )

    from app.model.keys import Cmk

#: The temporary AES key of an asymmetric import is 256 bits.
TEMPORARY_KEY_LENGTH = 32
#: An RSA-4096 PKCS#8 key is about 2,400 bytes; nothing we import is larger than this.
PRIVATE_KEY_MAX_BYTES = 8192

_SEQUENCE, _INTEGER, _OCTET_STRING, _BIT_STRING = 0x30, 0x02, 0x04, 0x03


def public_key_der(key: PrivateKeyTypes | PublicKeyTypes) -> bytes:
    """The DER SubjectPublicKeyInfo of a key or of a private key's public half."""
    from cryptography.hazmat.primitives import serialization

    public: Any = key.public_key() if hasattr(key, "private_bytes") else key  # type: ignore[union-attr]
    return cast("PublicKeyTypes", public).public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def fingerprint(public_der: bytes) -> str:
    """SHA-256 of a DER SubjectPublicKeyInfo, lower-case hex: what ``openssl pkey -pubout
    -outform DER | openssl dgst -sha256`` prints."""
    return hashlib.sha256(public_der).hexdigest()


def key_fingerprint(key: PrivateKeyTypes | PublicKeyTypes) -> str:
    return fingerprint(public_key_der(key))


def describe_key(key: PrivateKeyTypes | PublicKeyTypes) -> Message:
    """What a key is, for messages: "an RSA 3072-bit key", "an EC key on secp384r1"."""
    from cryptography.hazmat.primitives.asymmetric import ec, rsa

    if isinstance(key, rsa.RSAPrivateKey | rsa.RSAPublicKey):
        return Message("asym.kind_rsa", bits=key.key_size)
    if isinstance(key, ec.EllipticCurvePrivateKey | ec.EllipticCurvePublicKey):
        return Message("asym.kind_ec", curve=key.curve.name)
    return Message("asym.kind_other", kind=type(key).__name__.lstrip("_"))


def fits(key: PrivateKeyTypes, spec: KeySpec) -> bool:
    from cryptography.hazmat.primitives.asymmetric import ec, rsa

    if spec.family is KeyFamily.RSA:
        return isinstance(key, rsa.RSAPrivateKey) and key.key_size == spec.rsa_bits
    if spec.family is KeyFamily.EC:
        return isinstance(key, ec.EllipticCurvePrivateKey) and key.curve.name == spec.curve
    return False


def check_fits(key: PrivateKeyTypes, spec: KeySpec) -> None:
    """Refuse a private key of another kind or size than ``spec`` (KMS.2609)."""
    if not fits(key, spec):
        raise KmsError(
            "KMS.2609", "asym.private_key_spec", found=describe_key(key), spec=spec.value
        )


def check_importable(cmk: Cmk, *, has_private_key: bool, expiration_time: object) -> None:
    """The import request's shape for the key: an asymmetric key takes a private key and
    no expiry; a symmetric one takes no private key."""
    if cmk.key_spec.is_asymmetric:
        if not has_private_key:
            raise KmsError("KMS.0204", "asym.private_key_missing", spec=cmk.key_spec.value)
        if expiration_time is not None:
            raise KmsError("KMS.2611", "asym.no_expiry", spec=cmk.key_spec.value)
    elif has_private_key:
        raise KmsError("KMS.0308", "asym.private_key_symmetric", spec=cmk.key_spec.value)


def load_pkcs8(der: bytes, spec: KeySpec) -> PrivateKeyTypes:
    """An unencrypted PKCS#8 DER private key that fits ``spec``, or the error that says
    what ``der`` is instead (KMS.2608) or which key it holds (KMS.2609)."""
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives import serialization

    _check_pkcs8_shape(der)
    try:
        key = serialization.load_der_private_key(der, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        raise KmsError("KMS.2608", "asym.private_key_unreadable") from None
    check_fits(key, spec)
    return key


#: The key-wrap block: SoftHSM 2 pads a private key with zeros to a multiple of it before
#: its RFC 5649 wrap (``CKM_AES_KEY_WRAP_PAD``), so the unwrapped bytes end in zeros.
KEY_WRAP_BLOCK = 8


def without_block_padding(der: bytes) -> bytes:
    """A DER structure followed by fewer than 8 zero bytes that round it up to the key-wrap
    block, without those zeros; anything else unchanged (``load_pkcs8`` judges it)."""
    outer = _element(der, 0)
    if outer is None or outer[0] != _SEQUENCE or outer[2] >= len(der):
        return der
    end, extra = outer[2], len(der) - outer[2]
    if len(der) % KEY_WRAP_BLOCK or extra >= KEY_WRAP_BLOCK or any(der[end:]):
        return der
    return der[:end]


def _check_pkcs8_shape(der: bytes) -> None:
    """PrivateKeyInfo is SEQUENCE { INTEGER, SEQUENCE algorithm, OCTET STRING }. The first
    two elements tell PKCS#1 (INTEGER, INTEGER), SEC1 (INTEGER, OCTET STRING), encrypted
    PKCS#8 and public keys (SEQUENCE, ...) apart."""
    if not der:
        raise KmsError("KMS.2608", "asym.private_key_empty")
    if der.lstrip()[:10] == b"-----BEGIN":
        raise KmsError("KMS.2608", "asym.private_key_pem")
    outer = _element(der, 0)
    if outer is None or outer[0] != _SEQUENCE or outer[2] != len(der):
        raise KmsError("KMS.2608", "asym.private_key_not_der")
    first = _element(der, outer[1])
    second = _element(der, first[2]) if first else None
    if first is None or second is None:
        raise KmsError("KMS.2608", "asym.private_key_not_der")
    if first[0] == _SEQUENCE:
        kind = (
            "asym.private_key_public" if second[0] == _BIT_STRING else "asym.private_key_encrypted"
        )
        raise KmsError("KMS.2608", kind)
    if first[0] == _INTEGER and second[0] == _INTEGER:
        raise KmsError("KMS.2608", "asym.private_key_pkcs1")
    if first[0] == _INTEGER and second[0] == _OCTET_STRING:
        raise KmsError("KMS.2608", "asym.private_key_sec1")
    if first[0] != _INTEGER or second[0] != _SEQUENCE:
        raise KmsError("KMS.2608", "asym.private_key_not_der")


def _element(der: bytes, offset: int) -> tuple[int, int, int] | None:
    """The DER element at ``offset``: (tag, where its content starts, where it ends), or
    None when the bytes there are not one."""
    if offset + 2 > len(der):
        return None
    tag, length = der[offset], der[offset + 1]
    start = offset + 2
    if length & 0x80:
        count = length & 0x7F
        if not 1 <= count <= 3 or start + count > len(der):
            return None
        length = int.from_bytes(der[start : start + count], "big")
        start += count
    end = start + length
    return (tag, start, end) if end <= len(der) else None
