"""Importing material through the command line: refusals leave the key as it was, files are
never overwritten, and ``--out-dir`` may name a new folder."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from tests.cli.conftest import Run


def _new_key(run: Run, *extra: str) -> str:
    key_id: str = json.loads(run("--json", "create-key", "--alias", "k", *extra)[1])["key_id"]
    return key_id


def test_import_refusals_leave_the_key_pending(run: Run, tmp_path: Path) -> None:
    key = _new_key(run)
    run("get-parameters-for-import", key, "--out-dir", str(tmp_path))
    token = next(tmp_path.glob("importToken_*"))
    wrapping_key = next(tmp_path.glob("wrappingKey_*"))
    # a token given as the material: unwrap fails, with the one unwrap error
    code, _, err = run(
        "import-key-material",
        key,
        "--material",
        str(token),
        "--token",
        str(token),
        "--never-expires",
    )
    assert code == 1 and err.startswith("error KMS.0311")
    # a 31-byte material file cannot even be wrapped
    (tmp_path / "short.bin").write_bytes(os.urandom(31))
    code, _, err = run(
        "wrap",
        "--wrapping-key",
        str(wrapping_key),
        "--algorithm",
        "RSAES_OAEP_SHA_256",
        "--material",
        str(tmp_path / "short.bin"),
        "--out",
        str(tmp_path / "enc.bin"),
    )
    assert code == 1 and "31 bytes" in err and "KMS.2604" in err
    assert not (tmp_path / "enc.bin").exists()
    code, _, err = run(
        "import-key-material",
        key,
        "--material",
        str(token),
        "--token",
        str(token),
        "--expires-at",
        "yesterday",
    )
    assert code == 1 and "KMS.2602" in err
    assert json.loads(run("--json", "describe-key", key)[1])["key_state"] == "5"


def test_generate_never_overwrites_existing_plaintext(run: Run, tmp_path: Path) -> None:
    key = _new_key(run)
    run("get-parameters-for-import", key, "--out-dir", str(tmp_path))
    (tmp_path / "plain.bin").write_bytes(b"precious")
    code, _, err = run(
        "wrap",
        "--wrapping-key",
        str(next(tmp_path.glob("wrappingKey_*"))),
        "--algorithm",
        "RSAES_OAEP_SHA_1",
        "--generate",
        str(tmp_path / "plain.bin"),
        "--out",
        str(tmp_path / "e.bin"),
    )
    assert code == 1 and "already exists" in err
    assert (tmp_path / "plain.bin").read_bytes() == b"precious"


def test_a_new_out_dir_is_created_private(run: Run, tmp_path: Path) -> None:
    key = _new_key(run)
    folder = tmp_path / "new-folder"
    code, out, err = run("--json", "get-parameters-for-import", key, "--out-dir", str(folder))
    assert code == 0, err
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    written = json.loads(out)
    assert {Path(written[f]).parent for f in ("wrapping_key_file", "import_token_file")} == {folder}
    assert len(list(folder.iterdir())) == 3


def test_an_out_dir_that_cannot_be_made_is_said_and_nothing_is_made(
    run: Run, tmp_path: Path
) -> None:
    key = _new_key(run)
    deep = tmp_path / "missing" / "new"
    code, out, err = run("get-parameters-for-import", key, "--out-dir", str(deep))
    assert code == 1 and out == ""
    assert err.strip() == (
        f"error KMS.0308: {deep} does not exist, nor does the folder it would be made in "
        f"({deep.parent}); nothing was created."
    )
    assert not deep.parent.exists()
    (tmp_path / "a-file").write_bytes(b"x")
    code, _, err = run("get-parameters-for-import", key, "--out-dir", str(tmp_path / "a-file"))
    assert code == 1 and err.strip() == f"error KMS.0308: {tmp_path / 'a-file'} is not a folder."


def test_a_refused_download_leaves_no_new_folder(run: Run, tmp_path: Path) -> None:
    """A key whose material KMS made takes no import: the new folder goes again."""
    key = _new_key(run, "--origin", "kms")
    folder = tmp_path / "for-nothing"
    code, _, err = run("get-parameters-for-import", key, "--out-dir", str(folder))
    assert code == 1 and err.startswith("error KMS.")
    assert not folder.exists()
    unknown = "0d0466b0-e727-4d9c-b35d-f84bb474a37f"
    code, _, err = run("get-parameters-for-import", unknown, "--out-dir", str(folder))
    assert code == 1 and err.startswith("error KMS.0207: ")
    assert not folder.exists()
