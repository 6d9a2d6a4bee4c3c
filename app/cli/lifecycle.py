"""A key's lifecycle: ``enable-key``, ``disable-key``, ``schedule-key-deletion`` and
``cancel-key-deletion``."""

from __future__ import annotations

import argparse

from app.cli.common import backend, emit_key
from app.cli.options import Commands, add_command, key_arg


def register(commands: Commands) -> None:
    key_arg(add_command(commands, "enable-key", "enable a Disabled key", enable_key))
    key_arg(add_command(commands, "disable-key", "disable an Enabled key", disable_key))
    schedule = key_arg(
        add_command(
            commands,
            "schedule-key-deletion",
            "delete a key after 7 to 1096 days",
            schedule_deletion,
        )
    )
    schedule.add_argument("--pending-days", type=int, required=True)
    key_arg(
        add_command(commands, "cancel-key-deletion", "cancel a scheduled deletion", cancel_deletion)
    )


def enable_key(args: argparse.Namespace) -> int:
    with backend(args) as kms:
        return emit_key(args, kms.enable_key(key_id=args.key_id), kms)


def disable_key(args: argparse.Namespace) -> int:
    with backend(args) as kms:
        return emit_key(args, kms.disable_key(key_id=args.key_id), kms)


def schedule_deletion(args: argparse.Namespace) -> int:
    with backend(args) as kms:
        return emit_key(
            args,
            kms.schedule_key_deletion(key_id=args.key_id, pending_days=args.pending_days),
            kms,
        )


def cancel_deletion(args: argparse.Namespace) -> int:
    with backend(args) as kms:
        return emit_key(args, kms.cancel_key_deletion(key_id=args.key_id), kms)
