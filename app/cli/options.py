"""The global options (store, connection, ``--json``), accepted before and after the
command (``keyferry create-key --alias a --json``, as people type them), and ``add_command``,
which every command group uses to add its commands."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeAlias

Handler = Callable[[argparse.Namespace], int]
#: What ``add_subparsers()`` returns (argparse types it only in its stubs).
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

GROUP_TITLE = "store and connection"


def add_global_options(parser: argparse.ArgumentParser, *, after_command: bool = False) -> None:
    """The options every command shares. ``after_command``: the copy a command's own parser
    carries, which sets nothing unless given (so it never hides what came before the
    command), and, given both before and after, the later one wins."""
    group = parser.add_argument_group(GROUP_TITLE + (" (also before the command)" * after_command))

    def option(*names: str, **kwargs: object) -> None:
        if after_command:
            kwargs["default"] = argparse.SUPPRESS
        group.add_argument(*names, **kwargs)  # type: ignore[arg-type]

    option(
        "--data-dir",
        type=Path,
        default=None,
        help="the local store's folder (default: $KEYFERRY_DATA_DIR or the user data folder)",
    )
    option(
        "--master-key-file",
        type=Path,
        default=os.environ.get("KEYFERRY_MASTER_KEY_FILE") or None,
        help="keep the master key in this file (0600) instead of the system "
        "keyring; also $KEYFERRY_MASTER_KEY_FILE",
    )
    option(
        "--project",
        "--project-id",
        dest="project",
        default=None,
        help="the project (namespace) of the keys (default: 'default'); with "
        "--endpoint, the project ID on the remote KMS",
    )
    option(
        "--endpoint",
        metavar="URL",
        help="work on a remote Huawei-compatible KMS at URL (https://..., or "
        "http://127.0.0.1:8080 for 'keyferry serve'); needs --project-id",
    )
    option(
        "--access-key-id",
        metavar="AK",
        help="the access key ID for --endpoint (default: $KEYFERRY_ACCESS_KEY); "
        "its secret comes from $KEYFERRY_SECRET_KEY or the keyring",
    )
    option(
        "--insecure-http",
        action="store_true",
        default=False,
        help="allow a plain http:// --endpoint on another machine (requests and their "
        "signatures travel unencrypted); http:// to this machine needs no flag",
    )
    option(
        "--ca-file",
        metavar="PEM",
        help="trust the certificates in this PEM file (a corporate CA) for an https "
        "--endpoint or --profile; saved with 'profile save'",
    )
    option(
        "--https-proxy",
        metavar="URL",
        help="reach an https --endpoint or --profile through this proxy (http://host:port; "
        "a proxy needing a password goes in $HTTPS_PROXY); saved with 'profile save'",
    )
    option(
        "--profile",
        metavar="NAME",
        help="work on the remote KMS of a saved profile ('keyferry profile')",
    )
    option("--json", action="store_true", default=False, help="print JSON with the API's names")


def add_command(
    commands: Commands, name: str, help_text: str, handler: Handler | None = None
) -> argparse.ArgumentParser:
    """A command ``name`` that runs ``handler``; its own arguments are added to the parser
    returned. (A command with actions of its own, like ``profile``, sets no handler and adds
    its actions with ``add_command`` on its own ``add_subparsers()``.)"""
    parser = commands.add_parser(name, help=help_text, description=help_text)
    if handler is not None:
        parser.set_defaults(handler=handler)
    return parser


def add_global_options_to_commands(
    parser: argparse.ArgumentParser, shared: argparse.ArgumentParser | None = None
) -> None:
    """Give every command (and every action of a command) its copy of the global options,
    after its own arguments, so its usage line shows those first."""
    if shared is None:
        shared = argparse.ArgumentParser(add_help=False)
        add_global_options(shared, after_command=True)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                command._add_container_actions(shared)  # parents=[shared], but last
                add_global_options_to_commands(command, shared)


def key_arg(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The KEY_ID positional most commands take."""
    parser.add_argument("key_id", metavar="KEY_ID", help="the key's ID")
    return parser
