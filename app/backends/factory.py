"""Choosing the backend a command or window works on, from the command line and settings."""

from __future__ import annotations

import argparse

from app.backends.base import KmsBackend
from app.backends.local import open_local
from app.engine.kms import DEFAULT_PROJECT


def open_backend(args: argparse.Namespace, *, background: bool = True) -> KmsBackend:
    """The local engine on ``--data-dir`` (the remote KMS comes with ``--endpoint``)."""
    return open_local(
        args.data_dir,
        master_key_file=args.master_key_file,
        project_id=args.project or DEFAULT_PROJECT,
        background=background,
    )
