"""Profiles (issue 13): saved with their secret or not at all, and plain ``http://`` only to
this machine unless the user asks for it by name (``--insecure-http``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import keyring
import keyring.errors
import pytest

from app.backends import factory
from app.backends.profiles import (
    Profile,
    ProfileStore,
    RemoteSecrets,
    endpoint_problem,
    save_profile,
)
from app.model.errors import SetupError
from app.model.messages import Message
from tests.helpers import MemoryKeyring


class RefusingKeyring(MemoryKeyring):
    """A keyring that reads but refuses to store (locked, or its daemon gone mid-way)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("the keyring refused")


@pytest.fixture
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "config"
    monkeypatch.setenv("KEYFERRY_CONFIG_DIR", str(directory))
    for name in ("KEYFERRY_ACCESS_KEY", "KEYFERRY_SECRET_KEY"):
        monkeypatch.delenv(name, raising=False)
    return directory


@pytest.mark.parametrize(
    "endpoint", ["http://10.0.0.5:8080", "http://kms.example.com", "http://[2001:db8::1]:80"]
)
def test_plain_http_to_another_machine_is_refused(endpoint: str) -> None:
    assert endpoint_problem(endpoint) == PLAIN_HTTP_PROBLEM
    assert endpoint_problem(endpoint, insecure_http=True) is None


@pytest.mark.parametrize(
    "endpoint",
    ["http://127.0.0.1:8080", "http://127.8.9.10", "http://[::1]:8080", "http://localhost:80"],
)
def test_plain_http_to_this_machine_is_fine(endpoint: str) -> None:
    assert endpoint_problem(endpoint) is None


PLAIN_HTTP_PROBLEM = Message("endpoint.plain_http")


def _args(**values: Any) -> factory.BackendSettings:
    base: dict[str, Any] = {"project_id": "p", "access_key_id": "AK1"}
    return factory.BackendSettings(data_dir=Path("unused"), **(base | values))


def test_the_command_line_needs_insecure_http_by_name(config_dir: Path) -> None:
    with pytest.raises(SetupError) as caught:
        factory.remote_settings(_args(endpoint="http://10.0.0.5:8080"))
    assert str(PLAIN_HTTP_PROBLEM) in str(caught.value) and "--insecure-http" in str(caught.value)
    settings = factory.remote_settings(_args(endpoint="http://10.0.0.5:8080", insecure_http=True))
    assert settings is not None and settings.insecure_http
    assert factory.remote_settings(_args(endpoint="kms.example.com")).endpoint == (
        "https://kms.example.com"
    )


def test_a_profile_remembers_insecure_http_and_an_old_one_is_refused(config_dir: Path) -> None:
    store = ProfileStore()
    with pytest.raises(SetupError, match="must use https://"):
        store.save(Profile("lan", "http://10.0.0.5:8080", "p", "AK1"))
    store.save(Profile("lan", "http://10.0.0.5:8080", "p", "AK1", insecure_http=True))
    store.save(Profile("tls", "https://kms.example.com", "p", "AK1"))
    entries = json.loads(store.path.read_text())["profiles"]
    assert entries["lan"]["insecure_http"] is True and "insecure_http" not in entries["tls"]
    assert factory.remote_settings(_args(profile="lan", access_key_id=None)).insecure_http
    # A profile file from before the rule (or edited by hand) is refused when used.
    del entries["lan"]["insecure_http"]
    store.path.write_text(json.dumps({"version": 1, "profiles": entries}))
    with pytest.raises(SetupError, match="--insecure-http"):
        factory.remote_settings(_args(profile="lan", access_key_id=None))


def test_a_refused_keyring_leaves_no_half_profile(config_dir: Path) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(RefusingKeyring())
    try:
        with pytest.raises(SetupError, match="keyring"):
            save_profile(
                Profile("lab", "https://kms.example.com", "p", "AK1"),
                "secret",
                store=ProfileStore(),
                secrets=RemoteSecrets(),
            )
    finally:
        keyring.set_keyring(previous)
    assert not (config_dir / "profiles.json").exists()


@pytest.mark.parametrize("had_secret", [False, True])
def test_an_unwritable_profiles_file_leaves_the_keyring_as_it_was(
    tmp_path: Path, memory_keyring: MemoryKeyring, had_secret: bool
) -> None:
    if had_secret:
        RemoteSecrets().set("AK1", "the secret before")
    before = dict(memory_keyring.entries)
    config = tmp_path / "config"
    (config / "profiles.tmp").mkdir(parents=True)  # where the new file is written first
    with pytest.raises(SetupError, match="could not be written"):
        save_profile(
            Profile("lab", "https://kms.example.com", "p", "AK1"),
            "the new secret",
            store=ProfileStore(config),
            secrets=RemoteSecrets(),
        )
    assert memory_keyring.entries == before
    assert not (config / "profiles.json").exists()
