"""Key check values: AES-CMAC of a zero block, first 3 bytes, upper-case hex.

The convention of payment HSMs, so a user can compare the KCV Keyferry shows with the one
their HSM prints. Three bytes of a MAC reveal nothing usable about the key. It is computed the
same way on the user's side (``app.material``) and in the engine, hence here.

An expected KCV (``import-key-material --expect-kcv``) is written as 6 hex digits, in either
case; ``parse_kcv`` reads it and ``same_kcv`` compares two in constant time.
"""

from __future__ import annotations

import hmac
import re

from cryptography.hazmat.primitives.ciphers.algorithms import AES
from cryptography.hazmat.primitives.cmac import CMAC

KCV_BYTES = 3
_KCV_TEXT = re.compile("[0-9A-Fa-f]{6}")  # KCV_BYTES in hex


def key_check_value(material: bytes | bytearray) -> str:
    """The KCV of 32 bytes of material; a ``bytearray`` is used in place, never copied."""
    mac = CMAC(AES(material))
    mac.update(bytes(16))
    return mac.finalize()[:KCV_BYTES].hex().upper()


def parse_kcv(text: str) -> str | None:
    """A KCV as a person types it (spaces around it, either case): upper-case hex, or None
    when it is not 6 hex digits."""
    text = text.strip()
    return text.upper() if _KCV_TEXT.fullmatch(text) else None


def same_kcv(a: str, b: str) -> bool:
    """Whether two KCVs (upper-case hex) are equal, in time that does not depend on where
    they differ."""
    return hmac.compare_digest(a.encode("ascii"), b.encode("ascii"))
