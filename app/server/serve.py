"""``keyferry serve``: run the REST API on the local store until SIGINT or SIGTERM.

It opens the same store as the GUI and the CLI (they share it safely: SQLite with WAL, a
connection per thread, every change one transaction), announces where it listens and which
access key it accepts (never the secret), and on a signal stops taking connections, lets the
requests in flight finish, and closes the engine (which flushes its audit log).
"""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TextIO

from aiohttp import web

from app.engine.kms import LocalKms
from app.engine.master_key import FileMasterKey, KeyringMasterKey
from app.server.api import ServerContext, build_app
from app.server.credentials import ENV_SECRET_KEY, AccessKeyPair, server_credentials
from app.server.signing import Verifier

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8080
#: Engine calls run on this many threads, each with its own SQLite connection. Four keep a
#: slow import (RSA, a commit) from holding up reads, without the GIL contention of more.
WORKER_THREADS = 4
#: How long requests in flight may take to finish once a stop was asked for.
SHUTDOWN_GRACE_S = 10.0
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def serve(
    *,
    data_dir: Path,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    master_key_file: Path | None = None,
    out: TextIO | None = None,
) -> int:
    """Serve until stopped; returns the exit status. Raises ``SetupError`` (no keyring, a
    master key that does not fit the store, ...) before listening."""
    out = out or sys.stdout
    logging.basicConfig(
        level=logging.WARNING,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    credentials = server_credentials()
    source = FileMasterKey(master_key_file) if master_key_file else KeyringMasterKey()
    kms = LocalKms.open(data_dir, master_key_source=source)
    try:
        context = ServerContext(
            kms=kms,
            verifier=Verifier({credentials.access_key_id: credentials.secret_key}),
            domain_id=kms.store_id.replace("-", ""),
        )
        asyncio.run(
            _serve(
                build_app(context),
                host,
                port,
                lambda urls: _announce(out, urls, kms, credentials, host),
            )
        )
    finally:
        kms.close()
    print("Keyferry KMS API stopped.", file=out, flush=True)
    return 0


async def _serve(
    app: web.Application, host: str, port: int, announce: Callable[[list[str]], None]
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
    runner = web.AppRunner(app, access_log=None, handle_signals=False)
    await runner.setup()
    try:
        site = web.TCPSite(runner, host, port, shutdown_timeout=SHUTDOWN_GRACE_S)
        await site.start()
        urls = [_url(address) for address in runner.addresses]
        announce(urls)
        await stop.wait()
    finally:
        await runner.cleanup()


def _url(address: Any) -> str:
    host, port = address[0], address[1]  # (host, port) or IPv6's (host, port, flow, scope)
    return f"http://[{host}]:{port}" if ":" in str(host) else f"http://{host}:{port}"


def _announce(
    out: TextIO, urls: list[str], kms: LocalKms, credentials: AccessKeyPair, host: str
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
    ]
    if host not in _LOOPBACK:
        lines.append(
            "  warning: listening beyond this machine over plain HTTP; signatures "
            "protect requests, but not the data they carry. Prefer 127.0.0.1 or a "
            "TLS proxy."
        )
    lines.append("Stop with Ctrl+C.")
    print("\n".join(lines), file=out, flush=True)
