"""A fault-injecting reverse proxy in front of ``keyferry serve``: the flaky network and the
overloaded gateway a real cloud has, made to order.

Each request is forwarded unchanged (its ``Host`` header too, so the SDK's signature stays
valid) unless a queued ``Fault`` matches its operation first:

- ``delay``: wait, then forward (a slow network or a slow KMS);
- ``before``: answer ``status`` without forwarding (a 429 with ``Retry-After``, a 503);
- ``after``: forward, let the KMS act, then answer ``status`` with an HTML page instead of
  the KMS's answer (a gateway's 504 after the backend acted);
- ``drop``: forward, let the KMS act, then close the connection without an answer.

A fault applies ``times`` times (0: always). ``log`` lists what reached the proxy:
(operation, monotonic time, whether it was forwarded, the status the client got).
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import aiohttp
from aiohttp import web

from tests.server.live import in_process_app

_SESSION = web.AppKey("session", aiohttp.ClientSession)
_PAGE = "<!DOCTYPE html><html><head><title>{status}</title></head><body>{status}</body></html>"


@dataclass
class Fault:
    operation: str  # "create-key", "describe-key", "{key_id}/tags/action", ...
    kind: str  # "delay", "before", "after" or "drop"
    status: int = 503
    retry_after: str | None = None
    delay_s: float = 0.0
    times: int = 1


@dataclass
class Seen:
    operation: str
    at: float
    forwarded: bool
    status: int | None


@dataclass
class FaultProxy:
    upstream: str
    url: str = ""
    faults: list[Fault] = field(default_factory=list)
    log: list[Seen] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, *faults: Fault) -> None:
        with self._lock:
            self.faults.extend(faults)

    def clear(self) -> None:
        with self._lock:
            self.faults.clear()
            self.log.clear()

    def seen(self, operation: str) -> list[Seen]:
        with self._lock:
            return [s for s in self.log if s.operation == operation]

    def _take(self, operation: str) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if fault.operation == operation:
                    if fault.times == 1:
                        self.faults.remove(fault)
                    elif fault.times > 1:
                        fault.times -= 1
                    return fault
        return None

    def _note(self, operation: str, forwarded: bool, status: int | None) -> None:
        with self._lock:
            self.log.append(Seen(operation, time.monotonic(), forwarded, status))


def operation_of(path: str) -> str:
    """``/v1.0/<project>/kms/<key id>/tags/action`` -> ``{key_id}/tags/action``."""
    _, _, rest = path.partition("/kms/")
    head, slash, tail = rest.partition("/")
    return f"{{key_id}}/{tail}" if slash else head


def _app(proxy: FaultProxy) -> web.Application:
    async def forward(request: web.Request, session: aiohttp.ClientSession) -> web.Response:
        body = await request.read()
        headers = {k: v for k, v in request.headers.items() if k.lower() != "content-length"}
        async with session.request(
            request.method,
            proxy.upstream + request.rel_url.path_qs,
            data=body,
            headers=headers,
            skip_auto_headers={"Accept-Encoding", "User-Agent"},
        ) as answer:
            payload = await answer.read()
            kept = {
                k: v
                for k, v in answer.headers.items()
                if k.lower() in ("content-type", "x-request-id")
            }
            return web.Response(status=answer.status, body=payload, headers=kept)

    async def handle(request: web.Request) -> web.StreamResponse:
        operation = operation_of(request.path)
        fault = proxy._take(operation)
        session: aiohttp.ClientSession = request.app[_SESSION]
        if fault and fault.kind == "delay":
            await asyncio.sleep(fault.delay_s)
        if fault and fault.kind == "before":
            proxy._note(operation, False, fault.status)
            return _page(fault)
        answer = await forward(request, session)
        if fault and fault.kind == "after":
            proxy._note(operation, True, fault.status)
            return _page(fault)
        if fault and fault.kind == "drop":
            proxy._note(operation, True, None)
            assert request.transport is not None
            request.transport.abort()
            return answer
        proxy._note(operation, True, answer.status)
        return answer

    async def open_session(app: web.Application) -> None:
        app[_SESSION] = aiohttp.ClientSession(auto_decompress=False)

    async def close_session(app: web.Application) -> None:
        await app[_SESSION].close()

    app = web.Application(client_max_size=1024 * 1024)
    app.on_startup.append(open_session)
    app.on_cleanup.append(close_session)
    app.router.add_route("*", "/{tail:.*}", handle)
    return app


def _page(fault: Fault) -> web.Response:
    headers = {"Retry-After": fault.retry_after} if fault.retry_after else {}
    return web.Response(
        status=fault.status,
        text=_PAGE.format(status=fault.status),
        content_type="text/html",
        headers=headers,
    )


@contextmanager
def fault_proxy(upstream: str) -> Iterator[FaultProxy]:
    """The proxy in front of ``upstream`` on 127.0.0.1 (a port of its own)."""
    proxy = FaultProxy(upstream=upstream)
    with in_process_app(_app(proxy), shutdown_timeout=1.0) as url:  # cuts a delay short
        proxy.url = url
        yield proxy
