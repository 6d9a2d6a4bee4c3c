"""Key check values: AES-CMAC of a zero block, first 3 bytes, upper-case hex.

The convention of payment HSMs, so a user can compare the KCV Keyferry shows with the one
their HSM prints. Three bytes of a MAC reveal nothing usable about the key. It is computed the
same way on the user's side (``app.material``) and in the engine, hence here.
"""

from __future__ import annotations

from cryptography.hazmat.primitives.ciphers.algorithms import AES
from cryptography.hazmat.primitives.cmac import CMAC

KCV_BYTES = 3


def key_check_value(material: bytes) -> str:
    mac = CMAC(AES(bytes(material)))
    mac.update(bytes(16))
    return mac.finalize()[:KCV_BYTES].hex().upper()
