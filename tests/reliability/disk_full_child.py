"""Worker for the disk-full test: fills the store until a write fails, then reports what the
failing operation said and whether it changed anything. With ``--limit`` it first caps its
own file size (RLIMIT_FSIZE), the unprivileged way to run out of space."""

from __future__ import annotations

import json
import resource
import signal
import sys
from pathlib import Path

from app.engine import DEFAULT_PROJECT, FileMasterKey, LocalKms
from app.model.errors import KmsError
from app.model.keys import Tag

P = DEFAULT_PROJECT


def main(store: Path, key_file: Path, limit: int | None) -> None:
    kms = LocalKms.open(
        store, master_key_source=FileMasterKey(key_file), background=False, pool_size=0
    )
    if limit:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        size = sum(f.stat().st_size for f in store.iterdir())
        resource.setrlimit(resource.RLIMIT_FSIZE, (size + limit, size + limit))
    count = lambda: kms.list_keys(project_id=P).total  # noqa: E731
    for n in range(100_000):
        before = count()
        try:
            kms.create_key(
                project_id=P,
                key_alias=f"filler-{n}",
                origin="kms",
                key_description="d" * 255,
                tags=[Tag(f"t{i}", "v" * 43) for i in range(10)],
            )
        except KmsError as error:
            print(
                json.dumps(
                    {
                        "code": error.code,
                        "message": error.message,
                        "unchanged": count() == before,
                        "created": n,
                    }
                ),
                flush=True,
            )
            return
    print(json.dumps({"code": None}), flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else None)
