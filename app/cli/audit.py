"""``audit-log``: who did what to the store's keys, and when, read by its owner without SQL.
Changes and refusals by default (``--reads`` adds every encrypt, decrypt and describe)."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from datetime import datetime

from app.cli.common import backend
from app.cli.options import Commands, add_command
from app.model.audit import AuditEntry
from app.model.errors import KmsError


def register(commands: Commands) -> None:
    parser = add_command(
        commands,
        "audit-log",
        "the local store's audit log: who did what to which key, and how it ended",
        audit_log,
    )
    parser.add_argument("--key", dest="key_id", help="only this key's entries")
    parser.add_argument(
        "--since", help="only entries from this ISO 8601 time on (local time without a zone)"
    )
    parser.add_argument("--limit", type=int, default=1000, help="the newest N (default 1000)")
    parser.add_argument(
        "--reads", action="store_true", help="include reads (encrypt, decrypt, describe...)"
    )


def since_ms(text: str | None) -> int | None:
    """Milliseconds since the epoch of an ISO 8601 time (local time when it has no zone)."""
    if text is None:
        return None
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise KmsError("KMS.0308", "cli.not_a_time", value=text) from None
    try:
        return int((when if when.tzinfo else when.astimezone()).timestamp() * 1000)
    except (OverflowError, ValueError, OSError):
        raise KmsError("KMS.0308", "cli.since_out_of_range", value=text) from None


def audit_log(args: argparse.Namespace) -> int:
    from app.model import rules

    key_id = None if args.key_id is None else rules.check_key_id(args.key_id)
    if args.limit < 1:
        raise KmsError("KMS.1601")
    since = since_ms(args.since)
    with backend(args) as kms:
        if not kms.supports_history:
            raise KmsError("KMS.0308", "cli.no_audit_log")
        entries = kms.history(key_id=key_id, since_ms=since, limit=args.limit, reads=args.reads)
    if args.json:
        print(json.dumps([_json(entry) for entry in entries], indent=2, ensure_ascii=False))
    else:
        print("\n".join(_line(entry) for entry in entries) or "(no entries)")
    return 0


def _local(time_ms: int) -> datetime:
    return datetime.fromtimestamp(time_ms / 1000).astimezone()


def _json(entry: AuditEntry) -> dict[str, object]:
    return {**asdict(entry), "time": _local(entry.time_ms).isoformat(timespec="milliseconds")}


def _line(entry: AuditEntry) -> str:
    outcome = entry.result + (f" {entry.error_code}" if entry.error_code else "")
    when = _local(entry.time_ms).strftime("%Y-%m-%d %H:%M:%S %Z")
    return "  ".join([when, entry.actor, entry.operation, entry.key_id or "-", outcome])
