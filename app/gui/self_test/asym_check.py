"""The self-test's asymmetric path: an RSA_2048 key of external origin takes a private key
generated here, wrapped in the console's two layers by ``app/material/asymmetric.py``, and
is Enabled with that key's public key fingerprint; it then signs a digest, and the
signature verifies through the backend and outside it (``cryptography`` against the key's
public key), while a changed digest does not. Nothing is written: both layers stay in memory.
"""

from __future__ import annotations

import hashlib
import time

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa, utils

from app.backends.base import KmsBackend
from app.gui.self_test.report import StepFailed
from app.model.importing import WrappingAlgorithm
from app.model.keys import KeySpec, KeyState, KeyUsage, Origin
from app.model.signing import MessageType, SigningAlgorithm

SPEC = KeySpec.RSA_2048
WRAPPING = WrappingAlgorithm.RSAES_OAEP_SHA_256
SIGNING = SigningAlgorithm.RSASSA_PSS_SHA_256
_MESSAGE = b"Keyferry self-test: an imported private key signs"


def import_rsa(backend: KmsBackend) -> tuple[str, str]:
    """Create the key, wrap a new private key for it, import; the key's ID and a line."""
    from app.material.asymmetric import generate_private_key, wrap_private_key

    key = backend.create_key(
        alias=time.strftime("self-test-rsa-%Y%m%d%H%M%S"),
        origin=Origin.EXTERNAL,
        key_spec=SPEC,
        key_usage=KeyUsage.SIGN_VERIFY,
    )
    params = backend.get_parameters_for_import(key_id=key.key_id, wrapping_algorithm=WRAPPING)
    wrapping_key = serialization.load_der_public_key(params.public_key_der)
    if not isinstance(wrapping_key, rsa.RSAPublicKey):
        raise StepFailed("the wrapping key the store handed out is not an RSA key")
    wrapped = wrap_private_key(generate_private_key(SPEC), SPEC, wrapping_key, WRAPPING)
    imported = backend.import_key_material(
        key_id=key.key_id,
        import_token=params.import_token,
        encrypted_key_material=wrapped.encrypted_key_material,
        encrypted_privatekey=wrapped.encrypted_private_key,
    )
    if imported.state is not KeyState.ENABLED:
        raise StepFailed(f"the key is {imported.state.name}, not ENABLED")
    if imported.public_key_fingerprint != wrapped.fingerprint:
        raise StepFailed(
            f"the key's public key SHA-256 is {imported.public_key_fingerprint}, the "
            f"wrapped key's is {wrapped.fingerprint}"
        )
    line = f"{SPEC.value} ({WRAPPING.value}) Enabled, public key SHA-256 {wrapped.fingerprint}"
    return imported.key_id, line


def sign_verify(backend: KmsBackend, key_id: str) -> str:
    """Sign a digest; it verifies in the backend and with the public key, a changed one
    does not."""
    digest = hashlib.sha256(_MESSAGE).digest()
    signature = backend.sign(
        key_id=key_id, message=digest, signing_algorithm=SIGNING, message_type=MessageType.DIGEST
    )

    def valid(message: bytes) -> bool:
        return backend.validate_signature(
            key_id=key_id,
            message=message,
            signature=signature,
            signing_algorithm=SIGNING,
            message_type=MessageType.DIGEST,
        )

    if not valid(digest):
        raise StepFailed("the backend did not verify its own signature")
    if valid(hashlib.sha256(_MESSAGE + b".").digest()):
        raise StepFailed("the backend verified the signature against another digest")
    public_key = serialization.load_pem_public_key(
        backend.get_public_key(key_id=key_id).encode("ascii")
    )
    if not isinstance(public_key, rsa.RSAPublicKey):
        raise StepFailed("the key's public key is not an RSA key")
    pss = padding.PSS(mgf=padding.MGF1(SIGNING.hash()), salt_length=SIGNING.digest_size)
    try:
        public_key.verify(signature, digest, pss, utils.Prehashed(SIGNING.hash()))
    except InvalidSignature:
        raise StepFailed("the signature does not verify with the key's public key") from None
    return f"{SIGNING.value}: {len(signature)}-byte signature verified, here and by cryptography"
