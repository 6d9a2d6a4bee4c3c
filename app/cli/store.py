"""The local store as a whole: ``init``, ``backup``, ``restore`` and ``check``. The
passphrase is asked for on the terminal, or read from $KEYFERRY_BACKUP_PASSPHRASE when there
is none. Without a system keyring, ``no_keyring_advice`` names the exact commands to run."""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path

from app.cli.common import emit
from app.cli.errors import CliFailure
from app.cli.options import Commands, add_command
from app.model.errors import KmsError, SetupError

#: What a keyring says when there is none to use (see app/engine/master_key.py).
NO_KEYRING_IDS = frozenset({"master_key.no_keyring", "keyring.failed"})


def register(commands: Commands) -> None:
    init_parser = add_command(
        commands,
        "init",
        "create the local store and its master key: in the system keyring, or in the file "
        "--master-key-file names (created 0600 in folders made 0700)",
        init,
    )
    init_parser.epilog = (
        "Whoever can read a master-key file can open the store: back it up with the store "
        "('keyferry backup'), and give the same --master-key-file (or "
        "$KEYFERRY_MASTER_KEY_FILE) to every later command."
    )
    backup_parser = add_command(
        commands, "backup", "write a passphrase-sealed backup of the local store", backup
    )
    backup_parser.add_argument("--out", type=Path, required=True, help="a new file")
    restore_parser = add_command(
        commands, "restore", "restore a backup into an empty --data-dir", restore
    )
    restore_parser.add_argument("--from", dest="source", type=Path, required=True)
    add_command(
        commands,
        "check",
        "check the local store: SQLite's integrity check, then every key's state, material "
        "and sealed values; exit 0 when all is well",
        check,
    )
    for parser in (backup_parser, restore_parser):
        parser.epilog = (
            "The passphrase is asked for on the terminal, or read from "
            "$KEYFERRY_BACKUP_PASSPHRASE when there is none."
        )


def _passphrase(confirm: bool) -> str:
    import getpass

    from_env = os.environ.get("KEYFERRY_BACKUP_PASSPHRASE")
    if from_env is not None or not sys.stdin.isatty():
        if not from_env:
            raise CliFailure(
                "No terminal to ask for the passphrase: set KEYFERRY_BACKUP_PASSPHRASE."
            )
        return from_env
    phrase = getpass.getpass("Backup passphrase: ")
    if confirm and getpass.getpass("Repeat it: ") != phrase:
        raise CliFailure("The two passphrases differ.")
    return phrase


def backup(args: argparse.Namespace) -> int:
    from app.backends.local import backup_store

    size = backup_store(
        args.data_dir, args.out, _passphrase(confirm=True), master_key_file=args.master_key_file
    )
    emit(
        args,
        {"backup_file": str(args.out), "size": size},
        f"Backup written to {args.out} ({size} bytes). Keep the passphrase: without it the "
        "backup cannot be opened.",
    )
    return 0


def restore(args: argparse.Namespace) -> int:
    from app.backends.local import restore_store

    store_id = restore_store(
        args.source, args.data_dir, _passphrase(confirm=False), master_key_file=args.master_key_file
    )
    emit(
        args,
        {"store_id": store_id, "data_dir": str(args.data_dir)},
        f"Restored store {store_id} into {args.data_dir}.",
    )
    return 0


def check(args: argparse.Namespace) -> int:
    from app.backends.local import check_store

    report = check_store(args.data_dir, master_key_file=args.master_key_file)
    emit(
        args,
        {
            "store": str(report.path),
            "keys": report.keys,
            "sealed_values_opened": report.sealed,
            "problems": list(report.problems),
        },
        "\n".join(
            [
                f"Checked {report.path}: SQLite's integrity check, then each key's state, "
                "material and sealed values.",
                f"{report.keys} keys read, {report.sealed} sealed values opened.",
                *(f"problem: {problem}" for problem in report.problems),
                "No problems found." if report.ok else "",
            ]
        ).rstrip(),
    )
    if not report.ok:
        raise KmsError("KMS.0102", "store.check_failed", count=len(report.problems))
    return 0


def init(args: argparse.Namespace) -> int:
    from app.backends.local import init_store

    store_id, where = init_store(args.data_dir, master_key_file=args.master_key_file)
    emit(
        args,
        {
            "store_id": store_id,
            "data_dir": str(args.data_dir),
            "master_key_file": str(args.master_key_file) if args.master_key_file else None,
        },
        f"Created the store {store_id} in {args.data_dir}; its master key is in {where}.",
    )
    return 0


def no_keyring_advice(
    error: SetupError, args: argparse.Namespace, argv: Sequence[str]
) -> SetupError:
    """``error`` itself, unless it says there is no keyring and no key file was given: then
    the exact commands that keep the master key in a file, with a proposed path."""
    if error.message_id not in NO_KEYRING_IDS or args.master_key_file is not None:
        return error
    from app.backends.factory import default_data_dir, proposed_master_key_file
    from app.backends.local import store_exists

    data_dir = Path(args.data_dir)
    proposed = proposed_master_key_file(data_dir)
    store = [] if data_dir == default_data_dir() else ["--data-dir", str(data_dir)]
    flag = ["--master-key-file", str(proposed)]
    command = shlex.join(["keyferry", *flag, *argv])
    if store_exists(data_dir):
        return SetupError("master_key.no_keyring_existing_store", folder=data_dir, command=command)
    init_command = shlex.join(["keyferry", *store, "init", *flag])
    return SetupError("master_key.no_keyring_new_store", init=init_command, command=command)
