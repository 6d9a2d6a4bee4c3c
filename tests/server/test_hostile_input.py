"""Hostile API input against ``keyferry serve``: malformed JSON, wrong types, huge numbers,
unknown fields, oversized bodies, bad paths and methods. Every answer is a 4xx with the API's
error body and an X-Request-Id, never a 500 and never a traceback; the server logs nothing
unexpected meanwhile. The requests are correctly signed, so parsing is what is tested."""

from __future__ import annotations

import json
import socket
from typing import Any
from urllib.parse import urlsplit

import pytest
from huaweicloudsdkkms.v2 import KmsClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.server.api import ROUTES
from tests.helpers import scale
from tests.server import raw, steps
from tests.server.live import LiveServer


def _assert_refusal(answer: raw.Answer, code: str | None = None, status: int | None = None) -> None:
    assert 400 <= answer.status < 500, (answer.status, answer.body[:300])
    assert b"Traceback" not in answer.body
    error = answer.json()["error"]
    assert set(error) == {"error_code", "error_msg"} and error["error_msg"]
    assert len(answer.headers["x-request-id"]) == 32
    if code is not None:
        assert error["error_code"] == code, error
    if status is not None:
        assert answer.status == status


MALFORMED = [
    b"{",
    b'{"key_id": }',
    b"\xff\xfe{}",
    b"[]",
    b'"text"',
    b"null",
    b"42",
    b"NaN",
    b'{"limit": NaN}',
    b'{"limit": Infinity}',
    b"[" * 30_000 + b"]" * 30_000,
    b'{"limit": 1' + b"0" * 5000 + b"}",
    b'{"a": "\\ud800"',
]


@pytest.mark.parametrize("body", MALFORMED, ids=lambda b: repr(b[:20]))
def test_malformed_json_is_kms_0202(live_server: LiveServer, project_id: str, body: bytes) -> None:
    answer = raw.post(live_server.url, f"/v1.0/{project_id}/kms/list-keys", body)
    _assert_refusal(answer, "KMS.0202", 400)


WRONG_TYPES: list[tuple[str, dict[str, Any], str]] = [
    ("describe-key", {"key_id": 5}, "KMS.0308"),
    ("describe-key", {"key_id": ["x"]}, "KMS.0308"),
    ("describe-key", {"key_id": {"$ne": 1}}, "KMS.0308"),
    ("create-key", {"key_alias": True}, "KMS.0308"),
    ("create-key", {"key_alias": "ok", "origin": 1}, "KMS.0308"),
    ("create-key", {"key_alias": "ok", "origin": "cloud"}, "KMS.0308"),
    ("list-keys", {"limit": True}, "KMS.1601"),
    ("list-keys", {"limit": 1.5}, "KMS.1601"),
    ("list-keys", {"limit": 1e300}, "KMS.1601"),
    ("list-keys", {"marker": 10**30}, "KMS.1602"),
    ("list-keys", {"marker": "²"}, "KMS.1602"),
    ("list-keys", {"key_state": "9"}, "KMS.0308"),
    ("list-keys", {"sequence": "x" * 37}, "KMS.0206"),
    ("schedule-key-deletion", {"key_id": "x", "pending_days": None}, "KMS.0204"),
    ("schedule-key-deletion", {"key_id": "x", "pending_days": "²"}, "KMS.1401"),
    (
        "import-key-material",
        {
            "key_id": "x",
            "import_token": "t",
            "encrypted_key_material": "m",
            "expiration_time": "soon",
        },
        "KMS.2602",
    ),
    (
        "import-key-material",
        {
            "key_id": "x",
            "import_token": "t",
            "encrypted_key_material": "m",
            "expiration_time": 10**20,
        },
        "KMS.2602",
    ),
    ("encrypt-data", {"key_id": "x", "plain_text": 5}, "KMS.0308"),
    ("decrypt-data", {"cipher_text": "%%%"}, "KMS.2201"),
    ("decrypt-datakey", {"key_id": "x", "cipher_text": "zz"}, "KMS.2201"),
    ("create-datakey", {"key_id": "x", "datakey_length": [256]}, "KMS.1901"),
    ("create-datakey", {"key_id": "x", "additional_authenticated_data": "a"}, "KMS.0308"),
    (
        "encrypt-data",
        {"key_id": "x", "plain_text": "a", "encryption_algorithm": 5},
        "KMS.0308",
    ),
]


@pytest.mark.parametrize(
    ("operation", "payload", "code"), WRONG_TYPES, ids=lambda v: v if isinstance(v, str) else None
)
def test_wrong_types_are_refused_with_the_fields_code(
    live_server: LiveServer, project_id: str, operation: str, payload: dict[str, Any], code: str
) -> None:
    answer = raw.post(
        live_server.url, f"/v1.0/{project_id}/kms/{operation}", json.dumps(payload).encode()
    )
    _assert_refusal(answer, code, 400)


@pytest.mark.parametrize(
    ("tail", "payload"),
    [
        ("tags", {"tag": []}),
        ("tags", {"tag": {"key": 1}}),
        ("tags", {}),
        ("tags/action", {"tags": "x", "action": "create"}),
        ("tags/action", {"tags": [1, 2], "action": "create"}),
        ("tags/action", {"tags": [{"value": "v"}], "action": "create"}),
    ],
)
def test_malformed_tag_bodies_are_refused(
    live_server: LiveServer, sdk: KmsClient, project_id: str, tail: str, payload: dict[str, Any]
) -> None:
    key_id = steps.create_key(sdk)
    answer = raw.post(live_server.url, f"/v1.0/{project_id}/kms/{key_id}/{tail}", payload)
    _assert_refusal(answer, status=400)
    assert steps.show_tags(sdk, key_id) == {}


def test_unknown_fields_are_ignored(
    live_server: LiveServer, sdk: KmsClient, project_id: str
) -> None:
    answer = raw.post(
        live_server.url,
        f"/v1.0/{project_id}/kms/create-key",
        {
            "key_alias": "extra-fields",
            "origin": "kms",
            "enterprise_project_id": "0",
            "surprise": {"nested": [1, 2, {"deep": None}]},
            "sequence": "s" * 36,
        },
    )
    assert answer.status == 200, answer.body
    key_id = answer.json()["key_info"]["key_id"]
    assert steps.describe(sdk, key_id).key_alias == "extra-fields"
    # Successes carry a request ID too, a new one each time (204s included).
    tagged = raw.post(
        live_server.url,
        f"/v1.0/{project_id}/kms/{key_id}/tags",
        {"tag": {"key": "k", "value": "v"}},
    )
    assert (tagged.status, tagged.body) == (204, b"")
    ids = {answer.headers["x-request-id"], tagged.headers["x-request-id"]}
    assert len(ids) == 2 and all(len(i) == 32 for i in ids)


def test_bodies_over_64_kib_are_kms_0203(live_server: LiveServer, project_id: str) -> None:
    path = f"/v1.0/{project_id}/kms/create-key"
    big = json.dumps({"key_alias": "big", "key_description": "d" * 65_536}).encode()
    _assert_refusal(raw.post(live_server.url, path, big), "KMS.0203", 400)
    # Without a Content-Length (chunked), the limit holds while reading.
    headers = raw.signed_headers(live_server.url, "POST", path, big)
    chunked = hex(len(big))[2:].encode() + b"\r\n" + big + b"\r\n0\r\n\r\n"
    answer = raw.send(
        live_server.url,
        "POST",
        path,
        chunked,
        signed=False,
        headers={**headers, "Transfer-Encoding": "chunked"},
    )
    _assert_refusal(answer, "KMS.0203", 400)


@pytest.mark.parametrize(
    ("method", "path", "code", "status"),
    [
        ("POST", "/", "APIGW.0101", 404),
        ("POST", "/v1.0", "APIGW.0101", 404),
        ("POST", "/v1.0/p/kms/no-such-operation", "APIGW.0101", 404),
        ("POST", "/v1.0/p/kms/create-key/extra", "APIGW.0101", 404),
        ("POST", "/v2.0/p/kms/create-key", "APIGW.0101", 404),
        ("POST", "/v1.0/p%00x/kms/create-key", "KMS.0201", 400),
        ("POST", "/v1.0/" + "p" * 65 + "/kms/create-key", "KMS.0201", 400),
        ("POST", "/v1.0/p/kms/" + "x" * 4000, "APIGW.0101", 404),
        ("GET", "/v1.0/p/kms/create-key", "APIGW.0102", 405),
        ("PUT", "/v1.0/p/kms/k/tags", "APIGW.0102", 405),
        ("PATCH", "/v1.0/p/kms/describe-key", "APIGW.0102", 405),
        ("DELETE", "/v1.0/p/kms/k/tags", "APIGW.0102", 405),
        ("GET", "/v1.0/p/kms/not-a-key/tags", "KMS.0205", 400),
        ("DELETE", "/v1.0/p/kms/00000000-0000-4000-8000-000000000000/tags/x", "KMS.0207", 404),
    ],
)
def test_bad_paths_and_methods(
    live_server: LiveServer, method: str, path: str, code: str, status: int
) -> None:
    answer = raw.send(live_server.url, method, path, b"{}" if method != "GET" else b"")
    _assert_refusal(answer, code, status)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)
FIELDS = [
    "key_id",
    "key_alias",
    "key_description",
    "origin",
    "key_spec",
    "limit",
    "marker",
    "key_state",
    "pending_days",
    "wrapping_algorithm",
    "import_token",
    "encrypted_key_material",
    "expiration_time",
    "plain_text",
    "cipher_text",
    "additional_authenticated_data",
    "datakey_length",
    "datakey_cipher_length",
    "datakey_plain_length",
    "tags",
    "tag",
    "action",
    "sequence",
]
POST_ROUTES = [r.path for r in ROUTES if r.method == "POST" and "{" not in r.path]


@settings(
    max_examples=scale(300, 10_000),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    operation=st.sampled_from(POST_ROUTES),
    body=st.dictionaries(st.sampled_from(FIELDS), JSON, max_size=6) | JSON,
)
def test_random_bodies_never_cause_a_server_error(
    live_server: LiveServer, operation: str, body: Any
) -> None:
    answer = raw.post(live_server.url, f"/v1.0/fuzz/kms/{operation}", json.dumps(body).encode())
    assert answer.status < 500, (operation, body, answer.body[:300])
    if answer.status >= 400:
        _assert_refusal(answer)


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"POST /v1.0/p/kms/list-keys HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
        b"POST /v1.0/p/kms/list-keys HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n",
        b"POST /v1.0/p/kms/list-keys HTTP/9.9\r\nHost: x\r\n\r\n",
    ],
)
def test_malformed_http_is_refused_by_the_parser(
    live_server: LiveServer, request_bytes: bytes
) -> None:
    """HTTP the parser cannot frame is refused before any handler runs: aiohttp answers a
    plain-text 400 and closes the connection (and the log keeps one line, no traceback)."""
    parts = urlsplit(live_server.url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as sock:
        sock.sendall(request_bytes)
        answer = sock.recv(65536)
    assert answer.split(b" ", 2)[1] == b"400"
    assert b"Traceback" not in answer


def test_the_server_logged_no_failure(live_server: LiveServer) -> None:
    """Runs after the tests above in this module: none of their input made the server log
    an unexpected exception."""
    log = live_server.log()
    assert "Traceback" not in log and "failed" not in log, log[-2000:]
