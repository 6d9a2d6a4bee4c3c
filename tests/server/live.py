"""Servers for tests: ``keyferry serve`` as a real subprocess, and the same aiohttp app
in-process over an engine with a manual clock (for what only time can trigger: an expired
import token, expired material, a stale signature date).

Both answer the official SDK; ``sdk_client`` builds one for a project.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web
from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.http.http_config import HttpConfig
from huaweicloudsdkkms.v2 import KmsClient

from app.server.api import ServerContext, build_app
from app.server.connections import ConnectionGuard, listen

ACCESS_KEY = "KFTESTACCESSKEY00001"
SECRET_KEY = "kf-test-secret-key-0123456789abcdefghij"
_LISTENING = re.compile(r"listening on (http://\S+)")


@dataclass
class LiveServer:
    """A running ``keyferry serve``."""

    process: subprocess.Popen[str]
    url: str
    data_dir: Path
    master_key_file: Path
    log_file: Path
    banner: str

    def log(self) -> str:
        return self.log_file.read_text(encoding="utf-8", errors="replace")

    def stop(self, signum: int = signal.SIGTERM, timeout: float = 20) -> tuple[int, str]:
        """Signal the server; its exit status and the rest of its stdout."""
        if self.process.poll() is None:
            self.process.send_signal(signum)
        try:
            out, _ = self.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            out, _ = self.process.communicate()
        return self.process.returncode, out


def server_env(master_key_file: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "KEYFERRY_MASTER_KEY_FILE": str(master_key_file),
            "KEYFERRY_ACCESS_KEY": ACCESS_KEY,
            "KEYFERRY_SECRET_KEY": SECRET_KEY,
            "PYTHONUNBUFFERED": "1",
        }
    )
    env.update(extra)
    return env


def start_server(
    tmp: Path,
    *,
    env: dict[str, str] | None = None,
    extra_args: tuple[str, ...] = (),
    command: tuple[str, ...] = (sys.executable, "-m", "app.cli"),
) -> LiveServer:
    """``keyferry serve --port 0`` on a fresh store in ``tmp``; waits until it listens.
    ``command`` is the keyferry to run (a frozen bundle's, for tests/test_bundle.py)."""
    tmp.mkdir(parents=True, exist_ok=True)
    data_dir, master_key_file, log_file = tmp / "store", tmp / "master.key", tmp / "serve.log"
    log = log_file.open("w", encoding="utf-8")
    process = subprocess.Popen(
        [*command, "--data-dir", str(data_dir), "serve", "--port", "0", *extra_args],
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
        env=env or server_env(master_key_file),
    )
    log.close()
    banner: list[str] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stdout.readline() if process.stdout else ""
        if not line:
            break
        banner.append(line)
        found = _LISTENING.search(line)
        if found:
            # The banner goes on for a few lines after the URL; read up to its end.
            while not banner[-1].startswith("Stop with"):
                banner.append(process.stdout.readline())  # type: ignore[union-attr]
            return LiveServer(
                process, found.group(1), data_dir, master_key_file, log_file, "".join(banner)
            )
    process.kill()
    raise RuntimeError(
        "keyferry serve did not start:\n"
        + "".join(banner)
        + log_file.read_text(encoding="utf-8", errors="replace")
    )


def sdk_client(
    url: str,
    project_id: str | None = None,
    *,
    access_key: str = ACCESS_KEY,
    secret_key: str = SECRET_KEY,
    timeout: float = 20,
) -> KmsClient:
    config = HttpConfig.get_default_config()
    config.timeout = (5, timeout)
    return (
        KmsClient.new_builder()
        .with_http_config(config)
        .with_credentials(BasicCredentials(access_key, secret_key, project_id or new_project()))
        .with_endpoints([url])
        .build()
    )


def new_project() -> str:
    """A fresh project: tests sharing one server never see each other's keys."""
    return uuid.uuid4().hex


@contextmanager
def in_process_server(context: ServerContext) -> Iterator[str]:
    """The API app over ``context`` on 127.0.0.1, served from a thread of its own."""
    with in_process_app(build_app(context)) as url:
        yield url


@contextmanager
def in_process_app(app: web.Application, *, shutdown_timeout: float = 60.0) -> Iterator[str]:
    """Any aiohttp app on 127.0.0.1 (a port of its own), served from a thread; its URL.
    ``shutdown_timeout``: how long requests still running may finish when it stops."""
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=shutdown_timeout)
    urls: list[str] = []

    async def start() -> None:
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        host, port = runner.addresses[0][:2]
        urls.append(f"http://{host}:{port}")
        ready.set()

    thread = threading.Thread(
        target=lambda: (loop.run_until_complete(start()), loop.run_forever()), daemon=True
    )
    thread.start()
    if not ready.wait(30):
        raise RuntimeError("the in-process server did not start")
    try:
        yield urls[0]
    finally:
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(30)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()


@contextmanager
def guarded_server(context: ServerContext, guard: ConnectionGuard) -> Iterator[str]:
    """The API app over ``context``, its connections accepted by ``guard`` as
    ``keyferry serve`` accepts them, on 127.0.0.1 from a thread of its own; its URL."""
    loop = asyncio.new_event_loop()
    runner = web.AppRunner(build_app(context, middlewares=(guard.middleware,)), access_log=None)
    sockets = listen("127.0.0.1", 0)
    tasks: list[asyncio.Task[None]] = []

    async def start() -> None:
        await runner.setup()
        assert runner.server is not None
        tasks.append(asyncio.create_task(guard.serve(sockets, runner.server)))

    async def stop() -> None:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await runner.cleanup()

    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        asyncio.run_coroutine_threadsafe(start(), loop).result(30)
        host, port = sockets[0].getsockname()[:2]
        yield f"http://{host}:{port}"
    finally:
        asyncio.run_coroutine_threadsafe(stop(), loop).result(30)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()
        for sock in sockets:
            sock.close()
