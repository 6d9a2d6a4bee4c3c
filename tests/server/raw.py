"""Requests the SDK would never send: raw HTTP with full control of the request line, the
headers and the body, signed by ``app.server.signing.sign`` (the same canonicalisation the
server verifies with) unless a test wants otherwise."""

from __future__ import annotations

import http.client
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from app.server.signing import sign
from tests.server.live import ACCESS_KEY, SECRET_KEY


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def error_code(self) -> str:
        return str(self.json()["error"]["error_code"])


def signed_headers(
    url: str,
    method: str,
    path: str,
    body: bytes,
    *,
    extra: dict[str, str] | None = None,
    access_key: str = ACCESS_KEY,
    secret_key: str = SECRET_KEY,
    now: float | None = None,
) -> dict[str, str]:
    base = {"Content-Type": "application/json;charset=UTF-8", "X-Project-Id": "p", **(extra or {})}
    return sign(
        method=method,
        url=url.rstrip("/") + path,
        headers=base,
        body=body,
        access_key_id=access_key,
        secret_key=secret_key,
        now=now,
    )


def send(
    url: str,
    method: str,
    path: str,
    body: bytes = b"",
    *,
    headers: dict[str, str] | None = None,
    signed: bool = True,
    **sign_options: Any,
) -> Answer:
    """Send one request to the server at ``url``; ``headers`` replace the signed ones."""
    all_headers = signed_headers(url, method, path, body, **sign_options) if signed else {}
    all_headers.update(headers or {})
    parts = urlsplit(url)
    if not any(name.lower() == "host" for name in all_headers):
        all_headers["Host"] = parts.netloc  # HTTP/1.1 needs one, signed or not
    connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=30)
    try:
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        for name, value in all_headers.items():
            connection.putheader(name, value)
        chunked = any(name.lower() == "transfer-encoding" for name in all_headers)
        if not chunked and (body or method in ("POST", "PUT", "PATCH")):
            connection.putheader("Content-Length", str(len(body)))
        connection.endheaders(body or None)
        response = connection.getresponse()
        return Answer(
            response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        )
    finally:
        connection.close()


def post(url: str, path: str, payload: Any, **options: Any) -> Answer:
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    return send(url, "POST", path, body, **options)
