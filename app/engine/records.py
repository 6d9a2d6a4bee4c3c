"""Key records in the store: rows to ``Cmk`` snapshots and back. SQL lives here, nowhere
else, so the engine's operations read as the API describes them."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from app.model.errors import KmsError
from app.model.keys import Cmk, KeySpec, KeyState, KeyUsage, Origin, Tag

_COLUMNS = (
    "key_id, project_id, alias, description, origin, state, created_ms, key_spec, key_usage, "
    "material_expires_ms, deletion_ms, kcv"
)
#: The state a reader sees, in SQL: expired material makes an Enabled/Disabled key Pending
#: import even before the sweep has cleared it.
_EFFECTIVE_STATE = (
    "CASE WHEN state IN (2, 3) AND material_expires_ms IS NOT NULL "
    "AND material_expires_ms <= :now THEN 5 ELSE state END"
)
_VISIBLE = "NOT (state = 4 AND deletion_ms <= :now)"


# Enum lookups by value through a dict: ``KeyState(3)`` goes through ``EnumMeta.__call__``
# (a few microseconds), which dominated listing 100,000 keys.
_STATES = {int(s): s for s in KeyState}
_ORIGINS = {o.value: o for o in Origin}
_SPECS = {s.value: s for s in KeySpec}
_USAGES = {u.value: u for u in KeyUsage}
_ASYMMETRIC = frozenset(s.value for s in KeySpec if s.is_asymmetric)


def _cmk(row: tuple[Any, ...], tags: Iterable[Tag]) -> Cmk:
    """A snapshot from a row and the key's tags, which callers pass already sorted."""
    (
        key_id,
        project_id,
        alias,
        description,
        origin,
        state,
        created,
        spec,
        usage,
        expires,
        deletion,
        kcv,
    ) = row
    key_spec = _SPECS[spec]
    # The kcv column holds an asymmetric key's public key fingerprint: the proof of its
    # material, as the KCV is a symmetric key's.
    asymmetric = spec in _ASYMMETRIC
    return Cmk(
        key_id=str(key_id),
        project_id=str(project_id),
        alias=str(alias),
        description=str(description),
        origin=_ORIGINS[origin],
        state=_STATES[state],
        created_ms=int(created),
        key_spec=key_spec,
        key_usage=_USAGES[usage],
        material_expires_ms=expires,
        deletion_ms=deletion,
        kcv=None if asymmetric else kcv,
        tags=tuple(tags),
        public_key_fingerprint=kcv if asymmetric else None,
    )


def _tags_of(conn: sqlite3.Connection, key_id: str) -> list[Tag]:
    # A key has one value per tag key, so ordering by tag_key is ``Tag`` order.
    return [
        Tag(k, v)
        for k, v in conn.execute(
            "SELECT tag_key, tag_value FROM tags WHERE key_id = ? ORDER BY tag_key", (key_id,)
        )
    ]


def fetch(
    conn: sqlite3.Connection, project_id: str, key_id: str, now: int, *, settle: bool = True
) -> Cmk:
    """The key as a reader sees it at ``now`` (or as stored, with ``settle=False``).
    Raises KMS.0207 for a key that does not exist, is in another project, or whose
    deletion date has passed."""
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM keys WHERE key_id = ? AND project_id = ?",  # noqa: S608
        (key_id, project_id),
    ).fetchone()
    if row is None:
        raise KmsError("KMS.0207", "key.not_found", key_id=key_id)
    cmk = _cmk(row, _tags_of(conn, key_id))
    if cmk.deleted_by(now):
        raise KmsError("KMS.0207", "key.not_found", key_id=key_id)
    return cmk.at(now) if settle else cmk


def secrets(conn: sqlite3.Connection, key_id: str) -> tuple[bytes | None, bytes | None]:
    """The key's sealed material and material fingerprint."""
    row = conn.execute(
        "SELECT material, material_fingerprint FROM keys WHERE key_id = ?", (key_id,)
    ).fetchone()
    return (row[0], row[1]) if row else (None, None)


def page(
    conn: sqlite3.Connection,
    project_id: str,
    now: int,
    *,
    state: KeyState | None,
    limit: int | None,
    offset: int,
    spec: str | None = None,
) -> tuple[list[Cmk], int]:
    """Keys of a project in creation order, and how many match in all."""
    where = f"project_id = :project AND {_VISIBLE}"
    if state is not None:
        where += f" AND {_EFFECTIVE_STATE} = :state"
    if spec is not None:
        where += " AND key_spec = :spec"
    params = {
        "project": project_id,
        "now": now,
        "spec": spec,
        "state": int(state or 0),
        "limit": -1 if limit is None else limit,
        "offset": offset,
    }
    total = _count(conn, where, params, by_state=state is not None or spec is not None)
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM keys WHERE {where} "  # noqa: S608
        "ORDER BY created_ms, rowid LIMIT :limit OFFSET :offset",
        params,
    ).fetchall()
    tags = _tags_for(conn, project_id, [str(r[0]) for r in rows])
    return [_cmk(r, tags.get(str(r[0]), ())).at(now) for r in rows], int(total)


def _count(
    conn: sqlite3.Connection, where: str, params: dict[str, object], *, by_state: bool
) -> int:
    """How many keys match. Without a state filter, the project's keys less those whose
    deletion date has passed: two index lookups instead of a filtered scan of every row,
    which delayed the list window's first page (docs/performance.md)."""
    if by_state:
        return int(
            conn.execute(
                f"SELECT count(*) FROM keys WHERE {where}",  # noqa: S608
                params,
            ).fetchone()[0]
        )
    everything = conn.execute(
        "SELECT count(*) FROM keys WHERE project_id = :project", params
    ).fetchone()[0]
    # "+project_id" keeps SQLite on the deletion-date index, where only due keys are.
    gone = conn.execute(
        "SELECT count(*) FROM keys WHERE deletion_ms <= :now AND deletion_ms IS NOT NULL "
        "AND state = 4 AND +project_id = :project",
        params,
    ).fetchone()[0]
    return int(everything) - int(gone)


def _tags_for(
    conn: sqlite3.Connection, project_id: str, key_ids: list[str]
) -> dict[str, list[Tag]]:
    """Tags of many keys in one query, each key's in ``Tag`` order: by ID for a page, by
    project for a long list. Equal tags are shared (most keys repeat a few tags), which
    halves the cost of listing a large store."""
    tags: dict[str, list[Tag]] = defaultdict(list)
    if not key_ids:
        return tags
    if len(key_ids) <= 500:
        marks = ",".join("?" * len(key_ids))
        rows = conn.execute(
            f"SELECT key_id, tag_key, tag_value FROM tags WHERE key_id IN ({marks}) "  # noqa: S608
            "ORDER BY key_id, tag_key",
            key_ids,
        )
    else:
        # IN over the project's keys walks the tags' primary key in order: no join, no sort.
        rows = conn.execute(
            "SELECT key_id, tag_key, tag_value FROM tags WHERE key_id IN "
            "(SELECT key_id FROM keys WHERE project_id = ?) ORDER BY key_id, tag_key",
            (project_id,),
        )
    shared: dict[tuple[str, str], Tag] = {}
    for key_id, tag_key, tag_value in rows:
        tag = shared.get((tag_key, tag_value))
        if tag is None:
            tag = shared[(tag_key, tag_value)] = Tag(tag_key, tag_value)
        tags[key_id].append(tag)
    return tags


def alias_taken(conn: sqlite3.Connection, project_id: str, alias: str) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM keys WHERE project_id = ? AND alias = ?", (project_id, alias)
        ).fetchone()
        is not None
    )


def insert(conn: sqlite3.Connection, cmk: Cmk, *, sealed_material: bytes | None) -> None:
    conn.execute(
        "INSERT INTO keys (key_id, project_id, alias, description, key_spec, key_usage, "
        "origin, state, created_ms, kcv, material) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            cmk.key_id,
            cmk.project_id,
            cmk.alias,
            cmk.description,
            cmk.key_spec.value,
            cmk.key_usage.value,
            cmk.origin.value,
            int(cmk.state),
            cmk.created_ms,
            cmk.kcv or cmk.public_key_fingerprint,
            sealed_material,
        ),
    )
    replace_tags(conn, cmk.key_id, cmk.tags)


def set_state(
    conn: sqlite3.Connection, key_id: str, state: KeyState, *, deletion_ms: int | None = None
) -> None:
    conn.execute(
        "UPDATE keys SET state = ?, deletion_ms = ? WHERE key_id = ?",
        (int(state), deletion_ms, key_id),
    )


def store_material(
    conn: sqlite3.Connection,
    key_id: str,
    *,
    sealed: bytes,
    kcv: str,
    fingerprint: bytes,  # kcv: the KCV, or an asymmetric key's public key fingerprint
    expires_ms: int | None,
) -> None:
    conn.execute(
        "UPDATE keys SET state = 2, deletion_ms = NULL, material = ?, kcv = ?, "
        "material_fingerprint = coalesce(material_fingerprint, ?), material_expires_ms = ? "
        "WHERE key_id = ?",
        (sealed, kcv, fingerprint, expires_ms, key_id),
    )


def clear_material(conn: sqlite3.Connection, key_id: str) -> None:
    """Delete a key's material (not its fingerprint); an Enabled or Disabled key goes back
    to Pending import."""
    conn.execute(
        "UPDATE keys SET material = NULL, kcv = NULL, material_expires_ms = NULL, "
        "state = CASE WHEN state IN (2, 3) THEN 5 ELSE state END WHERE key_id = ?",
        (key_id,),
    )


def replace_tags(conn: sqlite3.Connection, key_id: str, tags: Iterable[Tag]) -> None:
    conn.execute("DELETE FROM tags WHERE key_id = ?", (key_id,))
    conn.executemany(
        "INSERT INTO tags (key_id, tag_key, tag_value) VALUES (?, ?, ?)",
        [(key_id, t.key, t.value) for t in tags],
    )


def delete(conn: sqlite3.Connection, key_id: str) -> None:
    conn.execute("DELETE FROM keys WHERE key_id = ?", (key_id,))


def due_for_deletion(conn: sqlite3.Connection, now: int) -> list[tuple[str, str]]:
    return conn.execute(
        "SELECT key_id, project_id FROM keys WHERE deletion_ms <= ? AND state = 4", (now,)
    ).fetchall()


def material_expired(conn: sqlite3.Connection, now: int) -> list[tuple[str, str]]:
    return conn.execute(
        "SELECT key_id, project_id FROM keys WHERE material_expires_ms <= ?", (now,)
    ).fetchall()
