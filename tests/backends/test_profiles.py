"""Connection profiles and choosing a backend: the profiles file holds no secret (0600, in a
0700 folder), the secret lives in the keyring, and the command line reaches a remote KMS with
``--endpoint``/``--project-id`` or ``--profile``."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from app.backends import factory
from app.backends.huawei import HuaweiBackend
from app.backends.profiles import (
    Profile,
    ProfileStore,
    RemoteSecrets,
    endpoint_problem,
    normalise_endpoint,
)
from app.cli import main
from app.model.errors import SetupError
from tests.helpers import MemoryKeyring
from tests.server.live import ACCESS_KEY, SECRET_KEY, LiveServer


@pytest.fixture
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "config"
    monkeypatch.setenv("KEYFERRY_CONFIG_DIR", str(directory))
    for name in ("KEYFERRY_ACCESS_KEY", "KEYFERRY_SECRET_KEY"):
        monkeypatch.delenv(name, raising=False)
    return directory


def test_a_profile_is_saved_without_its_secret(
    config_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    store = ProfileStore()
    saved = store.save(Profile(" lab ", "127.0.0.1:8080/", "proj-1", "AK1"))
    assert saved == Profile("lab", "https://127.0.0.1:8080", "proj-1", "AK1")
    RemoteSecrets().set("AK1", SECRET_KEY)
    assert store.get("lab") == saved and list(store.all()) == ["lab"]
    text = store.path.read_text()
    assert SECRET_KEY not in text
    assert json.loads(text) == {
        "version": 1,
        "profiles": {
            "lab": {
                "endpoint": "https://127.0.0.1:8080",
                "project_id": "proj-1",
                "access_key_id": "AK1",
            }
        },
    }
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(config_dir.stat().st_mode) == 0o700
    assert memory_keyring.entries == {("keyferry", "remote:secret-key:AK1"): SECRET_KEY}
    store.delete("lab")
    assert store.all() == {}
    with pytest.raises(SetupError, match="no connection profile 'lab'"):
        store.get("lab")


@pytest.mark.parametrize(
    ("endpoint", "words"),
    [
        ("", "Enter the KMS endpoint"),
        ("ftp://kms.example.com", "must start with https://"),
        ("https://user:pw@kms.example.com", "Do not put credentials"),
        ("https://kms.example.com/v1.0", "without a path"),
        ("https://kms.example.com:99999", "port"),
        ("https://", "needs a host name"),
        ("https:///", "needs a host name"),
    ],
)
def test_bad_endpoints_are_explained(endpoint: str, words: str) -> None:
    problem = endpoint_problem(endpoint)
    assert problem is not None and words in str(problem)


def test_invalid_profiles_are_not_saved(config_dir: Path) -> None:
    with pytest.raises(SetupError, match="project ID"):
        ProfileStore().save(Profile("p", "https://kms", "bad project!", "AK1"))
    assert not (config_dir / "profiles.json").exists()
    assert normalise_endpoint("kms.example.com") == "https://kms.example.com"
    assert normalise_endpoint(" http://127.0.0.1:8080/ ") == "http://127.0.0.1:8080"


def test_a_damaged_profiles_file_is_reported(config_dir: Path) -> None:
    config_dir.mkdir()
    (config_dir / "profiles.json").write_text("{not json")
    with pytest.raises(SetupError, match="Fix or delete it"):
        ProfileStore().all()


def _args(**values: str) -> factory.BackendSettings:
    return factory.BackendSettings(data_dir=Path("unused"), **values)


def test_remote_settings_come_from_the_arguments(
    config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert factory.remote_settings(_args()) is None  # the local engine
    with pytest.raises(SetupError, match="--project-id"):
        factory.remote_settings(_args(endpoint="https://kms", access_key_id="AK1"))
    with pytest.raises(SetupError, match="access key ID"):
        factory.remote_settings(_args(endpoint="https://kms", project_id="p"))
    monkeypatch.setenv("KEYFERRY_ACCESS_KEY", "AKENV")
    settings = factory.remote_settings(_args(endpoint="kms:443", project_id="p"))
    assert settings == factory.RemoteSettings("https://kms:443", "p", "AKENV")
    with pytest.raises(SetupError, match="not both"):
        factory.remote_settings(_args(endpoint="https://kms", profile="x"))


def test_the_secret_comes_from_the_environment_only_for_its_own_key(
    config_dir: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    RemoteSecrets().set("AK2", "keyring-secret-of-ak2")
    monkeypatch.setenv("KEYFERRY_SECRET_KEY", "env-secret-of-ak1")
    monkeypatch.setenv("KEYFERRY_ACCESS_KEY", "AK1")
    assert factory.secret_key_for("AK1") == "env-secret-of-ak1"
    assert factory.secret_key_for("AK2") == "keyring-secret-of-ak2"
    with pytest.raises(SetupError, match="No secret key for the access key AK3"):
        factory.secret_key_for("AK3")


def test_the_cli_reaches_keyferry_serve_by_endpoint_and_by_profile(
    live_server: LiveServer,
    config_dir: Path,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("KEYFERRY_SECRET_KEY", SECRET_KEY)
    remote = [
        "--endpoint",
        live_server.url,
        "--project-id",
        "cliproj",
        "--access-key-id",
        ACCESS_KEY,
    ]
    assert main([*remote, "--json", "create-key", "--alias", "from-cli"]) == 0
    key_id = json.loads(capsys.readouterr().out)["key_id"]

    assert main([*remote, "profile", "save", "lab"]) == 0
    assert "the secret key is in the keyring" in capsys.readouterr().out
    monkeypatch.delenv("KEYFERRY_SECRET_KEY")
    assert main(["--profile", "lab", "--json", "describe-key", key_id]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["key_alias"], shown["key_state"]) == ("from-cli", "5")
    assert SECRET_KEY not in (config_dir / "profiles.json").read_text()

    assert main(["--profile", "lab", "describe-key", "00000000-0000-4000-8000-000000000000"]) == 1
    assert "error KMS.0207:" in capsys.readouterr().err
    assert main(["profile", "delete", "lab"]) == 0
    assert memory_keyring.entries == {}  # no profile uses the access key any more


def test_the_cli_explains_a_dead_endpoint(
    config_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KEYFERRY_SECRET_KEY", SECRET_KEY)
    status = main(
        [
            "--endpoint",
            "http://127.0.0.1:9",
            "--project-id",
            "p",
            "--access-key-id",
            ACCESS_KEY,
            "list-keys",
        ]
    )
    assert status == 1
    assert capsys.readouterr().err.startswith("error NET.0001: Could not connect to the KMS")


def test_open_backend_gives_the_remote_backend(
    live_server: LiveServer, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KEYFERRY_SECRET_KEY", SECRET_KEY)
    opened = factory.open_backend(
        _args(endpoint=live_server.url, project_id="p", access_key_id=ACCESS_KEY)
    )
    try:
        assert isinstance(opened, HuaweiBackend)
        assert str(opened.label) == f"Remote KMS {live_server.url} (project p)"
        assert opened.supports_history is False
        assert opened.is_open is True
    finally:
        opened.close()
    assert opened.is_open is False
    opened.close()  # twice is harmless
