"""The scripting CLI: its output, its errors (code, message, exit status), and the store it
picks."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from app.cli import main


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("KEYFERRY_DATA_DIR", str(tmp_path / "store"))
    monkeypatch.setenv("KEYFERRY_MASTER_KEY_FILE", str(tmp_path / "master.key"))

    def invoke(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def test_json_uses_the_api_field_names(run) -> None:
    code, out, _ = run(
        "--json", "create-key", "--alias", "a", "--tag", "env=prod", "--description", "demo"
    )
    data = json.loads(out)
    assert code == 0
    assert data["key_alias"] == "a" and data["key_state"] == "5" and data["origin"] == "external"
    assert data["key_description"] == "demo" and data["tags"] == [{"key": "env", "value": "prod"}]
    for field in (
        "key_id",
        "domain_id",
        "key_spec",
        "key_usage",
        "creation_date",
        "scheduled_deletion_date",
        "expiration_time",
        "default_key_flag",
    ):
        assert isinstance(data[field], str)
    code, out, _ = run("--json", "list-keys")
    listing = json.loads(out)
    assert listing["total"] == 1 and listing["truncated"] == "false"
    assert listing["keys"] == [data["key_id"]]


def test_errors_print_code_and_message_and_fail(run) -> None:
    run("create-key", "--alias", "dup")
    code, out, err = run("create-key", "--alias", "dup")
    assert code == 1 and out == ""
    assert err.strip() == "error KMS.1104: A key with the alias 'dup' already exists."
    code, _, err = run("describe-key", "0d0466b0-e727-4d9c-b35d-f84bb474a37f")
    assert code == 1 and err.startswith("error KMS.0207: ")
    code, _, err = run(
        "schedule-key-deletion", "0d0466b0-e727-4d9c-b35d-f84bb474a37f", "--pending-days", "3"
    )
    assert code == 1 and err.startswith("error KMS.1401: ")
    code, _, err = run("create-key", "--alias", "t", "--tag", "novalue")
    assert code == 2 and "KEY=VALUE" in err


def test_lifecycle_through_the_cli(run) -> None:
    _, out, _ = run("--json", "create-key", "--alias", "k", "--origin", "kms")
    key = json.loads(out)["key_id"]
    assert json.loads(run("--json", "disable-key", key)[1])["key_state"] == "3"
    assert json.loads(run("--json", "enable-key", key)[1])["key_state"] == "2"
    data = json.loads(run("--json", "schedule-key-deletion", key, "--pending-days", "7")[1])
    assert data["key_state"] == "4" and data["scheduled_deletion_date"]
    assert json.loads(run("--json", "cancel-key-deletion", key)[1])["key_state"] == "3"
    run("batch-create-tags", key, "a=1", "b=2")
    assert json.loads(run("--json", "show-tags", key)[1])["existTagsNum"] == 2
    run("batch-delete-tags", key, "a")
    assert run("show-tags", key)[1].strip() == "b=2"
    assert "renamed" in run("update-key-alias", key, "--alias", "renamed")[1]
    code, out, _ = run("describe-key", key)
    assert code == 0 and "KCV" in out and "Disabled" in out


def test_import_refusals_leave_the_key_pending(run, tmp_path) -> None:
    key = json.loads(run("--json", "create-key", "--alias", "k")[1])["key_id"]
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


def test_generate_never_overwrites_existing_plaintext(run, tmp_path) -> None:
    key = json.loads(run("--json", "create-key", "--alias", "k")[1])["key_id"]
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


def test_no_keyring_is_explained(tmp_path) -> None:
    env = {
        **os.environ,
        "KEYFERRY_DATA_DIR": str(tmp_path / "s"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    env.pop("KEYFERRY_MASTER_KEY_FILE", None)
    child = subprocess.run(
        [sys.executable, "-m", "app.cli", "list-keys"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert child.returncode == 2
    assert "--master-key-file" in child.stderr and "Secret Service" in child.stderr
    assert "Traceback" not in child.stderr


def test_console_script_is_installed() -> None:
    script = os.path.join(os.path.dirname(sys.executable), "keyferry")
    child = subprocess.run([script, "--help"], capture_output=True, text=True, check=True)
    assert "import-key-material" in child.stdout and "get-parameters-for-import" in child.stdout


def test_a_reader_that_leaves_early_gets_no_traceback(tmp_path) -> None:
    """`keyferry ... | head -1`: the pipe closes under the output; exit quietly (141, as
    a shell reports SIGPIPE), no traceback on stderr."""
    env = {
        **os.environ,
        "KEYFERRY_DATA_DIR": str(tmp_path / "store"),
        "KEYFERRY_MASTER_KEY_FILE": str(tmp_path / "master.key"),
    }
    create = [sys.executable, "-m", "app.cli", "create-key", "--alias", "k"]
    subprocess.run(create, env=env, check=True, capture_output=True)
    listing = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "--json", "list-keys"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert listing.stdout is not None
    listing.stdout.close()  # the reader is gone before a byte is written
    _, err = listing.communicate(timeout=60)
    assert listing.returncode in (0, 141), err
    assert b"Traceback" not in err and b"BrokenPipe" not in err, err


@pytest.mark.parametrize(
    "argv, command",
    [
        ([], None),
        (["--data-dir", "/x", "--project", "p"], None),
        (["--json", "describe-key", "k"], "describe-key"),
        (["wizard", "--key-id", "k"], "wizard"),
        (["--data-dir", "/x", "profile", "list"], "profile"),
    ],
)
def test_options_alone_read_like_the_whole_parser(argv, command) -> None:
    """`keyferry [options]` (the window) is read without building the commands' parsers;
    it must give what the whole parser gives, and anything with a command goes to it."""
    from app.cli import build_parser, parse

    args = parse(argv)
    whole = build_parser().parse_args(argv)
    assert args.command == command
    assert vars(args) == vars(whole)


def test_the_window_starts_without_the_command_handlers() -> None:
    """The list window's start-up loads neither the command handlers nor the material
    tools (they load when a command runs)."""
    code = (
        "import sys\nfrom app.cli import parse, _run\nargs = parse([])\n"
        "assert args.command is None\n"
        "print(sorted(m for m in sys.modules if m in ('app.cli_ops', 'app.material')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_usage_errors_still_come_from_the_whole_parser(capsys) -> None:
    from app.cli import parse

    with pytest.raises(SystemExit) as exited:
        parse(["--data-dir"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "COMMAND" in err and "expected one argument" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["--version"],
        ["describe-key", "--version"],
        ["list-keys", "--v"],
        ["create-key", "--alias", "a", "--ver"],
        ["--pro", "x"],
        ["--data"],
        ["--", "x"],
        ["--data-dir=-h"],
        ["--data-dir", "list-keys"],
        ["-h"],
    ],
)
def test_the_quick_path_ends_as_the_whole_parser_does(argv, capsys) -> None:
    """Where the whole parser exits (version, help, a usage error), parse() exits the same
    way with the same words; where it reads a namespace, the same namespace (found in review:
    `keyferry describe-key --version` printed the version and exited 0)."""
    from app.cli import build_parser, parse

    def outcome(read):  # type: ignore[no-untyped-def]
        try:
            return ("namespace", vars(read(argv)))
        except SystemExit as exited:
            printed = capsys.readouterr()
            return ("exit", exited.code, printed.out, printed.err)

    assert outcome(parse) == outcome(lambda a: build_parser().parse_args(a))


def test_a_damaged_store_is_an_error_with_its_code_not_a_traceback(tmp_path, capsys) -> None:
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "keyferry.sqlite3").write_bytes(b"\x17" * 4096)
    code = main(
        [
            "--data-dir",
            str(tmp_path / "store"),
            "--master-key-file",
            str(tmp_path / "mk"),
            "list-keys",
        ]
    )
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("error KMS.0102: The key store is damaged")
