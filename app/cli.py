"""The ``keyferry`` command: the GUI without arguments, and a subcommand per API operation.

Errors go to stderr as ``error KMS.XXXX: message`` with exit status 1 (2 for usage and setup
problems); ``--json`` prints the API's field names.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from app import __version__, cli_server
from app.cli_errors import CliFailure
from app.model.errors import KmsError, SetupError
from app.model.importing import WrappingAlgorithm

ALGORITHMS = [a.value for a in WrappingAlgorithm]
#: Commands that open a window: started here, without loading the handlers of the others.
WINDOW_COMMANDS = {"gui": "list", "wizard": "wizard"}


def default_data_dir() -> Path:
    env = os.environ.get("KEYFERRY_DATA_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("keyferry", appauthor=False))


class _OptionsOnly(argparse.ArgumentParser):
    """The options of the command line and nothing that acts: no help, no version, and any
    error hands the command line over to the whole parser (see ``parse``)."""

    def error(self, message: str) -> NoReturn:
        raise _WholeParser(message)


class _WholeParser(Exception):
    pass


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The command line; without ``commands``, only its options (see ``parse``)."""
    parser = (argparse.ArgumentParser if commands else _OptionsOnly)(
        prog="keyferry",
        description="Bring your own key material into a key management service. Without a "
        "command, opens the key list window.",
        epilog="Docs and help: see README.md, or 'keyferry COMMAND --help'.",
        add_help=commands,
        exit_on_error=commands,
    )
    if commands:  # --version acts at once: on the whole parser only, which reads it in place
        parser.add_argument("--version", action="version", version=f"keyferry {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation: run the whole import flow offscreen on "
        "a temporary store (never yours), print a report, exit 0 if it works",
    )
    _add_global_options(parser)
    if not commands:
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_gui_commands(sub)
    _add_key_commands(sub)
    _add_import_commands(sub)
    _add_lifecycle_commands(sub)
    _add_tag_commands(sub)
    _add_data_commands(sub)
    _add_store_commands(sub)
    cli_server.add_commands(sub)
    return parser


def _add_global_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("store and connection")
    group.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="the local store's folder (default: $KEYFERRY_DATA_DIR or the user data folder)",
    )
    group.add_argument(
        "--master-key-file",
        type=Path,
        default=os.environ.get("KEYFERRY_MASTER_KEY_FILE") or None,
        help="keep the master key in this file (0600) instead of the system "
        "keyring; also $KEYFERRY_MASTER_KEY_FILE",
    )
    group.add_argument(
        "--project",
        "--project-id",
        dest="project",
        default=None,
        help="the project (namespace) of the keys (default: 'default'); with "
        "--endpoint, the project ID on the remote KMS",
    )
    cli_server.add_connection_options(group)
    group.add_argument("--json", action="store_true", help="print JSON with the API's names")


def _command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str, help_text: str
) -> argparse.ArgumentParser:
    return sub.add_parser(name, help=help_text, description=help_text)


def _key_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("key_id", metavar="KEY_ID", help="the key's ID")


def _add_gui_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    _command(sub, "gui", "open the key list window (the default)")
    wizard = _command(sub, "wizard", "open the Import Key wizard alone")
    wizard.add_argument("--key-id", help="resume the import of an existing Pending import key")


def _add_key_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    create = _command(sub, "create-key", "create a key (origin external: empty material)")
    create.add_argument("--alias", required=True)
    create.add_argument("--description", default="")
    create.add_argument("--tag", action="append", default=[], metavar="KEY=VALUE")
    create.add_argument(
        "--origin",
        choices=["external", "kms"],
        default="external",
        help="external: you import the material (default); kms: KMS makes it",
    )
    _key_arg(_command(sub, "describe-key", "show a key"))
    listing = _command(sub, "list-keys", "list keys")
    listing.add_argument("--limit", type=int)
    listing.add_argument("--marker")
    listing.add_argument(
        "--state", type=int, choices=range(1, 6), metavar="1..5", help="only keys in this state"
    )
    alias = _command(sub, "update-key-alias", "change a key's alias")
    _key_arg(alias)
    alias.add_argument("--alias", required=True)
    description = _command(sub, "update-key-description", "change a key's description")
    _key_arg(description)
    description.add_argument("--description", required=True)


def _add_import_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    params = _command(
        sub,
        "get-parameters-for-import",
        "download the wrapping key, import token and README into a folder",
    )
    _key_arg(params)
    params.add_argument("--wrapping-algorithm", choices=ALGORITHMS, default=ALGORITHMS[0])
    params.add_argument("--out-dir", type=Path, required=True)
    wrap = _command(sub, "wrap", "wrap 32 bytes of key material with a wrapping key")
    wrap.add_argument("--wrapping-key", type=Path, required=True)
    wrap.add_argument("--algorithm", choices=ALGORITHMS, required=True)
    source = wrap.add_mutually_exclusive_group(required=True)
    source.add_argument("--material", type=Path, help="a file of exactly 32 raw bytes")
    source.add_argument(
        "--generate",
        type=Path,
        metavar="FILE",
        help="generate 32 random bytes and save the plaintext here (0600)",
    )
    wrap.add_argument("--out", type=Path, required=True)
    imp = _command(sub, "import-key-material", "import wrapped key material")
    _key_arg(imp)
    imp.add_argument(
        "--material",
        type=Path,
        required=True,
        help="the encrypted material file (EncryptedKeyMaterial.bin)",
    )
    imp.add_argument("--token", type=Path, required=True, help="the importToken_... file")
    expiry = imp.add_mutually_exclusive_group(required=True)
    expiry.add_argument("--never-expires", action="store_true")
    expiry.add_argument(
        "--expires-at",
        metavar="ISO8601",
        help="when the material expires, e.g. 2027-01-31T18:00 (local time "
        "unless it has an offset)",
    )
    _key_arg(
        _command(
            sub,
            "delete-imported-key-material",
            "delete a key's imported material (the key goes to Pending import)",
        )
    )
    kcv = _command(sub, "kcv", "print the key check value of a plaintext material file")
    kcv.add_argument("--material", type=Path, required=True)


def _add_lifecycle_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    _key_arg(_command(sub, "enable-key", "enable a Disabled key"))
    _key_arg(_command(sub, "disable-key", "disable an Enabled key"))
    schedule = _command(sub, "schedule-key-deletion", "delete a key after 7 to 1096 days")
    _key_arg(schedule)
    schedule.add_argument("--pending-days", type=int, required=True)
    _key_arg(_command(sub, "cancel-key-deletion", "cancel a scheduled deletion"))


def _add_tag_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    create = _command(sub, "create-tag", "add a tag (or change its value)")
    _key_arg(create)
    create.add_argument("tag", metavar="KEY=VALUE")
    batch = _command(sub, "batch-create-tags", "add several tags")
    _key_arg(batch)
    batch.add_argument("tags", nargs="+", metavar="KEY=VALUE")
    remove = _command(sub, "batch-delete-tags", "remove several tags")
    _key_arg(remove)
    remove.add_argument("tags", nargs="+", metavar="KEY")
    _key_arg(_command(sub, "show-tags", "show a key's tags"))
    delete = _command(sub, "delete-tag", "remove one tag")
    _key_arg(delete)
    delete.add_argument("tag_key", metavar="KEY")


def _add_data_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    enc = _command(sub, "encrypt-data", "encrypt a file of up to 4096 bytes")
    _key_arg(enc)
    enc.add_argument("--in", dest="infile", type=Path, required=True)
    enc.add_argument("--out", type=Path, required=True, help="receives the API's cipher_text")
    enc.add_argument("--aad", default="", help="additional authenticated data (text)")
    dec = _command(sub, "decrypt-data", "decrypt a cipher_text file")
    dec.add_argument("--in", dest="infile", type=Path, required=True)
    dec.add_argument("--out", type=Path, required=True)
    dec.add_argument("--aad", default="")
    dk = _command(sub, "create-datakey", "create a data key (printed as hex)")
    _key_arg(dk)
    dk.add_argument("--length", type=int, default=256, help="bits (default 256)")
    dk.add_argument("--without-plaintext", action="store_true")
    ddk = _command(sub, "decrypt-datakey", "decrypt a data key's hex cipher_text")
    _key_arg(ddk)
    ddk.add_argument("cipher_text", metavar="HEX")
    edk = _command(sub, "encrypt-datakey", "encrypt a data key given as hex")
    _key_arg(edk)
    edk.add_argument("datakey", metavar="HEX")


def _add_store_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = _command(sub, "backup", "write a passphrase-sealed backup of the local store")
    backup.add_argument("--out", type=Path, required=True, help="a new file")
    restore = _command(sub, "restore", "restore a backup into an empty --data-dir")
    restore.add_argument("--from", dest="source", type=Path, required=True)
    for command in (backup, restore):
        command.epilog = (
            "The passphrase is asked for on the terminal, or read from "
            "$KEYFERRY_BACKUP_PASSPHRASE when there is none."
        )


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The arguments. A command line of options alone (``keyferry``, ``keyferry --data-dir
    D``: the window) is read by a parser of the options only; building the forty commands'
    parsers is ~10 ms of the window's start. Anything else, help and errors included, goes to
    the whole parser, which reads it exactly as before."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args, rest = build_parser(commands=False).parse_known_args(argv)
    except (argparse.ArgumentError, _WholeParser):
        rest = ["(the whole parser says what is wrong)"]
    if not rest:
        args.command = None
        return args
    return build_parser().parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    if args.self_test:
        if args.command:
            build_parser().error("--self-test takes no command")
        from app.gui.self_test import run_self_test

        return run_self_test()
    args.data_dir = args.data_dir or default_data_dir()
    command = args.command or "gui"
    try:
        status = _run(command, args)
        sys.stdout.flush()  # here, where a closed pipe is caught below, not at exit
        return status
    except KmsError as error:
        print(f"error {error.code}: {error.message}", file=sys.stderr)
        return 1
    except SetupError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except CliFailure as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `keyferry list-keys | head`: the reader left; no traceback
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's final flush is quiet
        return 141


def _run(command: str, args: argparse.Namespace) -> int:
    if command in WINDOW_COMMANDS:
        from app.gui.app import run_gui

        return run_gui(args, start=WINDOW_COMMANDS[command])
    from app.cli_ops import COMMANDS

    handler = COMMANDS.get(command) or cli_server.COMMANDS[command]
    return handler(args)


if __name__ == "__main__":
    sys.exit(main())
