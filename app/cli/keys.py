"""Keys: ``create-key``, ``describe-key``, ``list-keys``, ``update-key-alias`` and
``update-key-description``."""

from __future__ import annotations

import argparse
import sys

from app.cli.common import backend, emit, emit_key, key_json, parse_tag
from app.cli.options import Commands, add_command, key_arg
from app.model.keys import IMPORTABLE_SPECS, KeySpec, KeyState, KeyUsage, Origin


def register(commands: Commands) -> None:
    create = add_command(
        commands, "create-key", "create a key (origin external: empty material)", create_key
    )
    create.add_argument("--alias", required=True)
    create.add_argument("--description", default="")
    create.add_argument("--tag", action="append", default=[], metavar="KEY=VALUE")
    create.add_argument(
        "--origin",
        choices=["external", "kms"],
        default="external",
        help="external: you import the material (default); kms: KMS makes it",
    )
    create.add_argument(
        "--key-spec",
        choices=[s.value for s in IMPORTABLE_SPECS],
        default=KeySpec.AES_256.value,
        help="the key algorithm (default AES_256)",
    )
    create.add_argument(
        "--key-usage",
        choices=["ENCRYPT_DECRYPT", "SIGN_VERIFY"],
        help="fixed for the key's life (default: SIGN_VERIFY for RSA and EC, "
        "ENCRYPT_DECRYPT for AES; EC keys only sign)",
    )
    key_arg(add_command(commands, "describe-key", "show a key", describe_key))
    listing = add_command(commands, "list-keys", "list keys", list_keys)
    listing.add_argument("--limit", type=int)
    listing.add_argument("--marker")
    listing.add_argument(
        "--state", type=int, choices=range(1, 6), metavar="1..5", help="only keys in this state"
    )
    alias = key_arg(add_command(commands, "update-key-alias", "change a key's alias", update_alias))
    alias.add_argument("--alias", required=True)
    description = key_arg(
        add_command(
            commands, "update-key-description", "change a key's description", update_description
        )
    )
    description.add_argument("--description", required=True)


def create_key(args: argparse.Namespace) -> int:
    with backend(args) as kms:
        cmk = kms.create_key(
            alias=args.alias,
            description=args.description,
            origin=Origin(args.origin),
            tags=[parse_tag(t) for t in args.tag],
            key_spec=KeySpec(args.key_spec),
            key_usage=KeyUsage(args.key_usage) if args.key_usage else None,
        )
    return emit_key(args, cmk, kms)


def describe_key(args: argparse.Namespace) -> int:
    with backend(args) as kms:
        return emit_key(args, kms.describe_key(key_id=args.key_id), kms)


def list_keys(args: argparse.Namespace) -> int:
    """A page of keys; with ``--json`` each with its tags (a remote listing carries none,
    so they are fetched key by key)."""
    from app.backends.base import with_tags

    with backend(args) as kms:
        page = kms.list_keys(
            limit=args.limit,
            marker=args.marker,
            key_state=KeyState(args.state) if args.state else None,
        )
        keys = with_tags(kms, page.keys) if args.json else page.keys
    if args.json:
        emit(
            args,
            {
                "keys": [k.key_id for k in page.keys],
                "key_details": [key_json(k, kms) for k in keys],
                "next_marker": page.next_marker or "",
                "truncated": "true" if page.truncated else "false",
                "total": page.total,
            },
        )
        return 0
    for k in page.keys:
        print(f"{k.key_id}  {k.state.label:<17} {k.origin.label:<8} {k.alias}")
    more = f"; more after marker {page.next_marker}" if page.truncated else ""
    print(f"{len(page.keys)} of {page.total} keys{more}", file=sys.stderr)
    return 0


def update_alias(args: argparse.Namespace) -> int:
    with backend(args) as kms:
        return emit_key(args, kms.update_key_alias(key_id=args.key_id, alias=args.alias), kms)


def update_description(args: argparse.Namespace) -> int:
    with backend(args) as kms:
        return emit_key(
            args,
            kms.update_key_description(key_id=args.key_id, description=args.description),
            kms,
        )
