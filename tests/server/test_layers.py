"""The server and the backends stay below the GUI: importing them loads no Qt (DESIGN.md's
layers), so ``keyferry serve`` runs on a machine without Qt's system libraries."""

from __future__ import annotations

import subprocess
import sys


def test_server_and_backends_do_not_import_qt() -> None:
    code = (
        "import sys\n"
        "import app.server.api, app.server.serve, app.server.credentials\n"
        "import app.backends.huawei, app.backends.factory, app.backends.profiles\n"
        "import app.cli.server, app.cli.profiles\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
