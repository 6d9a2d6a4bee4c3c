"""What every part of the engine shares: the store, the clock, the sealers, the change
listeners, and the two primitives the operations are built from: ``_mutate`` (one key, one
transaction) and ``_usable_key`` (a key's cipher, if time and state allow its use now).

``LocalKms`` (kms.py) is this core plus the lifecycle, import (import_ops.py), data
(data_ops.py) and tag (tag_ops.py) operations.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.engine import records
from app.engine.audit import AuditLog
from app.engine.clock import Clock, SystemClock, reader_ms
from app.engine.nonces import NoncePool
from app.engine.sealing import Fingerprinter, Sealer, SealError
from app.engine.store import Store
from app.engine.tokens import ImportTokens
from app.engine.wrapping_pool import WrappingKeyPool
from app.model import rules
from app.model.errors import KmsError
from app.model.keys import Cmk, KeyState

log = logging.getLogger(__name__)

Listener = Callable[[frozenset[str]], None]
#: The first byte of a data blob (data_ops.py): its format.
DATA_VERSION = b"\x01"


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
        self._read_ms = reader_ms(self.clock)
        self.random = random
        # Data nonces: the OS's randomness a page at a time (nonces.py); an injected source
        # (tests) is used as it is.
        self.nonce = NoncePool() if random is os.urandom else random
        self.pool = pool or WrappingKeyPool(background=False, size=0)
        self.audit = AuditLog(store, self.clock)
        self._material = Sealer(master_key, "material", random=random)
        self._fingerprints = Fingerprinter(master_key)
        self._tokens = ImportTokens(master_key)
        self._listeners: list[Listener] = []
        # Usable keys in memory for the data path, valid while nothing at all has been
        # committed to the store since they were read (any writer, any process: watch.py).
        self._watch = store.change_watch()
        self._hot = _HotKeys(None)

    def now_ms(self) -> int:
        return self._read_ms()

    # -------------------------------------------------------------------- listeners

    def add_listener(self, listener: Listener) -> None:
        """Call ``listener`` with the IDs of keys this engine changed, after each commit."""
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _changed(self, *key_ids: str) -> None:
        self._hot = _HotKeys(None)
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

    def _usable_key(self, project_id: str, key_id: str, now: int) -> _HotKey:
        """The key's cipher and blob header, if its state and material allow use at ``now``
        (ms). Served from memory while the store is unchanged; expiry is checked against
        ``now`` on every call, so expired material is never used, even between sweeps.

        No lock: the keys in memory are one ``_HotKeys`` object, replaced whole (an atomic
        assignment) when the store changes, and only ever filled with keys read after its
        token was current. A thread that loses a race fills a replaced object nobody reads."""
        token = self._watch.token()
        hot_keys = self._hot
        if hot_keys.token != token:
            hot_keys = self._hot = _HotKeys(token)
        hot = hot_keys.get((project_id, key_id)) if type(key_id) is str else None
        if hot is not None and (hot.expires_ms is None or now < hot.expires_ms):
            return hot  # its ID was checked when it was cached
        rules.check_key_id(key_id)
        conn = self.store.connection()
        cmk = records.fetch(conn, project_id, key_id, now)
        if cmk.state is not KeyState.ENABLED:
            raise _unusable(cmk.state)
        sealed, _ = records.secrets(conn, key_id)
        if sealed is None:  # cannot happen for an Enabled key (a table constraint)
            raise KmsError("KMS.1301")
        hot = _HotKey(
            AESGCM(self._open_material(key_id, sealed)),
            cmk.material_expires_ms,
            DATA_VERSION + key_id.encode("ascii"),
        )
        if self._hot is hot_keys:
            hot_keys[(project_id, key_id)] = hot
        return hot

    def _open_material(self, key_id: str, sealed: bytes) -> bytes:
        try:
            return self._material.open(sealed, key_id.encode())
        except SealError:
            raise KmsError("KMS.0101", "key.material_unopenable") from None

    def _close_core(self) -> None:
        self._hot = _HotKeys(None)
        self._watch.close()

    def flush(self) -> None:
        """Write out the buffered audit entries of reads."""
        self.audit.flush()


class _HotKeys(dict[tuple[str, str], "_HotKey"]):
    """Usable keys read while the store's change token was ``token`` (None: never valid)."""

    __slots__ = ("token",)

    def __init__(self, token: bytes | None) -> None:
        super().__init__()
        self.token = token


class _HotKey:
    __slots__ = ("cipher", "expires_ms", "header")

    def __init__(self, cipher: AESGCM, expires_ms: int | None, header: bytes) -> None:
        self.cipher = cipher
        self.expires_ms = expires_ms
        self.header = header  # what a data blob under this key starts with


def refuse_pending_deletion(cmk: Cmk) -> None:
    """Refuse a change to a key Pending deletion (KMS.0210)."""
    if cmk.state is KeyState.PENDING_DELETION:
        raise KmsError("KMS.0210")


def _unusable(state: KeyState) -> KmsError:
    if state is KeyState.DISABLED:
        return KmsError("KMS.0209")
    if state is KeyState.PENDING_DELETION:
        return KmsError("KMS.0210")
    if state is KeyState.PENDING_IMPORT:
        return KmsError("KMS.1301", "key.pending_import")
    return KmsError("KMS.1301")
