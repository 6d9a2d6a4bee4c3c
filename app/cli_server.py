"""The ``keyferry`` parts about servers and connections: ``serve``, ``server-credentials``,
``profile save|list|delete``, and the global options that point a command at a remote KMS
(``--endpoint``, ``--access-key-id``, ``--profile``; ``--project-id`` is ``--project``).

Kept apart from ``cli.py`` so the command line's core stays small; ``cli.py`` calls
``add_connection_options`` and ``add_commands``.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys

from app.cli_errors import CliFailure


def add_connection_options(group: argparse._ArgumentGroup) -> None:
    group.add_argument(
        "--endpoint",
        metavar="URL",
        help="work on a remote Huawei-compatible KMS at URL (https://..., or "
        "http://127.0.0.1:8080 for 'keyferry serve'); needs --project-id",
    )
    group.add_argument(
        "--access-key-id",
        metavar="AK",
        help="the access key ID for --endpoint (default: $KEYFERRY_ACCESS_KEY); "
        "its secret comes from $KEYFERRY_SECRET_KEY or the keyring",
    )
    group.add_argument(
        "--profile",
        metavar="NAME",
        help="work on the remote KMS of a saved profile ('keyferry profile')",
    )


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    serve = sub.add_parser(
        "serve",
        help="serve the Huawei Cloud KMS REST API on this store",
        description="Serve the Huawei Cloud KMS REST API over the local "
        "store, for the official SDK and other clients.",
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: this machine only)",
    )
    serve.add_argument("--port", type=int, default=8080, help="port (default 8080; 0: any)")
    creds = sub.add_parser(
        "server-credentials",
        help="show the access key that 'keyferry serve' accepts",
        description="Show the access key ID that 'keyferry serve' accepts "
        "(made and kept in the keyring on first use).",
    )
    creds.add_argument(
        "--show-secret",
        action="store_true",
        help="also print the secret key (to configure a client)",
    )
    profile = sub.add_parser(
        "profile",
        help="save, list or delete remote KMS connections",
        description="Saved connections to remote KMSs. The secret key "
        "goes to the keyring, never to the profiles file.",
    )
    actions = profile.add_subparsers(dest="profile_action", metavar="ACTION", required=True)
    save = actions.add_parser(
        "save",
        help="save --endpoint, --project-id and --access-key-id "
        "as a profile; the secret key from $KEYFERRY_SECRET_KEY, stdin "
        "or a prompt goes to the keyring",
    )
    save.add_argument("name", metavar="NAME")
    save.add_argument(
        "--secret-from-stdin",
        action="store_true",
        help="read the secret key from the first line of stdin",
    )
    actions.add_parser("list", help="list saved profiles")
    delete = actions.add_parser(
        "delete", help="delete a profile (and its secret, if no other profile uses its access key)"
    )
    delete.add_argument("name", metavar="NAME")


def _serve(args: argparse.Namespace) -> int:
    from app.server.serve import serve

    if not 0 <= args.port <= 65535:
        raise CliFailure("--port must be 0 to 65535.")
    return serve(
        data_dir=args.data_dir, host=args.host, port=args.port, master_key_file=args.master_key_file
    )


def _server_credentials(args: argparse.Namespace) -> int:
    from app.server.credentials import server_credentials

    pair = server_credentials()
    data = {"access_key_id": pair.access_key_id, "source": pair.source}
    if args.show_secret:
        data["secret_key"] = pair.secret_key
    if args.json:
        print(json.dumps(data, indent=2))
        return 0
    print(f"Access key ID: {pair.access_key_id} (from the {pair.source})")
    if args.show_secret:
        print(f"Secret key:    {pair.secret_key}")
    else:
        print("Secret key:    not shown; add --show-secret to print it")
    return 0


def _read_secret(args: argparse.Namespace) -> str:
    from app.backends.factory import ENV_SECRET_KEY

    if args.secret_from_stdin:
        return sys.stdin.readline().strip()
    if os.environ.get(ENV_SECRET_KEY):
        return os.environ[ENV_SECRET_KEY]
    if not sys.stdin.isatty():
        raise CliFailure(f"Give the secret key in ${ENV_SECRET_KEY}, or with --secret-from-stdin.")
    return getpass.getpass("Secret key (kept in the keyring): ").strip()


def _profile(args: argparse.Namespace) -> int:
    from app.backends.factory import remote_settings
    from app.backends.profiles import Profile, ProfileStore, RemoteSecrets

    store = ProfileStore()
    if args.profile_action == "list":
        profiles = store.all()
        if args.json:
            print(
                json.dumps(
                    {
                        n: {
                            "endpoint": p.endpoint,
                            "project_id": p.project_id,
                            "access_key_id": p.access_key_id,
                        }
                        for n, p in profiles.items()
                    },
                    indent=2,
                )
            )
        for p in profiles.values() if not args.json else ():
            print(f"{p.name}  {p.endpoint}  project {p.project_id}  key {p.access_key_id}")
        return 0
    if args.profile_action == "delete":
        gone = store.get(args.name)
        store.delete(args.name)
        if all(p.access_key_id != gone.access_key_id for p in store.all().values()):
            RemoteSecrets().delete(gone.access_key_id)
        print(f"Deleted the profile {args.name}.")
        return 0
    settings = remote_settings(argparse.Namespace(**{**vars(args), "profile": None}))
    if settings is None:
        raise CliFailure("profile save needs --endpoint URL --project-id ID and an access key ID.")
    secret = _read_secret(args)
    if not secret:
        raise CliFailure("The secret key is empty.")
    saved = store.save(
        Profile(args.name, settings.endpoint, settings.project_id, settings.access_key_id)
    )
    RemoteSecrets().set(saved.access_key_id, secret)
    del secret
    print(
        f"Saved the profile {saved.name}: {saved.endpoint}, project {saved.project_id}; "
        "the secret key is in the keyring."
    )
    return 0


#: The handlers of this module's commands (``cli.py`` adds them to ``cli_ops.COMMANDS``'s).
COMMANDS = {"serve": _serve, "server-credentials": _server_credentials, "profile": _profile}
