"""Screenshots of the list window on a machine without a system keyring: the banner with
its buttons (Keep the master key in a file…, Try again), in a real X window (Xvfb, xcb).

    .venv/bin/python scripts/screenshots_master_key.py [--out docs/screenshots]
        [--lang zh_CN] [--display :190]

Starts ``Xvfb DISPLAY`` itself (and stops it), then runs a child with keyring's own "no
backend" keyring (PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring): the store really
fails to open for want of a keyring. Writes no-keyring-light.png (``-zh_CN`` before ``.png``
in Chinese). The store is a throwaway one under a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def shoot(out: Path, language_code: str) -> Path:
    """In this process: the window on a new store, with no keyring to hold its key."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from screenshots_wizard import use_language

    from app.backends.local import open_local
    from app.gui.main_window import CmkListWindow
    from app.gui.tasks import TaskRunner
    from tests.benchmarks.list_bench import wait_for

    app = QApplication(["keyferry"])
    app.setStyle("Fusion")
    app.setPalette(app.style().standardPalette())
    use_language(language_code)
    folder = Path(tempfile.mkdtemp(prefix="keyferry-shots-"))
    backend = open_local(folder / "store", background=False, lazily=True)
    runner = TaskRunner()
    window = CmkListWindow(backend, runner)
    window.resize(1100, 560)
    window.show()
    wait_for(lambda: window.master_key.bar.isVisible() and not runner.busy, 30_000)
    QTest.qWait(300)
    suffix = "" if language_code == "en" else f"-{language_code}"
    path = out / f"no-keyring-light{suffix}.png"
    window.grab().save(str(path))
    window.close()
    runner.shutdown()
    backend.close()
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", choices=["en", "zh_CN"], default="en")
    parser.add_argument("--display", default=":190")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.child:
        print(shoot(args.out, args.lang))
        return 0
    xvfb = subprocess.Popen(
        ["Xvfb", args.display, "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(1.0)
        env = dict(
            os.environ,
            DISPLAY=args.display,
            QT_QPA_PLATFORM="xcb",
            PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        )
        env.pop("KEYFERRY_MASTER_KEY_FILE", None)
        child = [sys.executable, __file__, "--child", "--out", str(args.out), "--lang", args.lang]
        subprocess.run(child, env=env, check=True, cwd=ROOT)
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
