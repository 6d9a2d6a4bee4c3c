"""The backend contract's fixture: the same tests against the embedded engine
(``LocalBackend``) and against the remote backend (``HuaweiBackend``, the official SDK)
pointed at ``keyferry serve`` on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.backends.base import KmsBackend
from app.backends.huawei import HuaweiBackend
from app.backends.local import LocalBackend
from tests.server.live import ACCESS_KEY, SECRET_KEY, LiveServer, new_project, start_server


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    server = start_server(tmp_path_factory.mktemp("serve"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def remote_backend(live_server: LiveServer) -> Iterator[HuaweiBackend]:
    remote = HuaweiBackend(endpoint=live_server.url, project_id=new_project(),
                           access_key_id=ACCESS_KEY, secret_key=SECRET_KEY)
    try:
        yield remote
    finally:
        remote.close()


@pytest.fixture(params=["local", "remote"])
def any_backend(request: pytest.FixtureRequest) -> KmsBackend:
    """Each contract test runs twice: on the local engine, then through the SDK."""
    if request.param == "local":
        local: LocalBackend = request.getfixturevalue("backend")
        return local
    remote: HuaweiBackend = request.getfixturevalue("remote_backend")
    return remote
