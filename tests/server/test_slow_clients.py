"""Slow and stalled clients cannot take ``keyferry serve`` away from others.

The server caps its connections below its file-descriptor limit, gives each connection a
deadline for its request head and each request one for its body, and makes room for a new
connection by closing the one that has waited longest without a complete request. The
headline test runs ``keyferry serve`` with ``ulimit -n 256``, holds 300 stalled connections
open on it, and has the official SDK's signed describe-key answered all the same. Deadlines
here are generous: they catch a server that never answers, not a slow machine.
"""

from __future__ import annotations

import json
import re
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.http.http_config import HttpConfig
from huaweicloudsdkkms.v2 import KmsClient

from app.engine import LocalKms
from app.server import api
from app.server.api import ServerContext
from app.server.connections import FD_RESERVE, ConnectionGuard
from app.server.signing import Verifier
from tests.server import raw, steps
from tests.server.live import ACCESS_KEY, SECRET_KEY, guarded_server, new_project, start_server

FD_LIMIT = 256
STALLED = 300
#: Far beyond any answer's time on a loaded machine; only a server that never answers waits
#: this long.
PATIENCE_S = 60


def _patient_sdk(url: str, project_id: str) -> KmsClient:
    config = HttpConfig.get_default_config()
    config.timeout = (PATIENCE_S, PATIENCE_S)
    return (
        KmsClient.new_builder()
        .with_http_config(config)
        .with_credentials(BasicCredentials(ACCESS_KEY, SECRET_KEY, project_id))
        .with_endpoints([url])
        .build()
    )


def _head(path: str, headers: dict[str, str]) -> bytes:
    lines = [f"POST {path} HTTP/1.1", *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def _stall(url: str, count: int, project_id: str) -> list[socket.socket]:
    """``count`` connections that each stop halfway: a third in their headers, a third in
    the body of an unsigned request, a third in the body of a correctly signed one."""
    parts = urlsplit(url)
    path = f"/v1.0/{project_id}/kms/describe-key"
    body = json.dumps({"key_id": "00000000-0000-4000-8000-000000000000"}).encode()
    signed = raw.signed_headers(url, "POST", path, body)
    partial = [
        f"POST {path} HTTP/1.1\r\nHost: {parts.netloc}\r\nX-Slow: ".encode(),
        _head(path, {"Host": parts.netloc, "Content-Length": str(len(body))}) + body[:5],
        _head(path, {**signed, "Content-Length": str(len(body))}) + body[:5],
    ]
    sockets = []
    for i in range(count):
        sock = socket.create_connection((parts.hostname, parts.port), timeout=PATIENCE_S)
        sockets.append(sock)
        try:
            sock.sendall(partial[i % 3])
        except OSError:
            pass  # the server already closed it to make room: that is the point
    return sockets


@pytest.fixture
def small_server(tmp_path: Path) -> Iterator:
    """``keyferry serve`` with 256 file descriptors, as under ``ulimit -n 256``."""
    command = ("sh", "-c", f'ulimit -n {FD_LIMIT} && exec "$0" -m app.cli "$@"', sys.executable)
    server = start_server(tmp_path, command=command)
    try:
        yield server
    finally:
        server.stop()


def test_300_stalled_connections_do_not_keep_a_signed_request_out(small_server) -> None:
    cap = int(re.search(r"connections:\s+at most (\d+) at once", small_server.banner).group(1))
    assert cap <= FD_LIMIT - FD_RESERVE  # below the descriptor limit, with room for the store
    project_id = new_project()
    client = _patient_sdk(small_server.url, project_id)
    key_id = steps.create_key(client, origin="kms")
    stalled = _stall(small_server.url, STALLED, project_id)
    try:
        assert steps.describe(client, key_id).key_id == key_id
        # ... and again, on a new connection, while the stalled ones are still held open.
        client.close()
        client = _patient_sdk(small_server.url, project_id)
        assert steps.describe(client, key_id).key_state == "2"
    finally:
        client.close()
        for sock in stalled:
            sock.close()
    log = small_server.log()
    assert "Too many open files" not in log and "out of system resource" not in log, log[-2000:]
    assert "Traceback" not in log and "ERROR" not in log, log[-2000:]


# ------------------------------------------------------ the guard's rules, in-process


@pytest.fixture
def context(kms: LocalKms) -> ServerContext:
    return ServerContext(kms=kms, verifier=Verifier({ACCESS_KEY: SECRET_KEY}), domain_id="d")


def _closed_by_server(sock: socket.socket) -> bool:
    """Waits (up to PATIENCE_S) for the server to close ``sock``; whether it did."""
    sock.settimeout(PATIENCE_S)
    try:
        while sock.recv(65536):
            pass
    except TimeoutError:
        return False
    except OSError:
        pass  # reset: closed too
    return True


def test_a_connection_without_a_complete_head_is_closed_at_its_deadline(
    context: ServerContext,
) -> None:
    guard = ConnectionGuard(limit=50, head_timeout_s=1.0)
    with guarded_server(context, guard) as url:
        parts = urlsplit(url)
        silent = socket.create_connection((parts.hostname, parts.port))
        halfway = socket.create_connection((parts.hostname, parts.port))
        halfway.sendall(b"POST /v1.0/p/kms/list-keys HTTP/1.1\r\nHost: x\r\n")
        started = time.monotonic()
        assert _closed_by_server(silent) and _closed_by_server(halfway)
        assert time.monotonic() - started >= 0.9  # the deadline, not at once
        silent.close()
        halfway.close()
        # An answered connection has a deadline for its next request too (keep-alive).
        answer = raw.post(url, "/v1.0/p/kms/list-keys", {})
        assert answer.status == 200
        assert guard.open_connections == 0 or _wait_for(lambda: guard.open_connections == 0)


def _wait_for(condition) -> bool:
    deadline = time.monotonic() + PATIENCE_S
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_at_the_cap_the_longest_waiting_connection_makes_room(context: ServerContext) -> None:
    guard = ConnectionGuard(limit=4, head_timeout_s=PATIENCE_S * 10)
    with guarded_server(context, guard) as url:
        parts = urlsplit(url)
        stalled = [socket.create_connection((parts.hostname, parts.port)) for _ in range(4)]
        for sock in stalled:
            sock.sendall(b"POST / HTTP/1.1\r\n")
        assert _wait_for(lambda: guard.open_connections == 4)
        answer = raw.post(url, "/v1.0/p/kms/list-keys", {})
        assert answer.status == 200
        assert guard.open_connections <= 4
        assert _closed_by_server(stalled[0])  # the longest waiting gave way
        for sock in stalled:
            sock.close()


def test_a_body_that_does_not_arrive_in_time_is_408(
    context: ServerContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(api, "BODY_TIMEOUT_S", 1.0)
    guard = ConnectionGuard(limit=50)
    with guarded_server(context, guard) as url:
        parts = urlsplit(url)
        path = "/v1.0/p/kms/list-keys"
        body = b'{"limit": 1}'
        headers = {**raw.signed_headers(url, "POST", path, body), "Content-Length": "12"}
        with socket.create_connection((parts.hostname, parts.port), timeout=PATIENCE_S) as sock:
            sock.sendall(_head(path, headers) + body[:3])
            answer = sock.recv(65536)
        head, _, payload = answer.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 408"), answer[:300]
        error = json.loads(payload)["error"]
        assert error["error_code"] == "KMS.0202" and "did not arrive" in error["error_msg"]


def test_an_unsigned_body_is_refused_before_it_is_read(context: ServerContext) -> None:
    """Authentication comes first where the headers allow: a request whose signature can
    never hold is answered 401 without waiting for its (stalled) body."""
    with guarded_server(context, ConnectionGuard(limit=50)) as url:
        parts = urlsplit(url)
        headers = {"Host": parts.netloc, "Content-Length": "1000"}
        with socket.create_connection((parts.hostname, parts.port), timeout=PATIENCE_S) as sock:
            sock.sendall(_head("/v1.0/p/kms/list-keys", headers) + b"{")
            answer = sock.recv(65536)
        assert answer.startswith(b"HTTP/1.1 401"), answer[:300]
        assert b"APIGW.0301" in answer
