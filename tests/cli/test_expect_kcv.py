"""``import-key-material --expect-kcv``: on the local engine material with another KCV is
refused (KMS.2607) and the key stays Pending import; on a remote KMS, which cannot check a KCV,
the import goes ahead and the command says, on stderr and in ``--json``, that nothing was
verified."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import Run
from tests.cli.helpers import prepared


def test_another_kcv_is_refused_and_the_right_one_imports(run: Run, tmp_path: Path) -> None:
    key, argv, kcv = prepared(run, tmp_path)
    wrong = f"{int(kcv, 16) ^ 0x000100:06X}"
    code, out, err = run(*argv, "--expect-kcv", wrong)
    assert code == 1 and out == ""
    assert err.startswith(
        f"error KMS.2607: The key check value (KCV) of the unwrapped key "
        f"material is not {wrong}, the one expected."
    )
    assert json.loads(run("--json", "describe-key", key)[1])["key_state"] == "5"
    code, out, err = run(*argv, "--expect-kcv", kcv.lower())
    assert code == 0 and err == ""
    assert f"The KMS checked that its KCV is {kcv}, as expected." in out
    assert json.loads(run("--json", "describe-key", key)[1])["kcv"] == kcv


def test_json_says_whether_the_kcv_was_verified(run: Run, tmp_path: Path) -> None:
    _, argv, kcv = prepared(run, tmp_path)
    code, out, _ = run("--json", *argv, "--expect-kcv", kcv)
    data = json.loads(out)
    assert code == 0
    assert (data["kcv"], data["expected_kcv"], data["kcv_verified"]) == (kcv, kcv, True)


@pytest.mark.parametrize("text", ["CABA0", "XYZXYZ", ""])
def test_a_malformed_kcv_is_refused_before_anything(run: Run, tmp_path: Path, text) -> None:
    key, argv, _ = prepared(run, tmp_path)
    code, _, err = run(*argv, "--expect-kcv", text)
    assert code == 1 and err.startswith("error KMS.0308: The expected key check value (KCV)")
    assert json.loads(run("--json", "describe-key", key)[1])["key_state"] == "5"


def test_a_remote_kms_imports_and_says_it_verified_nothing(
    run: Run, tmp_path: Path, live_server, monkeypatch
) -> None:
    from tests.server.live import ACCESS_KEY, SECRET_KEY, new_project

    monkeypatch.setenv("KEYFERRY_SECRET_KEY", SECRET_KEY)
    remote = ("--endpoint", live_server.url, "--project-id", new_project())
    remote = (*remote, "--access-key-id", ACCESS_KEY)
    _, argv, kcv = prepared(run, tmp_path, *remote)
    wrong = f"{int(kcv, 16) ^ 0x000100:06X}"
    code, out, err = run("--json", *argv, "--expect-kcv", wrong)
    assert code == 0, err
    assert err == (
        "warning: this KMS reports no key check value, so it could not verify that the "
        f"imported material has the KCV {wrong}.\n"
    )
    data = json.loads(out)
    assert (data["key_state"], data["expected_kcv"], data["kcv_verified"]) == ("2", wrong, False)
