"""Fixtures shared by every test: a fake clock, an in-memory keyring, an engine on a
temporary store, and the local backend over it."""

from __future__ import annotations

import base64
import os
import time
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from app.backends.local import LocalBackend
from app.engine import DEFAULT_PROJECT, FileMasterKey, LocalKms, ManualClock
from app.engine.tokens import InvalidImportToken
from tests.helpers import SEEN_MATERIAL, SEEN_TOKENS, MemoryKeyring

#: A fresh SoftHSM2 token per test (``soft_token``), for the token path.
pytest_plugins = ["tests.softhsm"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--long",
        action="store_true",
        default=False,
        help="the long variants: the same tests with bigger numbers (tests/helpers.py: scale)",
    )


def pytest_configure(config: pytest.Config) -> None:
    # Tests read this to size their long variants (hypothesis examples, kill counts).
    if config.getoption("--long"):
        os.environ["KEYFERRY_LONG_TESTS"] = "1"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # The packaging group (wheel, frozen bundle: minutes each) runs after everything else, so
    # a failure in the fast suite shows first; ``-m "not packaging"`` leaves it out.
    items.sort(key=lambda item: item.get_closest_marker("packaging") is not None)


@pytest.fixture(autouse=True)
def private_config_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Every test's profiles and import record in a folder of its own, never the user's
    (subprocesses inherit it through the environment)."""
    directory = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("KEYFERRY_CONFIG_DIR", str(directory))
    return directory


@pytest.fixture
def clock() -> ManualClock:
    """A clock that starts at the real time (so file names look real) and moves on demand."""
    return ManualClock(float(int(time.time())))


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def master_key_file(tmp_path: Path) -> Path:
    return tmp_path / "master.key"


@pytest.fixture
def kms(store_dir: Path, master_key_file: Path, clock: ManualClock) -> Iterator[LocalKms]:
    """The engine on a fresh store. When the test ends, every file of the store (database,
    WAL, audit log) is scanned for every plaintext material and wrapping private key the
    test handled: none may appear, in any encoding."""
    SEEN_MATERIAL.clear()
    SEEN_TOKENS.clear()
    engine = LocalKms.open(
        store_dir,
        master_key_source=FileMasterKey(master_key_file),
        clock=clock,
        background=False,
        pool_size=0,
    )
    try:
        yield engine
        secrets = list(SEEN_MATERIAL) + _private_keys(engine, SEEN_TOKENS)
        written = [f.read_bytes() for f in store_dir.iterdir() if f.is_file()]
    finally:
        engine.close()
    written += [f.read_bytes() for f in store_dir.iterdir() if f.is_file()]
    for secret in secrets:
        for form in (secret, secret.hex().encode(), base64.b64encode(secret)):
            assert not any(form in blob for blob in written), "a secret reached the store"


def _private_keys(engine: LocalKms, tokens: list[str]) -> list[bytes]:
    keys = []
    for token in tokens:
        try:
            keys.append(engine._tokens.open(token).private_key_der)
        except InvalidImportToken:
            continue  # a token of another store, or one a test tampered with
    return keys


@pytest.fixture
def backend(kms: LocalKms) -> Iterator[LocalBackend]:
    local = LocalBackend(kms, project_id=DEFAULT_PROJECT)
    try:
        yield local
    finally:
        local.close()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory):
    """One ``keyferry serve`` subprocess on 127.0.0.1 for the whole run; tests that use it
    work in projects of their own."""
    from tests.server.live import start_server

    server = start_server(tmp_path_factory.mktemp("serve"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def remote_backend(live_server):
    """The remote backend (the official SDK) on ``live_server``, in a fresh project."""
    from app.backends.huawei import HuaweiBackend
    from tests.server.live import ACCESS_KEY, SECRET_KEY, new_project

    remote = HuaweiBackend(
        endpoint=live_server.url,
        project_id=new_project(),
        access_key_id=ACCESS_KEY,
        secret_key=SECRET_KEY,
    )
    try:
        yield remote
    finally:
        remote.close()
