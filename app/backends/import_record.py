"""The import record: a local, append-only journal of every import Keyferry performs.

A cloud KMS reports no key check value, so once material is imported nobody can tell which
file is in which key. Keyferry keeps that proof itself: for every import, local or remote,
which KMS (endpoint and project, or the local store), which key, the material's KCV and where
that KCV came from, the wrapping algorithm, the token's and the material's expiry, when, which
OS user, which access key, and the result, "unknown" included when the answer was lost.
Nothing secret is in it: a KCV is three bytes of a MAC, and the rest is metadata.

``imports.jsonl`` lives beside the profiles (``profiles.default_config_dir()``), so it
survives a reinstall; it is 0600 in a 0700 folder, and ``keyferry backup`` carries it. Each
line is one JSON object. An import writes two: an ``attempt`` before the call and a
``result`` after it, sharing an ``id``; an attempt without a result reads as "unknown" (the
program stopped mid-import). Lines are only ever appended.

The schema is open: writers may add fields (a PKCS#11 token's provenance, say) through
``extra``; readers keep every field they do not know in ``ImportEntry.extra`` and export it.
``kcv_source`` is open too; ``KcvSource`` names the values Keyferry writes.

The KCV an importer knows is the one the import expects: ``import_and_record`` passes it to
the backend as ``expect_kcv`` (the local engine refuses other material, KMS.2607), records it
with its source, and records on the result whether the KMS confirmed it (``kcv_verified``:
the backend checked it, ``verifies_kcv``, or reported the KCV itself); a remote KMS takes the
material unchecked, and the record says so.
"""

from __future__ import annotations

import getpass
import json
import os
import time
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from app.backends.base import KmsBackend, KmsRef
from app.backends.outcomes import ChangeMade, OutcomeUnknown
from app.backends.profiles import default_config_dir
from app.model.errors import KmsError, SetupError
from app.model.importing import WrappingAlgorithm
from app.model.keys import Cmk
from app.model.messages import Message

RECORD_FILE = "imports.jsonl"
SCHEMA = 1


class KcvSource(StrEnum):
    """Where a recorded KCV came from."""

    WRAPPED_HERE = "wrapped-here"  # Keyferry wrapped the material and computed its KCV
    TYPED = "typed"  # the user typed it (from an HSM's printout, say)
    PKCS11 = "pkcs11"  # a PKCS#11 token computed it
    KMS = "kms"  # the KMS reported it after the import (the local engine does)


class Outcome(StrEnum):
    IMPORTED = "imported"
    REFUSED = "refused"
    UNKNOWN = "unknown"  # the answer was lost and what happened could not be found out


#: The fields Keyferry itself writes; everything else in a line is ``extra``.
_KNOWN = (
    "id",
    "event",
    "schema",
    "time_ms",
    "kms_kind",
    "kms",
    "project_id",
    "access_key_id",
    "key_id",
    "alias",
    "kcv",
    "kcv_source",
    "wrapping_algorithm",
    "token_expires_ms",
    "material_expires_ms",
    "os_user",
    "outcome",
    "error_code",
    "detail",
    "kcv_verified",
)


@dataclass(frozen=True)
class ImportClaim:
    """What the importer knows beside the API call: the KCV the material it sends must have
    (the import's ``expect_kcv``) and where that KCV came from, the token's algorithm and
    expiry, the key's alias, and any further fields for the record (``extra``: JSON values,
    nothing secret; a PKCS#11 token's provenance, say)."""

    kcv: str | None = None
    kcv_source: str | None = None
    wrapping_algorithm: WrappingAlgorithm | None = None
    token_expires_s: int | None = None
    alias: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportEntry:
    """One import as the record knows it (its attempt and result lines merged).
    ``material_expires_ms`` is the expiry the import asked for; None means never.
    ``kcv_verified``: the KMS confirmed ``kcv`` (None: not recorded). ``result_recorded`` is
    False when only the attempt is there (Keyferry stopped during the import)."""

    entry_id: str
    time_ms: int
    kms: KmsRef
    key_id: str
    alias: str
    outcome: Outcome
    kcv: str | None = None
    kcv_source: str | None = None
    wrapping_algorithm: str | None = None
    token_expires_ms: int | None = None
    material_expires_ms: int | None = None
    os_user: str = ""
    error_code: str | None = None
    detail: str = ""
    kcv_verified: bool | None = None
    result_recorded: bool = True
    extra: Mapping[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        """The entry for an export: the record's own field names, ``extra`` alongside."""
        data: dict[str, Any] = {
            "id": self.entry_id,
            "time_ms": self.time_ms,
            "kms_kind": self.kms.kind,
            "kms": self.kms.location,
            "project_id": self.kms.project_id,
            "access_key_id": self.kms.access_key_id,
            "key_id": self.key_id,
            "alias": self.alias,
            "kcv": self.kcv,
            "kcv_source": self.kcv_source,
            "kcv_verified": self.kcv_verified,
            "wrapping_algorithm": self.wrapping_algorithm,
            "token_expires_ms": self.token_expires_ms,
            "material_expires_ms": self.material_expires_ms,
            "os_user": self.os_user,
            "outcome": self.outcome.value,
            "error_code": self.error_code,
            "detail": self.detail,
        }
        data.update({k: v for k, v in self.extra.items() if k not in data})
        return data


class ImportRecord:
    """``imports.jsonl`` in ``directory`` (the config folder by default)."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or default_config_dir()
        self.path = self.directory / RECORD_FILE

    # ------------------------------------------------------------------ writing

    def append(self, line: Mapping[str, Any]) -> None:
        """Append one line, whole, and flush it to the disk."""
        data = (json.dumps(dict(line), ensure_ascii=False, sort_keys=True) + "\n").encode()
        try:
            self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        except OSError as error:
            raise _cannot_write(self.path, error) from None
        try:
            os.write(fd, data)  # one write: an O_APPEND line is never interleaved
            os.fsync(fd)
        except OSError as error:
            raise _cannot_write(self.path, error) from None
        finally:
            os.close(fd)

    def append_lines(self, data: bytes) -> int:
        """Append the lines of another record (a backup's) that this one lacks; how many."""
        have = {(line.get("id"), line.get("event")) for line in self._lines()}
        added = 0
        for line in _parse(data):
            if (line.get("id"), line.get("event")) not in have:
                self.append(line)
                added += 1
        return added

    def raw(self) -> bytes:
        """The file as it is (for a backup); empty when there is none."""
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return b""
        except OSError as error:
            reason = error.strerror or str(error)
            raise SetupError("record.unreadable", path=self.path, reason=reason) from None

    # ------------------------------------------------------------------ reading

    def entries(self, *, key_id: str | None = None, kms: KmsRef | None = None) -> list[ImportEntry]:
        """Every import, oldest first; only ``key_id``'s and ``kms``'s when given."""
        merged: dict[str, dict[str, Any]] = {}
        for line in self._lines():
            entry_id = line.get("id")
            if isinstance(entry_id, str):
                merged.setdefault(entry_id, {}).update(line)
        found = [e for e in map(_entry, merged.values()) if e is not None]
        return [
            e
            for e in sorted(found, key=lambda e: e.time_ms)
            if (key_id is None or e.key_id == key_id) and (kms is None or e.kms.same_kms(kms))
        ]

    def material_of(self, kms: KmsRef, key_id: str) -> ImportEntry | None:
        """The latest import into this key that took effect and knows its KCV."""
        for entry in reversed(self.entries(key_id=key_id, kms=kms)):
            if entry.outcome is Outcome.IMPORTED and entry.kcv:
                return entry
        return None

    def _lines(self) -> Iterable[dict[str, Any]]:
        return _parse(self.raw())


def _parse(data: bytes) -> list[dict[str, Any]]:
    """The JSON objects of a record; a torn or hand-damaged line is skipped."""
    lines = []
    for raw in data.splitlines():
        try:
            line = json.loads(raw)
        except ValueError:
            continue
        if isinstance(line, dict):
            lines.append(line)
    return lines


def _entry(line: dict[str, Any]) -> ImportEntry | None:
    try:
        outcome = Outcome(line.get("outcome") or Outcome.UNKNOWN)
        result_recorded = not (line.get("event") == "attempt" and not line.get("outcome"))
        detail = str(line.get("detail") or "")
        if not result_recorded:
            detail = "No result was recorded: Keyferry stopped during the import."
        verified = line.get("kcv_verified")
        return ImportEntry(
            entry_id=str(line["id"]),
            time_ms=int(line["time_ms"]),
            kms=KmsRef(
                kind=str(line["kms_kind"]),
                location=str(line["kms"]),
                project_id=str(line.get("project_id") or ""),
                access_key_id=str(line.get("access_key_id") or ""),
            ),
            key_id=str(line["key_id"]),
            alias=str(line.get("alias") or ""),
            outcome=outcome,
            kcv=_str_or_none(line.get("kcv")),
            kcv_source=_str_or_none(line.get("kcv_source")),
            wrapping_algorithm=_str_or_none(line.get("wrapping_algorithm")),
            token_expires_ms=_int_or_none(line.get("token_expires_ms")),
            material_expires_ms=_int_or_none(line.get("material_expires_ms")),
            os_user=str(line.get("os_user") or ""),
            error_code=_str_or_none(line.get("error_code")),
            detail=detail,
            kcv_verified=verified if isinstance(verified, bool) else None,
            result_recorded=result_recorded,
            extra={k: v for k, v in line.items() if k not in _KNOWN},
        )
    except (KeyError, ValueError, TypeError):
        return None  # a line of a later schema without our fields, or damaged by hand


def _str_or_none(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def _int_or_none(value: Any) -> int | None:
    return None if value in (None, "") else int(value)


def _cannot_write(path: Path, error: OSError) -> SetupError:
    return SetupError("record.not_written", path=path, reason=error.strerror or str(error))


# ------------------------------------------------------------------------ the import


def import_and_record(
    backend: KmsBackend,
    *,
    key_id: str,
    import_token: str,
    encrypted_key_material: bytes,
    expiration_time: int | None,
    claim: ImportClaim,
    record: ImportRecord | None = None,
    encrypted_privatekey: bytes | None = None,
) -> Cmk:
    """Import through ``backend`` and record it: the attempt before the call (no record, no
    import), the result after it, whatever it is. The claim's KCV is the import's
    ``expect_kcv``. Returns or raises what the backend does; KMS.2606 also names the material
    the record says the key holds."""
    record = record or ImportRecord()
    entry_id = str(uuid.uuid4())
    record.append(_attempt(backend.where, entry_id, key_id, expiration_time, claim))
    verifies = backend.verifies_kcv
    try:
        cmk = backend.import_key_material(
            key_id=key_id,
            import_token=import_token,
            encrypted_key_material=encrypted_key_material,
            expiration_time=expiration_time,
            expect_kcv=claim.kcv,
            encrypted_privatekey=encrypted_privatekey,
        )
    except ChangeMade as made:
        _result(record, entry_id, Outcome.IMPORTED, claim, made.cmk, made, verifies)
        raise
    except OutcomeUnknown as unknown:
        _result(record, entry_id, Outcome.UNKNOWN, claim, None, unknown, False)
        raise
    except KmsError as refused:
        _result(record, entry_id, Outcome.REFUSED, claim, None, refused, False)
        earlier = record.material_of(backend.where, key_id) if refused.code == "KMS.2606" else None
        if earlier is None:
            raise
        raise held_material(refused, earlier) from None
    _result(record, entry_id, Outcome.IMPORTED, claim, cmk, None, verifies)
    return cmk


def held_material(refused: KmsError, entry: ImportEntry) -> KmsError:
    """KMS.2606 that also says which material the key holds, from the record."""
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(entry.time_ms / 1000))
    return KmsError(
        refused.code,
        "record.holds_material",
        http_status=refused.http_status,
        problem=refused.sentence or Message(refused.code),
        kcv=entry.kcv,
        when=when,
    )


def _attempt(
    kms: KmsRef, entry_id: str, key_id: str, expiration_time: int | None, claim: ImportClaim
) -> dict[str, Any]:
    line: dict[str, Any] = dict(claim.extra)
    line.update(
        id=entry_id,
        event="attempt",
        schema=SCHEMA,
        time_ms=int(time.time() * 1000),
        kms_kind=kms.kind,
        kms=kms.location,
        project_id=kms.project_id,
        access_key_id=kms.access_key_id,
        key_id=key_id,
        alias=claim.alias,
        kcv=claim.kcv,
        kcv_source=claim.kcv_source if claim.kcv else None,
        wrapping_algorithm=claim.wrapping_algorithm.value if claim.wrapping_algorithm else None,
        token_expires_ms=None if claim.token_expires_s is None else claim.token_expires_s * 1000,
        material_expires_ms=None if expiration_time is None else expiration_time * 1000,
        os_user=_os_user(),
    )
    return line


def _result(
    record: ImportRecord,
    entry_id: str,
    outcome: Outcome,
    claim: ImportClaim,
    cmk: Cmk | None,
    error: KmsError | None,
    verifies: bool,
) -> None:
    """The result line. ``verifies``: the backend checks an expected KCV."""
    line: dict[str, Any] = {"id": entry_id, "event": "result", "outcome": outcome.value}
    line["kcv_verified"] = verifies and claim.kcv is not None
    if error is not None:
        line.update(error_code=error.code, detail=error.message)
    if cmk is not None:
        line["alias"] = cmk.alias or claim.alias
        if cmk.kcv and not claim.kcv:  # the KMS said it: confirmed by the KMS itself
            line.update(kcv=cmk.kcv, kcv_source=KcvSource.KMS.value, kcv_verified=True)
        if cmk.public_key_fingerprint:  # an asymmetric key's counterpart of the KCV
            line["public_key_fingerprint"] = cmk.public_key_fingerprint
    try:
        record.append(line)
    except SetupError:
        pass  # the attempt is recorded, and reads as "unknown"; the import's result stands


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container)
        return str(os.getuid()) if hasattr(os, "getuid") else ""
