"""What every part of the engine shares: the store, the clock, the sealers, the change
listeners, and the two primitives the operations are built from: ``_mutate`` (one key, one
transaction) and ``_usable_key`` (a key's cipher, if time and state allow its use now).

``LocalKms`` (kms.py) is this core plus the lifecycle, import (import_ops.py) and data
(data_ops.py) operations.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Callable

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.engine import records
from app.engine.audit import AuditLog
from app.engine.clock import Clock, SystemClock, now_ms
from app.engine.sealing import Fingerprinter, Sealer, SealError
from app.engine.store import Store
from app.engine.tokens import ImportTokens
from app.engine.wrapping_pool import WrappingKeyPool
from app.model import rules
from app.model.errors import KmsError
from app.model.keys import Cmk, KeyState

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
        # Unsealed ciphers, keyed by the sealed value they came from: a change of the row by
        # any writer (another process too) makes the entry miss, so it never outlives it.
        self._ciphers: dict[str, tuple[bytes, AESGCM]] = {}
        self._ciphers_lock = threading.Lock()

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
        with self._ciphers_lock:
            for key_id in key_ids:
                self._ciphers.pop(key_id, None)
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

    def _usable_key(self, project_id: str, key_id: str) -> AESGCM:
        """The key's cipher, if its state and material allow use right now."""
        conn = self.store.connection()
        cmk = records.fetch(conn, project_id, key_id, self.now_ms())
        if cmk.state is not KeyState.ENABLED:
            raise _unusable(cmk.state)
        sealed, _ = records.secrets(conn, key_id)
        if sealed is None:  # cannot happen for an Enabled key (a table constraint)
            raise KmsError("KMS.1301")
        with self._ciphers_lock:
            cached = self._ciphers.get(key_id)
        if cached is not None and cached[0] == sealed:
            return cached[1]
        cipher = AESGCM(self._open_material(key_id, sealed))
        with self._ciphers_lock:
            self._ciphers[key_id] = (sealed, cipher)
        return cipher

    def _open_material(self, key_id: str, sealed: bytes) -> bytes:
        try:
            return self._material.open(sealed, key_id.encode())
        except SealError:
            raise KmsError(
                "KMS.0101",
                "The key's material does not open with this store's master key. The store "
                "or its master key has been replaced or damaged.",
            ) from None

    def flush(self) -> None:
        """Write out the buffered audit entries of reads."""
        self.audit.flush()


def _unusable(state: KeyState) -> KmsError:
    if state is KeyState.DISABLED:
        return KmsError("KMS.0209")
    if state is KeyState.PENDING_DELETION:
        return KmsError("KMS.0210")
    if state is KeyState.PENDING_IMPORT:
        return KmsError(
            "KMS.1301", "The key is Pending import: import its key material before using it."
        )
    return KmsError("KMS.1301")
