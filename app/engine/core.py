"""What every part of the engine shares: the store, the clock, the sealers, the change
listeners, and the two primitives the operations are built from: ``_mutate`` (one key, one
transaction) and ``_usable_key`` (a key's cipher, if time and state allow its use now).

``LocalKms`` (kms.py) is this core plus the import (import_ops.py), data (data_ops.py),
asymmetric (asym_ops.py), tag (tag_ops.py) and lifecycle (lifecycle_ops.py) operations.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes

from app.engine import records
from app.engine.audit import AuditLog
from app.engine.clock import Clock, SystemClock, now_ms
from app.engine.key_cache import KeyCache, UsableKey, UsablePair
from app.engine.message_keys import MessageKeys
from app.engine.sealing import Fingerprinter, Sealer, SealError
from app.engine.store import Store
from app.engine.tokens import ImportTokens
from app.engine.wrapping_pool import WrappingKeyPool
from app.model import rules
from app.model.errors import KmsError
from app.model.keys import Cmk, KeySpec, KeyState, KeyUsage

log = logging.getLogger(__name__)

Listener = Callable[[frozenset[str]], None]


class EngineCore:
    def __init__(
        self,
        store: Store,
        master_key: bytes,
        *,
        store_id: str,
        clock: Clock | None = None,
        random: Callable[[int], bytes] = os.urandom,
        pool: WrappingKeyPool | None = None,
    ) -> None:
        self.store = store
        self.store_id = store_id
        self.clock: Clock = clock or SystemClock()
        self.random = random
        self.pool = pool or WrappingKeyPool(background=False, size=0)
        self.audit = AuditLog(store, self.clock)
        self._material = Sealer(master_key, "material", random=random)
        self._fingerprints = Fingerprinter(master_key)
        self._tokens = ImportTokens(master_key)
        self._listeners: list[Listener] = []
        self._usable = KeyCache(store.change_watch())

    def now_ms(self) -> int:
        return now_ms(self.clock)

    # -------------------------------------------------------------------- listeners

    def add_listener(self, listener: Listener) -> None:
        """Call ``listener`` with the IDs of keys this engine changed, after each commit."""
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _changed(self, *key_ids: str) -> None:
        ids = frozenset(key_ids)
        for listener in list(self._listeners):
            try:
                listener(ids)
            except Exception:  # a listener's bug must not undo a committed operation
                log.exception("a change listener failed")

    # -------------------------------------------------------------------- primitives

    def _mutate(
        self,
        name: str,
        project_id: str,
        key_id: str,
        change: Callable[[sqlite3.Connection, Cmk], None],
    ) -> Cmk:
        """Read the key, let ``change`` refuse or update it, audit, commit: one transaction.
        Time's effects on this key (expired material) are settled first."""
        rules.check_key_id(key_id)
        with self.store.write() as conn:
            now = self.now_ms()
            stored = records.fetch(conn, project_id, key_id, now, settle=False)
            if stored.material_expired(now):
                records.clear_material(conn, key_id)
            change(conn, stored.at(now))
            self.audit.record(conn, operation=name, project_id=project_id, key_id=key_id)
            after = records.fetch(conn, project_id, key_id, now)
        self._changed(key_id)
        return after

    def _usable_key(self, project_id: str, key_id: str, now: int) -> UsableKey:
        """The key's data cipher, if its state and material allow use at ``now`` (ms).
        Served from memory while the store is unchanged (key_cache.py); expiry is checked
        against ``now`` on every call, so expired material is never used, even between
        sweeps. An asymmetric key has no data cipher (KMS.2610 or KMS.2611)."""
        usable = self._usable_entry(project_id, key_id, now)
        if isinstance(usable, UsablePair):
            raise refuse_symmetric_use(usable.cmk)
        return usable

    def _usable_pair(self, project_id: str, key_id: str, now: int) -> UsablePair:
        """An asymmetric key's private key, if its state allows use now."""
        usable = self._usable_entry(project_id, key_id, now)
        if not isinstance(usable, UsablePair):
            raise KmsError("KMS.0308", "asym.not_asymmetric", spec=KeySpec.AES_256.value)
        return usable

    def _usable_entry(self, project_id: str, key_id: str, now: int) -> UsableKey | UsablePair:
        rules.check_key_id(key_id)
        entries = self._usable.current()
        usable = entries.get((project_id, key_id))
        if usable is not None and usable.usable_at(now):
            return usable
        conn = self.store.connection()
        cmk = records.fetch(conn, project_id, key_id, now)
        if cmk.state is not KeyState.ENABLED:
            raise _unusable(cmk.state)
        sealed, _ = records.secrets(conn, key_id)
        if sealed is None:  # cannot happen for an Enabled key (a table constraint)
            raise KmsError("KMS.1301")
        material = self._open_material(key_id, sealed)
        if cmk.key_spec.is_asymmetric:
            usable = UsablePair(cmk, open_private_key(material))
        else:
            usable = UsableKey(MessageKeys(material, random=self.random), cmk.material_expires_ms)
        entries[(project_id, key_id)] = usable
        return usable

    def _open_material(self, key_id: str, sealed: bytes) -> bytes:
        try:
            return self._material.open(sealed, key_id.encode())
        except SealError:
            raise KmsError("KMS.0101", "key.material_unopenable") from None

    def _close_core(self) -> None:
        self._usable.clear()

    def flush(self) -> None:
        """Write out the buffered audit entries of reads."""
        self.audit.flush()


def refuse_pending_deletion(cmk: Cmk) -> None:
    """Refuse a change to a key Pending deletion (KMS.0210)."""
    if cmk.state is KeyState.PENDING_DELETION:
        raise KmsError("KMS.0210")


def refuse_symmetric_use(cmk: Cmk) -> KmsError:
    """Why an asymmetric key does not do a symmetric key's work: an RSA ENCRYPT_DECRYPT key
    encrypts with RSAES_OAEP_SHA_256 only (KMS.0308); a signing key does not encrypt at all
    (KMS.2610); data keys are for symmetric keys (KMS.2611)."""
    if cmk.key_usage is KeyUsage.SIGN_VERIFY:
        return KmsError(
            "KMS.2610", "sign.usage_encrypt", usage=cmk.key_usage.value, spec=cmk.key_spec.value
        )
    return KmsError("KMS.2611", "asym.symmetric_only", spec=cmk.key_spec.value)


def open_private_key(der: bytes) -> PrivateKeyTypes:
    """A private key sealed by this engine. It was validated when it was imported or made
    and the AES-GCM seal proves it unchanged, so OpenSSL's RSA consistency check (a costly
    primality test) is skipped."""
    return serialization.load_der_private_key(
        der, password=None, unsafe_skip_rsa_key_validation=True
    )


def _unusable(state: KeyState) -> KmsError:
    if state is KeyState.DISABLED:
        return KmsError("KMS.0209")
    if state is KeyState.PENDING_DELETION:
        return KmsError("KMS.0210")
    if state is KeyState.PENDING_IMPORT:
        return KmsError("KMS.1301", "key.pending_import")
    return KmsError("KMS.1301")
