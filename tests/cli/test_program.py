"""The ``keyferry`` program: one parser (global options before or after the command), its
errors (code, message, exit status), and the store it picks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__
from app.cli import main, window
from app.cli.program import parse
from tests.cli.conftest import Run


def test_errors_print_code_and_message_and_fail(run: Run) -> None:
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


def test_global_options_go_after_the_command_too(run: Run, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    code, out, err = run("create-key", "--alias", "a", "--json", "--data-dir", str(elsewhere))
    assert code == 0, err
    assert json.loads(out)["key_alias"] == "a"
    assert (elsewhere / "keyferry.sqlite3").exists()
    assert not (tmp_path / "store").exists()
    code, out, _ = run("list-keys", "--json", "--data-dir", str(elsewhere))
    assert code == 0 and json.loads(out)["total"] == 1
    code, out, _ = run("--data-dir", str(elsewhere), "list-keys", "--json", "--project", "p2")
    assert code == 0 and json.loads(out)["total"] == 0  # the key is in the default project


def test_an_option_given_before_and_after_the_command_is_the_later_one() -> None:
    args = parse(["--project", "first", "--json", "list-keys", "--project", "second"])
    assert args.project == "second" and args.json is True
    args = parse(["--project", "first", "list-keys"])  # not given after: kept, not reset
    assert args.project == "first" and args.json is False
    args = parse(["profile", "list", "--json", "--data-dir", "/x"])
    assert args.json is True and args.data_dir == Path("/x")


@pytest.mark.parametrize(
    "argv, command",
    [
        ([], None),
        (["--data-dir", "/x", "--project", "p"], None),
        (["--data-dir=-h"], None),
        (["--data-dir", "list-keys"], None),
        (["--json", "describe-key", "k"], "describe-key"),
        (["wizard", "--key-id", "k"], "wizard"),
        (["--data-dir", "/x", "profile", "list"], "profile"),
    ],
)
def test_the_parser_reads_the_command(argv: list[str], command: str | None) -> None:
    args = parse(argv)
    assert args.command == command
    if command is None:
        assert args.handler is window.open_list


@pytest.mark.parametrize(
    "argv, status, words",
    [
        (["--version"], 0, f"keyferry {__version__}"),
        (["-h"], 0, "usage: keyferry"),
        (["describe-key", "--version"], 2, "required: KEY_ID"),
        (["list-keys", "--v"], 2, "unrecognized arguments: --v"),
        (["create-key", "--alias", "a", "--ver"], 2, "unrecognized arguments: --ver"),
        (["--pro", "x"], 2, "ambiguous option: --pro"),
        (["list-keys", "--pro", "x"], 2, "ambiguous option: --pro"),
        (["--data"], 2, "--data-dir: expected one argument"),
        (["--", "x"], 2, "invalid choice: '--'"),
        (["--self-test", "list-keys"], 2, "--self-test takes no command"),
        (["profile"], 2, "required: ACTION"),
    ],
)
def test_where_the_parser_stops(
    argv: list[str], status: int, words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Version and help exit 0 and print to stdout; a usage error exits 2 and says what is
    wrong (found in review: `keyferry describe-key --version` once printed the version)."""
    with pytest.raises(SystemExit) as exited:
        parse(argv)
    printed = capsys.readouterr()
    assert exited.value.code == status
    assert words in (printed.out if status == 0 else printed.err)


def test_no_keyring_is_explained(tmp_path: Path) -> None:
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


def test_a_reader_that_leaves_early_gets_no_traceback(tmp_path: Path) -> None:
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


def test_a_damaged_store_is_an_error_with_its_code_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
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
