"""A worker for the audit test: on a store, one change (or one refusal) is made, acknowledged
on stdout, and the worker kills itself with SIGKILL at once, so nothing that runs after an
acknowledgement (a flush, a close, a background thread) can save the change's audit entry.

Each entry of ``CHANGES`` is named for the audit entry it must leave; it prepares a key (not
what is tested) and returns the change itself, which returns the ID of the key it changed."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from app.engine import DEFAULT_PROJECT, FileMasterKey, LocalKms
from app.model.errors import KmsError
from app.model.keys import Tag

P = DEFAULT_PROJECT
Change = Callable[[], str]


def _generated(kms: LocalKms, *steps: tuple[str, dict[str, object]]) -> str:
    key_id = kms.create_key(project_id=P, key_alias="generated", origin="kms").key_id
    for method, kwargs in steps:
        getattr(kms, method)(project_id=P, key_id=key_id, **kwargs)
    return key_id


def _wrapped(kms: LocalKms) -> tuple[str, str, bytes]:
    """A new external key, its import token and material wrapped for it."""
    key_id = kms.create_key(project_id=P, key_alias="imported", origin="external").key_id
    params = kms.get_parameters_for_import(
        project_id=P, key_id=key_id, wrapping_algorithm="RSAES_OAEP_SHA_256"
    )
    public_key = serialization.load_der_public_key(params.public_key_der)
    padding = params.wrapping_algorithm.padding()
    return key_id, params.import_token, public_key.encrypt(os.urandom(32), padding)  # type: ignore[union-attr]


def _import(kms: LocalKms) -> Change:
    key_id, token, wrapped = _wrapped(kms)

    def change() -> str:
        kms.import_key_material(
            project_id=P, key_id=key_id, import_token=token, encrypted_key_material=wrapped
        )
        return key_id

    return change


def _on(method: str, *before: tuple[str, dict[str, object]], imported: bool = False, **kwargs):
    """``method`` on a key made for it (after the ``before`` steps)."""

    def prepare(kms: LocalKms) -> Change:
        if imported:
            key_id = _import(kms)()
        else:
            key_id = _generated(kms, *before)

        def change() -> str:
            getattr(kms, method)(project_id=P, key_id=key_id, **kwargs)
            return key_id

        return change

    return prepare


CHANGES: dict[str, Callable[[LocalKms], Change]] = {
    "create-key": lambda kms: (
        lambda: kms.create_key(project_id=P, key_alias="new", origin="kms").key_id
    ),
    "import-key-material": _import,
    "delete-imported-key-material": _on("delete_imported_key_material", imported=True),
    "disable-key": _on("disable_key"),
    "enable-key": _on("enable_key", ("disable_key", {})),
    "schedule-key-deletion": _on("schedule_key_deletion", pending_days=7),
    "cancel-key-deletion": _on(
        "cancel_key_deletion", ("schedule_key_deletion", {"pending_days": 7})
    ),
    "update-key-alias": _on("update_key_alias", key_alias="renamed"),
    "update-key-description": _on("update_key_description", key_description="d"),
    "create-tag": _on("create_tag", tag=Tag("team", "red")),
    "create-tags": _on("batch_tags", action="create", tags=[Tag("a", "1")]),
    "delete-tags": _on(
        "batch_tags", ("create_tag", {"tag": Tag("a", "b")}), action="delete", tags=[Tag("a", "b")]
    ),
    "delete-tag": _on("delete_tag", ("create_tag", {"tag": Tag("team", "b")}), tag_key="team"),
    "enable-key, refused": _on("enable_key"),  # already Enabled: KMS.1201
}


def main(store: Path, key_file: Path, name: str) -> None:
    kms = LocalKms.open(store, master_key_source=FileMasterKey(key_file), pool_size=0)
    change = CHANGES[name](kms)
    key_id, result = "", "ok"
    try:
        key_id = change()
    except KmsError as error:
        result = f"refused:{error.code}"
    print(f"ack {key_id or '-'} {result}", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
