"""A worker for the crash test: imports and lifecycle operations in a loop, forever, until
the parent kills it with SIGKILL. It prints "ready" once the store is open."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from app.engine import DEFAULT_PROJECT, FileMasterKey, LocalKms
from app.model.errors import KmsError
from app.model.keys import Tag

P = DEFAULT_PROJECT


def main(store: Path, key_file: Path) -> None:
    kms = LocalKms.open(store, master_key_source=FileMasterKey(key_file), pool_size=2)
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        try:
            cycle(kms, f"k{os.getpid()}-{n}")
        except KmsError as error:  # a refusal is fine; anything else ends the worker
            print(error.code, flush=True)


def cycle(kms: LocalKms, alias: str) -> None:
    key = kms.create_key(
        project_id=P, key_alias=alias, origin="external", tags=[Tag("run", alias)]
    ).key_id
    params = kms.get_parameters_for_import(
        project_id=P, key_id=key, wrapping_algorithm="RSAES_OAEP_SHA_256"
    )
    public_key = serialization.load_der_public_key(params.public_key_der)
    material = os.urandom(32)
    wrapped = public_key.encrypt(material, params.wrapping_algorithm.padding())
    kms.import_key_material(
        project_id=P, key_id=key, import_token=params.import_token, encrypted_key_material=wrapped
    )
    kms.encrypt_data(project_id=P, key_id=key, plain_text=b"x")
    kms.disable_key(project_id=P, key_id=key)
    kms.delete_imported_key_material(project_id=P, key_id=key)
    kms.import_key_material(
        project_id=P, key_id=key, import_token=params.import_token, encrypted_key_material=wrapped
    )
    kms.batch_tags(project_id=P, key_id=key, action="create", tags=[Tag("a", "1")])
    kms.schedule_key_deletion(project_id=P, key_id=key, pending_days=7)
    kms.cancel_key_deletion(project_id=P, key_id=key)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
