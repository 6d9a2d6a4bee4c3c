"""Helpers shared by the command line's tests."""

from __future__ import annotations

import json
import os
from pathlib import Path

from app.model.kcv import key_check_value
from tests.cli.conftest import Run


def prepared(run: Run, folder: Path, *remote: str) -> tuple[str, list[str], str]:
    """A new key, its download, material wrapped for it: (key ID, the import arguments
    without the KCV, the material's KCV)."""
    key = json.loads(run(*remote, "--json", "create-key", "--alias", "k")[1])["key_id"]
    assert run(*remote, "get-parameters-for-import", key, "--out-dir", str(folder))[0] == 0
    material = folder / "plain.bin"
    material.write_bytes(os.urandom(32))
    wrapping_key = next(folder.glob("wrappingKey_*"))
    encrypted = folder / "enc.bin"
    code, _, err = run(
        *("wrap", "--wrapping-key", str(wrapping_key), "--algorithm", "RSAES_OAEP_SHA_256"),
        *("--material", str(material), "--out", str(encrypted)),
    )
    assert code == 0, err
    token = next(folder.glob("importToken_*"))
    argv = [*remote, "import-key-material", key, "--material", str(encrypted)]
    return (
        key,
        [*argv, "--token", str(token), "--never-expires"],
        key_check_value(material.read_bytes()),
    )
