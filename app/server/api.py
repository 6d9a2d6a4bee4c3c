"""The Huawei Cloud KMS REST API over the local engine, on aiohttp.

Every route lives below ``/v1.0/{project_id}/kms/``; the project is a namespace the engine
enforces. For each request, in order: the headers are checked (a body over 64 KiB is KMS.0203,
a compressed one 415; the SDK-HMAC-SHA256 signature's headers, date and access key: 401,
APIGW.0301), all before a byte of the body is read; then the body is read (within
``BODY_TIMEOUT_S``, else 408), the signature verified over the bytes received, and the
operation runs on a worker thread with the caller recorded in the audit log as
``ak:<access key ID>``. The engine blocks (SQLite, RSA), so it never runs on the event loop.

Every answer carries an ``X-Request-Id`` header; every refusal is
``{"error": {"error_code", "error_msg"}}`` with a 4xx status, and a signed request's refusal is
audited, whether the engine or the parameter checks here refused it. A client that hangs up
is logged at debug level only. An unexpected failure is logged here with its traceback and
answered 500 KMS.0101 without one.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError
from aiohttp.typedefs import Middleware
from aiohttp.web_protocol import RequestPayloadError

from app.engine.audit import ACTOR
from app.engine.kms import LocalKms
from app.engine.operations import audit_refusal, check_project
from app.model.errors import KmsError
from app.server import ops_asym, ops_data, ops_keys
from app.server.calls import Call, Reply, Route
from app.server.params import Body, check_text, parse_body
from app.server.signing import SignatureError, SignedHead, Verifier

log = logging.getLogger(__name__)

API_PREFIX = "/v1.0/{project_id}/kms/"
MAX_BODY_BYTES = 64 * 1024
#: How long a body may take to arrive once the request's headers are in.
BODY_TIMEOUT_S = 15.0
REQUEST_ID_HEADER = "X-Request-Id"
ROUTES: list[Route] = [*ops_keys.ROUTES, *ops_data.ROUTES, *ops_asym.ROUTES]
_JSON = "application/json"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class ServerContext:
    """What every request needs: the engine, the signature verifier, and the names the API
    reports for this KMS (``domain_id`` and region)."""

    kms: LocalKms
    verifier: Verifier
    domain_id: str
    region: str = "local"


CONTEXT = web.AppKey("keyferry_context", ServerContext)


def build_app(
    context: ServerContext, *, middlewares: tuple[Middleware, ...] = ()
) -> web.Application:
    """The API app; ``middlewares`` run inside the one that answers errors."""
    _quiet_client_errors()
    app = web.Application(
        client_max_size=MAX_BODY_BYTES, middlewares=[_answer_errors, *middlewares]
    )
    app[CONTEXT] = context
    for route in ROUTES:
        app.router.add_route(route.method, API_PREFIX + route.path, _handler(route))
    return app


class _ClientErrorFilter(logging.Filter):
    """aiohttp logs a traceback for every malformed HTTP message a client sends (bad
    headers, Content-Length with chunked, a broken body it drains after an early answer,
    ...). That is the client's fault, not a failure here, and anyone could flood the log with
    it: keep one short line instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, RequestPayloadError):
            error = error.__cause__
        if isinstance(error, HttpProcessingError) and 400 <= (error.code or 0) < 500:
            log.info("refused a malformed HTTP request: %s", str(error.message)[:200])
            return False
        return True


def _quiet_client_errors() -> None:
    server_log = logging.getLogger("aiohttp.server")
    if not any(isinstance(f, _ClientErrorFilter) for f in server_log.filters):
        server_log.addFilter(_ClientErrorFilter())


# ------------------------------------------------------------------------ responses


def error_response(error: KmsError) -> web.Response:
    return _json(
        error.http_status, {"error": {"error_code": error.code, "error_msg": error.message}}
    )


def _json(status: int, payload: dict[str, Any]) -> web.Response:
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return web.Response(status=status, text=text, content_type=_JSON, charset="utf-8")


def _reply(reply: Reply) -> web.Response:
    if reply.payload is None:
        return web.Response(status=reply.status)
    return _json(reply.status, reply.payload)


def _http_error(error: web.HTTPException) -> KmsError:
    """aiohttp's own refusals, in the API's words."""
    if error.status == 404:
        return KmsError("APIGW.0101", "server.no_api")
    if error.status == 405:
        return KmsError("APIGW.0102")
    if error.status == 413:
        return _too_large()
    status = error.status if 400 <= error.status < 500 else 400
    if error.reason:  # aiohttp's own words
        return KmsError("KMS.0201", "server.detail", http_status=status, detail=error.reason)
    return KmsError("KMS.0201", "server.not_valid", http_status=status)


def _too_large() -> KmsError:
    return KmsError("KMS.0203", "server.too_large", limit=MAX_BODY_BYTES // 1024)


class _RequestIds:
    """32 hex digits, unique per request: a random prefix per process and a counter (a
    random UUID per request would cost a system call each)."""

    def __init__(self) -> None:
        self._prefix = secrets.token_hex(8)
        self._counter = itertools.count(1)

    def next(self) -> str:
        return f"{self._prefix}{next(self._counter):016x}"


_request_ids = _RequestIds()


@web.middleware
async def _answer_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Turn every refusal into the API's error body and stamp the request ID on every
    answer."""
    request_id = _request_ids.next()
    response: web.StreamResponse
    try:
        response = await handler(request)
    except KmsError as error:
        response = error_response(error)
    except web.HTTPException as error:
        response = error_response(_http_error(error))
        if "Allow" in error.headers:
            response.headers["Allow"] = error.headers["Allow"]
    except Exception:
        log.exception("request %s (%s %s) failed", request_id, request.method, request.path[:200])
        response = error_response(KmsError("KMS.0101"))
    response.headers[REQUEST_ID_HEADER] = request_id
    return response


# ------------------------------------------------------------------------- requests


def _check_framing(request: web.Request) -> None:
    if request.content_length is not None and request.content_length > MAX_BODY_BYTES:
        raise _too_large()
    encoding = request.headers.get("Content-Encoding", "").strip().lower()
    if encoding not in ("", "identity"):
        # The SDK never compresses; decompressing before authentication would hand anyone
        # the decompressor.
        raise KmsError("KMS.0202", "server.compressed", http_status=415)


async def _read_body(request: web.Request) -> bytes:
    try:
        async with asyncio.timeout(BODY_TIMEOUT_S):
            return await request.read()
    except web.HTTPRequestEntityTooLarge:
        raise _too_large() from None
    except TimeoutError:
        raise KmsError(
            "KMS.0202", "server.body_late", http_status=408, seconds=f"{BODY_TIMEOUT_S:g}"
        ) from None
    except RequestPayloadError:
        raise KmsError("KMS.0202", "server.body_malformed") from None
    except ConnectionError:
        # The client hung up: nobody to answer, and not a failure of ours.
        log.debug("a client hung up while sending a request body")
        raise KmsError("KMS.0202", "server.body_cut_short") from None


def _signed_head(verifier: Verifier, request: web.Request) -> SignedHead:
    headers = request.headers

    def header(name: str) -> str | None:
        values = headers.getall(name, ())
        return ",".join(values) if values else None

    try:
        return verifier.check_headers(
            method=request.method, raw_path=request.raw_path, header=header
        )
    except SignatureError as error:
        raise KmsError("APIGW.0301", "server.detail", detail=str(error)) from None


def _authenticate(signed: SignedHead, body: bytes) -> str:
    try:
        return signed.verify(body)
    except SignatureError as error:
        raise KmsError("APIGW.0301", "server.detail", detail=str(error)) from None


def _handler(route: Route) -> Handler:
    async def handle(request: web.Request) -> web.StreamResponse:
        context = request.app[CONTEXT]
        _check_framing(request)
        signed = _signed_head(context.verifier, request)
        raw = await _read_body(request)
        access_key_id = _authenticate(signed, raw)
        # to_thread copies this task's context, so the worker audits as this caller.
        ACTOR.set(f"ak:{access_key_id}")
        path = dict(request.match_info)
        project_id = check_project(path.pop("project_id"))
        return await asyncio.to_thread(_run, route, context, project_id, path, raw)

    return handle


def _run(
    route: Route, context: ServerContext, project_id: str, path: dict[str, str], raw: bytes
) -> web.Response:
    """On a worker thread: parse, operate, shape the answer; audit a refusal."""
    body: Body | None = None
    try:
        body = parse_body(raw)
        check_text(body, raw)
        call = Call(
            kms=context.kms,
            project_id=project_id,
            body=body,
            path=path,
            domain_id=context.domain_id,
            region=context.region,
        )
        return _reply(route.operation(call))
    except KmsError as error:
        key_id = path.get("key_id") or (body.data.get("key_id") if body else None)
        audit_refusal(
            context.kms, operation=route.name, project_id=project_id, key_id=key_id, error=error
        )
        raise
