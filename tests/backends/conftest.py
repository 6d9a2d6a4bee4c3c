"""The backend contract's fixture: the same tests against the embedded engine
(``LocalBackend``) and against the remote backend (``HuaweiBackend``, the official SDK)
pointed at ``keyferry serve`` on 127.0.0.1."""

from __future__ import annotations

import pytest

from app.backends.base import KmsBackend
from app.backends.huawei import HuaweiBackend
from app.backends.local import LocalBackend


@pytest.fixture(params=["local", "remote"])
def any_backend(request: pytest.FixtureRequest) -> KmsBackend:
    """Each contract test runs twice: on the local engine, then through the SDK."""
    if request.param == "local":
        local: LocalBackend = request.getfixturevalue("backend")
        return local
    remote: HuaweiBackend = request.getfixturevalue("remote_backend")
    return remote
