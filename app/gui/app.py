"""Starting the desktop program."""

from __future__ import annotations

import argparse


def run_gui(args: argparse.Namespace, *, start: str) -> int:
    from app.cli import build_parser

    build_parser().print_help()
    return 0
