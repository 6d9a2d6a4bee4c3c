"""The command line's own failure, apart from the handlers so ``keyferry`` (the window) can
start without loading them."""

from __future__ import annotations


class CliFailure(Exception):
    """A usage problem the parser cannot see (a malformed KEY=VALUE, say)."""
