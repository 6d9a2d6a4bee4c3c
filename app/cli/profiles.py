"""Saved connections to remote KMSs: ``profile save|list|delete``. The secret key goes to
the keyring, never to the profiles file (nor to the command line, which others can read)."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from app.cli.common import settings
from app.cli.errors import CliFailure
from app.cli.options import Commands, add_command

if TYPE_CHECKING:
    from app.backends.factory import RemoteSettings


def register(commands: Commands) -> None:
    profile = add_command(commands, "profile", "save, list or delete remote KMS connections")
    profile.description = (
        "Saved connections to remote KMSs. The secret key "
        "goes to the keyring, never to the profiles file."
    )
    actions = profile.add_subparsers(dest="profile_action", metavar="ACTION", required=True)
    save_parser = add_command(
        actions,
        "save",
        "connect to --endpoint with --project-id and --access-key-id (and --ca-file, "
        "--https-proxy), then save them as a profile; the secret key from "
        "$KEYFERRY_SECRET_KEY, stdin or a prompt goes to the keyring",
        save,
    )
    save_parser.add_argument("name", metavar="NAME")
    save_parser.add_argument(
        "--secret-from-stdin",
        action="store_true",
        help="read the secret key from the first line of stdin",
    )
    save_parser.add_argument(
        "--no-check",
        action="store_true",
        help="save without first connecting to the KMS (which lists one key to prove the "
        "endpoint, project and access key work)",
    )
    add_command(actions, "list", "list saved profiles", list_profiles)
    delete_parser = add_command(
        actions,
        "delete",
        "delete a profile (and its secret, if no other profile uses its access key)",
        delete,
    )
    delete_parser.add_argument("name", metavar="NAME")


def list_profiles(args: argparse.Namespace) -> int:
    from app.backends.profiles import ProfileStore

    profiles = ProfileStore().all()
    if args.json:
        fields = {
            n: {
                "endpoint": p.endpoint,
                "project_id": p.project_id,
                "access_key_id": p.access_key_id,
                "ca_file": p.ca_file,
                "https_proxy": p.https_proxy,
            }
            for n, p in profiles.items()
        }
        print(json.dumps(fields, indent=2))
        return 0
    for p in profiles.values():
        network = (f"  CA {p.ca_file}" if p.ca_file else "") + (
            f"  proxy {p.https_proxy}" if p.https_proxy else ""
        )
        print(f"{p.name}  {p.endpoint}  project {p.project_id}  key {p.access_key_id}{network}")
    return 0


def delete(args: argparse.Namespace) -> int:
    from app.backends.profiles import ProfileStore, RemoteSecrets

    store = ProfileStore()
    gone = store.get(args.name)
    store.delete(args.name)
    if all(p.access_key_id != gone.access_key_id for p in store.all().values()):
        RemoteSecrets().delete(gone.access_key_id)
    print(f"Deleted the profile {args.name}.")
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


def save(args: argparse.Namespace) -> int:
    from app.backends.factory import remote_settings
    from app.backends.profiles import Profile, ProfileStore, RemoteSecrets, checked, save_profile

    remote = remote_settings(replace(settings(args), profile=None))
    if remote is None:
        raise CliFailure("profile save needs --endpoint URL --project-id ID and an access key ID.")
    secret = _read_secret(args)
    if not secret:
        raise CliFailure("The secret key is empty.")
    profile = Profile(
        args.name,
        remote.endpoint,
        remote.project_id,
        remote.access_key_id,
        insecure_http=remote.insecure_http,
        ca_file=remote.ca_file,
        https_proxy=remote.https_proxy,
    )
    checked(profile)  # its own refusals first, before any network
    if not args.no_check:
        _connect(remote, secret)
    saved = save_profile(profile, secret, store=ProfileStore(), secrets=RemoteSecrets())
    del secret
    print(
        f"Saved the profile {saved.name}: {saved.endpoint}, project {saved.project_id}; "
        "the secret key is in the keyring."
    )
    return 0


def _connect(remote: RemoteSettings, secret: str) -> None:
    """Reach the KMS with one cheap call, so a wrong endpoint, project or access key is
    said now rather than at the profile's first use; any failure saves nothing."""
    from app.backends.factory import open_remote

    backend = open_remote(remote, secret_key=secret)
    try:
        total = backend.list_keys(limit=1).total
    finally:
        backend.close()
    print(f"Connected: project {remote.project_id} holds {total} key(s).")
