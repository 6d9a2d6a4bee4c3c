"""Customer master keys as values: states, origins, specs, tags and the key record.

A ``Cmk`` is an immutable snapshot. The state it carries is the one stored; what a user sees
is ``effective_state(now)``, which already counts material that has expired and a deletion date
that has passed, so no reader ever shows or uses a key that time has changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import IntEnum, StrEnum
from typing import TypeVar

#: The project (the API's namespace) the CLI and GUI use unless told otherwise.
DEFAULT_PROJECT = "default"


class KeyState(IntEnum):
    """Huawei's key state numbers."""

    PENDING_ACTIVATION = 1
    ENABLED = 2
    DISABLED = 3
    PENDING_DELETION = 4
    PENDING_IMPORT = 5

    @property
    def label(self) -> str:
        return _STATE_LABELS[self]


_STATE_LABELS = {
    KeyState.PENDING_ACTIVATION: "Pending activation",
    KeyState.ENABLED: "Enabled",
    KeyState.DISABLED: "Disabled",
    KeyState.PENDING_DELETION: "Pending deletion",
    KeyState.PENDING_IMPORT: "Pending import",
}


class Origin(StrEnum):
    """Where a key's material comes from."""

    KMS = "kms"
    EXTERNAL = "external"

    @property
    def label(self) -> str:
        return "External" if self is Origin.EXTERNAL else "KMS"


class KeyFamily(StrEnum):
    """What kind of key a spec is: what it can do and how its material is imported."""

    SYMMETRIC = "symmetric"
    RSA = "rsa"
    EC = "ec"
    OTHER = "other"  # specs the API knows that Keyferry neither makes nor imports


class KeySpec(StrEnum):
    """Key specs (the API's ``key_spec``). The first six are the console's Import Key
    choices, which Keyferry makes and imports; the others are known to the API and shown
    as they are. A spec a real KMS names that is not listed here becomes a pseudo-member
    with that name (``KeySpec("ML_DSA_44").value == "ML_DSA_44"``): never AES_256."""

    AES_256 = "AES_256"
    RSA_2048 = "RSA_2048"
    RSA_3072 = "RSA_3072"
    RSA_4096 = "RSA_4096"
    EC_P256 = "EC_P256"
    EC_P384 = "EC_P384"
    SM4 = "SM4"
    SM2 = "SM2"
    SECP256K1 = "SECP256K1"
    ED25519 = "ED25519"
    HMAC_256 = "HMAC_256"
    HMAC_384 = "HMAC_384"
    HMAC_512 = "HMAC_512"
    HMAC_SM3 = "HMAC_SM3"

    @classmethod
    def _missing_(cls, value: object) -> KeySpec | None:
        return _pseudo_member(cls, value)

    @property
    def family(self) -> KeyFamily:
        return _SPEC_FAMILY.get(self, KeyFamily.OTHER)  # a member is its str value

    @property
    def supported(self) -> bool:
        """Whether Keyferry creates, imports and uses keys of this spec."""
        return self.value in _SPEC_FAMILY

    @property
    def is_asymmetric(self) -> bool:
        return self.family in (KeyFamily.RSA, KeyFamily.EC)

    @property
    def rsa_bits(self) -> int | None:
        """The modulus size of an RSA spec."""
        return _RSA_BITS.get(self.value)

    @property
    def curve(self) -> str | None:
        """The curve of an EC spec, by its SEC name (as ``cryptography`` names it)."""
        return _CURVES.get(self.value)

    @property
    def usages(self) -> tuple[KeyUsage, ...]:
        """The usages a key of this spec may be created with, the console's default first."""
        return _USAGES.get(self.family, ())

    @property
    def default_usage(self) -> KeyUsage:
        return self.usages[0] if self.usages else KeyUsage.ENCRYPT_DECRYPT


#: The console's Import Key choices, in its order.
IMPORTABLE_SPECS = (
    KeySpec.AES_256,
    KeySpec.RSA_2048,
    KeySpec.RSA_3072,
    KeySpec.RSA_4096,
    KeySpec.EC_P256,
    KeySpec.EC_P384,
)


class KeyUsage(StrEnum):
    """Key usages (the API's ``key_usage``), fixed when a key is created. An unknown one
    from a real KMS becomes a pseudo-member of that name, as for ``KeySpec``."""

    ENCRYPT_DECRYPT = "ENCRYPT_DECRYPT"
    SIGN_VERIFY = "SIGN_VERIFY"
    GENERATE_VERIFY_MAC = "GENERATE_VERIFY_MAC"

    @classmethod
    def _missing_(cls, value: object) -> KeyUsage | None:
        return _pseudo_member(cls, value)


_E = TypeVar("_E", KeySpec, KeyUsage)
_UNKNOWN_NAME = re.compile(r"[A-Za-z0-9_.-]{1,64}")


def _pseudo_member(kind: type[_E], value: object) -> _E | None:
    """A member for a name the API may grow: kept as it is, so nothing is shown as another
    spec. Only plausible names (letters, digits, ``_.-``, up to 64) are taken."""
    if not isinstance(value, str) or not _UNKNOWN_NAME.fullmatch(value):
        return None
    member = str.__new__(kind, value)
    member._name_ = value
    member._value_ = value
    return member


_SPEC_FAMILY = {
    "AES_256": KeyFamily.SYMMETRIC,
    "RSA_2048": KeyFamily.RSA,
    "RSA_3072": KeyFamily.RSA,
    "RSA_4096": KeyFamily.RSA,
    "EC_P256": KeyFamily.EC,
    "EC_P384": KeyFamily.EC,
}
_RSA_BITS = {"RSA_2048": 2048, "RSA_3072": 3072, "RSA_4096": 4096}
_CURVES = {"EC_P256": "secp256r1", "EC_P384": "secp384r1"}
_USAGES = {
    KeyFamily.SYMMETRIC: (KeyUsage.ENCRYPT_DECRYPT,),
    KeyFamily.RSA: (KeyUsage.SIGN_VERIFY, KeyUsage.ENCRYPT_DECRYPT),
    KeyFamily.EC: (KeyUsage.SIGN_VERIFY,),
}


@dataclass(frozen=True, order=True)
class Tag:
    """One tag of a key. Validated by ``rules.check_tag``."""

    key: str
    value: str = ""


@dataclass(frozen=True)
class Cmk:
    """A snapshot of one customer master key. Times are epoch milliseconds (the API's unit).

    ``kcv`` is the key check value of the current material (None without material, for an
    asymmetric key, or when the KMS does not report one: ``reports_kcv`` False);
    ``public_key_fingerprint`` is an asymmetric key's counterpart: the SHA-256 of its
    public key (DER SubjectPublicKeyInfo), lower-case hex, None without one.
    ``material_expires_ms`` is None when the material never expires or there is none.
    ``tags_known`` is False when the snapshot came from a listing that carries no tags.
    ``realm`` is the region a remote KMS named (empty for the local engine).
    """

    key_id: str
    project_id: str
    alias: str
    description: str
    origin: Origin
    state: KeyState
    created_ms: int
    key_spec: KeySpec = KeySpec.AES_256
    key_usage: KeyUsage = KeyUsage.ENCRYPT_DECRYPT
    material_expires_ms: int | None = None
    deletion_ms: int | None = None
    kcv: str | None = None
    tags: tuple[Tag, ...] = field(default_factory=tuple)
    reports_kcv: bool = True
    tags_known: bool = True
    realm: str = ""
    public_key_fingerprint: str | None = None

    def material_expired(self, now_ms: int) -> bool:
        return self.material_expires_ms is not None and self.material_expires_ms <= now_ms

    def deleted_by(self, now_ms: int) -> bool:
        """True once the scheduled deletion date has passed: the key no longer exists."""
        return (
            self.state is KeyState.PENDING_DELETION
            and self.deletion_ms is not None
            and self.deletion_ms <= now_ms
        )

    def effective_state(self, now_ms: int) -> KeyState:
        """The state a reader must see at ``now_ms``, even before a sweep has run."""
        if self.state in (KeyState.ENABLED, KeyState.DISABLED) and self.material_expired(now_ms):
            return KeyState.PENDING_IMPORT
        return self.state

    def at(self, now_ms: int) -> Cmk:
        """This snapshot as it is at ``now_ms``: expired material gone, state adjusted."""
        if not self.material_expired(now_ms):
            return self
        return replace(
            self,
            state=self.effective_state(now_ms),
            material_expires_ms=None,
            kcv=None,
            public_key_fingerprint=None,
        )

    @property
    def has_material(self) -> bool:
        """Whether the key holds material: its KCV says so where the KMS reports one;
        elsewhere its origin, its state and its expiry do (see ``material_known``)."""
        if self.reports_kcv:
            return self.kcv is not None or self.public_key_fingerprint is not None
        return (
            self.origin is Origin.KMS
            or self.state in (KeyState.ENABLED, KeyState.DISABLED)
            or self.material_expires_ms is not None
        )

    @property
    def material_known(self) -> bool:
        """False when nothing tells whether the key holds material: an imported key pending
        deletion (or activation), on a KMS that reports no KCV, without an expiry."""
        return self.has_material or self.reports_kcv or self.state is KeyState.PENDING_IMPORT


@dataclass(frozen=True)
class KeyPage:
    """One page of list-keys. ``next_marker`` continues the listing when ``truncated``."""

    keys: tuple[Cmk, ...]
    next_marker: str | None
    truncated: bool
    total: int


@dataclass(frozen=True)
class DataKey:
    """A data key from create-datakey: ``plaintext`` (None without plaintext) and the API's
    ``cipher_text`` (hex)."""

    key_id: str
    plaintext: bytes | None
    cipher_text: str
