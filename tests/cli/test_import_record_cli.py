"""The command line's imports go into the import record, and the README of a download
writes the import command for the KMS it came from, so it works as printed."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

from app.backends.import_record import ImportRecord, Outcome
from app.cli import main


def test_the_readme_command_works_as_printed_and_is_recorded(tmp_path: Path, capsys) -> None:
    store, out = tmp_path / "store", tmp_path / "items"
    base = ["--data-dir", str(store), "--master-key-file", str(tmp_path / "master.key")]
    assert main([*base, "--json", "create-key", "--alias", "readme-key"]) == 0
    import json

    key_id = json.loads(capsys.readouterr().out)["key_id"]
    assert main([*base, "get-parameters-for-import", key_id, "--out-dir", str(out)]) == 0
    capsys.readouterr()
    readme = next(out.glob("README_*.txt")).read_text()
    wrapping_key = next(out.glob("wrappingKey_*"))
    assert f"KMS: Local engine ({store.resolve()})" in readme
    assert (
        main(
            [
                "wrap",
                "--wrapping-key",
                str(wrapping_key),
                "--algorithm",
                "RSAES_OAEP_SHA_256",
                "--generate",
                str(tmp_path / "plain.bin"),
                "--out",
                str(out / "EncryptedKeyMaterial.bin"),
            ]
        )
        == 0
    )
    capsys.readouterr()
    lines = readme.split("Then import EncryptedKeyMaterial.bin")[1].splitlines()[2:5]
    printed = shlex.split(" ".join(line.rstrip("\\").strip() for line in lines))
    assert printed[:3] == ["keyferry", "--data-dir", str(store.resolve())]
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "app.cli",
            "--master-key-file",
            str(tmp_path / "master.key"),
            *printed[1:],
        ],
        cwd=out,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    (entry,) = ImportRecord().entries(key_id=key_id)
    assert entry.outcome is Outcome.IMPORTED and entry.alias == "readme-key"
    assert entry.wrapping_algorithm == "RSAES_OAEP_SHA_256" and entry.kcv_source == "kms"
    assert entry.token_expires_ms
