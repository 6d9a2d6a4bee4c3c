"""The vocabulary of importing key material: wrapping algorithms, expiration modes, and the
import parameters a KMS hands out (wrapping key and import token).

Each wrapping algorithm knows its RSA padding, the openssl command of the console guide's
Table 2 that wraps material with it, and whether it is deprecated. Both the user-side wrapping
(``app.material``) and the engine's unwrapping take the padding from here, so the two cannot
disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.padding import AsymmetricPadding

#: Wrapping keys and import tokens are valid this long after they are issued.
IMPORT_PARAMETERS_LIFETIME_S = 24 * 3600
#: The console's default for "Key material expires on": 24 h after the import.
DEFAULT_MATERIAL_LIFETIME_S = 24 * 3600
#: Only 256-bit symmetric material is imported.
MATERIAL_LENGTH = 32


class WrappingAlgorithm(StrEnum):
    """The console's key-wrapping algorithms (Table 1), in its order."""

    RSAES_OAEP_SHA_256 = "RSAES_OAEP_SHA_256"
    RSAES_PKCS1_V1_5 = "RSAES_PKCS1_V1_5"
    RSAES_OAEP_SHA_1 = "RSAES_OAEP_SHA_1"

    @property
    def deprecated(self) -> bool:
        """The console warns that RSAES_OAEP_SHA_1 is no longer secure."""
        return self is WrappingAlgorithm.RSAES_OAEP_SHA_1

    @property
    def description(self) -> str:
        """Table 1's description of the algorithm."""
        return _DESCRIPTIONS[self]

    def padding(self) -> AsymmetricPadding:
        """The RSA padding. OAEP uses the same hash for MGF1, as openssl's
        ``rsa_oaep_md`` does. (cryptography is imported here, on first use, so that the
        model loads fast for the GUI's start-up.)"""
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding

        if self is WrappingAlgorithm.RSAES_PKCS1_V1_5:
            return padding.PKCS1v15()
        digest: hashes.HashAlgorithm = (
            hashes.SHA256() if self is WrappingAlgorithm.RSAES_OAEP_SHA_256 else hashes.SHA1()  # noqa: S303 - the console offers it, with its warning
        )
        return padding.OAEP(mgf=padding.MGF1(digest), algorithm=digest, label=None)

    def openssl_wrap_argv(self, plaintext: str, wrapping_key: str, out: str) -> list[str]:
        """Table 2's command that wraps ``plaintext`` with the DER ``wrapping_key``."""
        if self is WrappingAlgorithm.RSAES_PKCS1_V1_5:
            return [
                "openssl",
                "rsautl",
                "-encrypt",
                "-in",
                plaintext,
                "-pkcs",
                "-inkey",
                wrapping_key,
                "-keyform",
                "der",
                "-pubin",
                "-out",
                out,
            ]
        md = "sha256" if self is WrappingAlgorithm.RSAES_OAEP_SHA_256 else "sha1"
        return [
            "openssl",
            "pkeyutl",
            "-in",
            plaintext,
            "-inkey",
            wrapping_key,
            "-out",
            out,
            "-keyform",
            "der",
            "-pubin",
            "-encrypt",
            "-pkeyopt",
            "rsa_padding_mode:oaep",
            "-pkeyopt",
            f"rsa_oaep_md:{md}",
        ]


_DESCRIPTIONS = {
    WrappingAlgorithm.RSAES_OAEP_SHA_256: (
        "RSA encryption algorithm that uses OAEP and has the SHA-256 hash function. "
        "Use it if your HSM supports it."
    ),
    WrappingAlgorithm.RSAES_PKCS1_V1_5: (
        "RSA encryption algorithm (v1.5) of Public-Key Cryptography Standards number 1 "
        "(PKCS #1). Use it if your HSM does not support OAEP."
    ),
    WrappingAlgorithm.RSAES_OAEP_SHA_1: (
        "RSA encryption algorithm that uses Optimal Asymmetric Encryption Padding (OAEP) and "
        "has the SHA-1 hash function. It is no longer secure: use it only if your HSM "
        "supports nothing else."
    ),
}


class ExpirationMode(Enum):
    """The console's "Key material expiration mode"."""

    NEVER = "never"
    ON_DATE = "on_date"


@dataclass(frozen=True)
class ImportParameters:
    """What get-parameters-for-import hands out. Nothing here is secret: the public key is
    public and the token is sealed, opaque to its holder."""

    key_id: str
    wrapping_algorithm: WrappingAlgorithm
    public_key_der: bytes
    import_token: str
    expiration_time: int  # epoch seconds, when token and wrapping key stop working
