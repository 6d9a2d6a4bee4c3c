"""The command line's own failure: a usage problem the parser cannot see."""

from __future__ import annotations


class CliFailure(Exception):
    """A usage problem the parser cannot see (a malformed KEY=VALUE, say): exit status 2."""
