"""``keyferry serve`` as a process: what it prints (the access key ID, never the secret),
where it listens, how it stops (SIGINT and SIGTERM: exit 0, the store closed and its audit
log complete, each request recorded as its caller), and what it says when it cannot start.
The keyring path (a pair made on first start, read back with ``server-credentials``) runs
against a real Secret Service (gnome-keyring on a private D-Bus)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from app.engine import FileMasterKey, LocalKms
from app.server.credentials import AccessKeyPair, server_credentials
from tests.helpers import MemoryKeyring
from tests.server import steps
from tests.server.live import ACCESS_KEY, SECRET_KEY, sdk_client, server_env, start_server


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_it_stops_cleanly_on_a_signal_and_audits_each_caller(tmp_path: Path, signum: int) -> None:
    server = start_server(tmp_path)
    assert server.url.startswith("http://127.0.0.1:")  # this machine only, by default
    assert f"access key ID:  {ACCESS_KEY}" in server.banner
    client = sdk_client(server.url, "proj")
    key_id = steps.create_key(client, "audited")
    steps.describe(client, key_id)
    client.close()

    status, rest = server.stop(signum)
    assert status == 0, server.log()
    assert "stopped" in rest
    assert SECRET_KEY not in server.banner + rest + server.log()
    assert "Traceback" not in server.log()

    with LocalKms.open(
        server.data_dir,
        master_key_source=FileMasterKey(server.master_key_file),
        background=False,
        pool_size=0,
    ) as kms:
        assert kms.describe_key(project_id="proj", key_id=key_id).alias == "audited"
        entries = [
            e for e in kms.audit.entries(key_id=key_id, reads=True) if e.actor.startswith("ak:")
        ]
    assert [(e.operation, e.actor) for e in entries] == [
        ("create-key", f"ak:{ACCESS_KEY}"),
        ("describe-key", f"ak:{ACCESS_KEY}"),
    ]


def _run_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        env=env,
        text=True,
        capture_output=True,
        timeout=60,
    )


def test_half_an_access_key_in_the_environment_is_refused(tmp_path: Path) -> None:
    env = server_env(tmp_path / "mk")
    del env["KEYFERRY_SECRET_KEY"]
    done = _run_cli("--data-dir", str(tmp_path / "s"), "serve", "--port", "0", env=env)
    assert done.returncode == 2
    assert "Set both KEYFERRY_ACCESS_KEY and KEYFERRY_SECRET_KEY" in done.stderr


def test_without_a_keyring_it_says_what_to_do(tmp_path: Path) -> None:
    env = server_env(tmp_path / "mk", PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    del env["KEYFERRY_ACCESS_KEY"], env["KEYFERRY_SECRET_KEY"]
    done = _run_cli("--data-dir", str(tmp_path / "s"), "serve", "--port", "0", env=env)
    assert done.returncode == 2
    assert "No system keyring" in done.stderr and "KEYFERRY_ACCESS_KEY" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_keyring_pair_is_made_once_and_kept(memory_keyring: MemoryKeyring) -> None:
    first = server_credentials({})
    assert first.source == "keyring" and len(first.access_key_id) == 20
    assert len(first.secret_key) == 40 and first.secret_key not in repr(first)
    assert server_credentials({}) == first
    env_pair = server_credentials({"KEYFERRY_ACCESS_KEY": "AK1", "KEYFERRY_SECRET_KEY": "s" * 16})
    assert env_pair == AccessKeyPair("AK1", "s" * 16, source="environment")


def test_a_short_secret_in_the_environment_is_refused() -> None:
    from app.model.errors import SetupError

    with pytest.raises(SetupError, match="at least 16"):
        server_credentials({"KEYFERRY_ACCESS_KEY": "AK1", "KEYFERRY_SECRET_KEY": "short"})


@pytest.mark.secret_service  # gnome-keyring and dbus-run-session: ./dev.sh test installs them
def test_with_a_real_keyring_the_secret_is_shown_only_on_request(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    script = (
        "echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; "
        f"{sys.executable} -m app.cli server-credentials; "
        f"{sys.executable} -m app.cli server-credentials --show-secret"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KEYFERRY_", "DBUS_"))}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_RUNTIME_DIR=str(tmp_path))
    done = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", script],
        env=env,
        text=True,
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    ids = re.findall(r"Access key ID: (\w+) \(from the keyring\)", done.stdout)
    secrets = re.findall(r"Secret key:    (\w{40})", done.stdout)
    assert len(ids) == 2 and ids[0] == ids[1]  # made once, then read back
    assert len(secrets) == 1  # printed only with --show-secret
    assert "add --show-secret" in done.stdout


@pytest.mark.parametrize("host", ["127.0.0.1", "no-such-host.invalid"])
def test_an_address_it_cannot_listen_on_is_an_error_line(tmp_path: Path, host: str) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = _run_cli(
            "--data-dir",
            str(tmp_path / "s"),
            "serve",
            "--host",
            host,
            "--port",
            str(port),
            env=server_env(tmp_path / "mk"),
        )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: Cannot listen on"), done.stderr
    if host == "127.0.0.1":
        assert f"port {port}" in lines[0] and "--port" in lines[0]
    else:
        assert "--host" in lines[0]
    assert not (tmp_path / "s").exists()  # refused before the store was touched
