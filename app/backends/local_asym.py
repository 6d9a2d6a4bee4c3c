"""The asymmetric operations of the local backend (sign, validate-signature, the public
key), apart from the key operations in ``local.py``: each is the engine's, in this
backend's project (``app/engine/asym_ops.py`` does the work)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.model.signing import MessageType, SigningAlgorithm

if TYPE_CHECKING:  # the engine is imported where it is opened
    from app.engine.kms import LocalKms


class LocalAsym:
    """Sign, verify and the public key; the backend supplies ``kms`` and ``project_id``."""

    project_id: str

    @property
    def kms(self) -> LocalKms:
        raise NotImplementedError

    def sign(
        self,
        *,
        key_id: str,
        message: bytes,
        signing_algorithm: SigningAlgorithm,
        message_type: MessageType = MessageType.DIGEST,
    ) -> bytes:
        return self.kms.sign(
            project_id=self.project_id,
            key_id=key_id,
            message=message,
            signing_algorithm=signing_algorithm,
            message_type=message_type,
        )

    def validate_signature(
        self,
        *,
        key_id: str,
        message: bytes,
        signature: bytes,
        signing_algorithm: SigningAlgorithm,
        message_type: MessageType = MessageType.DIGEST,
    ) -> bool:
        return self.kms.validate_signature(
            project_id=self.project_id,
            key_id=key_id,
            message=message,
            signature=signature,
            signing_algorithm=signing_algorithm,
            message_type=message_type,
        )

    def get_public_key(self, *, key_id: str) -> str:
        return self.kms.get_public_key(project_id=self.project_id, key_id=key_id)
