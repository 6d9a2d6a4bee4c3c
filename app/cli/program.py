"""The ``keyferry`` command: one parser of every command group, and running what it read.

Errors go to stderr as ``error KMS.XXXX: message`` with exit status 1 (2 for usage and setup
problems, 3 when a change's answer was lost and its outcome is unknown); a change made whose
later step failed (NET.0008) is a success with a warning on stderr. ``--json`` prints the
API's field names.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence

from app import __version__
from app.backends.factory import default_data_dir
from app.backends.outcomes import ChangeMade, OutcomeUnknown
from app.cli import (
    asym,
    audit,
    data,
    hsm,
    importing,
    keys,
    lifecycle,
    profiles,
    record,
    server,
    store,
    tags,
    window,
)
from app.cli.errors import CliFailure
from app.cli.options import add_global_options, add_global_options_to_commands
from app.model.errors import KmsError, SetupError

log = logging.getLogger(__name__)

#: A change whose answer was lost and whose outcome could not be found out (NET.0007).
EXIT_UNKNOWN = 3

#: The command groups, in the order ``keyferry --help`` lists their commands.
GROUPS = (
    window,
    keys,
    importing,
    hsm,
    asym,
    record,
    lifecycle,
    tags,
    data,
    store,
    audit,
    server,
    profiles,
)


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
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        _refuse_bytes_as_text(args)
        status: int = args.handler(args)
        sys.stdout.flush()  # here, where a failed write is caught below, not at exit
        return status
    except ChangeMade as made:  # a success with a warning: the change is there
        print(f"warning {made.code}: {made.message}", file=sys.stderr)
        if args.json:  # what a script needs to go on: the key changed
            print(json.dumps({"key_id": made.key_id, "warning": made.code}))
        return 0
    except OutcomeUnknown as unknown:  # neither success nor failure: the script must check
        print(f"error {unknown.code}: {unknown.message}", file=sys.stderr)
        return EXIT_UNKNOWN
    except KmsError as error:
        print(f"error {error.code}: {error.message}", file=sys.stderr)
        return 1
    except SetupError as error:
        print(f"error: {store.no_keyring_advice(error, args, argv)}", file=sys.stderr)
        return 2
    except CliFailure as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `keyferry list-keys | head`: the reader left; no traceback
        _quiet_stdout()
        return 141
    except OSError as error:
        return _os_failure(error)
    except Exception as error:  # a bug: one line, never a traceback over the user's terminal
        log.debug("keyferry failed", exc_info=True)
        print(
            f"error: Keyferry failed unexpectedly ({type(error).__name__}). Nothing more is "
            "known; please report it with the command you ran.",
            file=sys.stderr,
        )
        return 70  # EX_SOFTWARE


def _refuse_bytes_as_text(args: argparse.Namespace) -> None:
    """A text argument (an alias, a description, a tag, a key ID) that is not UTF-8 arrives
    holding lone surrogates (Python's surrogateescape); no KMS can store it, so it is
    refused here by name. File names are paths, and any bytes are fine in those."""
    for name, value in vars(args).items():
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and not _is_utf8(text):
                option = "--" + name.replace("_", "-") if name != "key_id" else "KEY_ID"
                raise KmsError("KMS.0308", "cli.not_utf8", option=option)


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _os_failure(error: OSError) -> int:
    """A failure of the system: most often the output itself (stdout to a full disk)."""
    _quiet_stdout()
    where = f" ({error.filename})" if error.filename else ""
    print(
        f"error: {error.strerror or error}{where}. If the command's output was being written, "
        "it is incomplete, though the command itself may have finished.",
        file=sys.stderr,
    )
    return 1


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's final flush of what could not be
    written raises nothing more at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # no stdout to quiet
