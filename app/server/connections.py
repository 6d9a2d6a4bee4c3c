"""How many connections ``keyferry serve`` holds, and how long one may wait for its request.

aiohttp times out nothing a client is slow to send, and asyncio accepts connections until the
process runs out of file descriptors (``EMFILE``), after which nobody, signed or not, gets in.
So the server accepts connections itself and hands each to aiohttp through a thin protocol
that lets ``ConnectionGuard`` keep three rules:

- **A cap.** At most ``limit`` connections are open at once, a number kept below the
  process's file-descriptor limit (``connection_limit``). At the cap, a new connection takes
  the place of the one that has waited longest without delivering a complete request (idle,
  or still sending its headers or its body); when every connection is busy with a request,
  new ones wait in the listen queue until one closes.
- **A head deadline.** From connect, and again after each answer, a connection has
  ``HEAD_TIMEOUT_S`` to deliver a complete request head, else it is closed. (Its body has the
  API's own ``BODY_TIMEOUT_S`` once the head is in.)
- **Nothing to log.** A connection closed by these rules is not an error; nothing is logged.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import os
import socket
import time
from collections.abc import Callable

from aiohttp import web

try:
    import resource
except ImportError:  # Windows has no descriptor limit to read
    resource = None  # type: ignore[assignment]

from app.server.api import Handler

log = logging.getLogger(__name__)

#: From connect, or from the previous answer, to a complete request head.
HEAD_TIMEOUT_S = 15.0
#: Connections at most, whatever the descriptor limit allows.
MAX_CONNECTIONS = 1024
#: Fewest connections the server will run with, however few descriptors it has.
MIN_CONNECTIONS = 8
#: Descriptors kept for everything but client connections: the store's SQLite files on each
#: worker thread, the audit log, the listening sockets, what Python itself holds open.
FD_RESERVE = 64
#: The kernel's queue of connections not yet accepted.
LISTEN_BACKLOG = 128
_SWEEP_S = 1.0
_OUT_OF_DESCRIPTORS = {errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM}
#: The client left before it was accepted.
_GAVE_UP = {errno.ECONNABORTED, errno.EPROTO, errno.EPERM}


def connection_limit(max_connections: int = MAX_CONNECTIONS) -> int:
    """The cap for this process: ``max_connections``, or fewer when the file-descriptor
    limit (``ulimit -n``) minus the descriptors already open and ``FD_RESERVE`` is lower."""
    if resource is None:
        return max_connections
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return max_connections
    return max(MIN_CONNECTIONS, min(max_connections, soft - _open_descriptors() - FD_RESERVE))


def _open_descriptors() -> int:
    for folder in ("/proc/self/fd", "/dev/fd"):
        with contextlib.suppress(OSError):
            return len(os.listdir(folder))
    return 32


def listen(host: str, port: int) -> list[socket.socket]:
    """Listening sockets on every address ``host`` resolves to (as asyncio's
    ``create_server`` binds them); ``OSError`` if an address is in use or unknown."""
    sockets: list[socket.socket] = []
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        for family, kind, proto, _name, address in dict.fromkeys(infos):
            sock = socket.socket(family, kind, proto)
            sockets.append(sock)
            if os.name == "posix":  # elsewhere it would let two servers share the port
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            sock.bind(address)
            sock.listen(LISTEN_BACKLOG)
            sock.setblocking(False)
    except OSError:
        for sock in sockets:
            sock.close()
        raise
    return sockets


class _Connection(asyncio.Protocol):
    """One client connection: aiohttp's protocol behind it, the guard told of its life."""

    def __init__(self, guard: ConnectionGuard, inner: asyncio.Protocol) -> None:
        self.guard = guard
        self.inner = inner
        self.transport: asyncio.Transport | None = None
        #: The request being handled, or None while the connection waits for one.
        self.request: web.Request | None = None
        self.waiting_since = time.monotonic()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]
        self.guard._opened(self)
        self.inner.connection_made(transport)

    def data_received(self, data: bytes) -> None:
        self.inner.data_received(data)

    def eof_received(self) -> bool | None:
        return self.inner.eof_received()

    def connection_lost(self, exc: Exception | None) -> None:
        self.guard._lost(self)
        self.inner.connection_lost(exc)

    def pause_writing(self) -> None:
        self.inner.pause_writing()

    def resume_writing(self) -> None:
        self.inner.resume_writing()

    def receiving(self) -> bool:
        """Still waiting for (part of) its request: it may give way to a new connection."""
        return self.request is None or not self.request.content.is_eof()

    def drop(self) -> None:
        if self.transport is not None:
            self.transport.abort()


class ConnectionGuard:
    """Accepts connections for an aiohttp server and keeps the rules above.

    ``middleware`` must be among the app's middlewares, to tell busy connections from
    waiting ones."""

    def __init__(self, *, limit: int, head_timeout_s: float = HEAD_TIMEOUT_S) -> None:
        self.limit = limit
        self._head_timeout_s = head_timeout_s
        self._transports: dict[asyncio.BaseTransport, _Connection] = {}
        #: Connections without a request, longest waiting first.
        self._waiting: dict[_Connection, None] = {}
        #: Connections with a request, oldest first.
        self._busy: dict[_Connection, None] = {}
        self._open = 0  # sockets accepted and not yet closed
        self._changed = asyncio.Event()
        self._warned = False

    @property
    def open_connections(self) -> int:
        return self._open

    async def serve(
        self, sockets: list[socket.socket], protocol_factory: Callable[[], asyncio.Protocol]
    ) -> None:
        """Accept on ``sockets`` until cancelled; ``protocol_factory`` makes aiohttp's
        protocol for each connection (``runner.server``)."""
        async with asyncio.TaskGroup() as group:
            group.create_task(self._sweep())
            for sock in sockets:
                group.create_task(self._accept(sock, protocol_factory))

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        connection = self._transports.get(request.transport)  # type: ignore[arg-type]
        if connection is None:
            return await handler(request)
        self._waiting.pop(connection, None)
        self._busy[connection] = None
        connection.request = request
        try:
            return await handler(request)
        finally:
            connection.request = None
            if connection in self._busy:  # not dropped meanwhile: wait for the next request
                del self._busy[connection]
                connection.waiting_since = time.monotonic()
                self._waiting[connection] = None
                self._changed.set()

    # ------------------------------------------------------------------ accepting

    async def _accept(self, sock: socket.socket, factory: Callable[[], asyncio.Protocol]) -> None:
        loop = asyncio.get_running_loop()
        while True:
            await self._room()
            try:
                client, _address = await loop.sock_accept(sock)
            except OSError as error:
                if error.errno in _GAVE_UP:
                    continue
                if error.errno not in _OUT_OF_DESCRIPTORS:
                    raise
                self._warn_once(error)
                await asyncio.sleep(0.1)
                continue
            if self._open >= self.limit:
                self._drop_longest_waiting()
            self._open += 1
            await self._connect(loop, client, factory)

    async def _connect(
        self,
        loop: asyncio.AbstractEventLoop,
        client: socket.socket,
        factory: Callable[[], asyncio.Protocol],
    ) -> None:
        made: list[_Connection] = []

        def protocol() -> asyncio.Protocol:
            made.append(_Connection(self, factory()))
            return made[0]

        try:
            await loop.connect_accepted_socket(protocol, client)
        except OSError:
            client.close()
            if not made or made[0].transport is None:  # else connection_lost releases it
                self._release()

    async def _room(self) -> None:
        """Until there is room for one more connection: a free place, or a connection
        that can give way."""
        while self._open >= self.limit and self._longest_waiting() is None:
            self._changed.clear()
            await self._changed.wait()

    def _drop_longest_waiting(self) -> None:
        victim = self._longest_waiting()
        if victim is not None:
            self._forget(victim)
            victim.drop()

    def _longest_waiting(self) -> _Connection | None:
        for connection in self._waiting:
            return connection
        for connection in self._busy:
            if connection.receiving():
                return connection
        return None

    async def _sweep(self) -> None:
        """Close connections past their head deadline, longest waiting first."""
        while True:
            await asyncio.sleep(_SWEEP_S)
            deadline = time.monotonic() - self._head_timeout_s
            expired = []
            for connection in self._waiting:
                if connection.waiting_since > deadline:
                    break
                expired.append(connection)
            for connection in expired:
                self._forget(connection)
                connection.drop()

    # --------------------------------------------------------------- bookkeeping

    def _opened(self, connection: _Connection) -> None:
        assert connection.transport is not None
        self._transports[connection.transport] = connection
        self._waiting[connection] = None

    def _lost(self, connection: _Connection) -> None:
        self._forget(connection)
        if connection.transport is not None and self._transports.pop(connection.transport, False):
            self._release()

    def _forget(self, connection: _Connection) -> None:
        self._waiting.pop(connection, None)
        self._busy.pop(connection, None)

    def _release(self) -> None:
        self._open -= 1
        self._changed.set()

    def _warn_once(self, error: OSError) -> None:
        if not self._warned:
            self._warned = True
            log.warning(
                "out of file descriptors while accepting (%s); lower the connection cap "
                "or raise ulimit -n",
                error.strerror,
            )
