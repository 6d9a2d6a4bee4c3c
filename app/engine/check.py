"""``keyferry check``: is a store whole? SQLite's own check, then Keyferry's invariants.

SQLite's ``integrity_check`` reads every page of the file; Keyferry's invariants then read
every key: its state agrees with its material (the table's constraints, checked again, since
damage does not go through them), every sealed value opens with the store's master key, and
every material matches its KCV and its fingerprint. The store is read in one snapshot and
never written; nothing is repaired (a damaged store is restored from a backup).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.engine import store_files
from app.engine.kms import master_key_fits
from app.engine.master_key import MasterKeySource
from app.engine.sealing import Fingerprinter, Sealer, SealError
from app.model.errors import KmsError
from app.model.kcv import key_check_value
from app.model.keys import KeySpec, KeyUsage
from app.model.private_keys import fingerprint, load_pkcs8, public_key_der

#: SQLite stops listing problems after this many.
MAX_LISTED = 100
_STATES = {1, 2, 3, 4, 5}
_SPECS = {s.value for s in KeySpec}
_USAGES = {u.value for u in KeyUsage}


@dataclass(frozen=True)
class CheckReport:
    """What a check found. ``problems`` is empty for a whole store."""

    path: Path
    keys: int
    sealed: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_store(directory: Path, source: MasterKeySource) -> CheckReport:
    """Check the store in ``directory`` (which must hold one) without changing it."""
    path = Path(directory) / store_files.DB_NAME
    if not Path(directory).is_dir() or not (path.exists() or path.is_symlink()):
        raise KmsError("KMS.0102", "store.none", folder=directory)
    store_files.check_folder(Path(directory))
    store_files.check_file(path)
    tally = _Tally()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.text_factory = bytes  # text that is not UTF-8 is reported, not a failed scan
    try:
        conn.execute("PRAGMA query_only = ON")
        conn.execute("BEGIN")
        for step, what in ((_sqlite_problems, "checked"), (_keyferry_problems, "read")):
            try:
                step(conn, source, tally)
            except sqlite3.Error as error:  # damage SQLite cannot read past
                tally.problems.append(f"SQLite: the store could not be {what} whole: {error}")
    except sqlite3.Error as error:
        tally.problems.append(f"SQLite: the store could not be read: {error}")
    finally:
        conn.close()
    return CheckReport(path, tally.keys, tally.sealed, tuple(tally.problems))


class _Tally:
    def __init__(self) -> None:
        self.keys = 0
        self.sealed = 0
        self.problems: list[str] = []


def _sqlite_problems(conn: sqlite3.Connection, _: MasterKeySource, tally: _Tally) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version < 1:
        tally.problems.append("the file is a SQLite database but not a Keyferry store")
    for (row,) in conn.execute(f"PRAGMA integrity_check({MAX_LISTED})"):
        if _text(row) != "ok":
            tally.problems.append(f"SQLite: {_text(row)}")
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
        tally.problems.append(
            f"SQLite: row {rowid} of {_text(table)} refers to a missing {_text(parent)}"
        )


def _keyferry_problems(conn: sqlite3.Connection, source: MasterKeySource, tally: _Tally) -> None:
    meta = {_text(k): _text(v) for k, v in conn.execute("SELECT name, value FROM meta")}
    store_id = meta.get("store_id")
    if store_id is None:
        tally.problems.append("the store has no ID (its meta table is damaged)")
        return
    master_key = source.load(store_id)
    if master_key is None:
        tally.problems.append(
            f"the store's master key is not in {source.describe()}, so sealed values were "
            "not opened"
        )
    elif not master_key_fits(master_key, store_id, meta.get("verifier", "")):
        tally.problems.append(f"the master key in {source.describe()} does not open this store")
        master_key = None
    checker = _KeyChecker(master_key)
    for row in conn.execute(
        "SELECT key_id, state, origin, key_spec, key_usage, kcv, material, "
        "material_fingerprint, material_expires_ms, deletion_ms, project_id, alias, "
        "description FROM keys ORDER BY rowid"
    ):
        tally.keys += 1
        found, opened = checker.check(row)
        tally.sealed += opened
        tally.problems += found


class _KeyChecker:
    """One key's invariants; with the master key, its sealed material too."""

    def __init__(self, master_key: bytes | None) -> None:
        self._sealer = Sealer(master_key, "material") if master_key else None
        self._fingerprints = Fingerprinter(master_key) if master_key else None

    def check(self, row: tuple[object, ...]) -> tuple[list[str], int]:
        key_id = _text(row[0])
        found = [f"key {key_id}: {problem}" for problem in _row_problems(row)]
        material, kcv = row[6], row[5]
        if self._sealer is None or not isinstance(material, bytes):
            return found, 0
        try:
            plain = self._sealer.open(material, key_id.encode())
        except SealError:
            return [*found, f"key {key_id}: its sealed material does not open"], 0
        proof, compared = _proof(plain, KeySpec(_text(row[3])))
        if proof != _text(kcv):
            found.append(f"key {key_id}: its material does not match its KCV or fingerprint")
        fingerprint = row[7]
        assert self._fingerprints is not None
        if isinstance(fingerprint, bytes) and not self._fingerprints.same(
            fingerprint, self._fingerprints.fingerprint(key_id, compared)
        ):
            found.append(f"key {key_id}: its material does not match its fingerprint")
        return found, 1


def _proof(plain: bytes, spec: KeySpec) -> tuple[str | None, bytes]:
    """What the kcv column must hold for this material (the KCV, or an asymmetric key's
    public key fingerprint), and what its keyed fingerprint covers."""
    if not spec.is_asymmetric:
        return (key_check_value(plain) if len(plain) == 32 else None), plain
    try:
        public = public_key_der(load_pkcs8(plain, spec))
    except KmsError:
        return None, plain
    return fingerprint(public), public


def _row_problems(row: tuple[object, ...]) -> Iterator[str]:
    """The table's constraints and the engine's own rules, read again from the row."""
    key_id, state, origin, spec, usage, kcv, material, fingerprint, expires, deletion = row[:10]
    if any(isinstance(v, bytes) and not _utf8(v) for v in (key_id, *row[10:])):
        yield "its ID, project, alias or description is not UTF-8 text"
    if state not in _STATES:
        yield f"its state {state!r} is not a key state"
    if _text(origin) not in ("kms", "external"):
        yield f"its origin {_text(origin)!r} is not kms or external"
    if _text(spec) not in _SPECS or _text(usage) not in _USAGES:
        yield "its key spec or usage is not one Keyferry knows"
    has_material = material is not None
    if has_material != (kcv is not None):
        yield "it has material without a KCV, or a KCV without material"
    if state == 5 and has_material:
        yield "it is Pending import but holds material"
    if state in (2, 3) and not has_material:
        yield "it is Enabled or Disabled without material"
    if _text(origin) == "kms" and not has_material:
        yield "it was made by KMS but has no material"
    if _text(origin) == "external" and has_material and fingerprint is None:
        yield "its imported material has no fingerprint"
    if expires is not None and not has_material:
        yield "it has a material expiry without material"
    if (state == 4) != (deletion is not None):
        yield "its deletion date does not agree with its state"


def _utf8(value: bytes) -> bool:
    try:
        value.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _text(value: object) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)
