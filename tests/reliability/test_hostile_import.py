"""Hostile import input (issue 7): random, truncated, bit-flipped and foreign tokens; material
of every length from 0 to 600 bytes, wrapped with every algorithm or the wrong one or not at
all; expiry times in the past, now, and absurdly far. Every call ends in success or a KMS
error code, never another exception, and the store's invariants hold after each: state
matches material, no material without a key, one audit entry per call.

CI runs 2,000 examples; ``pytest --long`` runs 100,000."""

from __future__ import annotations

import base64
import os
import time

import pytest
from cryptography.hazmat.primitives import serialization
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.engine import DEFAULT_PROJECT, FileMasterKey, LocalKms, ManualClock
from app.model.errors import CODES, KmsError
from app.model.importing import ImportParameters, WrappingAlgorithm
from app.model.kcv import key_check_value
from tests.helpers import scale
from tests.reliability.invariants import check_store

P = DEFAULT_PROJECT
ALGORITHMS = list(WrappingAlgorithm)
MAX_PLAIN = {
    WrappingAlgorithm.RSAES_OAEP_SHA_256: 190,
    WrappingAlgorithm.RSAES_PKCS1_V1_5: 245,
    WrappingAlgorithm.RSAES_OAEP_SHA_1: 214,
}


class World:
    """One store, a few external keys with parameters for each algorithm, and a foreign
    store's token. Built once per test run (RSA key generation is the slow part)."""

    def __init__(self, tmp) -> None:
        self.clock = ManualClock(time.time())
        self.master_key_file = tmp / "master.key"
        self.kms = LocalKms.open(
            tmp / "store",
            master_key_source=FileMasterKey(self.master_key_file),
            clock=self.clock,
            background=False,
            pool_size=0,
        )
        self.keys = [
            self.kms.create_key(project_id=P, key_alias=f"k{i}", origin="external").key_id
            for i in range(3)
        ]
        self.params = {
            (key, alg): self.kms.get_parameters_for_import(
                project_id=P, key_id=key, wrapping_algorithm=alg
            )
            for key in self.keys
            for alg in ALGORITHMS
        }
        self.clock.advance(-25 * 3600)
        self.expired = self.kms.get_parameters_for_import(
            project_id=P, key_id=self.keys[0], wrapping_algorithm=ALGORITHMS[0]
        )
        self.clock.advance(25 * 3600)
        other = LocalKms.open(
            tmp / "other",
            master_key_source=FileMasterKey(tmp / "o.key"),
            clock=self.clock,
            background=False,
            pool_size=0,
        )
        foreign_key = other.create_key(project_id=P, key_alias="f", origin="external").key_id
        self.foreign = other.get_parameters_for_import(
            project_id=P, key_id=foreign_key, wrapping_algorithm=ALGORITHMS[0]
        )
        other.close()
        self.materials: dict[str, bytes] = {}  # the first material imported into each key
        self.master_key = base64.b64decode(self.master_key_file.read_text())
        self.calls = 0

    def audit_count(self) -> int:
        """Entries in the log (seq is AUTOINCREMENT and the log append-only: its last value
        counts every entry, read in O(log n) as the log grows)."""
        self.kms.flush()
        row = self.kms.store.connection().execute("SELECT max(seq) FROM audit").fetchone()
        return int(row[0] or 0)


def token_for(world: World, data, key: str, params: ImportParameters) -> str:
    kind = data.draw(
        st.sampled_from(
            [
                "valid",
                "valid",
                "valid",
                "other-key",
                "expired",
                "foreign",
                "random",
                "truncated",
                "flipped",
                "empty",
                "huge",
            ]
        ),
        label="token kind",
    )
    if kind == "valid":
        return params.import_token
    if kind == "other-key":
        other = data.draw(st.sampled_from([k for k in world.keys if k != key]))
        return world.params[(other, params.wrapping_algorithm)].import_token
    if kind == "expired":
        return world.expired.import_token
    if kind == "foreign":
        return world.foreign.import_token
    if kind == "random":
        return base64.b64encode(data.draw(st.binary(max_size=5000))).decode()
    if kind == "truncated":
        return params.import_token[: data.draw(st.integers(0, len(params.import_token) - 1))]
    if kind == "flipped":
        raw = bytearray(base64.b64decode(params.import_token))
        raw[data.draw(st.integers(0, len(raw) - 1))] ^= 1 << data.draw(st.integers(0, 7))
        return base64.b64encode(bytes(raw)).decode()
    if kind == "huge":
        return "A" * 7000
    return ""


def material_for(
    world: World, data, key: str, params: ImportParameters
) -> tuple[bytes, bytes | None]:
    """(what is sent, the plaintext inside it if it was wrapped)."""
    kind = data.draw(
        st.sampled_from(["right", "right", "same-as-first", "wrong-alg", "raw"]),
        label="material kind",
    )
    if kind == "raw":
        return data.draw(st.binary(max_size=600)), None
    algorithm = params.wrapping_algorithm
    if kind == "wrong-alg":
        algorithm = data.draw(st.sampled_from([a for a in ALGORITHMS if a != algorithm]))
    if kind == "same-as-first" and key in world.materials:
        plain = world.materials[key]
    else:
        length = data.draw(st.one_of(st.just(32), st.integers(0, 600)), label="length")
        plain = os.urandom(length)
    if len(plain) > MAX_PLAIN[algorithm]:
        return plain, None  # too long to wrap with RSA-2048: sent as it is
    public_key = serialization.load_der_public_key(params.public_key_der)
    return public_key.encrypt(plain, algorithm.padding()), plain


def expiry_for(world: World, data) -> int | None:
    now = int(world.clock.now())
    return data.draw(
        st.one_of(
            st.none(),
            st.just(now),
            st.integers(now - 10**6, now),
            st.integers(now + 1, now + 10**8),
            st.integers(2**40, 2**70),
            st.integers(-(2**70), 0),
        ),
        label="expiry",
    )


@settings(
    max_examples=scale(2000, 100_000),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_hostile_imports_end_in_success_or_a_code(world: World, data) -> None:
    kms = world.kms
    key = data.draw(st.sampled_from(world.keys), label="key")
    if data.draw(st.booleans(), label="reset") and kms.describe_key(
        project_id=P, key_id=key
    ).state.value in (2, 3):
        kms.delete_imported_key_material(project_id=P, key_id=key)
    params = world.params[(key, data.draw(st.sampled_from(ALGORITHMS), label="algorithm"))]
    token = token_for(world, data, key, params)
    blob, plain = material_for(world, data, key, params)
    expires = expiry_for(world, data)
    as_text = data.draw(st.booleans(), label="base64 material")
    before = world.audit_count()
    try:
        cmk = kms.import_key_material(
            project_id=P,
            key_id=key,
            import_token=token,
            expiration_time=expires,
            encrypted_key_material=base64.b64encode(blob).decode() if as_text else blob,
        )
    except KmsError as error:
        assert error.code in CODES, error.code
        assert "Traceback" not in error.message
    else:
        assert cmk.state.value == 2 and cmk.kcv
        if plain is not None and cmk.kcv == key_check_value(plain):
            world.materials.setdefault(key, plain)
    assert world.audit_count() == before + 1, "one audit entry per call"
    world.calls += 1
    check_store(kms.store.path, world.master_key, integrity=world.calls % 250 == 0)


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> World:
    built = World(tmp_path_factory.mktemp("hostile"))
    yield built
    built.kms.close()
    check_store(built.kms.store.path, built.master_key)  # the whole file, once more at the end
    print(f"hostile imports: {built.calls} calls")
