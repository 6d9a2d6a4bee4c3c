"""What the command handlers share: the backend a command works on, and printing its result
(``--json`` prints the API's field names, else a table for people)."""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from app.backends.base import KmsBackend
from app.backends.factory import BackendSettings, open_backend
from app.cli.errors import CliFailure
from app.model.api_format import key_details, tags_json
from app.model.keys import Cmk, Tag

if TYPE_CHECKING:
    from app.backends.import_record import ImportEntry


def settings(args: argparse.Namespace) -> BackendSettings:
    """The KMS the command line names (``--data-dir``, ``--profile``, ``--endpoint``...)."""
    return BackendSettings(
        data_dir=args.data_dir,
        master_key_file=args.master_key_file,
        project_id=args.project,
        endpoint=args.endpoint,
        access_key_id=args.access_key_id,
        profile=args.profile,
        insecure_http=args.insecure_http,
        ca_file=args.ca_file,
        https_proxy=args.https_proxy,
    )


@contextmanager
def backend(args: argparse.Namespace) -> Iterator[KmsBackend]:
    """The backend the command line names, opened now and closed after the command."""
    opened = open_backend(settings(args), background=False)
    try:
        yield opened
    finally:
        opened.close()


def emit(args: argparse.Namespace, data: dict[str, Any], human: str | None = None) -> None:
    """Print ``data`` as JSON with ``--json``, else ``human`` (by default, ``data`` as a table)."""
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(human if human is not None else table(data))


def table(data: dict[str, Any]) -> str:
    width = max((len(k) for k in data), default=0)
    return "\n".join(f"{k:<{width}}  {v}" for k, v in data.items())


def key_json(cmk: Cmk, kms: KmsBackend) -> dict[str, Any]:
    """A key in the API's names: ``realm`` is the region the KMS named (``local`` for the
    local engine), ``kcv`` what the KMS reports (empty where it reports none)."""
    data: dict[str, Any] = key_details(cmk, region="local" if kms.is_local else "")
    data["kcv"] = cmk.kcv or ""
    if cmk.key_spec.is_asymmetric:
        data["public_key_fingerprint"] = cmk.public_key_fingerprint or ""
    data["tags"] = tags_json(cmk.tags)
    return data


def key_human(cmk: Cmk, recorded: ImportEntry | None = None) -> str:
    """A key for people. Material presence follows the key's state where the KMS reports no
    KCV; the expiry is what the KMS said; the KCV is the KMS's, or the import record's,
    labelled as such (``recorded``)."""
    from app.material.import_items import format_time

    rows = {
        "Alias": cmk.alias,
        "Key ID": cmk.key_id,
        "State": cmk.state.label,
        "Origin": cmk.origin.label,
        "Key spec": cmk.key_spec.value,
        "Key usage": cmk.key_usage.value,
        "Description": cmk.description or "-",
        "Created": format_time(cmk.created_ms / 1000),
        "Material expires": _expiry_text(cmk),
        "KCV": _kcv_text(cmk, recorded),
    }
    if cmk.key_spec.is_asymmetric:
        del rows["KCV"]
        rows["Public key SHA-256"] = cmk.public_key_fingerprint or "- (no material)"
    rows |= {
        "Tags": ", ".join(f"{t.key}={t.value}" for t in cmk.tags) or "-",
    }
    if cmk.deletion_ms is not None:
        rows["Deletion date"] = format_time(cmk.deletion_ms / 1000)
    return table(rows)


def _expiry_text(cmk: Cmk) -> str:
    from app.material.import_items import format_time

    if not cmk.material_known:
        return "unknown (this KMS does not say whether the key holds material)"
    if not cmk.has_material:
        return "- (no material)"
    if cmk.material_expires_ms is None:
        return "never"
    return format_time(cmk.material_expires_ms / 1000)


def _kcv_text(cmk: Cmk, recorded: ImportEntry | None) -> str:
    if cmk.reports_kcv:
        return cmk.kcv or "- (no material)"
    if not cmk.has_material and cmk.material_known:
        return "- (no material)"
    if recorded is None or not recorded.kcv:
        return "not reported by this KMS, and no import of it is recorded here"
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(recorded.time_ms / 1000))
    return f"{recorded.kcv} (recorded at import on {when}; this KMS does not report one)"


def recorded_material(kms: KmsBackend, cmk: Cmk) -> ImportEntry | None:
    """The import record's latest import into ``cmk`` with a KCV, where the KMS reports
    none (None on a KMS that reports one)."""
    if cmk.reports_kcv:
        return None
    from app.backends.import_record import ImportRecord

    return ImportRecord().material_of(kms.where, cmk.key_id)


def emit_key(args: argparse.Namespace, cmk: Cmk, kms: KmsBackend) -> int:
    """Print a key (describe-key's fields, its KCV and tags); the command's exit status.
    ``--json`` adds ``recorded_kcv`` on a KMS that reports no KCV (null when none)."""
    recorded = recorded_material(kms, cmk)
    data = key_json(cmk, kms)
    if not cmk.reports_kcv:
        data["recorded_kcv"] = recorded.kcv if recorded else None
    emit(args, data, key_human(cmk, recorded))
    return 0


def parse_tag(text: str) -> Tag:
    """A tag from ``KEY=VALUE``."""
    key, sep, value = text.partition("=")
    if not sep:
        raise CliFailure(f"{text!r} is not KEY=VALUE.")
    return Tag(key, value)
