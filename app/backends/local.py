"""The embedded engine as a backend: in-process, on the user's own store.

A backend can open its engine at once (``open_local``), or at its first call
(``open_local(..., lazily=True)``): the list window is built and shown on a backend whose
engine then opens on the task runner with the first page of keys, so neither the engine's
import nor the keyring is on the UI thread, and a store that cannot be opened is said in
the window (whose Connection menu offers another KMS) instead of before it.
"""

from __future__ import annotations

import shlex
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from app.backends.base import ChangeListener, KmsRef, Listeners, TagAction
from app.backends.local_asym import LocalAsym
from app.backends.local_data import LocalData
from app.model.audit import AuditEntry
from app.model.errors import KmsError, SetupError
from app.model.importing import ImportParameters, WrappingAlgorithm
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
from app.model.messages import Message

if TYPE_CHECKING:  # the engine is imported where it is opened
    from app.engine.check import CheckReport
    from app.engine.clock import Clock
    from app.engine.kms import LocalKms
    from app.engine.master_key import MasterKeySource


def open_local(
    data_dir: Path,
    *,
    master_key_file: Path | None = None,
    project_id: str = DEFAULT_PROJECT,
    clock: Clock | None = None,
    background: bool = True,
    master_key_source: MasterKeySource | None = None,
    lazily: bool = False,
) -> LocalBackend:
    """Open the store in ``data_dir`` as a backend. Raises ``SetupError`` (no keyring, ...).
    ``lazily``: the engine opens at the backend's first call, on the thread that makes it,
    and that call raises what opening raises (and the next call tries again)."""

    def open_engine() -> LocalKms:
        from app.engine.kms import LocalKms

        source = master_key_source or key_source_for(master_key_file)
        return LocalKms.open(data_dir, master_key_source=source, clock=clock, background=background)

    backend = LocalBackend(
        opener=open_engine,
        directory=Path(data_dir),
        project_id=project_id,
        owns_engine=True,
        master_key_file=master_key_source.key_file() if master_key_source else master_key_file,
    )
    if not lazily:
        backend.kms  # noqa: B018 (opens the engine now)
    return backend


class LocalBackend(LocalData, LocalAsym):
    """The engine in one project. The data operations are in ``local_data.py``, the
    asymmetric ones in ``local_asym.py``; this class holds opening, keys, import, the
    lifecycle and tags."""

    supports_history = True
    is_local = True
    verifies_kcv = True

    def __init__(
        self,
        kms: LocalKms | None = None,
        *,
        project_id: str = DEFAULT_PROJECT,
        owns_engine: bool = False,
        opener: Callable[[], LocalKms] | None = None,
        directory: Path | None = None,
        master_key_file: Path | None = None,
    ) -> None:
        """On an open engine ``kms``, or on the one ``opener`` opens at the first call (with
        its master key in ``master_key_file``, or in the system keyring)."""
        if kms is not None:
            directory = kms.store.directory
        elif opener is None or directory is None:
            raise TypeError("LocalBackend needs an engine, or an opener and its directory")
        self.project_id = project_id
        self._owns = owns_engine
        self._listeners = Listeners()
        self._opener = opener
        self._opening = threading.Lock()
        self._kms: LocalKms | None = None
        self._closed = False
        self._directory = directory
        self._master_key_file = master_key_file
        if kms is not None:
            self._attach(kms)

    @property
    def kms(self) -> LocalKms:
        """The engine, opened now if it was not yet."""
        kms = self._kms
        if kms is not None:
            return kms
        with self._opening:
            if self._kms is None:
                if self._closed or self._opener is None:
                    raise KmsError("KMS.0101", "local.closed")
                self._attach(self._opener())
            assert self._kms is not None
            return self._kms

    @property
    def is_open(self) -> bool:
        """Whether the engine is open (a lazy backend's opens at its first call)."""
        return self._kms is not None

    def _attach(self, kms: LocalKms) -> None:
        kms.add_listener(self._listeners.notify)
        if kms.master_key_source is not None:
            self._master_key_file = kms.master_key_source.key_file()
        self._kms = kms

    @property
    def label(self) -> Message:
        return Message("backend.local", folder=self._directory)

    @property
    def command(self) -> str:
        line = f"keyferry --data-dir {shlex.quote(str(self.where.location))}"
        if self.project_id != DEFAULT_PROJECT:
            line += f" --project {shlex.quote(self.project_id)}"
        return line

    @property
    def where(self) -> KmsRef:
        return KmsRef("local", str(self._directory.expanduser().resolve()), self.project_id)

    @property
    def directory(self) -> Path:
        """The store's folder."""
        return self._directory

    @property
    def master_key_file(self) -> Path | None:
        """The file that holds the store's master key; None for the system keyring."""
        return self._master_key_file

    def move_master_key(
        self,
        to_file: Path | None,
        *,
        switch: Callable[[], None] = lambda: None,
        keep_source: bool = False,
    ) -> Message | None:
        """Move the master key into ``to_file``, or into the system keyring for None (see
        app/engine/master_key_move.py); ``switch`` records its new place before the old copy
        is deleted. Returns a warning when the old copy stayed; raises ``SetupError``."""
        from app.engine.master_key import FileMasterKey, KeyringMasterKey
        from app.engine.master_key_move import move_master_key

        target = FileMasterKey(to_file) if to_file is not None else KeyringMasterKey()
        warning = move_master_key(self.kms, target=target, switch=switch, keep_source=keep_source)
        self._master_key_file = target.key_file()
        return warning

    def close(self) -> None:
        with self._opening:
            self._closed = True
            kms, self._kms = self._kms, None
        if kms is None:
            return
        kms.remove_listener(self._listeners.notify)
        if self._owns:
            kms.close()

    def subscribe(self, listener: ChangeListener) -> Callable[[], None]:
        return self._listeners.subscribe(listener)

    # keys
    def create_key(
        self,
        *,
        alias: str,
        description: str = "",
        origin: Origin = Origin.EXTERNAL,
        tags: Iterable[Tag] = (),
        key_spec: KeySpec = KeySpec.AES_256,
        key_usage: KeyUsage | None = None,
    ) -> Cmk:
        return self.kms.create_key(
            project_id=self.project_id,
            key_alias=alias,
            key_description=description,
            origin=origin,
            tags=tags,
            key_spec=key_spec,
            key_usage=key_usage,
        )

    def describe_key(self, *, key_id: str) -> Cmk:
        return self.kms.describe_key(project_id=self.project_id, key_id=key_id)

    def list_keys(
        self,
        *,
        limit: int | None = None,
        marker: str | None = None,
        key_state: KeyState | None = None,
    ) -> KeyPage:
        return self.kms.list_keys(
            project_id=self.project_id, limit=limit, marker=marker, key_state=key_state
        )

    def all_keys(self) -> list[Cmk]:
        return list(self.kms.list_keys(project_id=self.project_id).keys)

    def history(
        self,
        *,
        key_id: str | None = None,
        since_ms: int | None = None,
        limit: int = 1000,
        reads: bool = False,
    ) -> list[AuditEntry]:
        return self.kms.audit.entries(key_id=key_id, since_ms=since_ms, limit=limit, reads=reads)

    # import
    def get_parameters_for_import(
        self, *, key_id: str, wrapping_algorithm: WrappingAlgorithm
    ) -> ImportParameters:
        return self.kms.get_parameters_for_import(
            project_id=self.project_id, key_id=key_id, wrapping_algorithm=wrapping_algorithm
        )

    def import_key_material(
        self,
        *,
        key_id: str,
        import_token: str,
        encrypted_key_material: bytes,
        expiration_time: int | None = None,
        expect_kcv: str | None = None,
        encrypted_privatekey: bytes | None = None,
    ) -> Cmk:
        return self.kms.import_key_material(
            project_id=self.project_id,
            key_id=key_id,
            import_token=import_token,
            encrypted_key_material=encrypted_key_material,
            expiration_time=expiration_time,
            expect_kcv=expect_kcv,
            encrypted_privatekey=encrypted_privatekey,
        )

    def delete_imported_key_material(self, *, key_id: str) -> Cmk:
        return self.kms.delete_imported_key_material(project_id=self.project_id, key_id=key_id)

    # lifecycle
    def enable_key(self, *, key_id: str) -> Cmk:
        return self.kms.enable_key(project_id=self.project_id, key_id=key_id)

    def disable_key(self, *, key_id: str) -> Cmk:
        return self.kms.disable_key(project_id=self.project_id, key_id=key_id)

    def schedule_key_deletion(self, *, key_id: str, pending_days: int) -> Cmk:
        return self.kms.schedule_key_deletion(
            project_id=self.project_id, key_id=key_id, pending_days=pending_days
        )

    def cancel_key_deletion(self, *, key_id: str) -> Cmk:
        return self.kms.cancel_key_deletion(project_id=self.project_id, key_id=key_id)

    def update_key_alias(self, *, key_id: str, alias: str) -> Cmk:
        return self.kms.update_key_alias(project_id=self.project_id, key_id=key_id, key_alias=alias)

    def update_key_description(self, *, key_id: str, description: str) -> Cmk:
        return self.kms.update_key_description(
            project_id=self.project_id, key_id=key_id, key_description=description
        )

    # tags
    def create_tag(self, *, key_id: str, tag: Tag) -> Cmk:
        return self.kms.create_tag(project_id=self.project_id, key_id=key_id, tag=tag)

    def batch_tags(self, *, key_id: str, action: TagAction, tags: Iterable[Tag]) -> Cmk:
        return self.kms.batch_tags(
            project_id=self.project_id, key_id=key_id, action=action, tags=tags
        )

    def show_tags(self, *, key_id: str) -> tuple[Tag, ...]:
        return self.kms.show_tags(project_id=self.project_id, key_id=key_id)

    def delete_tag(self, *, key_id: str, tag_key: str) -> Cmk:
        return self.kms.delete_tag(project_id=self.project_id, key_id=key_id, tag_key=tag_key)


def key_source_for(master_key_file: Path | None) -> MasterKeySource:
    from app.engine.master_key import FileMasterKey, KeyringMasterKey

    return FileMasterKey(master_key_file) if master_key_file else KeyringMasterKey()


def backup_store(
    data_dir: Path, out: Path, passphrase: str, *, master_key_file: Path | None = None
) -> int:
    """A sealed backup of the local store and of the import record (see
    app/engine/backup.py); returns its size."""
    from app.backends.import_record import ImportRecord
    from app.engine.backup import create_backup

    return create_backup(
        data_dir,
        key_source_for(master_key_file),
        out,
        passphrase,
        attachment=ImportRecord().raw(),
    )


def restore_store(
    backup: Path, data_dir: Path, passphrase: str, *, master_key_file: Path | None = None
) -> str:
    """Restore a backup into an empty ``data_dir``, and add the imports its record holds
    that this machine's record lacks; returns the store's ID."""
    from app.backends.import_record import ImportRecord
    from app.engine.backup import restore_backup

    restored = restore_backup(backup, data_dir, key_source_for(master_key_file), passphrase)
    ImportRecord().append_lines(restored.attachment)
    return restored.store_id


def check_store(data_dir: Path, *, master_key_file: Path | None = None) -> CheckReport:
    """Check the local store without changing it (see app/engine/check.py)."""
    from app.engine.check import check_store as check

    return check(data_dir, key_source_for(master_key_file))


def store_exists(data_dir: Path) -> bool:
    """Whether ``data_dir`` holds a store already (its master key is then somewhere)."""
    from app.engine.store_files import has_store_id

    return has_store_id(Path(data_dir))


def init_store(data_dir: Path, *, master_key_file: Path | None = None) -> tuple[str, Message]:
    """Create the store in ``data_dir`` with a new master key in ``master_key_file`` (or the
    system keyring; a key file that exists already is adopted); its ID and where its key is.
    Refuses a folder that holds a store already, changing nothing."""
    from app.engine.kms import LocalKms

    source = key_source_for(master_key_file)
    if store_exists(data_dir):
        raise SetupError("store.exists_already", folder=Path(data_dir))
    kms = LocalKms.open(Path(data_dir), master_key_source=source, background=False, pool_size=0)
    try:
        return kms.store_id, source.describe()
    finally:
        kms.close()
