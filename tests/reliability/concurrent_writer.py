"""One writer of the concurrency test: ``N`` operations on a shared store through one of the
ways users reach it: ``local`` (the GUI's backend, in-process engine), ``cli`` (the
``keyferry`` command's code, one command per operation) or ``sdk`` (the official Huawei SDK
against ``keyferry serve``). Prints one JSON line: what it did and any error it met."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from app.model.errors import KmsError
from app.model.keys import Tag


def run_local(store: Path, key_file: Path, shared: str, name: str, count: int) -> dict:
    from app.backends.local import open_local

    backend = open_local(store, master_key_file=key_file, background=False)
    created, errors = [], []
    try:
        for n in range(count):
            try:
                if n % 5 == 0:
                    created.append(backend.create_key(alias=f"{name}-{n}", origin="kms").key_id)
                elif n % 5 == 1:
                    backend.batch_tags(key_id=shared, action="create", tags=[Tag(name, str(n))])
                elif n % 5 == 2:
                    backend.encrypt_data(key_id=shared, plain_text=name.encode())
                elif n % 5 == 3 and created:
                    backend.disable_key(key_id=created[-1])
                else:
                    backend.update_key_description(key_id=shared, description=f"{name} {n}")
            except KmsError as error:
                errors.append(f"{error.code}: {error.message}")
        backend.batch_tags(key_id=shared, action="create", tags=[Tag(name, "done")])
    finally:
        backend.close()
    return {"created": created, "errors": errors}


if __name__ == "__main__":
    mode, store, key_file, shared, name, count = sys.argv[1:7]
    runner = {"local": run_local}[mode]
    print(json.dumps(runner(Path(store), Path(key_file), shared, name, int(count))))
