"""A token's RSA and EC private keys, and their wrap for an asymmetric import, in the token.

The console's two layers, done by the token: a temporary AES-256 key generated in the token
(a session object, extractable, gone with the session), wrapped with the downloaded wrapping
key exactly as AES material is (``EncryptedKeyMaterial.bin``), and the private key wrapped
under that temporary key with AES key wrap with padding, RFC 5649 (``out_rsa_private_key.der``:
the token wraps its PKCS#8 encoding). Neither the private key nor the temporary key ever
leaves the token in plaintext. The proof to compare is the public key's SHA-256 fingerprint,
computed from the token's public attributes as ``app.model.private_keys`` computes it.

RFC 5649 is ``CKM_AES_KEY_WRAP_KWP`` in PKCS#11 3.0 and ``CKM_AES_KEY_WRAP_PAD`` in the 2.40
tokens that offer it (SoftHSM 2 among them); the first is used when offered.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

import pkcs11
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from pkcs11 import Attribute, KeyType, Mechanism, MechanismFlag, ObjectClass
from pkcs11 import exceptions as p11

from app.material.hsm.failures import SESSION_LOST, reason, translated
from app.material.hsm.problems import HsmError, HsmProblem
from app.material.hsm.session import public_template, wrap_with
from app.material.hsm.values import TokenPrivateKey
from app.model.importing import WrappingAlgorithm
from app.model.keys import IMPORTABLE_SPECS, KeyFamily, KeySpec
from app.model.private_keys import TEMPORARY_KEY_LENGTH, key_fingerprint

#: RFC 5649 by its PKCS#11 names, the one PKCS#11 3.0 gives it first.
KEY_WRAP_PAD = (Mechanism.AES_KEY_WRAP_KWP, Mechanism.AES_KEY_WRAP_PAD)
#: The named curves by their DER OID, as CKA_EC_PARAMS holds them.
CURVE_PARAMS = {
    "secp256r1": bytes.fromhex("06082a8648ce3d030107"),
    "secp384r1": bytes.fromhex("06052b81040022"),
    "secp521r1": bytes.fromhex("06052b81040023"),
}
_CURVE_NAMES = {params: name for name, params in CURVE_PARAMS.items()}
_CURVES: dict[str, ec.EllipticCurve] = {
    "secp256r1": ec.SECP256R1(),
    "secp384r1": ec.SECP384R1(),
    "secp521r1": ec.SECP521R1(),
}
_DESCRIBED = (
    Attribute.KEY_TYPE,
    Attribute.LABEL,
    Attribute.ID,
    Attribute.EXTRACTABLE,
    Attribute.SENSITIVE,
    Attribute.WRAP_WITH_TRUSTED,
)
_KEY_TYPES = {KeyType.RSA: "RSA", KeyType.EC: "EC"}
_CAPABILITIES = {
    KeyFamily.RSA: MechanismFlag.SIGN
    | MechanismFlag.VERIFY
    | MechanismFlag.ENCRYPT
    | MechanismFlag.DECRYPT,
    KeyFamily.EC: MechanismFlag.SIGN | MechanismFlag.VERIFY,
}
_REFUSED = (p11.ArgumentsBad, p11.MechanismInvalid, p11.MechanismParamInvalid)


@dataclass(frozen=True)
class TokenPrivateWrap:
    """The two files' bytes the token produced, and the key they hold."""

    encrypted_key_material: bytes
    encrypted_private_key: bytes
    key: TokenPrivateKey


def key_wrap_mechanism(offered: set[Any], token: str) -> Mechanism:
    """RFC 5649 among the token's mechanisms, or the sentence saying the token has none."""
    for mechanism in KEY_WRAP_PAD:
        if mechanism in offered:
            return mechanism
    raise HsmError(HsmProblem.NO_KEY_WRAP_PAD, token=token)


class TokenPrivateKeys:
    """The private keys of a logged-in session (``TokenSession.private_keys``)."""

    def __init__(self, session: pkcs11.Session, token_label: str) -> None:
        self._session, self.token_label = session, token_label

    def keys(self) -> list[TokenPrivateKey]:
        """The token's RSA and EC private keys, each with its public key's fingerprint."""
        with self._translated():
            found = self._session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY})
            described = (self._describe(o) for o in list(found))
            return sorted((k for k in described if k), key=lambda k: (k.label, k.key_id))

    def key(self, label: str) -> TokenPrivateKey:
        with self._translated():
            described = self._describe(self._object(label))
        if described is None:
            raise HsmError(HsmProblem.NO_SUCH_PRIVATE_KEY, token=self.token_label, label=label)
        return described

    def generate(
        self, label: str, spec: KeySpec, *, random: Callable[[int], bytes] = os.urandom
    ) -> TokenPrivateKey:
        """A new key pair of ``spec`` in the token: stored, the private key private,
        sensitive and extractable (so the token can wrap it, and nobody can read it)."""
        with self._translated():
            if list(self._session.get_objects({Attribute.LABEL: label})):
                raise HsmError(HsmProblem.LABEL_EXISTS, token=self.token_label, label=label)
            options: dict[str, Any] = {
                "id": random(8),
                "label": label,
                "store": True,
                "capabilities": _CAPABILITIES[spec.family],
                "public_template": {Attribute.PRIVATE: False},
                "private_template": {
                    Attribute.PRIVATE: True,
                    Attribute.SENSITIVE: True,
                    Attribute.EXTRACTABLE: True,
                },
            }
            try:
                if spec.family is KeyFamily.RSA:
                    self._session.generate_keypair(KeyType.RSA, spec.rsa_bits, **options)
                else:
                    params = {Attribute.EC_PARAMS: CURVE_PARAMS[str(spec.curve)]}
                    domain = self._session.create_domain_parameters(KeyType.EC, params, local=True)
                    domain.generate_keypair(**options)
            except (p11.TokenWriteProtected, p11.SessionReadOnly):
                raise HsmError(HsmProblem.READ_ONLY, token=self.token_label) from None
        return self.key(label)

    def destroy(self, label: str) -> None:
        """Destroy the pair ``label`` (only a pair this same call generated and never wrapped
        out: see ``wrap_file``)."""
        with self._translated():
            for found in list(self._session.get_objects({Attribute.LABEL: label})):
                found.destroy()

    def wrap_for_import(
        self,
        *,
        label: str,
        spec: KeySpec | None,
        wrapping_key: RSAPublicKey,
        algorithm: WrappingAlgorithm,
    ) -> TokenPrivateWrap:
        """Both layers of an asymmetric import of the private key ``label``, made in the
        token; ``spec`` (else the key's own) is the spec it must fit."""
        with self._translated():
            mechanism = key_wrap_mechanism(self._offered(), self.token_label)
            key = self._object(label)
            info = self._describe(key)
            if info is None:
                raise HsmError(HsmProblem.NO_SUCH_PRIVATE_KEY, token=self.token_label, label=label)
            _check_importable(info, spec)
            temporary = self._session.generate_key(
                KeyType.AES,
                TEMPORARY_KEY_LENGTH * 8,
                store=False,
                capabilities=MechanismFlag.WRAP,
                template={Attribute.SENSITIVE: True, Attribute.EXTRACTABLE: True},
            )
            try:
                material = self._wrap_temporary(temporary, wrapping_key, algorithm, label)
                private = _wrap_private(temporary, key, info, mechanism, self.token_label)
            finally:
                temporary.destroy()
        return TokenPrivateWrap(material, private, info)

    def _wrap_temporary(
        self, temporary: Any, wrapping_key: RSAPublicKey, algorithm: WrappingAlgorithm, label: str
    ) -> bytes:
        public = self._session.create_object(public_template(wrapping_key))
        try:
            return wrap_with(public, temporary, label, algorithm)
        finally:
            public.destroy()

    def _offered(self) -> set[Any]:
        slot = self._session.token.slot
        return {m for m in slot.get_mechanisms() if m in KEY_WRAP_PAD and _wraps(slot, m)}

    def _object(self, label: str) -> Any:
        query = {Attribute.CLASS: ObjectClass.PRIVATE_KEY, Attribute.LABEL: label}
        found = [o for o in self._session.get_objects(query) if _key_type(o) in _KEY_TYPES]
        if not found:
            raise HsmError(HsmProblem.NO_SUCH_PRIVATE_KEY, token=self.token_label, label=label)
        if len(found) > 1:
            raise HsmError(HsmProblem.AMBIGUOUS_KEY, token=self.token_label, label=label)
        return found[0]

    def _describe(self, key: Any) -> TokenPrivateKey | None:
        """The key as its attributes say, or None for a key that is neither RSA nor EC."""
        found = _attributes(key, _DESCRIBED)
        family = _KEY_TYPES.get(found.get(Attribute.KEY_TYPE))  # type: ignore[arg-type]
        if family is None:
            return None
        public = self._public_key(key, found, family)
        size: int | str = public.key_size if isinstance(public, rsa.RSAPublicKey) else 0
        if family == "EC":
            size = _curve(_attributes(key, (Attribute.EC_PARAMS,)).get(Attribute.EC_PARAMS))
        extractable = bool(found.get(Attribute.EXTRACTABLE, False))
        return TokenPrivateKey(
            label=str(found.get(Attribute.LABEL, "")),
            key_id=bytes(found.get(Attribute.ID, b"")).hex().upper(),
            family=family,
            size=size,
            spec=_spec(family, size),
            extractable=extractable,
            sensitive=bool(found.get(Attribute.SENSITIVE, True)),
            wrappable=extractable and not found.get(Attribute.WRAP_WITH_TRUSTED, False),
            fingerprint=key_fingerprint(public) if public is not None else None,
        )

    def _public_key(self, key: Any, found: dict[Attribute, Any], family: str) -> Any:
        """The public half, from the private key's public attributes (RSA) or the token's
        public key object of the same ID, else label (EC keeps its point there only)."""
        if family == "RSA":
            numbers = _attributes(key, (Attribute.MODULUS, Attribute.PUBLIC_EXPONENT))
            if len(numbers) == 2:
                return rsa.RSAPublicNumbers(
                    int.from_bytes(numbers[Attribute.PUBLIC_EXPONENT], "big"),
                    int.from_bytes(numbers[Attribute.MODULUS], "big"),
                ).public_key()
        match = {Attribute.ID: found[Attribute.ID]} if found.get(Attribute.ID) else {}
        match = match or {Attribute.LABEL: found.get(Attribute.LABEL, "")}
        query = {Attribute.CLASS: ObjectClass.PUBLIC_KEY, **match}
        for public in self._session.get_objects(query):
            loaded = _public_from_object(public, family)
            if loaded is not None:
                return loaded
        return None

    def _translated(self) -> AbstractContextManager[None]:
        return translated(token=self.token_label)


def _wraps(slot: Any, mechanism: Any) -> bool:
    try:
        return bool(slot.get_mechanism_info(mechanism).flags & MechanismFlag.WRAP)
    except p11.PKCS11Error:
        return True  # a token that describes no mechanism: trying it says the rest


def _check_importable(info: TokenPrivateKey, spec: KeySpec | None) -> None:
    if spec is not None and not info.fits(spec):
        raise HsmError(
            HsmProblem.PRIVATE_KEY_SPEC, label=info.label, found=info.describe(), spec=spec.value
        )
    if info.spec is None:
        specs = ", ".join(s.value for s in IMPORTABLE_SPECS if s.is_asymmetric)
        raise HsmError(
            HsmProblem.PRIVATE_KEY_NOT_IMPORTABLE,
            label=info.label,
            found=info.describe(),
            specs=specs,
        )
    if not info.extractable:
        raise HsmError(HsmProblem.NOT_EXTRACTABLE, label=info.label)


def _wrap_private(
    temporary: Any, key: Any, info: TokenPrivateKey, mechanism: Mechanism, token: str
) -> bytes:
    try:
        return bytes(temporary.wrap_key(key, mechanism=mechanism))
    except p11.KeyUnextractable:
        raise HsmError(HsmProblem.NOT_EXTRACTABLE, label=info.label) from None
    except (p11.KeyNotWrappable, p11.WrappingKeyTypeInconsistent) as error:
        raise HsmError(HsmProblem.NOT_WRAPPABLE, label=info.label, reason=reason(error)) from None
    except _REFUSED:
        raise HsmError(HsmProblem.NO_KEY_WRAP_PAD, token=token) from None


def _key_type(key: Any) -> Any:
    return _attributes(key, (Attribute.KEY_TYPE,)).get(Attribute.KEY_TYPE)


def _attributes(key: Any, wanted: tuple[Attribute, ...]) -> dict[Attribute, Any]:
    """The attributes of ``wanted`` the object has: in one call, or one by one when the
    token refuses the batch (one attribute it does not know fails the whole call)."""
    try:
        return dict(key.get_attributes(list(wanted)))
    except SESSION_LOST:
        raise
    except p11.PKCS11Error:
        found = {}
        for attribute in wanted:
            try:
                found[attribute] = key[attribute]
            except (p11.AttributeTypeInvalid, p11.AttributeSensitive):
                continue
        return found


def _public_from_object(public: Any, family: str) -> Any:
    if family == "RSA":
        numbers = _attributes(public, (Attribute.MODULUS, Attribute.PUBLIC_EXPONENT))
        if len(numbers) < 2:
            return None
        return rsa.RSAPublicNumbers(
            int.from_bytes(numbers[Attribute.PUBLIC_EXPONENT], "big"),
            int.from_bytes(numbers[Attribute.MODULUS], "big"),
        ).public_key()
    found = _attributes(public, (Attribute.EC_PARAMS, Attribute.EC_POINT))
    curve = _CURVES.get(str(_curve(found.get(Attribute.EC_PARAMS))))
    point = found.get(Attribute.EC_POINT)
    if curve is None or not point:
        return None
    try:
        return ec.EllipticCurvePublicKey.from_encoded_point(curve, _point(bytes(point)))
    except ValueError:
        return None


def _point(value: bytes) -> bytes:
    """CKA_EC_POINT is a DER OCTET STRING holding the point; some tokens give it bare (a
    bare uncompressed point also starts with 04, but its second byte is no DER length)."""
    if len(value) > 2 and value[0] == 0x04:
        header = 2 if value[1] < 0x80 else 2 + (value[1] & 0x7F)
        length = int.from_bytes(value[2:header], "big") if header > 2 else value[1]
        if header + length == len(value) and value[header] in (0x02, 0x03, 0x04):
            return value[header:]
    return value


def _curve(params: Any) -> str:
    """A curve's SEC name from CKA_EC_PARAMS (the parameters in hex when not one we name)."""
    if not params:
        return "-"
    return _CURVE_NAMES.get(bytes(params), bytes(params).hex())


def _spec(family: str, size: int | str) -> KeySpec | None:
    for spec in IMPORTABLE_SPECS:
        if family == "RSA" and spec.rsa_bits == size:
            return spec
        if family == "EC" and spec.curve == size:
            return spec
    return None
