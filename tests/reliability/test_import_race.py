"""Two imports of different material into one key at once, from two engines on one store (two
programs): exactly one wins, the other is refused, and the stored material is the winner's.

The engine unwraps and checks outside its write transaction and checks again inside it. To
make the race certain rather than likely, both imports are held after their checks outside
the transaction (at the sealing of the material, the last step before it) until both are
there; then both go for the store's write lock. Without the check inside the transaction both
would succeed and the key would hold the loser's material."""

from __future__ import annotations

import base64
import threading

from app.engine import DEFAULT_PROJECT, FileMasterKey, LocalKms, ManualClock
from app.engine.sealing import Sealer
from app.model.errors import KmsError
from app.model.importing import WrappingAlgorithm
from app.model.kcv import key_check_value
from app.model.keys import KeyState
from tests.helpers import material, wrap_for

P = DEFAULT_PROJECT


def hold_after_checks(engine: LocalKms, barrier: threading.Barrier, reached: set[int]) -> None:
    """Make ``engine`` wait at the barrier once an import has passed its checks; the threads
    that got there are added to ``reached``."""
    sealer = engine._material
    real = type(sealer).seal.__get__(sealer)  # the class's own, not an earlier hold

    def seal_then_wait(*args, **kwargs):
        sealed = real(*args, **kwargs)
        reached.add(threading.get_ident())
        barrier.wait()  # no timeout: an import that cannot get here breaks the barrier
        return sealed

    sealer.seal = seal_then_wait  # type: ignore[method-assign]


def stored_material(engine: LocalKms, master_key: bytes, key_id: str) -> bytes:
    row = (
        engine.store.connection()
        .execute("SELECT material FROM keys WHERE key_id = ?", (key_id,))
        .fetchone()
    )
    return Sealer(master_key, "material").open(row[0], key_id.encode())


def import_into(
    engine: LocalKms,
    key_id: str,
    secret: bytes,
    outcomes: dict[bytes, object],
    barrier: threading.Barrier,
    reached: set[int],
) -> None:
    try:
        params = engine.get_parameters_for_import(
            project_id=P, key_id=key_id, wrapping_algorithm=WrappingAlgorithm.RSAES_OAEP_SHA_256
        )
        outcomes[secret] = engine.import_key_material(
            project_id=P,
            key_id=key_id,
            import_token=params.import_token,
            encrypted_key_material=wrap_for(params, secret),
        )
    except KmsError as error:
        outcomes[secret] = error
    finally:
        if threading.get_ident() not in reached:  # release the other import, broken
            barrier.abort()


def race(engines: tuple[LocalKms, LocalKms], key_id: str) -> dict[bytes, object]:
    """Each engine imports its own new material into ``key_id``, both held after their
    checks until the other is there too; returns each material's outcome."""
    barrier = threading.Barrier(2)
    reached: set[int] = set()
    outcomes: dict[bytes, object] = {}
    threads = []
    for engine in engines:
        hold_after_checks(engine, barrier, reached)
        threads.append(
            threading.Thread(
                target=import_into, args=(engine, key_id, material(), outcomes, barrier, reached)
            )
        )
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not barrier.broken, "both imports must pass their checks before either writes"
    return outcomes


def test_two_imports_at_once_one_wins_and_its_material_is_stored(
    kms: LocalKms, store_dir, master_key_file, clock: ManualClock
) -> None:
    other = LocalKms.open(
        store_dir,
        master_key_source=FileMasterKey(master_key_file),
        clock=clock,
        background=False,
        pool_size=0,
    )
    master_key = base64.b64decode(master_key_file.read_text())
    try:
        for round_ in range(3):
            key_id = kms.create_key(
                project_id=P, key_alias=f"race-{round_}", origin="external"
            ).key_id
            outcomes = race((kms, other), key_id)
            won = [secret for secret, out in outcomes.items() if not isinstance(out, KmsError)]
            lost = [out for out in outcomes.values() if isinstance(out, KmsError)]
            said = [getattr(out, "code", "imported") for out in outcomes.values()]
            assert len(won) == 1 and len(lost) == 1, f"exactly one import wins: {said}"
            assert lost[0].code in ("KMS.0310", "KMS.2606"), lost[0]
            cmk = kms.describe_key(project_id=P, key_id=key_id)
            assert cmk.state is KeyState.ENABLED and cmk.kcv == key_check_value(won[0])
            assert stored_material(kms, master_key, key_id) == won[0], "the loser's material"
            results = [
                entry.result
                for entry in kms.audit.entries(key_id=key_id)
                if entry.operation == "import-key-material"
            ]
            assert sorted(results) == ["ok", "refused"]
    finally:
        other.close()
