"""A profile's network settings (a CA bundle, an HTTPS proxy) and what a profile refuses to
mix with: a profile is one KMS, one project and one access key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.backends.factory import BackendSettings, remote_settings
from app.backends.profiles import Profile, ProfileStore, ca_file_problem, proxy_problem
from app.model.errors import SetupError
from tests.server.corporate import make_ca


def _args(**given: str) -> BackendSettings:
    project = given.pop("project", None)
    return BackendSettings(data_dir=Path("unused"), project_id=project, **given)


def test_a_profile_keeps_its_ca_bundle_and_proxy(tmp_path: Path) -> None:
    bundle, _, _ = make_ca(tmp_path / "ca")
    store = ProfileStore()
    store.save(
        Profile(
            "corp",
            "https://kms.corp",
            "p1",
            "AK1",
            ca_file=str(bundle),
            https_proxy="http://proxy:3128",
        )
    )
    store.save(Profile("plain", "https://kms.example", "p2", "AK2"))
    saved = json.loads(store.path.read_text())["profiles"]
    assert saved["corp"]["ca_file"] == str(bundle)
    assert saved["corp"]["https_proxy"] == "http://proxy:3128"
    assert set(saved["plain"]) == {"endpoint", "project_id", "access_key_id"}
    settings = remote_settings(_args(profile="corp"))
    assert settings is not None
    assert (settings.ca_file, settings.https_proxy) == (str(bundle), "http://proxy:3128")


def test_network_settings_are_checked(tmp_path: Path) -> None:
    assert "password" in str(proxy_problem("http://me:secret@proxy:3128"))
    assert "HTTPS_PROXY" in str(proxy_problem("http://me:secret@proxy:3128"))
    assert str(proxy_problem("proxy:3128")) == "Enter the HTTPS proxy as http://host:port."
    assert proxy_problem("") is None and proxy_problem("http://proxy:3128") is None
    (tmp_path / "not.pem").write_text("hello")
    assert "holds no PEM certificate" in str(ca_file_problem(str(tmp_path / "not.pem")))
    assert "cannot be read" in str(ca_file_problem(str(tmp_path / "missing.pem")))
    with pytest.raises(SetupError) as caught:
        ProfileStore().save(Profile("bad", "https://kms", "p", "AK", https_proxy="ftp://x"))
    assert "http://host:port" in str(caught.value)
    assert not ProfileStore().path.exists()


def test_a_profile_with_another_project_is_refused_not_ignored() -> None:
    ProfileStore().save(Profile("lab", "https://kms.example", "project-a", "AK1"))
    with pytest.raises(SetupError) as caught:
        remote_settings(_args(profile="lab", project="project-b"))
    assert str(caught.value).startswith(
        "The profile 'lab' works with --project-id project-a; --project-id project-b names another."
    )
    with pytest.raises(SetupError) as caught:
        remote_settings(_args(profile="lab", access_key_id="AK2"))
    assert "--access-key-id AK1; --access-key-id AK2 names another" in str(caught.value)
    same = remote_settings(_args(profile="lab", project="project-a"))
    assert same is not None and same.project_id == "project-a"


def test_flags_add_network_settings_to_a_profile(tmp_path: Path) -> None:
    bundle, _, _ = make_ca(tmp_path / "ca")
    ProfileStore().save(Profile("lab", "https://kms.example", "p", "AK1", https_proxy="http://a:1"))
    settings = remote_settings(_args(profile="lab", ca_file=str(bundle), https_proxy="http://b:2"))
    assert settings is not None
    assert (settings.ca_file, settings.https_proxy) == (str(bundle), "http://b:2")
