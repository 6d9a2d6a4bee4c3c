"""Hostile import input (issue 7): random, truncated, bit-flipped and foreign tokens; material
of every length from 0 to 600 bytes, wrapped with every algorithm or the wrong one or not at
all; expiry times in the past, now, and absurdly far; expected KCVs right, wrong and
malformed. Every call ends in success or the one code its input deserves, never another
exception, never KMS.0101/0102; a refusal changes nothing, and the store's invariants hold
after each: state matches material, no material without a key, one audit entry per call.

Expired tokens and another store's tokens name the very key they are used on and come with
material correctly wrapped for their own wrapping key: only the token's age or seal stands
between them and an import, so accepting one would show as a success.

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
from app.engine.tokens import ImportTokenPayload
from app.model.errors import KmsError
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
        self.expired = {
            (key, alg): self.kms.get_parameters_for_import(
                project_id=P, key_id=key, wrapping_algorithm=alg
            )
            for key in self.keys
            for alg in ALGORITHMS
        }
        self.clock.advance(25 * 3600)
        self.foreign = self._foreign_parameters(tmp)
        self.materials: dict[str, bytes] = {}  # the first material imported into each key
        self.master_key = base64.b64decode(self.master_key_file.read_text())
        self.calls = 0

    def _foreign_parameters(self, tmp) -> dict[tuple[str, WrappingAlgorithm], ImportParameters]:
        """Another store's valid, unexpired tokens for each of our keys (as a store restored
        elsewhere with a new master key would issue them), with their wrapping keys."""
        other = LocalKms.open(
            tmp / "other",
            master_key_source=FileMasterKey(tmp / "o.key"),
            clock=self.clock,
            background=False,
            pool_size=0,
        )
        own = other.create_key(project_id=P, key_alias="f", origin="external").key_id
        made = other.get_parameters_for_import(
            project_id=P, key_id=own, wrapping_algorithm=ALGORITHMS[0]
        )
        private_der = other._tokens.open(made.import_token).private_key_der
        foreign = {}
        for key in self.keys:
            for alg in ALGORITHMS:
                token = other._tokens.issue(
                    ImportTokenPayload(
                        project_id=P,
                        key_id=key,
                        algorithm=alg,
                        issued_s=int(self.clock.now()),
                        expires_s=made.expiration_time,
                        private_key_der=private_der,
                    )
                )
                foreign[(key, alg)] = ImportParameters(
                    key_id=key,
                    wrapping_algorithm=alg,
                    public_key_der=made.public_key_der,
                    import_token=token,
                    expiration_time=made.expiration_time,
                )
        other.close()
        return foreign

    def audit_count(self) -> int:
        """Entries in the log (seq is AUTOINCREMENT and the log append-only: its last value
        counts every entry, read in O(log n) as the log grows)."""
        self.kms.flush()
        row = self.kms.store.connection().execute("SELECT max(seq) FROM audit").fetchone()
        return int(row[0] or 0)


#: The one code each kind of token gets (the token is checked before the material).
TOKEN_CODES = {
    "other-key": "KMS.2603",
    "expired": "KMS.2601",
    "foreign": "KMS.2605",
    "random": "KMS.2605",
    "truncated": "KMS.2605",
    "flipped": "KMS.2605",
    "empty": "KMS.2605",
    "huge": "KMS.2605",
}
#: What a valid token with hostile material or expiry may get instead of success.
MATERIAL_CODES = frozenset(
    {"KMS.0308", "KMS.0310", "KMS.0311", "KMS.2602", "KMS.2604", "KMS.2606", "KMS.2607"}
)


def token_for(
    world: World, data, key: str, params: ImportParameters
) -> tuple[str, str, ImportParameters]:
    """(kind, token, the parameters whose wrapping key and algorithm the material is
    wrapped for): expired and foreign tokens come with their own wrapping key."""
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
    token = params.import_token
    if kind == "other-key":
        other = data.draw(st.sampled_from([k for k in world.keys if k != key]))
        params = world.params[(other, params.wrapping_algorithm)]
        token = params.import_token
    elif kind in ("expired", "foreign"):
        params = getattr(world, kind)[(key, params.wrapping_algorithm)]
        token = params.import_token
    elif kind == "random":
        token = base64.b64encode(data.draw(st.binary(max_size=5000))).decode()
    elif kind == "truncated":
        token = token[: data.draw(st.integers(0, len(token) - 1))]
    elif kind == "flipped":
        raw = bytearray(base64.b64decode(token))
        raw[data.draw(st.integers(0, len(raw) - 1))] ^= 1 << data.draw(st.integers(0, 7))
        token = base64.b64encode(bytes(raw)).decode()
    elif kind == "huge":
        token = "A" * 7000
    elif kind == "empty":
        token = ""
    return kind, token, params


def expected_kcv_for(data, plain: bytes | None) -> tuple[str, str | None]:
    """(kind, the expected KCV sent): none most often, the material's, another, malformed."""
    kind = data.draw(
        st.sampled_from(["none", "none", "right", "wrong", "malformed"]), label="expected KCV"
    )
    if kind == "none":
        return kind, None
    if kind == "malformed":
        return kind, data.draw(st.sampled_from(["", "ABCDE", "ABCDEFG", "XYZXYZ", "ab cd ef"]))
    right = key_check_value(plain) if plain is not None and len(plain) == 32 else None
    if kind == "right" and right is not None:
        return kind, right.lower() if data.draw(st.booleans()) else right
    wrong = data.draw(st.integers(0, 0xFFFFFF).filter(lambda n: f"{n:06X}" != right))
    return "wrong", f"{wrong:06X}"


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
    token_kind, token, wrapped_for = token_for(world, data, key, params)
    blob, plain = material_for(world, data, key, wrapped_for)
    expires = expiry_for(world, data)
    kcv_kind, expect_kcv = expected_kcv_for(data, plain)
    as_text = data.draw(st.booleans(), label="base64 material")
    key_before = kms.describe_key(project_id=P, key_id=key)
    before = world.audit_count()
    try:
        cmk = kms.import_key_material(
            project_id=P,
            key_id=key,
            import_token=token,
            expiration_time=expires,
            encrypted_key_material=base64.b64encode(blob).decode() if as_text else blob,
            expect_kcv=expect_kcv,
        )
    except KmsError as error:
        assert "Traceback" not in error.message
        if kcv_kind == "malformed":
            assert error.code == "KMS.0308", error
        elif token_kind != "valid":
            assert error.code == TOKEN_CODES[token_kind], (token_kind, error)
        else:
            assert error.code in MATERIAL_CODES - {"KMS.0308"}, error
            assert error.code != "KMS.2607" or expect_kcv is not None, error
        refused = True
    else:
        assert (token_kind, kcv_kind) in {("valid", "none"), ("valid", "right")}, (
            f"a {token_kind} token with a {kcv_kind} KCV was accepted"
        )
        assert cmk.state.value == 2 and cmk.kcv
        assert expect_kcv is None or cmk.kcv == expect_kcv.upper()
        if plain is not None and cmk.kcv == key_check_value(plain):
            world.materials.setdefault(key, plain)
        refused = False
    assert world.audit_count() == before + 1, "one audit entry per call"
    if refused:
        assert kms.describe_key(project_id=P, key_id=key) == key_before, "a refusal changed it"
    world.calls += 1
    check_store(kms.store.path, world.master_key, integrity=world.calls % 250 == 0)


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> World:
    built = World(tmp_path_factory.mktemp("hostile"))
    yield built
    built.kms.close()
    check_store(built.kms.store.path, built.master_key)  # the whole file, once more at the end
    print(f"hostile imports: {built.calls} calls")
