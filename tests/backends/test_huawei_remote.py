"""The remote backend when the far end is not a well-behaved ``keyferry serve``: network
failures become clear NET codes quickly (never a hang), a KMS's own refusals keep its code
and message, and answers with fields missing are handled or named.

The misbehaving KMSs here are small real HTTP servers (aiohttp apps on 127.0.0.1), not
mocks: the SDK and the backend run unchanged against them.
"""

from __future__ import annotations

import json
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from aiohttp import web

from app.backends.huawei import HuaweiBackend
from app.model.errors import KmsError
from app.model.importing import WrappingAlgorithm
from app.model.keys import KeyState
from tests.server.live import ACCESS_KEY, SECRET_KEY, LiveServer, in_process_app

KEY_ID = str(uuid.uuid4())


def _backend(endpoint: str, timeout: tuple[float, float] = (2, 5)) -> HuaweiBackend:
    return HuaweiBackend(
        endpoint=endpoint,
        project_id="p",
        access_key_id=ACCESS_KEY,
        secret_key=SECRET_KEY,
        timeout=timeout,
    )


def _failure(backend: HuaweiBackend) -> tuple[KmsError, float]:
    started = time.monotonic()
    with pytest.raises(KmsError) as caught:
        backend.describe_key(key_id=KEY_ID)
    backend.close()
    return caught.value, time.monotonic() - started


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_connection_refused(capfd: pytest.CaptureFixture[str]) -> None:
    endpoint = f"http://127.0.0.1:{_closed_port()}"
    error, took = _failure(_backend(endpoint))
    assert error.code == "NET.0001" and "refused" in error.message
    assert endpoint in error.message and took < 5
    assert capfd.readouterr().err == ""  # the SDK's own logging stays quiet


def test_an_unknown_host() -> None:
    error, _ = _failure(_backend("http://no-such-host.invalid:8080"))
    assert error.code == "NET.0002" and "host name" in error.message


@pytest.fixture
def silent_server() -> Iterator[str]:
    """Accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(5)
        for conn in held:
            conn.close()
        listener.close()


def test_a_kms_that_never_answers_times_out(silent_server: str) -> None:
    error, took = _failure(_backend(silent_server, timeout=(1, 1)))
    assert error.code == "NET.0003" and "did not answer in time" in error.message
    assert took < 10


def test_tls_to_a_plain_http_server(live_server: LiveServer) -> None:
    error, _ = _failure(_backend(live_server.url.replace("http://", "https://")))
    assert error.code == "NET.0004" and "http:// for a local keyferry serve" in error.message


def _fake_kms(answers: dict[str, tuple[int, Any]]) -> web.Application:
    """A KMS that answers each operation (the path's last part) as told."""

    async def handle(request: web.Request) -> web.Response:
        status, body = answers.get(request.match_info["operation"], (404, {}))
        text = body if isinstance(body, str) else json.dumps(body)
        return web.Response(
            status=status,
            text=text,
            content_type="application/json",
            headers={"X-Request-Id": "req-123"},
        )

    app = web.Application()
    app.router.add_route("*", "/v1.0/{project}/kms/{operation:.+}", handle)
    return app


def test_a_remote_refusal_keeps_the_remotes_code_and_message() -> None:
    answers = {
        "describe-key": (
            403,
            {"error": {"error_code": "KMS.9999", "error_msg": "Your account is frozen."}},
        )
    }
    with in_process_app(_fake_kms(answers)) as url:
        error, _ = _failure(_backend(url))
    assert error.code == "KMS.9999" and error.http_status == 403
    assert error.message == "Your account is frozen. (request ID req-123)"


def test_a_web_page_for_an_answer_becomes_one_sentence_with_its_status() -> None:
    """A gateway's HTML error page is not an API answer: one sentence names the status."""
    page = "<!DOCTYPE html><html><head><title>502</title></head>" + "bad gateway " * 100
    answers = {"describe-key": (403, page + "</html>")}
    with in_process_app(_fake_kms(answers)) as url:
        error, _ = _failure(_backend(url))
    assert error.code == "HTTP.403" and error.http_status == 403
    assert error.message == (
        "The KMS, or a gateway or proxy in front of it, answered HTTP 403 with a web page "
        "instead of an API answer. (request ID req-123)"
    )


def test_a_plain_answer_without_a_code_is_named_by_its_status() -> None:
    answers = {"describe-key": (418, "teapot " * 100)}
    with in_process_app(_fake_kms(answers)) as url:
        error, _ = _failure(_backend(url))
    assert error.code == "HTTP.418" and error.http_status == 418
    assert error.message.startswith("teapot teapot") and len(error.message) < 600


def test_missing_fields_in_answers_are_handled() -> None:
    answers = {
        "describe-key": (200, {"key_info": {"key_state": "3", "key_alias": "sparse"}}),
        f"{KEY_ID}/tags": (200, {}),
        "list-keys": (200, {"key_details": [{"key_id": KEY_ID}], "truncated": "false"}),
        "get-parameters-for-import": (200, {"key_id": KEY_ID, "import_token": "t"}),
        "create-datakey": (200, {"key_id": KEY_ID, "cipher_text": "00"}),
    }
    with in_process_app(_fake_kms(answers)) as url:
        backend = _backend(url)
        try:
            cmk = backend.describe_key(key_id=KEY_ID)
            assert (cmk.key_id, cmk.alias, cmk.state, cmk.tags) == (
                KEY_ID,
                "sparse",
                KeyState.DISABLED,
                (),
            )
            page = backend.list_keys()
            assert ([k.key_id for k in page.keys], page.total, page.truncated) == (
                [KEY_ID],
                1,
                False,
            )
            with pytest.raises(KmsError) as caught:
                backend.get_parameters_for_import(
                    key_id=KEY_ID, wrapping_algorithm=WrappingAlgorithm.RSAES_OAEP_SHA_256
                )
            assert caught.value.code == "NET.0006" and "public_key" in caught.value.message
            with pytest.raises(KmsError) as caught:
                backend.create_datakey(key_id=KEY_ID)
            assert caught.value.code == "NET.0006" and "plain_text" in caught.value.message
        finally:
            backend.close()


def test_binary_plaintext_is_refused_before_it_leaves() -> None:
    """The API's encrypt-data takes text: bytes that are not UTF-8 are refused locally."""
    backend = _backend(f"http://127.0.0.1:{_closed_port()}")
    with pytest.raises(KmsError) as caught:
        backend.encrypt_data(key_id=KEY_ID, plain_text=b"\xff\xfe")
    backend.close()
    assert caught.value.code == "KMS.2101" and "UTF-8" in caught.value.message


def test_incomplete_settings_are_refused_before_the_sdk_sees_them() -> None:
    with pytest.raises(KmsError) as caught:
        HuaweiBackend(
            endpoint="http://127.0.0.1:1", project_id="p", access_key_id=ACCESS_KEY, secret_key=""
        )
    assert caught.value.code == "KMS.0204"
