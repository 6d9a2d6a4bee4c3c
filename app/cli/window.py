"""The commands that open a window: ``gui`` (the key list, also ``keyferry`` alone) and
``wizard`` (the Import Key wizard alone). Qt loads only when one of them runs."""

from __future__ import annotations

import argparse

from app.cli.common import settings
from app.cli.options import Commands, add_command


def register(commands: Commands) -> None:
    add_command(commands, "gui", "open the key list window (the default)", open_list)
    wizard = add_command(commands, "wizard", "open the Import Key wizard alone", open_wizard)
    wizard.add_argument("--key-id", help="resume the import of an existing Pending import key")


def open_list(args: argparse.Namespace) -> int:
    from app.gui.app import run_gui

    return run_gui(settings(args), start="list")


def open_wizard(args: argparse.Namespace) -> int:
    from app.gui.app import run_gui

    return run_gui(settings(args), start="wizard", resume_key_id=args.key_id)
