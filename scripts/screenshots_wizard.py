#!/usr/bin/env python3
"""Screenshots of every page of the Import Key wizard, in a real X window.

Starts its own Xvfb (a free display number), runs the wizard on the xcb platform over a
temporary store, walks through a whole import (new key, download, wrap here, import) and
saves what the screen shows of the window at each page into docs/screenshots/, plus one of a
refusal (an expired import token) as the user sees it.

    .venv/bin/python scripts/screenshots_wizard.py [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

Step = tuple[str, Callable[[], object], Callable[[], bool]]


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """Xvfb on the first display number without a lock file."""
    for number in range(99, 140):
        if not Path(f"/tmp/.X{number}-lock").exists():  # noqa: S108 (where X servers lock)
            display = f":{number}"
            server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x900x24",
                                       "-nolisten", "tcp"], stderr=subprocess.DEVNULL)
            for _ in range(50):
                if Path(f"/tmp/.X11-unix/X{number}").exists():  # noqa: S108 (X's socket)
                    return server, display
                time.sleep(0.1)
            server.kill()
    raise SystemExit("no free X display number for Xvfb")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    if not shutil.which("Xvfb"):
        raise SystemExit("Xvfb is missing: apt-get install xvfb")
    server, display = start_xvfb()
    os.environ.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
    try:
        with tempfile.TemporaryDirectory(prefix="kf-") as temp:
            return run(Path(temp), args.out)
    finally:
        server.terminate()
        server.wait(timeout=10)


def run(temp: Path, out: Path) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWizard

    from app.backends.local import LocalBackend
    from app.engine import FileMasterKey, LocalKms, ManualClock
    from app.gui.tasks import TaskRunner
    from app.gui.wizard.flow import PageId
    from app.gui.wizard.wizard import ImportKeyWizard
    from app.model.keys import Tag

    app = QApplication([sys.argv[0]])
    app.setApplicationName("Keyferry")
    clock = ManualClock(time.time())
    kms = LocalKms.open(temp / "store", master_key_source=FileMasterKey(temp / "master.key"),
                        clock=clock, background=False, pool_size=0)
    backend, runner = LocalBackend(kms), TaskRunner()
    downloads = temp / "Downloads"
    downloads.mkdir()
    wizard = ImportKeyWizard(backend, runner)
    wizard.flow.now = clock.now
    wizard.move(40, 40)
    out.mkdir(parents=True, exist_ok=True)
    page = wizard.currentPage
    next_button = wizard.button(QWizard.WizardButton.NextButton)

    def shot(name: str) -> Callable[[], object]:
        def save() -> None:
            image = wizard.screen().grabWindow(wizard.winId())
            image.save(str(out / f"wizard-{name}.png"))
            print(f"saved {out / f'wizard-{name}.png'}")
        return save

    def fill_key_page() -> None:
        p = page()  # typed, as a user would, so the page checks as it does for them
        QTest.keyClicks(p.alias_edit, "payments/hsm-2026")
        QTest.keyClicks(p.description_edit, "Data key of the payments service, from HSM-A")
        p.tag_editor.setTags([Tag("team", "payments"), Tag("env", "production")])

    def idle() -> bool:
        return not runner.busy and not page().busy

    def on(page_id: PageId) -> Callable[[], bool]:
        return lambda: wizard.currentId() == page_id and idle()

    steps: list[Step] = [
        ("show", wizard.show, lambda: wizard.isVisible()),
        ("fill", fill_key_page, lambda: next_button.isEnabled()),
        ("1", shot("1-key"), lambda: True),
        ("bad tags", lambda: page().tag_editor.setTags([
            Tag("team", "payments"), Tag("env", "production"), Tag("env", "staging"),
            Tag("cost=center", "42")]), lambda: not next_button.isEnabled()),
        ("1p", shot("1-key-tag-problems"), lambda: True),
        ("good tags", lambda: page().tag_editor.setTags([
            Tag("team", "payments"), Tag("env", "production")]), lambda: next_button.isEnabled()),
        ("next", wizard.next, on(PageId.SECURITY)),
        ("check", lambda: page().acknowledge.setChecked(True), lambda: next_button.isEnabled()),
        ("2", shot("2-security"), lambda: True),
        ("next", wizard.next, on(PageId.DOWNLOAD)),
        ("folder", lambda: page().folder.setPath(downloads), idle),
        ("download", lambda: page().download.click(), lambda: idle() and next_button.isEnabled()),
        ("api", lambda: page().api.toggle.setChecked(True), lambda: True),
        ("3", shot("3-download"), lambda: True),
        ("next", wizard.next, on(PageId.WRAP)),
        ("wrap", lambda: page().wrap.click(), lambda: idle() and next_button.isEnabled()),
        ("4", shot("4-wrap"), lambda: True),
        ("next", wizard.next, lambda: on(PageId.MATERIAL)() and next_button.isEnabled()),
        ("5", shot("5-material"), lambda: True),
        ("next", wizard.next, on(PageId.TOKEN)),
        ("expire", lambda: clock.advance(24 * 3600 + 60), lambda: True),
        ("finish", lambda: wizard.button(QWizard.WizardButton.FinishButton).click(), idle),
        ("6f", shot("6-token-refused"), lambda: True),
        ("fix", lambda: page().fix.click(), on(PageId.DOWNLOAD)),
        ("again", lambda: page().download.click(), lambda: idle() and next_button.isEnabled()),
        ("next", wizard.next, on(PageId.WRAP)),
        ("plain", lambda: page().plain.setPath(downloads / "PlaintextKeyMaterial-2.bin"), idle),
        ("wrap", lambda: page().wrap.click(), lambda: idle() and next_button.isEnabled()),
        ("next", wizard.next, lambda: on(PageId.MATERIAL)() and next_button.isEnabled()),
        ("next", wizard.next, on(PageId.TOKEN)),
        ("finish", lambda: wizard.button(QWizard.WizardButton.FinishButton).click(),
         lambda: idle() and wizard.flow.imported is not None),
        ("6", shot("6-token"), lambda: True),
        ("quit", app.quit, lambda: True),
    ]
    state = {"index": 0, "acted": False, "since": time.monotonic()}

    def tick() -> None:
        name, act, done = steps[state["index"]]
        if not state["acted"]:
            act()
            state["acted"], state["since"] = True, time.monotonic()
            return
        if done() and time.monotonic() - state["since"] > 0.3:  # let the window repaint
            state["index"] += 1
            state["acted"] = False
        elif time.monotonic() - state["since"] > 20:
            print(f"step {name} did not finish; the page says: {page().notice.text()}")
            app.exit(1)

    timer = QTimer(interval=50)
    timer.timeout.connect(tick)
    timer.start()
    status = app.exec()
    runner.shutdown(wait=True)
    backend.close()
    kms.close()
    return status


if __name__ == "__main__":
    raise SystemExit(main())
