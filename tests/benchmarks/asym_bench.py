"""Benchmarks of asymmetric keys in the engine: import-key-material with a private key
against its own crypto plus one durable commit, and signing through the engine against raw
``cryptography`` signing, each baseline measured in the same run."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa, utils
from cryptography.hazmat.primitives.keywrap import (
    aes_key_unwrap_with_padding,
    aes_key_wrap_with_padding,
)

from app.engine import DEFAULT_PROJECT, FileMasterKey, LocalKms
from app.engine.store import BUSY_TIMEOUT_MS
from app.model.importing import WrappingAlgorithm
from app.model.keys import KeySpec
from tests.benchmarks.stats import percentile, timed_ms

P = DEFAULT_PROJECT
OAEP = WrappingAlgorithm.RSAES_OAEP_SHA_256


def _open(folder: Path) -> LocalKms:
    return LocalKms.open(
        folder / "store", master_key_source=FileMasterKey(folder / "key"), background=False
    )


def _pkcs8(key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def bench_asym_import(quick: bool) -> dict[str, float]:
    """An RSA-2048 private key imported into fresh keys (parameters fetched untimed), against
    RSA-OAEP decrypt + RFC 5649 unwrap + PKCS#8 load + one durable commit."""
    rounds = 30 if quick else 100
    pkcs8 = _pkcs8(rsa.generate_private_key(public_exponent=65537, key_size=2048))
    with tempfile.TemporaryDirectory() as tmp:
        kms = _open(Path(tmp))
        try:
            imports, last = [], None
            for n in range(rounds):
                key = kms.create_key(
                    project_id=P, key_alias=f"b{n}", origin="external", key_spec="RSA_2048"
                ).key_id
                params = kms.get_parameters_for_import(
                    project_id=P, key_id=key, wrapping_algorithm=OAEP
                )
                temporary = os.urandom(32)
                public = serialization.load_der_public_key(params.public_key_der)
                material = public.encrypt(temporary, OAEP.padding())  # type: ignore[union-attr]
                wrapped = aes_key_wrap_with_padding(temporary, pkcs8)
                last = (params, material, wrapped)
                imports.append(
                    timed_ms(
                        partial(
                            kms.import_key_material,
                            project_id=P,
                            key_id=key,
                            import_token=params.import_token,
                            encrypted_key_material=material,
                            encrypted_privatekey=wrapped,
                        )
                    )
                )
            assert last is not None
            private = serialization.load_der_private_key(
                kms._tokens.open(last[0].import_token).private_key_der, None
            )
        finally:
            kms.close()
        baseline = _baseline(Path(tmp) / "baseline.sqlite3", private, last[1], last[2], rounds)  # type: ignore[arg-type]
    return {
        "asym_import_p50_ms": percentile(imports, 50),
        "asym_unwrap_commit_p50_ms": percentile(baseline, 50),
    }


def _baseline(
    path: Path, private: rsa.RSAPrivateKey, material: bytes, wrapped: bytes, rounds: int
) -> list[float]:
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode = WAL", "synchronous = FULL", f"busy_timeout = {BUSY_TIMEOUT_MS}"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("CREATE TABLE t (x BLOB)")

    def once() -> None:
        temporary = private.decrypt(material, OAEP.padding())
        serialization.load_der_private_key(aes_key_unwrap_with_padding(temporary, wrapped), None)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t VALUES (x'00')")
        conn.execute("COMMIT")

    samples = [timed_ms(once) for _ in range(rounds)]
    conn.close()
    return samples


def _ops(call: Callable[[], object], seconds: float) -> float:
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for _ in range(20):
            call()
        count += 20
    return count / (time.perf_counter() - start)


def bench_sign(quick: bool) -> dict[str, float]:
    """Signatures per second through the engine (an imported RSA-2048 key, PKCS#1 v1.5
    SHA-256; a P-256 key, ECDSA SHA-256; DIGEST messages) and with raw ``cryptography``."""
    seconds = 1.0 if quick else 3.0
    digest = hashlib.sha256(b"benchmark").digest()
    prehashed = utils.Prehashed(hashes.SHA256())
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        kms = _open(Path(tmp))
        try:
            for name, spec, algorithm in (
                ("rsa2048", KeySpec.RSA_2048, "RSASSA_PKCS1_V1_5_SHA_256"),
                ("p256", KeySpec.EC_P256, "ECDSA_SHA_256"),
            ):
                cmk = kms.create_key(project_id=P, key_alias=name, origin="kms", key_spec=spec)
                raw = (
                    rsa.generate_private_key(public_exponent=65537, key_size=2048)
                    if spec.rsa_bits
                    else ec.generate_private_key(ec.SECP256R1())
                )
                direct: Callable[[], object] = (
                    partial(raw.sign, digest, padding.PKCS1v15(), prehashed)
                    if isinstance(raw, rsa.RSAPrivateKey)
                    else partial(raw.sign, digest, ec.ECDSA(prehashed))
                )

                def engine(key_id: str = cmk.key_id, alg: str = algorithm) -> object:
                    return kms.sign(
                        project_id=P, key_id=key_id, message=digest, signing_algorithm=alg
                    )

                engine()
                figures[f"sign_{name}_ops"] = _ops(engine, seconds)
                figures[f"raw_sign_{name}_ops"] = _ops(direct, seconds)
        finally:
            kms.close()
    return figures
