"""What the command handlers share: the backend a command works on, and printing its result
(``--json`` prints the API's field names, else a table for people)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from app.backends.base import KmsBackend
from app.backends.factory import BackendSettings, open_backend
from app.cli.errors import CliFailure
from app.model.api_format import key_details, tags_json
from app.model.keys import Cmk, Tag


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


def key_json(cmk: Cmk) -> dict[str, Any]:
    data: dict[str, Any] = key_details(cmk)
    data["kcv"] = cmk.kcv or ""
    data["tags"] = tags_json(cmk.tags)
    return data


def key_human(cmk: Cmk) -> str:
    from app.material.import_items import format_time

    rows = {
        "Alias": cmk.alias,
        "Key ID": cmk.key_id,
        "State": cmk.state.label,
        "Origin": cmk.origin.label,
        "Key spec": cmk.key_spec.value,
        "Description": cmk.description or "-",
        "Created": format_time(cmk.created_ms / 1000),
        "Material expires": "never"
        if cmk.material_expires_ms is None or not cmk.kcv
        else format_time(cmk.material_expires_ms / 1000),
        "KCV": cmk.kcv or "- (no material)",
        "Tags": ", ".join(f"{t.key}={t.value}" for t in cmk.tags) or "-",
    }
    if cmk.deletion_ms is not None:
        rows["Deletion date"] = format_time(cmk.deletion_ms / 1000)
    return table(rows)


def emit_key(args: argparse.Namespace, cmk: Cmk) -> int:
    """Print a key (describe-key's fields, its KCV and tags); the command's exit status."""
    emit(args, key_json(cmk), key_human(cmk))
    return 0


def parse_tag(text: str) -> Tag:
    """A tag from ``KEY=VALUE``."""
    key, sep, value = text.partition("=")
    if not sep:
        raise CliFailure(f"{text!r} is not KEY=VALUE.")
    return Tag(key, value)
