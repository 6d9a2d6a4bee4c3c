"""``keyferry serve`` under load: describe-key, every request carrying an SDK-HMAC-SHA256
signature the server verifies, 8 concurrent connections.

The load comes from wrk (C, one thread), so the load generator takes as little as possible
of the two cores the server runs on. wrk replays one request signed at the start (the server
accepts a date within 15 minutes and verifies the signature on every request, as it would
for fresh ones). Where wrk is missing (``apt-get install wrk``), the Python generator of
tests/server/load.py runs instead and the result says so (it costs the server CPU).
"""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from app.server.signing import sign
from tests.server import steps
from tests.server.live import ACCESS_KEY, SECRET_KEY, sdk_client, start_server

PROJECT = "bench"


def bench_serve(quick: bool) -> dict[str, float]:
    seconds = 10 if quick else 20
    with tempfile.TemporaryDirectory() as tmp:
        server = start_server(Path(tmp))
        try:
            client = sdk_client(server.url, PROJECT)
            try:
                key_id = steps.create_key(client, "bench", origin="kms")
            finally:
                client.close()
            time.sleep(1.0)  # let the server settle after start-up
            if shutil.which("wrk"):
                return _wrk(server.url, key_id, seconds, Path(tmp))
            return _python_load(server.url, key_id, seconds)
        finally:
            server.stop()


def _wrk(url: str, key_id: str, seconds: int, folder: Path) -> dict[str, float]:
    path = f"/v1.0/{PROJECT}/kms/describe-key"
    body = json.dumps({"key_id": key_id})
    headers = sign(
        method="POST",
        url=url + path,
        headers={"Content-Type": "application/json;charset=UTF-8"},
        body=body.encode(),
        access_key_id=ACCESS_KEY,
        secret_key=SECRET_KEY,
    )
    lines = ['wrk.method = "POST"', f"wrk.body = {json.dumps(body)}"]
    lines += [f"wrk.headers[{json.dumps(k)}] = {json.dumps(v)}" for k, v in headers.items()]
    lines.append(
        "function response(status, headers, body)\n"
        "  if status ~= 200 then io.stderr:write(status .. '\\n') end\nend"
    )
    script = folder / "describe.lua"
    script.write_text("\n".join(lines) + "\n")
    out = subprocess.run(
        ["wrk", "-t1", "-c8", f"-d{seconds}s", "--latency", "-s", str(script), url + path],
        capture_output=True,
        text=True,
        check=True,
    )
    if out.stderr.strip():
        raise RuntimeError(f"the server refused requests under load: {out.stderr[:200]}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out.stdout).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out.stdout)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    return {"serve_rps": rps, "serve_p99_ms": float(p99.group(1)) * scale}


def _python_load(url: str, key_id: str, seconds: int) -> dict[str, float]:
    from tests.server.load import run_load

    result = asyncio.run(run_load(url, PROJECT, key_id, seconds=seconds, connections=8))
    if result.errors:
        raise RuntimeError(f"{result.errors} requests failed under load")
    print("  (wrk is missing: the Python load generator shared the CPU with the server)")
    return {"serve_rps": result.rps, "serve_p99_ms": result.percentile(0.99)}
