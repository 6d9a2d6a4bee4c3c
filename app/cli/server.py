"""Serving this store: ``serve`` (the Huawei Cloud KMS REST API) and ``server-credentials``
(the access key it accepts)."""

from __future__ import annotations

import argparse
import json

from app.cli.errors import CliFailure
from app.cli.options import Commands, add_command


def register(commands: Commands) -> None:
    serve_parser = add_command(
        commands, "serve", "serve the Huawei Cloud KMS REST API on this store", serve
    )
    serve_parser.description = (
        "Serve the Huawei Cloud KMS REST API over the local "
        "store, for the official SDK and other clients."
    )
    serve_parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: this machine only)",
    )
    serve_parser.add_argument("--port", type=int, default=8080, help="port (default 8080; 0: any)")
    creds = add_command(
        commands,
        "server-credentials",
        "show the access key that 'keyferry serve' accepts",
        server_credentials,
    )
    creds.description = (
        "Show the access key ID that 'keyferry serve' accepts "
        "(made and kept in the keyring on first use)."
    )
    creds.add_argument(
        "--show-secret",
        action="store_true",
        help="also print the secret key (to configure a client)",
    )


def serve(args: argparse.Namespace) -> int:
    from app.server.serve import serve as serve_api

    if not 0 <= args.port <= 65535:
        raise CliFailure("--port must be 0 to 65535.")
    return serve_api(
        data_dir=args.data_dir, host=args.host, port=args.port, master_key_file=args.master_key_file
    )


def server_credentials(args: argparse.Namespace) -> int:
    from app.server.credentials import server_credentials as credentials

    pair = credentials()
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
