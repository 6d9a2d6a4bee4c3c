"""Customer master keys as values: states, origins, specs, tags and the key record.

A ``Cmk`` is an immutable snapshot. The state it carries is the one stored; what a user sees
is ``effective_state(now)``, which already counts material that has expired and a deletion date
that has passed, so no reader ever shows or uses a key that time has changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import IntEnum, StrEnum

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


class KeySpec(StrEnum):
    """Key specs this KMS makes. Imported material is always 256-bit symmetric."""

    AES_256 = "AES_256"


class KeyUsage(StrEnum):
    ENCRYPT_DECRYPT = "ENCRYPT_DECRYPT"


@dataclass(frozen=True, order=True)
class Tag:
    """One tag of a key. Validated by ``rules.check_tag``."""

    key: str
    value: str = ""


@dataclass(frozen=True)
class Cmk:
    """A snapshot of one customer master key. Times are epoch milliseconds (the API's unit).

    ``kcv`` is the key check value of the current material (None without material, or when
    the KMS does not report one: ``reports_kcv`` False, as for a cloud KMS).
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
        return replace(self, state=self.effective_state(now_ms), material_expires_ms=None, kcv=None)

    @property
    def has_material(self) -> bool:
        """Whether the key holds material: its KCV says so where the KMS reports one;
        elsewhere its origin, its state and its expiry do (see ``material_known``)."""
        if self.reports_kcv:
            return self.kcv is not None
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
