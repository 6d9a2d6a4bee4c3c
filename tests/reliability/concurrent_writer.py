"""One writer of the concurrency test: ``N`` operations on a shared store through one of the
ways users reach it: ``local`` (the GUI's backend, the in-process engine), ``sdk`` (the
official Huawei SDK, through the remote backend, against ``keyferry serve``) or ``cli`` (the
``keyferry`` command's own code, one command per operation, each opening the store as the
command does). Prints one JSON line: the keys it created and every error it met."""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
from pathlib import Path

from app.backends.base import KmsBackend
from app.model.errors import KmsError
from app.model.keys import Origin, Tag


def operate(backend: KmsBackend, shared: str, name: str, count: int) -> dict:
    created: list[str] = []
    errors: list[str] = []
    for n in range(count):
        try:
            if n % 5 == 0:
                created.append(backend.create_key(alias=f"{name}-{n}", origin=Origin.KMS).key_id)
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
    return {"created": created, "errors": errors}


def run_local(store: Path, key_file: Path, shared: str, name: str, count: int) -> dict:
    from app.backends.local import open_local

    backend = open_local(store, master_key_file=key_file, background=False)
    try:
        return operate(backend, shared, name, count)
    finally:
        backend.close()


def run_sdk(url: str, shared: str, name: str, count: int) -> dict:
    from app.backends.huawei import HuaweiBackend
    from tests.server.live import ACCESS_KEY, SECRET_KEY

    backend = HuaweiBackend(
        endpoint=url, project_id="default", access_key_id=ACCESS_KEY, secret_key=SECRET_KEY
    )
    try:
        return operate(backend, shared, name, count)
    finally:
        backend.close()


def run_cli(store: Path, key_file: Path, shared: str, name: str, count: int) -> dict:
    """Each operation is one ``keyferry`` command (its main(), in this process)."""
    from app.cli import main

    base = ["--data-dir", str(store), "--master-key-file", str(key_file), "--json"]
    created: list[str] = []
    errors: list[str] = []
    plain = store.parent / f"{name}.txt"
    plain.write_text(name)

    def command(*argv: str) -> dict | None:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([*base, *argv])
        if code != 0:
            errors.append(err.getvalue().strip())
            return None
        text = out.getvalue().strip()
        return json.loads(text) if text.startswith("{") else {}

    for n in range(count):
        if n % 5 == 0:
            made = command("create-key", "--alias", f"{name}-{n}", "--origin", "kms")
            if made:
                created.append(made["key_id"])
        elif n % 5 == 1:
            command("create-tag", shared, f"{name}={n}")
        elif n % 5 == 2:
            command(
                "encrypt-data",
                shared,
                "--in",
                str(plain),
                "--out",
                str(store.parent / f"{name}.ct"),
            )
        elif n % 5 == 3 and created:
            command("disable-key", created[-1])
        else:
            command("update-key-description", shared, "--description", f"{name} {n}")
    command("create-tag", shared, f"{name}=done")
    return {"created": created, "errors": errors}


if __name__ == "__main__":
    mode, target, key_file, shared, name, count = sys.argv[1:7]
    if mode == "sdk":
        result = run_sdk(target, shared, name, int(count))
    elif mode == "cli":
        result = run_cli(Path(target), Path(key_file), shared, name, int(count))
    else:
        result = run_local(Path(target), Path(key_file), shared, name, int(count))
    sys.stdout.write(json.dumps(result) + os.linesep)
