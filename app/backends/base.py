"""The backend protocol: every KMS operation the GUI and the CLI use, bound to one project.

Two implementations: ``LocalBackend`` (the embedded engine, in-process) and
``HuaweiBackend`` (a remote Huawei-compatible KMS through the official SDK). Nothing above
this layer reaches into the engine. Ciphertexts travel in the API's own forms (Base64 for
``cipher_text`` of encrypt-data, hex for data keys), so a file written against one backend
means the same to the other. Every refusal is a ``KmsError`` carrying the KMS's own code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from app.model.audit import AuditEntry
from app.model.importing import ImportParameters, WrappingAlgorithm
from app.model.keys import Cmk, DataKey, KeyPage, KeyState, Origin, Tag

#: Called with the IDs of changed keys; an empty set means "anything may have changed".
ChangeListener = Callable[[frozenset[str]], None]


@dataclass(frozen=True)
class Decrypted:
    key_id: str
    plaintext: bytes


@runtime_checkable
class KmsBackend(Protocol):
    """A KMS the user works with. Methods block: call them off the UI thread."""

    project_id: str

    @property
    def label(self) -> str:
        """Which KMS this is, for titles and status bars."""
        ...

    @property
    def is_local(self) -> bool:
        """Whether this is the embedded engine on this machine (not a remote KMS)."""
        ...

    @property
    def supports_history(self) -> bool:
        """Whether ``history`` can return the audit log of a key."""
        ...

    def close(self) -> None: ...

    def subscribe(self, listener: ChangeListener) -> Callable[[], None]:
        """Be told when keys change; returns the function that unsubscribes."""
        ...

    # keys
    def create_key(
        self,
        *,
        alias: str,
        description: str = "",
        origin: Origin = Origin.EXTERNAL,
        tags: Iterable[Tag] = (),
    ) -> Cmk: ...
    def describe_key(self, *, key_id: str) -> Cmk: ...
    def list_keys(
        self,
        *,
        limit: int | None = None,
        marker: str | None = None,
        key_state: KeyState | None = None,
    ) -> KeyPage: ...
    def all_keys(self) -> list[Cmk]: ...
    def history(self, *, key_id: str) -> list[AuditEntry]: ...

    # import
    def get_parameters_for_import(
        self, *, key_id: str, wrapping_algorithm: WrappingAlgorithm
    ) -> ImportParameters: ...
    def import_key_material(
        self,
        *,
        key_id: str,
        import_token: str,
        encrypted_key_material: bytes,
        expiration_time: int | None = None,
    ) -> Cmk: ...
    def delete_imported_key_material(self, *, key_id: str) -> Cmk: ...

    # lifecycle
    def enable_key(self, *, key_id: str) -> Cmk: ...
    def disable_key(self, *, key_id: str) -> Cmk: ...
    def schedule_key_deletion(self, *, key_id: str, pending_days: int) -> Cmk: ...
    def cancel_key_deletion(self, *, key_id: str) -> Cmk: ...
    def update_key_alias(self, *, key_id: str, alias: str) -> Cmk: ...
    def update_key_description(self, *, key_id: str, description: str) -> Cmk: ...

    # tags
    def create_tag(self, *, key_id: str, tag: Tag) -> Cmk: ...
    def batch_tags(self, *, key_id: str, action: str, tags: Iterable[Tag]) -> Cmk: ...
    def show_tags(self, *, key_id: str) -> tuple[Tag, ...]: ...
    def delete_tag(self, *, key_id: str, tag_key: str) -> Cmk: ...

    # data
    def encrypt_data(
        self, *, key_id: str, plain_text: bytes, additional_authenticated_data: bytes = b""
    ) -> str: ...
    def decrypt_data(
        self, *, cipher_text: str, additional_authenticated_data: bytes = b""
    ) -> Decrypted: ...
    def create_datakey(
        self,
        *,
        key_id: str,
        key_spec: str | None = None,
        datakey_length: int | None = None,
        with_plaintext: bool = True,
    ) -> DataKey: ...
    def decrypt_datakey(
        self, *, key_id: str, cipher_text: str, datakey_cipher_length: int | None = None
    ) -> bytes: ...
    def encrypt_datakey(
        self, *, key_id: str, plain_text: bytes, datakey_plain_length: int
    ) -> str: ...


class Listeners:
    """The subscribe/notify part that every backend shares."""

    def __init__(self) -> None:
        self._listeners: list[ChangeListener] = []

    def subscribe(self, listener: ChangeListener) -> Callable[[], None]:
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def notify(self, key_ids: frozenset[str]) -> None:
        for listener in list(self._listeners):
            listener(key_ids)
