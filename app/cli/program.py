"""The ``keyferry`` command: one parser of every command group, and running what it read.

Errors go to stderr as ``error KMS.XXXX: message`` with exit status 1 (2 for usage and setup
problems); ``--json`` prints the API's field names.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from app import __version__
from app.cli import data, importing, keys, lifecycle, profiles, server, store, tags, window
from app.cli.errors import CliFailure
from app.cli.options import add_global_options, add_global_options_to_commands
from app.model.errors import KmsError, SetupError

#: The command groups, in the order ``keyferry --help`` lists their commands.
GROUPS = (window, keys, importing, lifecycle, tags, data, store, server, profiles)


def default_data_dir() -> Path:
    env = os.environ.get("KEYFERRY_DATA_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("keyferry", appauthor=False))


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: the global options and every group's commands."""
    parser = argparse.ArgumentParser(
        prog="keyferry",
        description="Bring your own key material into a key management service. Without a "
        "command, opens the key list window.",
        epilog="The store and connection options go before or after the command. Docs and "
        "help: see README.md, or 'keyferry COMMAND --help'.",
    )
    parser.add_argument("--version", action="version", version=f"keyferry {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation: run the whole import flow offscreen on "
        "a temporary store (never yours), print a report, exit 0 if it works",
    )
    add_global_options(parser)
    parser.set_defaults(handler=window.open_list)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in GROUPS:
        group.register(commands)
    add_global_options_to_commands(parser)
    return parser


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The arguments (``sys.argv`` by default); ``command`` is None for the window."""
    parser = build_parser()
    args = parser.parse_args(sys.argv[1:] if argv is None else list(argv))
    if args.self_test and args.command:
        parser.error("--self-test takes no command")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    if args.self_test:
        from app.gui.self_test import run_self_test

        return run_self_test()
    args.data_dir = args.data_dir or default_data_dir()
    try:
        status: int = args.handler(args)
        sys.stdout.flush()  # here, where a closed pipe is caught below, not at exit
        return status
    except KmsError as error:
        print(f"error {error.code}: {error.message}", file=sys.stderr)
        return 1
    except (SetupError, CliFailure) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `keyferry list-keys | head`: the reader left; no traceback
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's final flush is quiet
        return 141
