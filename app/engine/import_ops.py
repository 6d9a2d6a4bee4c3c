"""Importing key material: get-parameters-for-import, import-key-material and
delete-imported-key-material.

The checks of an import run in the order of DESIGN.md, each with its code: token authentic
(KMS.2605), token's key = request's key (KMS.2603), token not expired (KMS.2601), key exists
(KMS.0207), origin external (KMS.0309), state Pending import (KMS.0310), material unwraps
(KMS.0311: one error for every failure the RSA padding reveals), exactly 32 bytes
(KMS.2604), the expected KCV if the caller gave one (KMS.2607, Keyferry's own), same as
earlier material (KMS.2606), expiry in the future (KMS.2602). An asymmetric key's private
key has its own checks (asym_import.py) in place of the 32 bytes and the KCV.

RSAES_PKCS1_V1_5 unwraps with OpenSSL's implicit rejection: a wrong padding yields random
bytes, not an error, so wrongly wrapped material is refused by its length (KMS.2604, almost
always) or, about once in 250, unwraps to 32 random bytes. Only an expected KCV catches
that case before the key is bound to the junk for ever.

The RSA decrypt and every check run before the write transaction; the transaction then
re-reads the key, re-checks what another writer could have changed, and commits. The store's
write lock is never held across a private-key operation.
"""

from __future__ import annotations

import base64
import binascii
import sqlite3

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

from app.engine import records
from app.engine.asym_import import unwrap_private_key, wrapped_private_key
from app.engine.core import EngineCore
from app.engine.operations import operation
from app.engine.sealing import Fingerprinter
from app.engine.tokens import ImportTokenPayload, InvalidImportToken
from app.model import rules
from app.model.errors import KmsError
from app.model.importing import (
    IMPORT_PARAMETERS_LIFETIME_S,
    MATERIAL_LENGTH,
    ImportParameters,
    WrappingAlgorithm,
)
from app.model.kcv import key_check_value, same_kcv
from app.model.keys import Cmk, KeyState, Origin
from app.model.private_keys import check_importable as check_request_shape


def _unwrap_failed() -> KmsError:
    return KmsError("KMS.0311")


#: Base64 of an RSA-2048 ciphertext is 344 characters; the API accepts up to 360.
ENCRYPTED_MATERIAL_MAX_BYTES = 1024


class ImportOps(EngineCore):
    """Import operations of ``LocalKms`` (a mixin: ``self`` is the engine)."""

    @operation("get-parameters-for-import")
    def get_parameters_for_import(
        self,
        *,
        project_id: str,
        key_id: str,
        wrapping_algorithm: WrappingAlgorithm | str,
    ) -> ImportParameters:
        rules.check_key_id(key_id)
        algorithm = _algorithm(wrapping_algorithm)
        cmk = records.fetch(self.store.connection(), project_id, key_id, self.now_ms())
        _check_importable(cmk)
        pair = self.pool.take()
        issued = int(self.clock.now())
        expires = issued + IMPORT_PARAMETERS_LIFETIME_S
        token = self._tokens.issue(
            ImportTokenPayload(
                project_id=project_id,
                key_id=key_id,
                algorithm=algorithm,
                issued_s=issued,
                expires_s=expires,
                private_key_der=pair.private_der,
            )
        )
        self.audit.append_later(
            operation="get-parameters-for-import", project_id=project_id, key_id=key_id
        )
        return ImportParameters(
            key_id=key_id,
            wrapping_algorithm=algorithm,
            public_key_der=pair.public_der,
            import_token=token,
            expiration_time=expires,
        )

    @operation("import-key-material")
    def import_key_material(
        self,
        *,
        project_id: str,
        key_id: str,
        import_token: str,
        encrypted_key_material: bytes | str,
        expiration_time: int | None = None,
        expect_kcv: str | None = None,
        encrypted_privatekey: bytes | str | None = None,
    ) -> Cmk:
        """``expect_kcv``: the KCV the material must have (6 hex digits); material with
        another is refused with KMS.2607 and nothing changes. An asymmetric key takes
        ``encrypted_privatekey`` (asym_import.py) and neither expiry nor expected KCV."""
        rules.check_key_id(key_id)
        expected = None if expect_kcv is None else rules.check_expected_kcv(expect_kcv)
        payload = self._open_token(import_token, project_id=project_id, key_id=key_id)
        conn = self.store.connection()
        cmk = records.fetch(conn, project_id, key_id, self.now_ms())
        _check_importable(cmk)
        check_request_shape(
            cmk, has_private_key=encrypted_privatekey is not None, expiration_time=expiration_time
        )
        if cmk.key_spec.is_asymmetric:
            if expected is not None:
                raise KmsError("KMS.0308", "param.not_valid", value=expect_kcv, name="expect_kcv")
            wrapped = wrapped_private_key(encrypted_privatekey)
            temporary = _unwrap(payload, _ciphertext(encrypted_key_material))
            pair = unwrap_private_key(
                temporary, wrapped, cmk.key_spec, algorithm=payload.algorithm.value
            )
            del temporary
            material, kcv, compared = pair.pkcs8, pair.fingerprint, pair.public_der
        else:
            material, kcv = _material(payload, _ciphertext(encrypted_key_material), expected)
            compared = material
        fingerprint = self._fingerprints.fingerprint(key_id, compared)
        _, earlier = records.secrets(conn, key_id)
        _check_same_material(earlier, fingerprint, cmk)
        if expiration_time is not None:
            rules.check_material_expiry(expiration_time, self.clock.now())
        sealed = self._material.seal(material, key_id.encode())
        del material
        with self.store.write() as conn:
            now = self.now_ms()
            stored = records.fetch(conn, project_id, key_id, now)  # another writer may have won
            _check_importable(stored)
            _, earlier = records.secrets(conn, key_id)
            _check_same_material(earlier, fingerprint, cmk)
            records.store_material(
                conn,
                key_id,
                sealed=sealed,
                kcv=kcv,
                fingerprint=fingerprint,
                expires_ms=None if expiration_time is None else expiration_time * 1000,
            )
            self.audit.record(
                conn, operation="import-key-material", project_id=project_id, key_id=key_id
            )
            after = records.fetch(conn, project_id, key_id, now)
        self._changed(key_id)
        return after

    def _open_token(self, token: str, *, project_id: str, key_id: str) -> ImportTokenPayload:
        """The token's payload, if it is ours, for this key and not expired."""
        try:
            payload = self._tokens.open(token)
        except InvalidImportToken:
            raise KmsError("KMS.2605") from None
        if payload.key_id != key_id or payload.project_id != project_id:
            raise KmsError("KMS.2603")
        if self.clock.now() >= payload.expires_s:
            raise KmsError("KMS.2601")
        return payload

    @operation("delete-imported-key-material")
    def delete_imported_key_material(self, *, project_id: str, key_id: str) -> Cmk:
        def change(conn: sqlite3.Connection, cmk: Cmk) -> None:
            if cmk.origin is not Origin.EXTERNAL:
                raise KmsError("KMS.0309")
            if cmk.key_spec.is_asymmetric:
                raise KmsError("KMS.2611", "asym.no_delete_material", spec=cmk.key_spec.value)
            if cmk.state not in (KeyState.ENABLED, KeyState.DISABLED):
                raise KmsError("KMS.2701", "import.delete_state", state=cmk.state)
            records.clear_material(conn, key_id)

        return self._mutate("delete-imported-key-material", project_id, key_id, change)


def _algorithm(value: WrappingAlgorithm | str) -> WrappingAlgorithm:
    try:
        return WrappingAlgorithm(value)
    except ValueError:
        names = ", ".join(a.value for a in WrappingAlgorithm)
        raise KmsError("KMS.0308", "import.algorithm", value=value, names=names) from None


def _check_importable(cmk: Cmk) -> None:
    if cmk.origin is not Origin.EXTERNAL:
        raise KmsError("KMS.0309", "import.kms_origin")
    if cmk.state is not KeyState.PENDING_IMPORT:
        raise KmsError("KMS.0310", "import.state", state=cmk.state)


def _ciphertext(value: bytes | str) -> bytes:
    """The API sends the wrapped material as Base64; in-process callers may pass bytes."""
    if isinstance(value, bytes | bytearray):
        data = bytes(value)
    elif isinstance(value, str):
        try:
            data = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raise KmsError("KMS.0308", "import.not_base64") from None
    else:
        raise KmsError("KMS.0308", "import.not_text")
    if not data or len(data) > ENCRYPTED_MATERIAL_MAX_BYTES:
        raise _unwrap_failed()
    return data


def _material(
    payload: ImportTokenPayload, ciphertext: bytes, expected_kcv: str | None
) -> tuple[bytes, str]:
    """The unwrapped material and its KCV, if it is 32 bytes with the expected KCV."""
    material = _unwrap(payload, ciphertext)
    if len(material) != MATERIAL_LENGTH:
        raise KmsError(
            "KMS.2604",
            "import.unwrapped_length",
            length=len(material),
            expected=MATERIAL_LENGTH,
            algorithm=payload.algorithm.value,
        )
    kcv = key_check_value(material)
    if expected_kcv is not None and not same_kcv(kcv, expected_kcv):
        raise KmsError(
            "KMS.2607", "import.kcv_differs", kcv=expected_kcv, algorithm=payload.algorithm.value
        )
    return material, kcv


def _unwrap(payload: ImportTokenPayload, ciphertext: bytes) -> bytes:
    """Every failure is the same error: no padding oracle, no hint which check failed."""
    try:
        # The key is our own, generated by the pool and authenticated by the token's AES-GCM
        # seal, so OpenSSL's costly RSA consistency check (a primality test) proves nothing.
        private_key = serialization.load_der_private_key(
            payload.private_key_der, None, unsafe_skip_rsa_key_validation=True
        )
        if not isinstance(private_key, RSAPrivateKey):
            raise _unwrap_failed()
        return private_key.decrypt(ciphertext, payload.algorithm.padding())
    except ValueError:
        raise _unwrap_failed() from None


def _check_same_material(earlier: bytes | None, fingerprint: bytes, cmk: Cmk) -> None:
    """Re-import only what was imported first: the same material, or for an asymmetric key
    the same key pair (compared by its public key)."""
    if earlier is not None and not Fingerprinter.same(earlier, fingerprint):
        if cmk.key_spec.is_asymmetric:
            raise KmsError("KMS.2606", "asym.private_key_differs")
        raise KmsError("KMS.2606")
