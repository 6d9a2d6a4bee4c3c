"""``keyferry serve`` under load, 8 concurrent connections, every request carrying an
SDK-HMAC-SHA256 signature the server verifies: a read (describe-key) and two writes beside it,
encrypt-data (64 bytes; its audit entry group-committed) and create-key (a durable commit of
the key and its audit entry per request).

The load comes from wrk (C, one thread; ``./dev.sh bench`` installs it), so the load
generator takes as little as possible of the two cores the server runs on. Requests are
signed beforehand (the server accepts a date within 15 minutes and verifies the signature on
every request, as it would for fresh ones): describe-key and encrypt-data replay one request;
create-key needs a new alias each time, so wrk cycles through requests signed one by one.
"""

from __future__ import annotations

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
_HEADERS = {"Content-Type": "application/json;charset=UTF-8"}


def bench_serve(quick: bool) -> dict[str, float]:
    if shutil.which("wrk") is None:
        raise RuntimeError("wrk is missing: ./dev.sh bench installs it (apt-get install wrk)")
    seconds = 10 if quick else 20
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        server = start_server(folder)
        try:
            client = sdk_client(server.url, PROJECT)
            try:
                key_id = steps.create_key(client, "bench", origin="kms")
            finally:
                client.close()
            time.sleep(1.0)  # let the server settle after start-up
            url = server.url
            describe = [_request(url, "describe-key", {"key_id": key_id})]
            encrypt = [_request(url, "encrypt-data", {"key_id": key_id, "plain_text": "x" * 64})]
            creates = [
                _request(url, "create-key", {"key_alias": f"bench-{n}", "origin": "kms"})
                for n in range(seconds * 1500)  # more than the server can create meanwhile
            ]
            read = _wrk(url, describe, seconds, folder / "describe.lua")
            encrypted = _wrk(url, encrypt, seconds, folder / "encrypt.lua")
            created = _wrk(url, creates, seconds, folder / "create.lua")
        finally:
            server.stop()
    return {
        "serve_rps": read[0],
        "serve_p99_ms": read[1],
        "serve_encrypt_rps": encrypted[0],
        "serve_encrypt_p99_ms": encrypted[1],
        "serve_create_rps": created[0],
        "serve_create_p99_ms": created[1],
    }


def _request(url: str, operation: str, payload: dict[str, str]) -> tuple[str, dict[str, str], str]:
    """(path, signed headers, body) of one request."""
    path = f"/v1.0/{PROJECT}/kms/{operation}"
    body = json.dumps(payload)
    headers = sign(
        method="POST",
        url=url + path,
        headers=_HEADERS,
        body=body.encode(),
        access_key_id=ACCESS_KEY,
        secret_key=SECRET_KEY,
    )
    return path, headers, body


def _wrk(
    url: str, requests: list[tuple[str, dict[str, str], str]], seconds: int, script: Path
) -> tuple[float, float]:
    """Requests per second and p99 latency (ms) of ``requests``, cycled in order."""
    lines = ["local requests = {}"]
    for path, headers, body in requests:
        fields = ", ".join(f"[{json.dumps(k)}] = {json.dumps(v)}" for k, v in headers.items())
        lines.append(
            f'requests[#requests + 1] = wrk.format("POST", {json.dumps(path)}, '
            f"{{{fields}}}, {json.dumps(body)})"
        )
    lines += [
        "local next_one = 0",
        "function request()\n  next_one = next_one % #requests + 1\n"
        "  return requests[next_one]\nend",
        "function response(status, headers, body)\n"
        "  if status ~= 200 then io.stderr:write(status .. ' ' .. body .. '\\n') end\nend",
    ]
    script.write_text("\n".join(lines) + "\n")
    out = subprocess.run(
        ["wrk", "-t1", "-c8", f"-d{seconds}s", "--latency", "-s", str(script), url],
        capture_output=True,
        text=True,
        check=True,
    )
    if out.stderr.strip():
        raise RuntimeError(f"the server refused requests under load: {out.stderr[:300]}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out.stdout).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out.stdout)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    return rps, float(p99.group(1)) * scale
