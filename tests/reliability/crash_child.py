"""A worker for the crash test: imports and lifecycle operations in a loop, forever, until
the parent kills it with SIGKILL. It prints "ready" once the store is open, then one line per
step the engine acknowledged (returned from): ``ack <key ID> <step> [<KCV>]``, so the parent
can check that nothing acknowledged was lost. ``AFTER`` says what the key is after each step."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from app.engine import DEFAULT_PROJECT, FileMasterKey, LocalKms
from app.model.errors import KmsError
from app.model.kcv import key_check_value
from app.model.keys import Tag

P = DEFAULT_PROJECT

#: (step, the audit entry it leaves (None for reads), state after it, material after it,
#: tag keys after it)
AFTER: tuple[tuple[str, str | None, int, bool, frozenset[str]], ...] = (
    ("create-key", "create-key", 5, False, frozenset({"run"})),
    ("get-parameters-for-import", None, 5, False, frozenset({"run"})),
    ("import-key-material", "import-key-material", 2, True, frozenset({"run"})),
    ("encrypt-data", None, 2, True, frozenset({"run"})),
    ("disable-key", "disable-key", 3, True, frozenset({"run"})),
    ("delete-imported-key-material", "delete-imported-key-material", 5, False, frozenset({"run"})),
    ("import-key-material", "import-key-material", 2, True, frozenset({"run"})),
    ("batch-tags", "create-tags", 2, True, frozenset({"run", "a"})),
    ("schedule-key-deletion", "schedule-key-deletion", 4, True, frozenset({"run", "a"})),
    ("cancel-key-deletion", "cancel-key-deletion", 3, True, frozenset({"run", "a"})),
)


def main(store: Path, key_file: Path) -> None:
    kms = LocalKms.open(store, master_key_source=FileMasterKey(key_file), pool_size=2)
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        try:
            cycle(kms, f"k{os.getpid()}-{n}")
        except KmsError as error:  # a refusal is fine; anything else ends the worker
            print("refused", error.code, flush=True)


def ack(key_id: str, step: int, kcv: str = "") -> None:
    print("ack", key_id, step, kcv, flush=True)


def cycle(kms: LocalKms, alias: str) -> None:
    key = kms.create_key(
        project_id=P, key_alias=alias, origin="external", tags=[Tag("run", alias)]
    ).key_id
    ack(key, 0)
    params = kms.get_parameters_for_import(
        project_id=P, key_id=key, wrapping_algorithm="RSAES_OAEP_SHA_256"
    )
    ack(key, 1)
    public_key = serialization.load_der_public_key(params.public_key_der)
    material = os.urandom(32)
    kcv = key_check_value(material)
    wrapped = public_key.encrypt(material, params.wrapping_algorithm.padding())  # type: ignore[union-attr]
    kms.import_key_material(
        project_id=P, key_id=key, import_token=params.import_token, encrypted_key_material=wrapped
    )
    ack(key, 2, kcv)
    kms.encrypt_data(project_id=P, key_id=key, plain_text=b"x")
    ack(key, 3, kcv)
    kms.disable_key(project_id=P, key_id=key)
    ack(key, 4, kcv)
    kms.delete_imported_key_material(project_id=P, key_id=key)
    ack(key, 5)
    kms.import_key_material(
        project_id=P, key_id=key, import_token=params.import_token, encrypted_key_material=wrapped
    )
    ack(key, 6, kcv)
    kms.batch_tags(project_id=P, key_id=key, action="create", tags=[Tag("a", "1")])
    ack(key, 7, kcv)
    kms.schedule_key_deletion(project_id=P, key_id=key, pending_days=7)
    ack(key, 8, kcv)
    kms.cancel_key_deletion(project_id=P, key_id=key)
    ack(key, 9, kcv)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
