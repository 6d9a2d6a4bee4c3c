"""Import tokens: sealed, self-contained, bound to a key, an algorithm and a wrapping key.

A token carries the wrapping private key itself, sealed with AES-256-GCM under a key derived
from the store's master key. Nothing about a pending import is stored, so
get-parameters-for-import writes only its audit entry, and a token cannot be used with another
key, algorithm or store. Every way a token can be wrong (not Base64, truncated, tampered,
sealed by another store) gives the same ``InvalidImportToken``.
"""

from __future__ import annotations

import base64
import binascii
import struct
from dataclasses import dataclass

from app.engine.sealing import Sealer, SealError
from app.model.importing import WrappingAlgorithm

_AAD = b"keyferry/import-token/v1"
_HEADER = struct.Struct(">qq")  # issued, expires (epoch seconds)
#: The API's bounds on an import token's Base64 length.
TOKEN_MIN_CHARS = 200
TOKEN_MAX_CHARS = 6144


class InvalidImportToken(Exception):
    """The token does not open. Deliberately without detail."""


@dataclass(frozen=True)
class ImportTokenPayload:
    project_id: str
    key_id: str
    algorithm: WrappingAlgorithm
    issued_s: int
    expires_s: int
    private_key_der: bytes  # PKCS#8 DER of the wrapping key


class ImportTokens:
    def __init__(self, master_key: bytes) -> None:
        self._sealer = Sealer(master_key, "import-token")

    def issue(self, payload: ImportTokenPayload) -> str:
        fields = [
            payload.project_id.encode(),
            payload.key_id.encode(),
            payload.algorithm.value.encode(),
            payload.private_key_der,
        ]
        body = _HEADER.pack(payload.issued_s, payload.expires_s) + b"".join(
            struct.pack(">H", len(f)) + f for f in fields
        )
        return base64.b64encode(self._sealer.seal(body, _AAD)).decode("ascii")

    def open(self, token: str) -> ImportTokenPayload:
        if not isinstance(token, str) or not TOKEN_MIN_CHARS <= len(token) <= TOKEN_MAX_CHARS:
            raise InvalidImportToken
        try:
            sealed = base64.b64decode(token, validate=True)
            body = self._sealer.open(sealed, _AAD)
            issued, expires = _HEADER.unpack_from(body)
            fields, offset = [], _HEADER.size
            for _ in range(4):
                (length,) = struct.unpack_from(">H", body, offset)
                offset += 2
                fields.append(body[offset : offset + length])
                offset += length
            if offset != len(body):
                raise InvalidImportToken
            return ImportTokenPayload(
                project_id=fields[0].decode(),
                key_id=fields[1].decode(),
                algorithm=WrappingAlgorithm(fields[2].decode()),
                issued_s=issued,
                expires_s=expires,
                private_key_der=fields[3],
            )
        except (binascii.Error, ValueError, struct.error, SealError, UnicodeDecodeError):
            raise InvalidImportToken from None
