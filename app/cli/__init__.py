"""The ``keyferry`` command line: the key list window without a command, and a command per
KMS operation for scripts.

- ``program.py``: ``main``, the one parser (built once, from every group), errors to exit
  statuses (``error KMS.XXXX: ...``, 1; usage and setup problems, 2);
- ``options.py``: the global options (accepted before or after the command) and
  ``add_command``;
- ``common.py``: what handlers share (the backend, ``--json`` or table output);
- ``errors.py``: ``CliFailure``, a usage problem the parser cannot see;
- one module per group of commands, holding both its parsers and its handlers: ``window``,
  ``keys``, ``importing``, ``hsm`` (the user's HSM through PKCS#11), ``record`` (the import
  record), ``lifecycle``, ``tags``, ``data``, ``store``, ``audit``, ``server``, ``profiles``.

Adding a group of commands: a new module with ``register(commands)``, which calls
``add_command(commands, name, help, handler)`` for each command and adds its arguments, and
its name in ``program.GROUPS`` (and the import above it). A handler takes the parsed
arguments and returns the exit status; it raises ``KmsError`` (or ``CliFailure``) for a
refusal. ``keyferry`` alone starts the window, so a group module imports at its top only
what the window's start loads anyway (``app.model``, ``app.backends.factory``, ``app.cli``,
the standard library's light modules); the rest (``app.material``, the engine, the server,
``cryptography``...) is imported inside the handler that needs it.
tests/cli/test_start_path.py proves it.
"""

from __future__ import annotations

from app.cli.program import main

__all__ = ["main"]
