"""A corporate network for tests: ``keyferry serve`` behind a TLS front whose certificate a
private CA signed, reached through an HTTPS (CONNECT) proxy. Both are real sockets on
127.0.0.1; the proxy counts the tunnels it opened."""

from __future__ import annotations

import asyncio
import datetime
import ipaddress
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


def _name(text: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])


def make_ca(folder: Path) -> tuple[Path, Path, Path]:
    """A private CA (its bundle) and a server certificate for 127.0.0.1: three PEM files."""
    now = datetime.datetime.now(datetime.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(_name("Keyferry test CA"))
        .issuer_name(_name("Keyferry test CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("127.0.0.1"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    bundle, cert_file, key_file = folder / "ca.pem", folder / "server.pem", folder / "server.key"
    bundle.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return bundle, cert_file, key_file


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, OSError):
        pass
    finally:
        writer.close()


async def _join(a: tuple, b: tuple) -> None:
    await asyncio.gather(_pipe(a[0], b[1]), _pipe(b[0], a[1]))


@dataclass
class Corporate:
    endpoint: str = ""  # the TLS front: https://127.0.0.1:PORT
    proxy: str = ""  # the CONNECT proxy: http://127.0.0.1:PORT
    tunnels: list[str] = field(default_factory=list)


@contextmanager
def corporate_network(upstream: str, folder: Path) -> Iterator[tuple[Corporate, Path]]:
    """A TLS front for ``upstream`` and a CONNECT proxy; yields them and the CA bundle."""
    bundle, cert_file, key_file = make_ca(folder)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_file, key_file)
    target = urlsplit(upstream)
    network = Corporate()
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    servers: list[asyncio.Server] = []

    async def front(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        backend = await asyncio.open_connection(target.hostname, target.port)
        await _join((reader, writer), backend)

    async def tunnel(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        request = await reader.readuntil(b"\r\n\r\n")
        method, where, _ = request.split(b"\r\n", 1)[0].decode().split(" ", 2)
        if method != "CONNECT":
            writer.write(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
            writer.close()
            return
        network.tunnels.append(where)
        host, port = where.rsplit(":", 1)
        far = await asyncio.open_connection(host, int(port))
        writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
        await writer.drain()
        await _join((reader, writer), far)

    async def start() -> None:
        tls = await asyncio.start_server(front, "127.0.0.1", 0, ssl=context)
        plain = await asyncio.start_server(tunnel, "127.0.0.1", 0)
        servers.extend((tls, plain))
        network.endpoint = f"https://127.0.0.1:{tls.sockets[0].getsockname()[1]}"
        network.proxy = f"http://127.0.0.1:{plain.sockets[0].getsockname()[1]}"
        ready.set()

    thread = threading.Thread(
        target=lambda: (loop.run_until_complete(start()), loop.run_forever()), daemon=True
    )
    thread.start()
    if not ready.wait(30):
        raise RuntimeError("the corporate network did not start")
    try:
        yield network, bundle
    finally:

        async def stop() -> None:
            for server in servers:
                server.close()
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(stop(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()
