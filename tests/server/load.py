"""A describe-key load on ``keyferry serve``: N connections, each request signed with
SDK-HMAC-SHA256, for a number of seconds; prints requests per second and latency percentiles.

    .venv/bin/python -m tests.server.load [--seconds 20] [--connections 8] [--url URL]

Without ``--url`` it starts ``keyferry serve`` on a fresh store in a temporary folder (and
stops it after). The client signs with ``app.server.signing.sign``, the canonicalisation the
server verifies with, rather than the SDK: the SDK's blocking client would measure itself.
Not a test (pytest does not collect it); issue 6's benchmark can reuse ``run_load``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import aiohttp

from app.server.signing import sign
from tests.server import steps
from tests.server.live import ACCESS_KEY, SECRET_KEY, sdk_client, start_server


@dataclass(frozen=True)
class LoadResult:
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]

    @property
    def rps(self) -> float:
        return self.requests / self.seconds

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


async def _worker(
    session: aiohttp.ClientSession,
    url: str,
    path: str,
    body: bytes,
    until: float,
    latencies: list[float],
    errors: list[int],
) -> None:
    while time.monotonic() < until:
        headers = sign(
            method="POST",
            url=url + path,
            headers={"Content-Type": "application/json;charset=UTF-8"},
            body=body,
            access_key_id=ACCESS_KEY,
            secret_key=SECRET_KEY,
        )
        started = time.perf_counter()
        async with session.post(url + path, data=body, headers=headers) as response:
            await response.read()
            if response.status != 200:
                errors.append(response.status)
        latencies.append((time.perf_counter() - started) * 1000)


async def run_load(
    url: str, project_id: str, key_id: str, *, seconds: float, connections: int
) -> LoadResult:
    path = f"/v1.0/{project_id}/kms/describe-key"
    body = json.dumps({"key_id": key_id}).encode()
    latencies: list[float] = []
    errors: list[int] = []
    connector = aiohttp.TCPConnector(limit=connections)
    async with aiohttp.ClientSession(connector=connector) as session:
        started = time.monotonic()
        until = started + seconds
        await asyncio.gather(
            *(
                _worker(session, url, path, body, until, latencies, errors)
                for _ in range(connections)
            )
        )
        took = time.monotonic() - started
    return LoadResult(len(latencies), len(errors), took, latencies)


def _measure(url: str, seconds: float, connections: int) -> LoadResult:
    client = sdk_client(url, "load")
    try:
        key_id = steps.create_key(client, f"load-{time.time_ns()}", origin="kms")
    finally:
        client.close()
    return asyncio.run(run_load(url, "load", key_id, seconds=seconds, connections=connections))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument(
        "--url",
        help="an already running keyferry serve (its access key "
        "must be the test pair of tests/server/live.py)",
    )
    args = parser.parse_args()
    if args.url:
        result = _measure(args.url, args.seconds, args.connections)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            server = start_server(Path(tmp))
            try:
                result = _measure(server.url, args.seconds, args.connections)
            finally:
                server.stop()
    print(
        f"describe-key, {args.connections} connections, {result.seconds:.1f} s: "
        f"{result.rps:.0f} requests/s, errors {result.errors}, "
        f"p50 {statistics.median(result.latencies_ms):.1f} ms, "
        f"p99 {result.percentile(0.99):.1f} ms"
    )


if __name__ == "__main__":
    main()
