"""The import record on the command line: ``import-log`` exports it for an auditor (``--json``
or ``--csv``: every field, those of later writers too), and ``kcv --key-id`` (see
``importing``) checks a material file against it. Both read the record only: no KMS is
opened, no secret needed."""

from __future__ import annotations

import argparse
import csv
import io
import json
import time
from typing import TYPE_CHECKING, Any

from app.cli.common import emit
from app.cli.errors import CliFailure
from app.cli.options import Commands, add_command

if TYPE_CHECKING:
    from app.backends.import_record import ImportEntry

#: The exit status of ``kcv --key-id`` when the file is not the material recorded (or no
#: import of the key with a KCV is recorded), as ``cmp`` answers 1 for "differ".
DIFFERENT = 1


def register(commands: Commands) -> None:
    log = add_command(
        commands,
        "import-log",
        "export the import record: every import Keyferry made on this computer, with its "
        "KMS, key, KCV and where it came from, and its outcome (--json or --csv for an auditor)",
        import_log,
    )
    log.add_argument("--key", metavar="KEY", help="only the imports into this key (ID or alias)")
    log.add_argument("--csv", action="store_true", help="print CSV with a header line")


def _when(time_ms: int) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(time_ms / 1000))


def entries_of(key: str | None) -> list[ImportEntry]:
    from app.backends.import_record import ImportRecord

    found = ImportRecord().entries()
    if key is None:
        return found
    return [e for e in found if key in (e.key_id, e.alias)]


def import_log(args: argparse.Namespace) -> int:
    if args.csv and args.json:
        raise CliFailure("Give either --json or --csv, not both.")
    entries = entries_of(args.key)
    rows = [e.as_json() for e in entries]
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    elif args.csv:
        print(_csv(rows), end="")
    else:
        for entry in entries:
            print(_line(entry))
    return 0


def _csv(rows: list[dict[str, Any]]) -> str:
    """Every field of every row: Keyferry's own first, then others' in name order; a value
    that is not text or a number as JSON."""
    columns = list(rows[0]) if rows else _own_fields()
    for row in rows:
        columns += sorted(k for k in row if k not in columns)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(row.get(k)) for k in columns})
    return out.getvalue()


def _own_fields() -> list[str]:
    from app.backends.base import KmsRef
    from app.backends.import_record import ImportEntry, Outcome

    blank = ImportEntry("", 0, KmsRef("", "", ""), "", "", Outcome.UNKNOWN)
    return list(blank.as_json())


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool | dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _line(entry: ImportEntry) -> str:
    kcv = entry.kcv or "-"
    if entry.kcv:
        checked = {True: ", verified by the KMS", False: ", not verified", None: ""}[
            entry.kcv_verified
        ]
        kcv += f" ({entry.kcv_source or 'source unknown'}{checked})"
    outcome = entry.outcome.value + (f" {entry.error_code}" if entry.error_code else "")
    kms = entry.kms.location + (f" project {entry.kms.project_id}" if entry.kms.project_id else "")
    return (
        f"{_when(entry.time_ms)}  {outcome:<17} KCV {kcv}  key {entry.alias or '-'} "
        f"({entry.key_id})  {entry.kms.kind} {kms}  by {entry.os_user or '-'}"
    )


def check_against_record(args: argparse.Namespace, kcv: str) -> int:
    """``kcv --material FILE --key-id KEY``: whether the file's KCV is the one the record
    says the key's latest import brought (exit 0), or not (exit 1)."""
    from app.backends.import_record import Outcome

    imports = [e for e in entries_of(args.key_id) if e.outcome is Outcome.IMPORTED and e.kcv]
    latest = imports[-1] if imports else None
    same = latest is not None and latest.kcv == kcv
    data: dict[str, Any] = {"kcv": kcv, "key_id": args.key_id, "matches": same}
    if latest is None:
        human = (
            f"KCV {kcv}. No import of {args.key_id} with a known KCV is recorded on this "
            "computer, so nothing tells whether this is its material."
        )
    else:
        data.update(recorded_kcv=latest.kcv, imported_ms=latest.time_ms, kms=latest.kms.location)
        where = f"imported on {_when(latest.time_ms)} into {latest.kms.location}"
        human = (
            f"KCV {kcv}: this is the material of {latest.alias or args.key_id}, {where} "
            "(Keyferry's import record)."
            if same
            else f"KCV {kcv}: not the material of {latest.alias or args.key_id}, whose "
            f"recorded KCV is {latest.kcv} ({where})."
        )
    emit(args, data, human)
    return 0 if same else DIFFERENT
