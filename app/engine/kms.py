"""The embedded local KMS: the operations of the Huawei KMS API over one SQLite store.

``LocalKms`` is thread-safe (a connection per thread; every change is one ``BEGIN IMMEDIATE``
transaction) and can share its store with other processes. Operations take keyword arguments
and a ``project_id``; a refused operation raises ``KmsError`` and changes nothing but the audit
log. Import lives in ``import_ops.py``, data operations in ``data_ops.py``, tags in
``tag_ops.py``, the lifecycle (enable, disable, deletion, alias, description) in
``lifecycle_ops.py``, key records in ``records.py``; this module holds opening, reading,
creating keys and the sweep of what time has decided.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from app.engine import records
from app.engine.asym_import import new_material
from app.engine.clock import Clock
from app.engine.data_ops import DataOps
from app.engine.import_ops import ImportOps
from app.engine.lifecycle_ops import LifecycleOps
from app.engine.master_key import KeyringMasterKey, MasterKeySource
from app.engine.operations import check_project, operation
from app.engine.sealing import Sealer, SealError
from app.engine.store import Store, closed_on_failure
from app.engine.tag_ops import TagOps
from app.engine.wrapping_pool import WrappingKeyPool
from app.model import rules
from app.model.errors import KmsError, SetupError
from app.model.keys import (
    DEFAULT_PROJECT,
    Cmk,
    KeyPage,
    KeySpec,
    KeyState,
    KeyUsage,
    Origin,
    Tag,
)

log = logging.getLogger(__name__)

SWEEP_INTERVAL_S = 30.0
_VERIFIER = b"keyferry master key verifier v1"


class LocalKms(ImportOps, DataOps, TagOps, LifecycleOps):
    """The local KMS engine. Open it with ``LocalKms.open(data_dir)``."""

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
        super().__init__(
            store, master_key, store_id=store_id, clock=clock, random=random, pool=pool
        )
        self._sweeper: threading.Thread | None = None
        self._closing = threading.Event()
        #: Where the master key was read from (set by ``open``; a move changes it).
        self.master_key_source: MasterKeySource | None = None

    # ----------------------------------------------------------------- opening and closing

    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        master_key_source: MasterKeySource | None = None,
        clock: Clock | None = None,
        random: Callable[[int], bytes] = os.urandom,
        pool_size: int = 32,
        background: bool = True,
    ) -> LocalKms:
        """Open (or create) the store in ``data_dir``. Raises ``SetupError`` when the master
        key cannot be had, with the ways out in its message."""
        source = master_key_source or KeyringMasterKey()
        store = Store(Path(data_dir))
        # A failed open leaves nothing behind: no connection, watch or pool thread.
        with closed_on_failure(store.close):
            store_id, master_key = _unlock(store, source, random)
        pool = WrappingKeyPool(size=pool_size, background=background)
        with closed_on_failure(pool.close, store.close):
            kms = cls(store, master_key, store_id=store_id, clock=clock, random=random, pool=pool)
        kms.master_key_source = source
        with closed_on_failure(kms.close):  # the first sweep: locked past the timeout, say
            kms.sweep()
        if background:
            kms.start_sweeper()
        return kms

    def start_sweeper(self, interval_s: float = SWEEP_INTERVAL_S) -> None:
        """Sweep in a background thread, so the store follows time while a program runs."""

        def run() -> None:
            while not self._closing.wait(interval_s):
                try:
                    self.sweep()
                except (KmsError, sqlite3.Error):
                    log.warning("a background sweep failed; the next one will retry")

        self._sweeper = threading.Thread(target=run, name="keyferry-sweeper", daemon=True)
        self._sweeper.start()

    def close(self) -> None:
        self._closing.set()
        if self._sweeper is not None:
            self._sweeper.join(timeout=5)
        self.pool.close()
        self.audit.close()
        self.store.close()
        self._close_core()

    def __enter__(self) -> LocalKms:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------------- reading

    @operation("describe-key")
    def describe_key(self, *, project_id: str, key_id: str) -> Cmk:
        rules.check_key_id(key_id)
        cmk = records.fetch(self.store.connection(), project_id, key_id, self.now_ms())
        self.audit.append_later(operation="describe-key", project_id=project_id, key_id=key_id)
        return cmk

    @operation("list-keys")
    def list_keys(
        self,
        *,
        project_id: str,
        limit: int | str | None = None,
        marker: int | str | None = None,
        key_state: KeyState | int | str | None = None,
        key_spec: KeySpec | str | None = None,
    ) -> KeyPage:
        """``key_spec``: only keys of that spec (any name: a spec no key has lists none)."""
        count = _parse_limit(limit)
        offset = _parse_marker(marker)
        state = _parse_state(key_state)
        spec = None if key_spec in (None, "") else str(key_spec)
        with self.store.read() as conn:
            keys, total = records.page(
                conn, project_id, self.now_ms(), state=state, limit=count, offset=offset, spec=spec
            )
        end = offset + len(keys)
        truncated = end < total
        self.audit.append_later(operation="list-keys", project_id=project_id, key_id=None)
        return KeyPage(
            keys=tuple(keys),
            next_marker=str(end) if truncated else None,
            truncated=truncated,
            total=total,
        )

    def history(self, *, key_id: str, limit: int = 1000) -> list[object]:
        """The audit entries of one key, oldest first."""
        return list(self.audit.entries(key_id=key_id, limit=limit))

    # ------------------------------------------------------------------ creating keys

    @operation("create-key")
    def create_key(
        self,
        *,
        project_id: str,
        key_alias: str,
        key_description: str = "",
        origin: Origin | str = Origin.KMS,
        key_spec: KeySpec | str | None = KeySpec.AES_256,
        key_usage: KeyUsage | str | None = None,
        tags: Iterable[Tag] = (),
    ) -> Cmk:
        """``key_usage`` None: the spec's default (SIGN_VERIFY for RSA and EC). Origin kms
        makes the material here: 32 random bytes, or a key pair of the spec."""
        rules.check_alias(key_alias)
        rules.check_description(key_description)
        origin = _enum(Origin, origin, "origin")
        spec = rules.parse_key_spec(key_spec)
        usage = rules.parse_key_usage(key_usage, spec)
        tags = tuple(tags)
        rules.check_tags(tags)
        key_id = str(uuid.UUID(bytes=self.random(16), version=4))
        created = self.now_ms()
        material, proof = new_material(spec, self.random) if origin is Origin.KMS else (None, None)
        with self.store.write() as conn:
            self._sweep(conn)
            if records.alias_taken(conn, project_id, key_alias):
                raise KmsError("KMS.1104", "key.alias_taken", alias=key_alias)
            records.insert(
                conn,
                Cmk(
                    key_id=key_id,
                    project_id=project_id,
                    alias=key_alias,
                    description=key_description,
                    origin=origin,
                    state=KeyState.ENABLED if material else KeyState.PENDING_IMPORT,
                    created_ms=created,
                    key_spec=spec,
                    key_usage=usage,
                    kcv=None if spec.is_asymmetric else proof,
                    tags=tags,
                    public_key_fingerprint=proof if spec.is_asymmetric else None,
                ),
                sealed_material=self._material.seal(material, key_id.encode())
                if material
                else None,
            )
            self.audit.record(conn, operation="create-key", project_id=project_id, key_id=key_id)
        del material
        self._changed(key_id)
        return records.fetch(self.store.connection(), project_id, key_id, created)

    # ----------------------------------------------------------------------- time

    def sweep(self) -> int:
        """Apply what time has decided: delete expired material and keys past their
        deletion date. Readers already see the result; this makes the store agree."""
        with self.store.write() as conn:
            changed = self._sweep(conn)
        if changed:
            self._changed(*changed)
        return len(changed)

    def _sweep(self, conn: sqlite3.Connection) -> list[str]:
        now = self.now_ms()
        changed = []
        for key_id, project_id in records.due_for_deletion(conn, now):
            records.delete(conn, key_id)
            self.audit.record(
                conn,
                operation="delete-key",
                project_id=project_id,
                key_id=key_id,
                actor="keyferry:scheduler",
            )
            changed.append(key_id)
        for key_id, project_id in records.material_expired(conn, now):
            records.clear_material(conn, key_id)
            self.audit.record(
                conn,
                operation="expire-key-material",
                project_id=project_id,
                key_id=key_id,
                actor="keyferry:scheduler",
            )
            changed.append(key_id)
        return changed


def _unlock(
    store: Store, source: MasterKeySource, random: Callable[[int], bytes]
) -> tuple[str, bytes]:
    """The store's ID and master key: made for a new store, checked for an existing one."""
    conn = store.connection()
    meta = dict(conn.execute("SELECT name, value FROM meta").fetchall())
    if "store_id" not in meta:
        with store.write() as conn:
            meta = dict(conn.execute("SELECT name, value FROM meta").fetchall())
            if "store_id" not in meta:
                store_id = str(uuid.uuid4())
                existing = source.load(store_id)  # a master-key file may hold one already
                key = existing or bytes(random(32))
                if existing is None:
                    source.save(store_id, key)
                verifier = Sealer(key, "verifier").seal(_VERIFIER, store_id.encode())
                conn.executemany(
                    "INSERT INTO meta (name, value) VALUES (?, ?)",
                    [("store_id", store_id), ("verifier", verifier.hex())],
                )
                return store_id, key
    store_id = meta["store_id"]
    loaded = source.load(store_id)
    if loaded is None:
        raise SetupError(
            "store.master_key_missing", folder=store.directory, source=source.describe()
        )
    if not master_key_fits(loaded, store_id, meta.get("verifier", "")):
        raise SetupError("store.master_key_other", source=source.describe(), folder=store.directory)
    return store_id, loaded


def master_key_fits(key: bytes, store_id: str, verifier: str) -> bool:
    """Whether ``key`` opens the store's verifier (hex), so it is the store's master key."""
    try:
        Sealer(key, "verifier").open(bytes.fromhex(verifier), store_id.encode())
    except (SealError, ValueError):
        return False
    return True


E = TypeVar("E", Origin, KeySpec, KeyUsage)


def _enum(kind: type[E], value: object, name: str) -> E:
    try:
        return kind(str(value))
    except ValueError:
        raise KmsError("KMS.0308", "param.not_valid", value=value, name=name) from None


def _parse_limit(limit: int | str | None) -> int | None:
    if limit is None or limit == "":
        return None
    try:
        count = int(limit)
    except (TypeError, ValueError):
        raise KmsError("KMS.1601") from None
    if isinstance(limit, bool) or not 1 <= count <= 1_000_000:
        raise KmsError("KMS.1601")
    return count


def _parse_marker(marker: int | str | None) -> int:
    if marker is None or marker == "":
        return 0
    try:
        offset = int(marker)
    except (TypeError, ValueError):
        raise KmsError("KMS.1602") from None
    if isinstance(marker, bool) or not 0 <= offset <= 2**53:
        raise KmsError("KMS.1602")
    return offset


def _parse_state(state: KeyState | int | str | None) -> KeyState | None:
    if state is None or state == "":
        return None
    try:
        return KeyState(int(state))
    except (TypeError, ValueError):
        raise KmsError("KMS.0308", "param.key_state", value=state) from None


__all__ = ["DEFAULT_PROJECT", "KeyPage", "LocalKms", "check_project"]
