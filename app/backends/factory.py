"""Choosing the backend a command or window works on, from the command line and settings.

- ``--profile NAME``: a saved connection (``profiles.py``);
- ``--endpoint URL --project-id ID``: a remote KMS, the access key ID from
  ``--access-key-id`` or ``KEYFERRY_ACCESS_KEY``;
- neither: the local engine on ``--data-dir``.

A remote secret key comes from ``KEYFERRY_SECRET_KEY`` when set, else from the keyring entry
of its access key ID; it is never a command-line argument (other users can read those).
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass, field

from app.backends.base import KmsBackend
from app.backends.profiles import (
    ProfileStore,
    RemoteSecrets,
    access_key_problem,
    endpoint_problem,
    normalise_endpoint,
    project_problem,
)
from app.model.errors import SetupError
from app.model.keys import DEFAULT_PROJECT

ENV_ACCESS_KEY = "KEYFERRY_ACCESS_KEY"
ENV_SECRET_KEY = "KEYFERRY_SECRET_KEY"  # noqa: S105 (the variable's name, not a secret)


@dataclass(frozen=True)
class RemoteSettings:
    """Where a remote KMS is and who we are to it. The secret is not part of it."""

    endpoint: str
    project_id: str
    access_key_id: str
    profile: str | None = field(default=None, compare=False)


def open_backend(
    args: argparse.Namespace, *, background: bool = True, lazily: bool = False
) -> KmsBackend:
    """The backend the arguments name: a profile, an endpoint, or the local engine.
    ``lazily``: the local engine opens at the backend's first call (see local.py)."""
    remote = remote_settings(args)
    if remote is not None:
        return open_remote(remote)
    from app.backends.local import open_local  # the engine loads when it is used

    return open_local(
        args.data_dir,
        master_key_file=args.master_key_file,
        project_id=args.project or DEFAULT_PROJECT,
        background=background,
        lazily=lazily,
    )


def remote_settings(args: argparse.Namespace) -> RemoteSettings | None:
    """The remote KMS the arguments name, or None for the local engine."""
    profile_name = getattr(args, "profile", None)
    endpoint = getattr(args, "endpoint", None)
    if profile_name:
        if endpoint:
            raise SetupError("Give either --profile or --endpoint, not both.")
        p = ProfileStore().get(profile_name)
        return RemoteSettings(p.endpoint, p.project_id, p.access_key_id, profile=p.name)
    if not endpoint:
        return None
    project_id = getattr(args, "project", None) or ""
    access_key_id = getattr(args, "access_key_id", None) or os.environ.get(ENV_ACCESS_KEY, "")
    problems = [
        endpoint_problem(endpoint),
        project_problem(project_id)
        if project_id
        else "--endpoint needs --project-id: the project of your keys on that KMS.",
        access_key_problem(access_key_id)
        if access_key_id
        else f"--endpoint needs an access key ID: --access-key-id or ${ENV_ACCESS_KEY}.",
    ]
    found = [p for p in problems if p]
    if found:
        raise SetupError(" ".join(found))
    return RemoteSettings(normalise_endpoint(endpoint), project_id.strip(), access_key_id.strip())


def secret_key_for(access_key_id: str) -> str:
    """The secret key of ``access_key_id``: the environment's (unless the environment names
    another access key), else the keyring's."""
    env_access = os.environ.get(ENV_ACCESS_KEY, "")
    secret = os.environ.get(ENV_SECRET_KEY) if env_access in ("", access_key_id) else None
    secret = secret or RemoteSecrets().get(access_key_id)
    if not secret:
        raise SetupError(
            f"No secret key for the access key {access_key_id}: set ${ENV_SECRET_KEY}, or "
            "save it in the keyring with 'keyferry profile save' or the connection dialog."
        )
    return secret


def open_remote(settings: RemoteSettings, *, secret_key: str | None = None) -> KmsBackend:
    from app.backends.huawei import HuaweiBackend  # the SDK loads only when it is used

    return HuaweiBackend(
        endpoint=settings.endpoint,
        project_id=settings.project_id,
        access_key_id=settings.access_key_id,
        secret_key=secret_key or secret_key_for(settings.access_key_id),
    )
