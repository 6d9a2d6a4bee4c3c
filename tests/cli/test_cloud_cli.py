"""The command line on a cloud KMS (``keyferry serve`` as the stand-in): ``profile save``
connects before it saves (``--no-check`` skips it); ``--ca-file`` and ``--https-proxy`` reach
a KMS behind a private CA and a proxy; a remote key's material, expiry and KCV are shown as
the KMS and the import record know them; ``--json`` names the KMS's realm and a listing's
tags; ``import-log`` exports the record and ``kcv --key-id`` checks a file against it; a
change whose answer was lost says so in its exit status."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.backends.import_record import ImportRecord
from app.model.kcv import key_check_value
from app.server.api import ServerContext
from app.server.signing import Verifier
from tests.cli.conftest import Run
from tests.cli.helpers import prepared
from tests.server.corporate import corporate_network
from tests.server.fault_proxy import Fault, FaultProxy, fault_proxy
from tests.server.live import ACCESS_KEY, SECRET_KEY, in_process_server, new_project


@pytest.fixture
def remote(live_server, monkeypatch: pytest.MonkeyPatch) -> tuple[str, ...]:
    """The options that name the stand-in cloud, in a project of this test's own."""
    monkeypatch.setenv("KEYFERRY_SECRET_KEY", SECRET_KEY)
    return (
        "--endpoint",
        live_server.url,
        "--project-id",
        new_project(),
        "--access-key-id",
        ACCESS_KEY,
    )


@pytest.fixture
def proxy(live_server) -> Iterator[FaultProxy]:
    with fault_proxy(live_server.url) as running:
        yield running


def _json(run: Run, *argv: str) -> dict:
    code, out, err = run("--json", *argv)
    assert code == 0, err
    return json.loads(out)


def _profiles(private_config_dir: Path) -> dict:
    path = private_config_dir / "profiles.json"
    return json.loads(path.read_text())["profiles"] if path.exists() else {}


# ------------------------------------------------------------------------ profile save


def test_profile_save_connects_first_and_saves_nothing_that_fails(
    run: Run, remote, private_config_dir: Path, memory_keyring
) -> None:
    dead = ("--endpoint", "http://127.0.0.1:1", "--project-id", "p", "--access-key-id", ACCESS_KEY)
    code, out, err = run(*dead, "profile", "save", "port-one")
    assert code == 1 and err.startswith("error NET.0001: Could not connect to the KMS")
    stranger = (*remote[:4], "--access-key-id", "KFUNKNOWNACCESSKEY01")
    code, out, err = run(*stranger, "profile", "save", "stranger")
    assert code == 1 and err.startswith("error APIGW.0301"), err
    assert _profiles(private_config_dir) == {} and memory_keyring.entries == {}
    code, out, err = run(*remote, "profile", "save", "lab")
    assert code == 0, err
    assert out.startswith(f"Connected: project {remote[3]} holds 0 key(s).\nSaved the profile lab")
    assert set(_profiles(private_config_dir)) == {"lab"}


def test_no_check_saves_without_connecting(
    run: Run, private_config_dir: Path, memory_keyring, monkeypatch
) -> None:
    monkeypatch.setenv("KEYFERRY_SECRET_KEY", "the secret")
    dead = ("--endpoint", "http://127.0.0.1:1", "--project-id", "p", "--access-key-id", "AK1")
    code, out, err = run(*dead, "profile", "save", "later", "--no-check")
    assert code == 0, err
    assert "Connected" not in out and set(_profiles(private_config_dir)) == {"later"}


def test_a_private_ca_and_a_proxy_from_the_command_line_are_used_and_saved(
    run: Run, live_server, tmp_path: Path, private_config_dir: Path, memory_keyring, monkeypatch
) -> None:
    monkeypatch.setenv("KEYFERRY_SECRET_KEY", SECRET_KEY)
    with corporate_network(live_server.url, tmp_path / "ca") as (network, bundle):
        base = ("--endpoint", network.endpoint, "--project-id", new_project())
        base = (*base, "--access-key-id", ACCESS_KEY)
        code, _, err = run(*base, "list-keys")
        assert code == 1 and err.startswith("error NET.0004"), err
        corporate = (*base, "--ca-file", str(bundle), "--https-proxy", network.proxy)
        assert _json(run, *corporate, "create-key", "--alias", "inside")["key_alias"] == "inside"
        assert network.tunnels, "the proxy carried the calls"
        code, _, err = run(*corporate, "profile", "save", "corp")
        assert code == 0, err
        saved = _profiles(private_config_dir)["corp"]
        assert (saved["ca_file"], saved["https_proxy"]) == (str(bundle), network.proxy)
        listed = _json(run, "--profile", "corp", "list-keys")["key_details"]
        assert [k["key_alias"] for k in listed] == ["inside"]


def test_a_ca_file_that_holds_no_certificate_is_refused_before_any_call(
    run: Run, tmp_path: Path, remote
) -> None:
    not_pem = tmp_path / "ca.txt"
    not_pem.write_text("hello")
    code, _, err = run(*remote, "--ca-file", str(not_pem), "list-keys")
    assert code == 2 and "holds no PEM certificate" in err


# ----------------------------------------------------------------- a remote key shown


def _human(run: Run, *argv: str) -> dict[str, str]:
    code, out, err = run(*argv)
    assert code == 0, err
    return {line[:18].strip(): line[18:].strip() for line in out.splitlines()}


def test_a_remote_key_shows_its_material_expiry_and_recorded_kcv(
    run: Run, remote, tmp_path: Path
) -> None:
    key, argv, kcv = prepared(run, tmp_path, *remote)
    pending = _human(run, *remote, "describe-key", key)
    assert (pending["KCV"], pending["Material expires"]) == ("- (no material)",) * 2
    argv = [a for a in argv if a != "--never-expires"]
    assert run(*argv, "--expires-at", "2031-05-04T03:02:01+00:00", "--expect-kcv", kcv)[0] == 0
    shown = _human(run, *remote, "describe-key", key)
    assert shown["State"] == "Enabled"
    assert shown["KCV"].startswith(f"{kcv} (recorded at import on ")
    assert shown["KCV"].endswith("; this KMS does not report one)")
    assert "2031-05-04 03:02:01 UTC" in shown["Material expires"]  # once where local is UTC
    data = _json(run, *remote, "describe-key", key)
    assert (data["kcv"], data["recorded_kcv"]) == ("", kcv)
    assert data["expiration_time"] == str(1935630121000)


def test_a_remote_key_never_expiring_without_a_record_says_so(
    run: Run, remote, tmp_path: Path
) -> None:
    key, argv, _ = prepared(run, tmp_path, *remote)
    code, _, err = run(*argv)
    assert code == 0 and err == (
        "note: this KMS reports no key check value and none was given (--expect-kcv), so the "
        "import record holds no KCV for this import.\n"
    )
    ImportRecord().path.unlink()  # imported from another computer, say
    shown = _human(run, *remote, "describe-key", key)
    assert shown["Material expires"] == "never"
    assert shown["KCV"] == "not reported by this KMS, and no import of it is recorded here"
    assert _json(run, *remote, "describe-key", key)["recorded_kcv"] is None


def test_json_names_the_kmss_realm_not_local(run: Run, kms, monkeypatch) -> None:
    monkeypatch.setenv("KEYFERRY_SECRET_KEY", SECRET_KEY)
    context = ServerContext(
        kms=kms, verifier=Verifier({ACCESS_KEY: SECRET_KEY}), domain_id="d", region="cn-test-9"
    )
    with in_process_server(context) as url:
        remote = ("--endpoint", url, "--project-id", "default", "--access-key-id", ACCESS_KEY)
        made = _json(run, *remote, "create-key", "--alias", "far")
        listed = _json(run, *remote, "list-keys")["key_details"]
    assert made["realm"] == "cn-test-9" and [k["realm"] for k in listed] == ["cn-test-9"]
    assert _json(run, "create-key", "--alias", "near")["realm"] == "local"


def test_list_keys_json_carries_a_remote_keys_tags(run: Run, remote) -> None:
    tags = ("--tag", "env=prod", "--tag", "team=ops")
    key = _json(run, *remote, "create-key", "--alias", "tagged", *tags)["key_id"]
    _json(run, *remote, "create-key", "--alias", "bare")
    listed = {k["key_id"]: k["tags"] for k in _json(run, *remote, "list-keys")["key_details"]}
    assert listed[key] == [{"key": "env", "value": "prod"}, {"key": "team", "value": "ops"}]
    assert sorted(map(len, listed.values())) == [0, 2]


# ------------------------------------------------------------------ the import record


def _two_imports(run: Run, remote, tmp_path: Path) -> tuple[str, str, str, str]:
    """A remote import and a local one refused for another KCV: (remote key, its KCV, local
    key, the KCV it was refused for)."""
    far, argv, far_kcv = prepared(run, tmp_path / "far", *remote)
    assert run(*argv, "--expect-kcv", far_kcv)[0] == 0
    near, argv, kcv = prepared(run, tmp_path / "near")
    wrong = f"{int(kcv, 16) ^ 1:06X}"
    assert run(*argv, "--expect-kcv", wrong)[0] == 1
    return far, far_kcv, near, wrong


def test_import_log_exports_every_import_as_json_csv_and_lines(
    run: Run, remote, tmp_path: Path
) -> None:
    far, far_kcv, near, wrong = _two_imports(run, remote, tmp_path)
    ImportRecord().append(  # a later writer's line, with a field Keyferry does not know
        {"id": "x1", "event": "attempt", "time_ms": 1, "kms_kind": "pkcs11-test", "kms": "t"}
        | {"key_id": "k9", "kcv": "ABCDEF", "kcv_source": "pkcs11", "token_serial": "0042"}
    )
    rows = json.loads(run("--json", "import-log")[1])
    assert [r["key_id"] for r in rows] == ["k9", far, near]
    assert (rows[1]["outcome"], rows[1]["kcv"], rows[1]["kcv_source"]) == (
        "imported",
        far_kcv,
        "typed",
    )
    assert rows[1]["kcv_verified"] is False, "a remote KMS takes the material unchecked"
    assert (rows[1]["kms_kind"], rows[1]["access_key_id"]) == ("remote", ACCESS_KEY)
    assert (rows[2]["outcome"], rows[2]["error_code"], rows[2]["kcv"]) == (
        "refused",
        "KMS.2607",
        wrong,
    )
    assert rows[0]["token_serial"] == "0042" and rows[0]["outcome"] == "unknown"
    table = list(csv.DictReader(io.StringIO(run("import-log", "--csv")[1])))
    assert [r["key_id"] for r in table] == ["k9", far, near]
    assert table[0]["token_serial"] == "0042" and table[1]["kcv_verified"] == "false"
    only = json.loads(run("--json", "import-log", "--key", "k")[1])  # by alias
    assert [r["key_id"] for r in only] == [far, near]
    code, out, _ = run("import-log", "--key", far)
    assert code == 0 and len(out.splitlines()) == 1
    assert f"imported          KCV {far_kcv} (typed, not verified)  key k ({far})" in out
    assert f"remote {remote[1]} project {remote[3]}" in out
    code, _, err = run("--json", "import-log", "--csv")
    assert code == 2 and "either --json or --csv" in err


def test_kcv_checks_a_file_against_the_record(run: Run, remote, tmp_path: Path) -> None:
    far, argv, kcv = prepared(run, tmp_path, *remote)
    assert run(*argv, "--expect-kcv", kcv)[0] == 0
    material = tmp_path / "plain.bin"
    code, out, _ = run("kcv", "--material", str(material), "--key-id", far)
    assert code == 0 and out.startswith(f"KCV {kcv}: this is the material of k, imported on ")
    other = tmp_path / "other.bin"
    other.write_bytes(os.urandom(32))
    code, out, _ = run("--json", "kcv", "--material", str(other), "--key-id", far)
    data = json.loads(out)
    assert code == 1
    assert (data["kcv"], data["matches"], data["recorded_kcv"]) == (
        key_check_value(other.read_bytes()),
        False,
        kcv,
    )
    code, out, _ = run("kcv", "--material", str(material), "--key-id", "no-such-key")
    assert code == 1 and "No import of no-such-key with a known KCV is recorded" in out


# ------------------------------------------------------------------- lost answers


def test_a_lost_answer_is_a_warning_or_an_unknown_outcome_in_the_exit_status(
    run: Run, proxy: FaultProxy, monkeypatch
) -> None:
    monkeypatch.setenv("KEYFERRY_SECRET_KEY", SECRET_KEY)
    remote = ("--endpoint", proxy.url, "--project-id", new_project(), "--access-key-id", ACCESS_KEY)
    proxy.add(Fault("{key_id}/tags/action", "before", status=503))
    code, out, err = run("--json", *remote, "create-key", "--alias", "half", "--tag", "a=b")
    assert code == 0 and err.startswith("warning NET.0008: The key half was created (ID ")
    key = json.loads(out)["key_id"]
    assert f"batch-create-tags {key} a=b" in err
    # describe-key refused (403 is not retried): the key cannot be read after the lost answer
    proxy.add(
        Fault("disable-key", "after", status=504),
        Fault("describe-key", "before", status=403, times=0),
    )
    code, out, err = run(*remote, "disable-key", key)
    assert code == 3 and out == ""
    assert err.startswith("error NET.0007: The answer to disable-key was lost (HTTP.504)")
    assert err.rstrip().endswith(f"--access-key-id {ACCESS_KEY} describe-key {key}")
