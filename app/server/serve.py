"""``keyferry serve``: run the REST API on the local store until SIGINT or SIGTERM.

It opens the same store as the GUI and the CLI (they share it safely: SQLite with WAL, a
connection per thread, every change one transaction), announces where it listens and which
access key it accepts (never the secret), and on a signal stops taking connections, lets the
requests in flight finish, and closes the engine (which flushes its audit log).
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import signal
import socket
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TextIO

from aiohttp import web

from app.engine.kms import LocalKms
from app.engine.master_key import FileMasterKey, KeyringMasterKey
from app.model.errors import SetupError
from app.server.api import ServerContext, build_app
from app.server.connections import HEAD_TIMEOUT_S, ConnectionGuard, connection_limit, listen
from app.server.credentials import ENV_SECRET_KEY, AccessKeyPair, server_credentials
from app.server.signing import Verifier

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8080
#: Engine calls run on this many threads, each with its own SQLite connection. Four keep a
#: slow import (RSA, a commit) from holding up reads, without the GIL contention of more.
WORKER_THREADS = 4
#: How long requests in flight may take to finish once a stop was asked for.
SHUTDOWN_GRACE_S = 10.0
#: How long the rest of a refused request's body is read (so its client sees the answer)
#: before the connection closes.
LINGER_S = 2.0
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def serve(
    *,
    data_dir: Path,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    master_key_file: Path | None = None,
    out: TextIO | None = None,
) -> int:
    """Serve until stopped; returns the exit status. Raises ``SetupError`` (the address in
    use, no keyring, a master key that does not fit the store, ...) before serving."""
    out = out or sys.stdout
    logging.basicConfig(
        level=logging.WARNING,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    credentials = server_credentials()
    sockets = _listen(host, port)
    try:
        source = FileMasterKey(master_key_file) if master_key_file else KeyringMasterKey()
        kms = LocalKms.open(data_dir, master_key_source=source)
        try:
            context = ServerContext(
                kms=kms,
                verifier=Verifier({credentials.access_key_id: credentials.secret_key}),
                domain_id=kms.store_id.replace("-", ""),
            )
            limit = connection_limit()
            urls = [_url(sock.getsockname()) for sock in sockets]
            asyncio.run(
                _serve(
                    context,
                    sockets,
                    limit,
                    lambda: _announce(out, urls, kms, credentials, host, limit),
                )
            )
        finally:
            kms.close()
    finally:
        for sock in sockets:
            sock.close()
    print("Keyferry KMS API stopped.", file=out, flush=True)
    return 0


def _listen(host: str, port: int) -> list[socket.socket]:
    try:
        return listen(host, port)
    except socket.gaierror as error:
        raise SetupError("server.unknown_host", host=host, reason=error.strerror) from None
    except OSError as error:
        in_use = error.errno == errno.EADDRINUSE
        raise SetupError(
            "server.port_in_use" if in_use else "server.cannot_listen",
            host=host,
            port=port,
            reason=error.strerror,
        ) from None


async def _serve(
    context: ServerContext,
    sockets: list[socket.socket],
    limit: int,
    announce: Callable[[], None],
) -> None:
    loop = asyncio.get_running_loop()
    loop.set_default_executor(
        ThreadPoolExecutor(max_workers=WORKER_THREADS, thread_name_prefix="keyferry-api")
    )
    stop = asyncio.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(signum, stop.set)
        except (NotImplementedError, RuntimeError):  # not the main thread, or Windows
            pass
    guard = ConnectionGuard(limit=limit)
    runner = _runner(build_app(context, middlewares=(guard.middleware,)))
    await runner.setup()
    try:
        assert runner.server is not None
        accepting = asyncio.create_task(guard.serve(sockets, runner.server))
        stopping = asyncio.create_task(stop.wait())
        announce()
        await asyncio.wait([accepting, stopping], return_when=asyncio.FIRST_COMPLETED)
        for task in (accepting, stopping):
            task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await accepting  # raises what stopped it, if it was not the signal
        for sock in sockets:  # new clients are refused now, not left waiting in the queue
            sock.close()
    finally:
        await runner.cleanup()


def _runner(app: web.Application) -> web.AppRunner:
    return web.AppRunner(
        app,
        access_log=None,
        handle_signals=False,
        shutdown_timeout=SHUTDOWN_GRACE_S,
        # aiohttp's own idle timeout agrees with the guard's head deadline; bodies are never
        # decompressed (the API refuses compressed ones before reading them).
        keepalive_timeout=HEAD_TIMEOUT_S,
        auto_decompress=False,
        lingering_time=LINGER_S,
    )


def _url(address: Any) -> str:
    host, port = address[0], address[1]  # (host, port) or IPv6's (host, port, flow, scope)
    return f"http://[{host}]:{port}" if ":" in str(host) else f"http://{host}:{port}"


def _announce(
    out: TextIO, urls: list[str], kms: LocalKms, credentials: AccessKeyPair, host: str, limit: int
) -> None:
    secret_hint = (
        f"from ${ENV_SECRET_KEY}"
        if credentials.source == "environment"
        else "in the system keyring; show it with: keyferry server-credentials --show-secret"
    )
    lines = [f"Keyferry KMS API listening on {url}" for url in urls]
    lines += [
        f"  key store:      {kms.store.directory}",
        f"  access key ID:  {credentials.access_key_id}",
        f"  secret key:     {secret_hint}",
        "  API:            /v1.0/{project_id}/kms/... (each project ID is its own namespace)",
        f"  connections:    at most {limit} at once",
    ]
    if host not in _LOOPBACK:
        lines.append(
            "  warning: listening beyond this machine over plain HTTP; signatures "
            "protect requests, but not the data they carry. Prefer 127.0.0.1 or a "
            "TLS proxy."
        )
    lines.append("Stop with Ctrl+C.")
    print("\n".join(lines), file=out, flush=True)
