"""The window's start stays light: ``keyferry`` alone reads its command line and builds the
list window without loading what the window does not show at first paint. The engine opens
on the task runner after the window is up (``open_local(..., lazily=True)``), the wizard,
the dialogs and the material tools when the user opens them, the server and the remote SDK
only for their commands. Each module below costs start-up time (``python -X importtime``),
so a top-level import of one of them on this path is a regression this test names.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

#: Loaded later, or never, by the list window; never before it is built.
NOT_AT_START = (
    "app.engine",
    "app.material",
    "app.server",
    "app.backends.huawei",
    "app.gui.wizard",
    "app.gui.dialogs",
    "app.gui.self_test",
    "cryptography",
    "sqlite3",
    "keyring",
    "huaweicloudsdkcore",
    "huaweicloudsdkkms",
)

_REPORT = (
    "import json, sys\n"
    "def report(**more):\n"
    "    names = {m for m in sys.modules}\n"
    "    print(json.dumps({'modules': sorted(names), **more}), flush=True)\n"
)


def _run(code: str, tmp_path: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _REPORT + code],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def _heavy(modules: object) -> list[str]:
    assert isinstance(modules, list)
    return [m for m in modules if any(m == n or m.startswith(n + ".") for n in NOT_AT_START)]


def test_reading_the_command_line_loads_no_qt_and_nothing_heavy(tmp_path: Path) -> None:
    report = _run(
        "from app.cli import window\n"
        "from app.cli.program import parse\n"
        "args = parse([])\n"
        "report(window=args.handler is window.open_list)\n",
        tmp_path,
    )
    assert report["window"] is True
    assert _heavy(report["modules"]) == []
    assert [m for m in report["modules"] if m.startswith("PySide6")] == []  # type: ignore[attr-defined]


def test_the_window_is_built_on_what_it_shows(tmp_path: Path) -> None:
    """``keyferry --data-dir D`` through ``main``, the Qt application and the backend, up to
    the moment the list window would be built on it: the backend is the local one, not yet
    open, and nothing of NOT_AT_START is loaded."""
    report = _run(
        "import os\n"
        "from app.gui import desktop\n"
        "def stop_before_the_window(self, backend):\n"
        "    report(backend=type(backend).__name__, is_open=backend.is_open)\n"
        "    os._exit(0)\n"
        "desktop.Desktop.show = stop_before_the_window\n"
        "from app.cli import main\n"
        f"main(['--data-dir', {str(tmp_path / 'store')!r}, "
        f"'--master-key-file', {str(tmp_path / 'mk')!r}])\n",
        tmp_path,
    )
    assert report["backend"] == "LocalBackend" and report["is_open"] is False
    assert _heavy(report["modules"]) == []
    assert not (tmp_path / "store").exists()  # the store is opened after the window is up
