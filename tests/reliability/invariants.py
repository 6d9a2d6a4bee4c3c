"""What must hold of a store after anything at all: used by the hostile-input, crash and
concurrency tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.engine.sealing import Sealer
from app.model.kcv import key_check_value


def check_store(
    path: Path, master_key: bytes | None = None, *, integrity: bool = True
) -> dict[str, int]:
    """Open the store file read-only and check its invariants; returns counts per state.
    With the master key, every stored material is unsealed and must match its KCV: no key
    is half imported. ``integrity=False`` skips SQLite's whole-file checks (they read every
    page, so a test that calls this after each of 100,000 operations runs them now and then)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        if integrity:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        counts: dict[str, int] = {}
        sealer = Sealer(master_key, "material") if master_key else None
        for key_id, state, origin, kcv, material, expires, fingerprint in conn.execute(
            "SELECT key_id, state, origin, kcv, material, material_expires_ms, "
            "material_fingerprint FROM keys"
        ):
            counts[str(state)] = counts.get(str(state), 0) + 1
            assert (material is None) == (kcv is None), key_id
            if state in (2, 3):
                assert material is not None, f"{key_id} is usable without material"
            if state == 5:
                assert material is None, f"{key_id} is pending import with material"
            if origin == "external" and material is not None:
                assert fingerprint is not None, f"{key_id} has material without fingerprint"
            if material is not None and sealer is not None:
                plain = sealer.open(material, key_id.encode())
                assert len(plain) == 32 and key_check_value(plain) == kcv, key_id
            if expires is not None:
                assert material is not None
        orphans = conn.execute(
            "SELECT count(*) FROM tags WHERE key_id NOT IN (SELECT key_id FROM keys)"
        ).fetchone()[0]
        assert orphans == 0
        return counts
    finally:
        conn.close()
