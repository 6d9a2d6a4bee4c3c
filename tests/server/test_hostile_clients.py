"""Clients that misbehave below the JSON: bytes that are not UTF-8 in a signed header,
compressed garbage, uploads cut short, text no UTF-8 can hold, signatures without ``host``.
Each gets a 4xx with the API's error body, never a 500; a signed request's refusal is
audited; and the server's log stays clean (a client hanging up is not our failure).

A server of this module's own, so that its log holds only what these tests sent.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from huaweicloudsdkkms.v2 import KmsClient

from app.engine import FileMasterKey, LocalKms
from app.model.audit import AuditEntry
from tests.server import raw, steps
from tests.server.live import LiveServer, new_project, sdk_client, start_server


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    live = start_server(tmp_path_factory.mktemp("hostile-clients"))
    try:
        yield live
    finally:
        live.stop()


@pytest.fixture
def sdk(server: LiveServer, project_id: str) -> Iterator[KmsClient]:
    client = sdk_client(server.url, project_id)
    try:
        yield client
    finally:
        client.close()


def _exchange(url: str, data: bytes, *, timeout: float = 30) -> bytes:
    """Send raw bytes on a fresh connection; everything the server answers until it closes."""
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=timeout) as sock:
        sock.sendall(data)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def _api_error(response: bytes) -> tuple[int, str, str]:
    """Status, error code and message of a raw HTTP answer with the API's error body."""
    head, _, body = response.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    error = json.loads(body)["error"]
    assert set(error) == {"error_code", "error_msg"}
    assert b"x-request-id:" in head.lower()
    return status, error["error_code"], error["error_msg"]


def _head(method: str, path: str, headers: dict[str, str], extra: bytes = b"") -> bytes:
    lines = [f"{method} {path} HTTP/1.1", *(f"{k}: {v}" for k, v in headers.items())]
    return "\r\n".join(lines).encode("latin-1") + b"\r\n" + extra + b"\r\n"


# ------------------------------------------------------------------ below the JSON


def test_bytes_that_are_not_utf8_in_a_signed_header_are_401(server: LiveServer) -> None:
    path = "/v1.0/p/kms/list-keys"
    headers = raw.signed_headers(server.url, "POST", path, b"{}")
    # Sign as if X-Note were "é", then send its Latin-1 byte: aiohttp cannot decode it.
    signed = raw.signed_headers(server.url, "POST", path, b"{}", extra={"X-Note": "\u00e9"})
    headers["Authorization"] = signed["Authorization"]
    headers["X-Sdk-Date"] = signed["X-Sdk-Date"]
    headers.update({"Content-Length": "2", "Connection": "close"})
    answer = _exchange(server.url, _head("POST", path, headers, b"X-Note: \xe9\xff\r\n") + b"{}")
    status, code, message = _api_error(answer)
    assert (status, code) == (401, "APIGW.0301")
    assert "not UTF-8" in message


@pytest.mark.parametrize("signed", [False, True])
@pytest.mark.parametrize("encoding", ["deflate", "gzip", "br"])
def test_a_compressed_body_is_refused_before_it_is_read(
    server: LiveServer, encoding: str, signed: bool
) -> None:
    path = "/v1.0/p/kms/list-keys"
    garbage = b"\x00not " + encoding.encode() + b" at all\xff" * 20
    headers = {"Content-Encoding": encoding}
    answer = raw.send(server.url, "POST", path, garbage, headers=headers, signed=signed)
    assert answer.status == 415, answer.body
    assert answer.error_code == "KMS.0202"
    assert "Content-Encoding" in answer.json()["error"]["error_msg"]


def test_uploads_cut_short_are_not_errors_of_ours(server: LiveServer, project_id: str) -> None:
    """Content-Length 10, one byte, hang up; signed and unsigned, 200 times: the server
    goes on answering and its log does not grow."""
    path = f"/v1.0/{project_id}/kms/list-keys"
    body = b'{"limit":1}'
    signed = raw.signed_headers(server.url, "POST", path, body)
    parts = urlsplit(server.url)
    before = len(server.log())
    for i in range(200):
        headers = {**signed} if i % 2 else {"Host": parts.netloc}
        headers["Content-Length"] = str(len(body))
        with socket.create_connection((parts.hostname, parts.port), timeout=30) as sock:
            sock.sendall(_head("POST", path, headers) + body[:1])
    answer = raw.post(server.url, path, {"limit": 1})
    assert answer.status == 200, answer.body
    assert server.log()[before:] == ""


def test_a_body_with_broken_chunks_is_a_4xx(server: LiveServer) -> None:
    path = "/v1.0/p/kms/list-keys"
    headers = raw.signed_headers(server.url, "POST", path, b"{}")
    headers.update({"Transfer-Encoding": "chunked", "Connection": "close"})
    answer = _exchange(server.url, _head("POST", path, headers) + b"zz\r\n{}\r\n0\r\n\r\n")
    status = int(answer.split(b" ", 2)[1])
    assert 400 <= status < 500, answer[:300]
    assert b"Traceback" not in answer


# -------------------------------------------------------------- unencodable text


def _audit_entries(server: LiveServer) -> list[AuditEntry]:
    with LocalKms.open(
        server.data_dir,
        master_key_source=FileMasterKey(server.master_key_file),
        background=False,
        pool_size=0,
    ) as kms:
        return kms.audit.entries(limit=100_000)


LONE_SURROGATES: list[tuple[str, str, dict[str, Any]]] = [
    ("encrypt-data", "", {"key_id": "KEY", "plain_text": "\ud800"}),
    (
        "encrypt-data",
        "",
        {"key_id": "KEY", "plain_text": "a", "additional_authenticated_data": "x\udfff"},
    ),
    ("decrypt-data", "", {"cipher_text": "AAAA", "additional_authenticated_data": "\udc80"}),
    ("create-key", "", {"key_alias": "fine", "key_description": "d\ud800d"}),
    ("create-key", "", {"key_alias": "\ud800"}),
    ("update-key-description", "", {"key_id": "KEY", "key_description": "\udbff"}),
    ("", "/tags", {"tag": {"key": "\ud800", "value": "v"}}),
    ("", "/tags", {"tag": {"key": "k", "value": "\ud800"}}),
    ("", "/tags/action", {"action": "create", "tags": [{"key": "k", "value": "\udc00"}]}),
    ("list-keys", "", {"\ud800": 1}),
]


@pytest.mark.parametrize(("operation", "tail", "payload"), LONE_SURROGATES)
def test_lone_surrogates_are_a_parameter_error_and_audited(
    server: LiveServer,
    sdk: KmsClient,
    project_id: str,
    operation: str,
    tail: str,
    payload: dict[str, Any],
) -> None:
    """``"\\ud800"`` is valid JSON but no UTF-8 can hold it: KMS.0308, the key unchanged,
    and the refusal in the audit log as the caller's."""
    key_id = steps.create_key(sdk, origin="kms", description="before")
    body = json.dumps(payload).replace("KEY", key_id).encode()
    assert b"\\ud" in body or b"\\udc" in body or b"\\udb" in body
    path = f"/v1.0/{project_id}/kms/" + (f"{key_id}{tail}" if tail else operation)
    answer = raw.post(server.url, path, body)
    assert (answer.status, answer.error_code) == (400, "KMS.0308"), answer.body
    assert "Unicode" in answer.json()["error"]["error_msg"]
    assert steps.describe(sdk, key_id).key_description == "before"
    assert steps.show_tags(sdk, key_id) == {}
    refusals = [
        e for e in _audit_entries(server) if e.project_id == project_id and e.result == "refused"
    ]
    assert [(e.error_code, e.actor) for e in refusals] == [("KMS.0308", "ak:KFTESTACCESSKEY00001")]
    if "KEY" in json.dumps(payload) or tail:
        assert refusals[0].key_id == key_id


def test_an_engine_refusal_is_audited_once(server: LiveServer, sdk: KmsClient) -> None:
    """The server audits its own refusals only: one the engine made is not recorded twice."""
    project_id = new_project()
    answer = raw.post(
        server.url,
        f"/v1.0/{project_id}/kms/describe-key",
        {"key_id": "00000000-0000-4000-8000-000000000000"},
    )
    assert answer.error_code == "KMS.0207"
    answer = raw.post(server.url, f"/v1.0/{project_id}/kms/describe-key", {"key_id": 5})
    assert answer.error_code == "KMS.0308"
    refusals = [e for e in _audit_entries(server) if e.project_id == project_id]
    assert [(e.operation, e.error_code) for e in refusals] == [
        ("describe-key", "KMS.0207"),
        ("describe-key", "KMS.0308"),
    ]


# ----------------------------------------------------------------------- signing


def test_a_signature_without_host_is_refused(server: LiveServer) -> None:
    path = "/v1.0/p/kms/list-keys"
    headers = raw.signed_headers(server.url, "POST", path, b"{}")
    authorization = headers["Authorization"].replace("host;", "")
    assert "host" not in authorization
    answer = raw.send(
        server.url,
        "POST",
        path,
        b"{}",
        headers={**headers, "Authorization": authorization},
        signed=False,
    )
    assert (answer.status, answer.error_code) == (401, "APIGW.0301")
    assert "must include host" in answer.json()["error"]["error_msg"]


def test_a_signed_request_can_be_replayed_within_its_window(
    server: LiveServer, project_id: str
) -> None:
    """As in the cloud (and as docs/server-and-remote.md says): the signature binds the
    request, not a single use."""
    path = f"/v1.0/{project_id}/kms/create-key"
    body = json.dumps({"key_alias": "replayed"}).encode()
    headers = raw.signed_headers(server.url, "POST", path, body)
    first = raw.send(server.url, "POST", path, body, headers=headers, signed=False)
    again = raw.send(server.url, "POST", path, body, headers=headers, signed=False)
    assert first.status == 200
    assert (again.status, again.error_code) == (400, "KMS.1104")  # the alias exists: it ran


def test_the_log_is_clean(server: LiveServer) -> None:
    """Runs last in this module: nothing above made the server log anything."""
    assert server.log() == ""
