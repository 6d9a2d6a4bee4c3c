"""Seeding a store with many realistic keys, fast: for the list window's tests and the
100,000-key benchmark.

Creating 100,000 keys through ``create_key`` means 100,000 fsynced transactions (minutes).
This helper writes them through ``records`` in one transaction instead, with material sealed
by the engine's own sealer, so every row is exactly what the engine would have written (the
store's CHECK constraints still hold each row to the engine's invariants). Test-only: it
reaches one private attribute of the engine (its material sealer) on purpose.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass

from app.engine import records
from app.engine.kms import LocalKms
from app.model.kcv import key_check_value
from app.model.keys import Cmk, KeyState, Origin, Tag

_DAY_MS = 86_400_000
_TEAMS = ("payments", "ledger", "identity", "backup", "analytics", "billing", "search", "mail")
_ENVS = ("prod", "staging", "dev", "dr")


@dataclass(frozen=True)
class SeedKey:
    """One key to seed. ``expires_in_ms`` / ``deletion_in_ms`` are relative to now."""

    alias: str
    state: KeyState
    origin: Origin = Origin.KMS
    description: str = ""
    tags: tuple[Tag, ...] = ()
    expires_in_ms: int | None = None
    deletion_in_ms: int | None = None
    age_ms: int = 0


def seed(
    kms: LocalKms,
    keys: list[SeedKey],
    *,
    project_id: str | None = None,
    rng: random.Random | None = None,
) -> list[str]:
    """Write ``keys`` into ``kms``'s store in one transaction; returns their key IDs."""
    rng = rng or random.Random()  # key IDs: test data, not secrets
    project = project_id or "default"
    now = kms.now_ms()
    ids: list[str] = []
    with kms.store.write() as conn:
        for key in keys:
            key_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            ids.append(key_id)
            _insert(kms, conn, key_id, project, key, now)
    kms._changed(*ids)  # tell listeners, as the engine does after a commit
    return ids


def _insert(kms: LocalKms, conn: object, key_id: str, project: str, key: SeedKey, now: int) -> None:
    has_material = key.state in (KeyState.ENABLED, KeyState.DISABLED) or (
        key.state is KeyState.PENDING_DELETION and key.origin is Origin.KMS
    )
    material = kms.random(32) if has_material else None
    sealer = kms._material  # test-only bulk path, see the module docstring
    cmk = Cmk(
        key_id=key_id,
        project_id=project,
        alias=key.alias,
        description=key.description,
        origin=key.origin,
        state=KeyState.ENABLED if material else KeyState.PENDING_IMPORT,
        created_ms=now - key.age_ms,
        kcv=key_check_value(material) if material else None,
        tags=key.tags,
    )
    records.insert(
        conn,
        cmk,  # type: ignore[arg-type]
        sealed_material=sealer.seal(material, key_id.encode()) if material else None,
    )
    if material is not None and key.expires_in_ms is not None:
        conn.execute(  # type: ignore[attr-defined]
            "UPDATE keys SET material_expires_ms = ? WHERE key_id = ?",
            (now + key.expires_in_ms, key_id),
        )
    if key.state in (KeyState.DISABLED, KeyState.PENDING_DELETION):
        deletion = now + (key.deletion_in_ms or 7 * _DAY_MS)
        records.set_state(
            conn,
            key_id,
            key.state,  # type: ignore[arg-type]
            deletion_ms=deletion if key.state is KeyState.PENDING_DELETION else None,
        )


def many(count: int, *, seed_value: int = 0) -> list[SeedKey]:
    """``count`` varied keys: every state and origin, tags on most, some material expiring."""
    rng = random.Random(seed_value)  # test data
    keys = []
    for n in range(count):
        team, env = rng.choice(_TEAMS), rng.choice(_ENVS)
        roll = rng.random()
        origin = Origin.EXTERNAL if roll < 0.6 else Origin.KMS
        state = _state_for(rng.random(), origin)
        expires = (
            rng.randint(1, 400) * _DAY_MS
            if origin is Origin.EXTERNAL
            and state in (KeyState.ENABLED, KeyState.DISABLED)
            and rng.random() < 0.5
            else None
        )
        tags = tuple(
            sorted(
                {Tag("team", team), Tag("env", env)}
                | ({Tag("owner", f"user{n % 997}")} if n % 3 == 0 else set())
            )
        )
        keys.append(
            SeedKey(
                alias=f"{team}/{env}/key-{n:06d}",
                state=state,
                origin=origin,
                description=f"{team.capitalize()} {env} key number {n}",
                tags=tags,
                expires_in_ms=expires,
                deletion_in_ms=rng.randint(7, 1096) * _DAY_MS,
                age_ms=rng.randint(0, 900) * _DAY_MS,
            )
        )
    return keys


def _state_for(roll: float, origin: Origin) -> KeyState:
    if roll < 0.6:
        return KeyState.ENABLED if origin is Origin.KMS or roll < 0.5 else KeyState.PENDING_IMPORT
    if roll < 0.8:
        return KeyState.DISABLED
    if roll < 0.9:
        return KeyState.PENDING_DELETION
    return KeyState.PENDING_IMPORT if origin is Origin.EXTERNAL else KeyState.ENABLED
