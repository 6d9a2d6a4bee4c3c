"""A logged-in session on a token: its AES keys, a new key, and the wrap itself.

Everything secret stays in the token: a key is generated there (``CKA_SENSITIVE`` and
``CKA_EXTRACTABLE``: it can be wrapped, never read), wrapped there with ``C_WrapKey`` under a
session copy of the downloaded wrapping key, and its key check value is computed there
(``CKM_AES_CMAC`` over a zero block, the first 3 bytes: the same number the KMS shows). A token
without CMAC for the key has no KCV here; its ``CKA_CHECK_VALUE`` (AES-ECB of a zero block) is
kept apart as the legacy check value, a different number.
"""

from __future__ import annotations

import os
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

import pkcs11
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from pkcs11 import MGF, Attribute, KeyType, Mechanism, MechanismFlag, ObjectClass
from pkcs11 import exceptions as p11

from app.material.hsm.failures import SESSION_LOST, reason, translated
from app.material.hsm.problems import HsmError, HsmProblem
from app.material.hsm.values import TokenKey, TokenWrap
from app.model.importing import MATERIAL_LENGTH, WrappingAlgorithm
from app.model.kcv import KCV_BYTES

if TYPE_CHECKING:
    from app.material.hsm.private_keys import TokenPrivateKeys

#: The mechanism (and its parameters) of each wrapping algorithm; OAEP's MGF1 uses its hash.
MECHANISMS: dict[WrappingAlgorithm, tuple[Mechanism, Any]] = {
    WrappingAlgorithm.RSAES_OAEP_SHA_256: (
        Mechanism.RSA_PKCS_OAEP,
        (Mechanism.SHA256, MGF.SHA256, None),
    ),
    WrappingAlgorithm.RSAES_OAEP_SHA_1: (
        Mechanism.RSA_PKCS_OAEP,
        (Mechanism.SHA_1, MGF.SHA1, None),
    ),
    WrappingAlgorithm.RSAES_PKCS1_V1_5: (Mechanism.RSA_PKCS, None),
}
#: What a generated key may do: be used as a data key in the token, and MAC (for its KCV).
GENERATED_CAPABILITIES = (
    MechanismFlag.ENCRYPT | MechanismFlag.DECRYPT | MechanismFlag.SIGN | MechanismFlag.VERIFY
)
_ALGORITHM_REFUSED = (p11.ArgumentsBad, p11.MechanismInvalid, p11.MechanismParamInvalid)


class TokenSession:
    """A logged-in session (see ``Module.session``)."""

    def __init__(self, session: pkcs11.Session, token_label: str) -> None:
        self._session, self.token_label = session, token_label

    def close(self) -> None:
        try:
            self._session.close()
        except p11.PKCS11Error:
            pass  # a session already gone (device removed) needs no closing

    def keys(self) -> list[TokenKey]:
        """The token's AES keys, each with the KCV the token computes."""
        with self._translated():
            objects = list(
                self._session.get_objects(
                    {Attribute.CLASS: ObjectClass.SECRET_KEY, Attribute.KEY_TYPE: KeyType.AES}
                )
            )
            return sorted((_describe(o) for o in objects), key=lambda k: (k.label, k.key_id))

    def key(self, label: str) -> TokenKey:
        with self._translated():
            return _describe(self._key_object(label))

    def generate(self, label: str, *, random: Any = os.urandom) -> TokenKey:
        """A new AES-256 key in the token: stored, private, sensitive and extractable."""
        with self._translated():
            if list(self._session.get_objects({Attribute.LABEL: label})):
                raise HsmError(HsmProblem.LABEL_EXISTS, token=self.token_label, label=label)
            try:
                key = self._session.generate_key(
                    KeyType.AES,
                    MATERIAL_LENGTH * 8,
                    id=random(8),
                    label=label,
                    store=True,
                    capabilities=GENERATED_CAPABILITIES,
                    template={
                        Attribute.PRIVATE: True,
                        Attribute.SENSITIVE: True,
                        Attribute.EXTRACTABLE: True,
                    },
                )
            except (p11.TokenWriteProtected, p11.SessionReadOnly):
                raise HsmError(HsmProblem.READ_ONLY, token=self.token_label) from None
            return _describe(key)

    def destroy(self, label: str) -> None:
        """Destroy the key ``label`` (only a key this same call generated and never wrapped
        out: see ``wrap_file``)."""
        with self._translated():
            self._key_object(label).destroy()

    def wrap(
        self,
        *,
        key_label: str,
        wrapping_key: RSAPublicKey,
        algorithm: WrappingAlgorithm,
        expect_kcv: str | None = None,
    ) -> TokenWrap:
        """``C_WrapKey`` of the key ``key_label`` under ``wrapping_key`` with ``algorithm``.
        With ``expect_kcv``, a key whose KCV differs is refused before anything is wrapped."""
        with self._translated():
            key = self._key_object(key_label)
            info = _describe(key)
            _check_wrappable(info, expect_kcv)
            public = self._session.create_object(public_template(wrapping_key))
            try:
                encrypted = wrap_with(public, key, info.label, algorithm)
            finally:
                public.destroy()
        return TokenWrap(encrypted=encrypted, key=info, algorithm=algorithm)

    def _key_object(self, label: str) -> Any:
        found = list(
            self._session.get_objects(
                {
                    Attribute.CLASS: ObjectClass.SECRET_KEY,
                    Attribute.KEY_TYPE: KeyType.AES,
                    Attribute.LABEL: label,
                }
            )
        )
        if not found:
            raise HsmError(HsmProblem.NO_SUCH_KEY, token=self.token_label, label=label)
        if len(found) > 1:
            raise HsmError(HsmProblem.AMBIGUOUS_KEY, token=self.token_label, label=label)
        return found[0]

    def _translated(self) -> AbstractContextManager[None]:
        return translated(token=self.token_label)

    def private_keys(self) -> TokenPrivateKeys:
        """The token's RSA and EC private keys, and their wrap for an asymmetric import."""
        from app.material.hsm.private_keys import TokenPrivateKeys

        return TokenPrivateKeys(self._session, self.token_label)


def wrap_with(public: Any, key: Any, label: str, algorithm: WrappingAlgorithm) -> bytes:
    """``C_WrapKey`` of ``key`` under the session public key ``public`` (the downloaded
    wrapping key) with ``algorithm``, each refusal as its sentence."""
    mechanism, parameter = MECHANISMS[algorithm]
    try:
        return bytes(public.wrap_key(key, mechanism=mechanism, mechanism_param=parameter))
    except p11.KeyUnextractable:
        raise HsmError(HsmProblem.NOT_EXTRACTABLE, label=label) from None
    except (p11.KeyNotWrappable, p11.WrappingKeyTypeInconsistent) as error:
        raise HsmError(HsmProblem.NOT_WRAPPABLE, label=label, reason=reason(error)) from None
    except _ALGORITHM_REFUSED as error:
        others = ", ".join(a.value for a in WrappingAlgorithm if a is not algorithm)
        raise HsmError(
            HsmProblem.ALGORITHM_UNSUPPORTED,
            algorithm=algorithm.value,
            reason=reason(error),
            alternatives=others,
        ) from None


def _check_wrappable(info: TokenKey, expect_kcv: str | None) -> None:
    if info.bits != MATERIAL_LENGTH * 8:
        raise HsmError(HsmProblem.NOT_AES_256, label=info.label, bits=info.bits)
    if not info.extractable:
        raise HsmError(HsmProblem.NOT_EXTRACTABLE, label=info.label)
    if expect_kcv and info.kcv and info.kcv.upper() != expect_kcv.upper():
        raise HsmError(
            HsmProblem.KCV_DIFFERS, label=info.label, found=info.kcv, expected=expect_kcv.upper()
        )


def public_template(wrapping_key: RSAPublicKey) -> dict[Attribute, Any]:
    """The downloaded wrapping key as a session object that may wrap and nothing else."""
    numbers = wrapping_key.public_numbers()
    return {
        Attribute.CLASS: ObjectClass.PUBLIC_KEY,
        Attribute.KEY_TYPE: KeyType.RSA,
        Attribute.TOKEN: False,
        Attribute.PRIVATE: False,
        Attribute.MODULUS: numbers.n.to_bytes((numbers.n.bit_length() + 7) // 8, "big"),
        Attribute.PUBLIC_EXPONENT: numbers.e.to_bytes((numbers.e.bit_length() + 7) // 8, "big"),
        Attribute.WRAP: True,
        Attribute.ENCRYPT: False,
        Attribute.VERIFY: False,
    }


_DESCRIBED = (
    Attribute.LABEL,
    Attribute.ID,
    Attribute.VALUE_LEN,
    Attribute.EXTRACTABLE,
    Attribute.SENSITIVE,
    Attribute.WRAP_WITH_TRUSTED,
    Attribute.CHECK_VALUE,
)


def _describe(key: Any) -> TokenKey:
    found = _attributes(key)
    extractable = bool(found.get(Attribute.EXTRACTABLE, False))
    legacy = found.get(Attribute.CHECK_VALUE)
    return TokenKey(
        label=str(found.get(Attribute.LABEL, "")),
        key_id=bytes(found.get(Attribute.ID, b"")).hex().upper(),
        bits=int(found.get(Attribute.VALUE_LEN, 0)) * 8,
        extractable=extractable,
        sensitive=bool(found.get(Attribute.SENSITIVE, True)),
        wrappable=extractable and not found.get(Attribute.WRAP_WITH_TRUSTED, False),
        kcv=token_kcv(key),
        legacy_check_value=bytes(legacy)[:KCV_BYTES].hex().upper() if legacy else None,
    )


def _attributes(key: Any) -> dict[Attribute, Any]:
    """The attributes of ``_DESCRIBED`` the key has: in one call, or one by one when the
    token refuses the batch (an attribute it does not know makes the whole call fail)."""
    try:
        return dict(key.get_attributes(list(_DESCRIBED)))
    except SESSION_LOST:
        raise
    except p11.PKCS11Error:
        found = {}
        for attribute in _DESCRIBED:
            try:
                found[attribute] = key[attribute]
            except (p11.AttributeTypeInvalid, p11.AttributeSensitive):
                continue
        return found


def token_kcv(key: Any) -> str | None:
    """The key check value, computed in the token: AES-CMAC of a zero block, 3 bytes."""
    sign = getattr(key, "sign", None)  # python-pkcs11 offers it only where CKA_SIGN is true
    if sign is None:
        return None
    try:
        mac = sign(bytes(16), mechanism=Mechanism.AES_CMAC)
    except SESSION_LOST:
        raise
    except p11.PKCS11Error:  # the token has no CMAC, or not for this key
        return None
    return bytes(mac)[:KCV_BYTES].hex().upper()
