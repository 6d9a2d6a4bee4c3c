"""The token path's values: plain frozen dataclasses, nothing secret, and no python-pkcs11,
so the wizard's flow and the GUI can hold them without loading a PKCS#11 binding."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.model.importing import MATERIAL_LENGTH, WrappingAlgorithm
from app.model.keys import KeySpec
from app.model.messages import Message


@dataclass(frozen=True)
class TokenInfo:
    """A token as its slot describes it (no login needed)."""

    label: str
    serial: str
    manufacturer: str
    model: str
    write_protected: bool

    def describe(self) -> str:
        return f"{self.label} (serial {self.serial}, {self.manufacturer} {self.model})"


@dataclass(frozen=True)
class TokenKey:
    """An AES secret key in a token, as its attributes describe it. Nothing here is secret."""

    label: str
    key_id: str  # CKA_ID in hex ("" when the key has none)
    bits: int
    extractable: bool
    sensitive: bool
    wrappable: bool  # extractable, and not only by the token's trusted keys
    kcv: str | None  # CMAC in the token; None when the token cannot compute it
    legacy_check_value: str | None = None  # CKA_CHECK_VALUE: another number, labelled so

    @property
    def importable(self) -> bool:
        return self.wrappable and self.bits == MATERIAL_LENGTH * 8


@dataclass(frozen=True)
class TokenPrivateKey:
    """An RSA or EC private key in a token, as its attributes (and its public key's) describe
    it. Nothing here is secret: the fingerprint is the public key's."""

    label: str
    key_id: str  # CKA_ID in hex
    family: str  # "RSA" or "EC"
    size: int | str  # an RSA key's modulus bits, an EC key's curve (its SEC name, or OID)
    spec: KeySpec | None  # the import spec it fits, or None (another size or curve)
    extractable: bool
    sensitive: bool
    wrappable: bool
    fingerprint: str | None  # SHA-256 of the public key (None: the token shows none)

    def fits(self, spec: KeySpec) -> bool:
        return self.spec is spec

    def describe(self) -> Message:
        """ "an RSA 2048-bit key", "an EC key on the curve secp256r1", in any language."""
        if self.family == "RSA":
            return Message("asym.kind_rsa", bits=self.size)
        return Message("asym.kind_ec", curve=self.size)


@dataclass(frozen=True)
class TokenWrap:
    """What the token produced: the encrypted material file's bytes, and the key it wraps."""

    encrypted: bytes
    key: TokenKey
    algorithm: WrappingAlgorithm


@dataclass(frozen=True)
class TokenSource:
    """Where material comes from: a module, a token, a key label. Nothing secret; a key
    imported from a token remembers it, to wrap the same key again later."""

    module: Path
    token_label: str
    token_serial: str
    key_label: str
    key_class: str = "secret_key"  # or "private_key": the token's RSA or EC private key

    def as_record(self) -> dict[str, str]:
        """For the import record: JSON values, nothing secret."""
        record = {
            "module": str(self.module),
            "token_label": self.token_label,
            "token_serial": self.token_serial,
            "key_label": self.key_label,
        }
        if self.key_class != "secret_key":
            record["key_class"] = self.key_class
        return record

    @classmethod
    def from_record(cls, data: object) -> TokenSource | None:
        """What ``as_record`` wrote, or None for anything else."""
        if not isinstance(data, dict):
            return None
        try:
            return cls(
                Path(str(data["module"])),
                str(data["token_label"]),
                str(data.get("token_serial", "")),
                str(data["key_label"]),
                str(data.get("key_class", "secret_key")),
            )
        except KeyError:
            return None


@dataclass(frozen=True)
class TokenWrapResult:
    """What the token made: the encrypted file, the key (with its KCV) and where it lives."""

    encrypted: Path
    key: TokenKey
    source: TokenSource
    algorithm: WrappingAlgorithm
    wrapping_key: Path
    generated: bool

    @property
    def kcv(self) -> str | None:
        return self.key.kcv


@dataclass(frozen=True)
class TokenPrivateWrapResult:
    """What the token made for an asymmetric import: both files, the private key they hold
    (with its public key's fingerprint) and where it lives."""

    encrypted_material: Path
    encrypted_private_key: Path
    key: TokenPrivateKey
    source: TokenSource
    spec: KeySpec
    algorithm: WrappingAlgorithm
    wrapping_key: Path
    generated: bool

    @property
    def fingerprint(self) -> str | None:
        return self.key.fingerprint
