"""Fixtures of the server tests: one ``keyferry serve`` subprocess for the session (each test
works in a project of its own), an SDK client per test, and requests signed by hand."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from huaweicloudsdkkms.v2 import KmsClient

from tests.server.live import LiveServer, new_project, sdk_client


@pytest.fixture
def project_id() -> str:
    return new_project()


@pytest.fixture
def sdk(live_server: LiveServer, project_id: str) -> Iterator[KmsClient]:
    client = sdk_client(live_server.url, project_id)
    try:
        yield client
    finally:
        client.close()
