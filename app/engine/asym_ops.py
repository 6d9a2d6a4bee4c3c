"""Operations of asymmetric keys: sign, validate-signature, show-public-key, and RSA
encryption (RSAES_OAEP_SHA_256) for RSA ENCRYPT_DECRYPT keys.

The private key comes from memory while the store is unchanged (``EngineCore._usable_pair``),
so a signature costs the signature and a dictionary lookup. Signatures are those of
``cryptography`` (OpenSSL): RSA-PSS with the salt as long as the digest (what a KMS and
``openssl dgst -sigopt rsa_pss_saltlen:digest`` use) and MGF1 with the same hash; ECDSA in
DER. A DIGEST message is signed as a prehashed digest, so ``openssl pkeyutl -verify`` checks
it against the digest and ``openssl dgst -verify`` against the message.
"""

from __future__ import annotations

import functools

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa, utils

from app.engine.core import EngineCore
from app.engine.key_cache import UsablePair
from app.engine.operations import operation
from app.model import signing
from app.model.errors import KmsError
from app.model.keys import KeyUsage
from app.model.signing import MessageType, SigningAlgorithm

_BYTES = (bytes, bytearray)
#: The API's limit on a signature to validate: an RSA-4096 signature is 512 bytes.
SIGNATURE_MAX = 1024


class AsymOps(EngineCore):
    """Asymmetric operations of ``LocalKms`` (a mixin: ``self`` is the engine)."""

    @operation("sign")
    def sign(
        self,
        *,
        project_id: str,
        key_id: str,
        message: bytes,
        signing_algorithm: SigningAlgorithm | str,
        message_type: MessageType | str | None = None,
    ) -> bytes:
        now = self.now_ms()
        pair, algorithm, digest = self._signing(
            project_id, key_id, message, signing_algorithm, message_type, now
        )
        key = pair.private_key
        if isinstance(key, rsa.RSAPrivateKey):
            signature = key.sign(digest, _rsa_padding(algorithm), _prehashed(algorithm))
        else:
            assert isinstance(key, ec.EllipticCurvePrivateKey)  # a pair is RSA or EC
            signature = key.sign(digest, _ecdsa(algorithm))
        self.audit.append_later(operation="sign", project_id=project_id, key_id=key_id, time_ms=now)
        return signature

    @operation("validate-signature")
    def validate_signature(
        self,
        *,
        project_id: str,
        key_id: str,
        message: bytes,
        signature: bytes,
        signing_algorithm: SigningAlgorithm | str,
        message_type: MessageType | str | None = None,
    ) -> bool:
        now = self.now_ms()
        pair, algorithm, digest = self._signing(
            project_id, key_id, message, signing_algorithm, message_type, now
        )
        if not isinstance(signature, _BYTES) or not 1 <= len(signature) <= SIGNATURE_MAX:
            raise KmsError("KMS.0308", "sign.signature_empty")
        public = pair.private_key.public_key()
        try:
            if isinstance(public, rsa.RSAPublicKey):
                public.verify(
                    bytes(signature), digest, _rsa_padding(algorithm), _prehashed(algorithm)
                )
            else:
                assert isinstance(public, ec.EllipticCurvePublicKey)
                public.verify(bytes(signature), digest, _ecdsa(algorithm))
            valid = True
        except InvalidSignature:
            valid = False
        self.audit.append_later(
            operation="validate-signature", project_id=project_id, key_id=key_id, time_ms=now
        )
        return valid

    @operation("show-public-key")
    def get_public_key(self, *, project_id: str, key_id: str) -> str:
        """The public key as PEM (SubjectPublicKeyInfo)."""
        now = self.now_ms()
        pair = self._usable_pair(project_id, key_id, now)
        pem = pair.private_key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        self.audit.append_later(
            operation="show-public-key", project_id=project_id, key_id=key_id, time_ms=now
        )
        return pem.decode("ascii")

    # ------------------------------------------------------------------- internals

    def _signing(
        self,
        project_id: str,
        key_id: str,
        message: bytes,
        algorithm_name: SigningAlgorithm | str,
        message_type: MessageType | str | None,
        now: int,
    ) -> tuple[UsablePair, SigningAlgorithm, bytes]:
        """The key, the algorithm and the digest to sign, once every rule is met."""
        kind = signing.parse_message_type(message_type)
        pair = self._usable_pair(project_id, key_id, now)
        signing.check_usage(pair.cmk, KeyUsage.SIGN_VERIFY)
        algorithm = signing.parse_signing_algorithm(algorithm_name, pair.cmk.key_spec)
        if not isinstance(message, _BYTES):
            raise KmsError("KMS.0308", "sign.message_size", length=0, limit=signing.MESSAGE_MAX)
        signing.check_message(bytes(message), kind, algorithm)
        if kind is MessageType.RAW:
            from cryptography.hazmat.primitives import hashes

            hasher = hashes.Hash(algorithm.hash())
            hasher.update(bytes(message))
            return pair, algorithm, hasher.finalize()
        return pair, algorithm, bytes(message)

    def _rsa_pair(self, project_id: str, key_id: str, algorithm: object, now: int) -> UsablePair:
        """An RSA ENCRYPT_DECRYPT key, for RSAES_OAEP_SHA_256."""
        pair = self._usable_pair(project_id, key_id, now)
        signing.check_usage(pair.cmk, KeyUsage.ENCRYPT_DECRYPT)
        signing.parse_encryption_algorithm(algorithm, pair.cmk.key_spec)
        return pair

    def _rsa_encrypt(self, pair: UsablePair, plaintext: bytes) -> bytes:
        limit = signing.oaep_plaintext_max(pair.cmk.key_spec)
        if not 1 <= len(plaintext) <= limit:
            raise KmsError(
                "KMS.2101",
                "encrypt.rsa_plaintext_size",
                length=len(plaintext),
                spec=pair.cmk.key_spec.value,
                limit=limit,
            )
        key = pair.private_key
        assert isinstance(key, rsa.RSAPrivateKey)  # ENCRYPT_DECRYPT pairs are RSA
        return key.public_key().encrypt(plaintext, _oaep())

    def _rsa_decrypt(self, pair: UsablePair, ciphertext: bytes) -> bytes:
        key = pair.private_key
        assert isinstance(key, rsa.RSAPrivateKey)
        try:
            return key.decrypt(ciphertext, _oaep())
        except ValueError:
            raise KmsError("KMS.2201", "encrypt.rsa_does_not_decrypt") from None


@functools.cache  # built once per algorithm: they are immutable, and this runs per signature
def _prehashed(algorithm: SigningAlgorithm) -> utils.Prehashed:
    return utils.Prehashed(algorithm.hash())


@functools.cache
def _ecdsa(algorithm: SigningAlgorithm) -> ec.ECDSA:
    return ec.ECDSA(_prehashed(algorithm))


@functools.cache
def _rsa_padding(algorithm: SigningAlgorithm) -> padding.AsymmetricPadding:
    if algorithm.is_pss:
        return padding.PSS(
            mgf=padding.MGF1(algorithm.hash()), salt_length=padding.PSS.DIGEST_LENGTH
        )
    return padding.PKCS1v15()


def _oaep() -> padding.OAEP:
    from cryptography.hazmat.primitives import hashes

    return padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None)
