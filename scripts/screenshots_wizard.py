#!/usr/bin/env python3
"""Screenshots of every page of the Import Key wizard, in a real X window.

Starts its own Xvfb (a free display number), runs the wizard on the xcb platform over a
temporary store, walks through a whole import (new key, download, wrap here, import) and
saves what the screen shows of the window at each page into docs/screenshots/, plus one of a
refusal (an expired import token) as the user sees it.

    .venv/bin/python scripts/screenshots_wizard.py [--out docs/screenshots] [--lang zh_CN]

``--asymmetric`` walks an RSA_2048 import instead (step 1 with the key algorithm chosen,
step 4 with a private key wrapped here, and the imported key's details pane:
``wizard-asym-1-key.png``, ``wizard-asym-4-wrap.png``, ``details-asym.png``).
``--lang zh_CN`` takes them in Simplified Chinese (``wizard-1-key-zh_CN.png`` and so on; the
translations are compiled first if they need it, and a CJK font such as fonts-wqy-microhei
must be installed). ``--token`` walks the token path instead, on a throwaway SoftHSM 2 token:
``wizard-4-token-wrong-pin.png`` and ``wizard-4-token.png``. ``--display :N`` takes Xvfb's
display number (the first free one from 99 otherwise).
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
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported for real only once the X display is set
    from PySide6.QtWidgets import QApplication

    from app.engine import ManualClock
    from app.gui.tasks import TaskRunner
    from app.gui.wizard.pages.base import FlowPage
    from app.gui.wizard.wizard import ImportKeyWizard

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

Step = tuple[str, Callable[[], object], Callable[[], bool]]


def start_xvfb(
    screen: str = "1280x900", numbers: range = range(99, 140)
) -> tuple[subprocess.Popen[bytes], str]:
    """Xvfb on the first display number without a lock file."""
    for number in numbers:
        if not Path(f"/tmp/.X{number}-lock").exists():  # noqa: S108 (where X servers lock)
            display = f":{number}"
            server = subprocess.Popen(
                ["Xvfb", display, "-screen", "0", f"{screen}x24", "-nolisten", "tcp"],
                stderr=subprocess.DEVNULL,
            )
            for _ in range(50):
                if Path(f"/tmp/.X11-unix/X{number}").exists():  # noqa: S108 (X's socket)
                    return server, display
                time.sleep(0.1)
            server.kill()
    raise SystemExit("no free X display number for Xvfb")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", choices=["en", "zh_CN"], default="en")
    parser.add_argument("--screen", default="1280x900", help="the virtual screen, WxH")
    parser.add_argument("--font-size", type=int, help="the application font's point size")
    parser.add_argument("--token", action="store_true", help="the token path, on SoftHSM 2")
    parser.add_argument("--asymmetric", action="store_true", help="an RSA_2048 import")
    parser.add_argument("--display", help="Xvfb's display, e.g. :170")
    args = parser.parse_args()
    if not shutil.which("Xvfb"):
        raise SystemExit("Xvfb is missing: apt-get install xvfb")
    first = int(args.display.lstrip(":")) if args.display else 99
    server, display = start_xvfb(args.screen, range(first, first + (1 if args.display else 41)))
    os.environ.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
    try:
        with tempfile.TemporaryDirectory(prefix="kf-") as temp:
            if args.token:
                make_softhsm_token(Path(temp))
            return run(
                Path(temp),
                args.out,
                args.lang,
                args.font_size,
                token=args.token,
                asymmetric=args.asymmetric,
            )
    finally:
        server.terminate()
        server.wait(timeout=10)


TOKEN_PIN = "2718281828"  # noqa: S105 - a throwaway token's


def make_softhsm_token(temp: Path) -> None:
    """A throwaway SoftHSM 2 token labelled "payments-hsm" (read when the module starts)."""
    (temp / "softhsm").mkdir()
    conf = temp / "softhsm.conf"
    conf.write_text(f"directories.tokendir = {temp / 'softhsm'}\nlog.level = ERROR\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    subprocess.run(
        [
            *("softhsm2-util", "--init-token", "--free", "--label", "payments-hsm"),
            *("--pin", TOKEN_PIN, "--so-pin", TOKEN_PIN),
        ],
        check=True,
        capture_output=True,
    )


def use_language(language_code: str) -> None:
    """The application in ``language_code`` (compiling the translations if needed)."""
    import runpy

    from app.gui.language import language

    if language_code != "en":
        runpy.run_path(str(ROOT / "packaging" / "build_translations.py"))["build"]()
    language().apply(language_code)


def run(
    temp: Path,
    out: Path,
    language_code: str = "en",
    font_size: int | None = None,
    *,
    token: bool = False,
    asymmetric: bool = False,
) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.backends.local import LocalBackend
    from app.engine import FileMasterKey, LocalKms, ManualClock
    from app.gui.tasks import TaskRunner
    from app.gui.wizard.wizard import ImportKeyWizard

    app = QApplication([sys.argv[0]])
    app.setApplicationName("Keyferry")
    if font_size:
        font = app.font()
        font.setPointSize(font_size)
        app.setFont(font)
    use_language(language_code)
    clock = ManualClock(time.time())
    kms = LocalKms.open(
        temp / "store",
        master_key_source=FileMasterKey(temp / "master.key"),
        clock=clock,
        background=False,
        pool_size=0,
    )
    backend, runner = LocalBackend(kms), TaskRunner()
    (temp / "Downloads").mkdir()
    out.mkdir(parents=True, exist_ok=True)
    wizard = ImportKeyWizard(backend, runner)
    wizard.flow.now = clock.now
    wizard.move(40, 40)
    walk = Walkthrough(app, wizard, runner, clock, temp / "Downloads", out)
    if token:
        walk.steps = walk.token_steps()
    if asymmetric:
        walk.steps = walk.asymmetric_steps(backend)
    walk.suffix = ("" if language_code == "en" else f"-{language_code}") + (
        f"-{font_size}pt" if font_size else ""
    )
    timer = QTimer(interval=50)
    timer.timeout.connect(walk.tick)
    timer.start()
    status = app.exec()
    runner.shutdown(wait=True)
    backend.close()
    kms.close()
    return status


class Walkthrough:
    """The steps of the tour, each an action and when it is done, run from a timer (no
    nested event loop): one step per tick, a pause so the window repaints before a shot."""

    def __init__(
        self,
        app: QApplication,
        wizard: ImportKeyWizard,
        runner: TaskRunner,
        clock: ManualClock,
        downloads: Path,
        out: Path,
    ) -> None:
        self.app, self.wizard, self.runner, self.clock = app, wizard, runner, clock
        self.downloads, self.out = downloads, out
        self.steps = self._steps()
        self.index, self.acted, self.since = 0, False, time.monotonic()
        self.suffix = ""  # "-zh_CN" for the Chinese pictures

    def tick(self) -> None:
        name, act, done = self.steps[self.index]
        if not self.acted:
            act()
            self.acted, self.since = True, time.monotonic()
        elif done() and time.monotonic() - self.since > 0.3:
            self.index, self.acted = self.index + 1, False
        elif time.monotonic() - self.since > 20:
            print(f"step {name} did not finish: {self.page().notice.text()}")
            self.app.exit(1)

    def page(self) -> FlowPage:
        return self.wizard.currentPage()  # type: ignore[return-value]

    def shot(self, name: str) -> Callable[[], object]:
        def save() -> None:
            path = self.out / f"wizard-{name}{self.suffix}.png"
            self.wizard.screen().grabWindow(self.wizard.winId()).save(str(path))
            print(f"saved {path}")

        return save

    def idle(self) -> bool:
        return not self.runner.busy and not self.page().busy

    def on(self, page_id: int, *, ready: bool = False) -> Callable[[], bool]:
        return lambda: (
            self.wizard.currentId() == page_id
            and self.idle()
            and (not ready or self.next_enabled())
        )

    def next_enabled(self) -> bool:
        from PySide6.QtWidgets import QWizard

        return self.wizard.button(QWizard.WizardButton.NextButton).isEnabled()

    def finish(self) -> None:
        from PySide6.QtWidgets import QWizard

        self.wizard.button(QWizard.WizardButton.FinishButton).click()

    def fill_key_page(self) -> None:
        from PySide6.QtGui import QInputMethodEvent
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        from app.model.keys import Tag

        page = self.page()  # typed, as a user would, so the page checks as it does for them
        QTest.keyClicks(page.alias_edit, "payments/hsm-2026")
        if "zh" in self.suffix:  # Chinese comes from an input method, not from key presses
            typed = QInputMethodEvent()
            typed.setCommitString("支付服务的数据密钥，来自 HSM-A")
            QApplication.sendEvent(page.description_edit, typed)
        else:
            QTest.keyClicks(page.description_edit, "Data key of the payments service, from HSM-A")
        page.tag_editor.setTags([Tag("team", "payments"), Tag("env", "production")])

    def set_tags(self, *pairs: tuple[str, str]) -> Callable[[], None]:
        from app.model.keys import Tag

        return lambda: self.page().tag_editor.setTags([Tag(k, v) for k, v in pairs])

    def asymmetric_steps(self, backend: object) -> list[Step]:
        """An RSA_2048 import wrapped here, then the key's details in the list window."""
        from app.gui.wizard.flow import PageId

        w, page, ready = self.wizard, self.page, self.next_enabled

        def choose_rsa() -> None:
            self.fill_key_page()
            combo = page().spec_combo  # type: ignore[attr-defined]
            combo.setCurrentIndex(combo.findData("RSA_2048"))

        return [
            ("show", w.show, w.isVisible),
            ("fill", choose_rsa, ready),
            ("1", self.shot("asym-1-key"), lambda: True),
            ("next", w.next, self.on(PageId.SECURITY)),
            ("check", lambda: page().acknowledge.setChecked(True), ready),
            ("next", w.next, self.on(PageId.DOWNLOAD)),
            ("folder", lambda: page().folder.setPath(self.downloads), self.idle),
            ("download", lambda: page().download.click(), self.on(PageId.DOWNLOAD, ready=True)),
            ("next", w.next, self.on(PageId.WRAP)),
            (
                "wrap",
                lambda: page().asym_panel.wrap.click(),  # type: ignore[attr-defined]
                self.on(PageId.WRAP, ready=True),
            ),
            ("4", self.shot("asym-4-wrap"), lambda: True),
            ("next", w.next, self.on(PageId.MATERIAL, ready=True)),
            ("5", self.shot("asym-5-material"), lambda: True),
            ("next", w.next, self.on(PageId.TOKEN)),
            ("finish", self.finish, lambda: self.idle() and w.flow.imported is not None),
            ("6", self.shot("asym-6-token"), lambda: True),
            ("list", lambda: self.show_details(backend), lambda: True),
            ("wait", lambda: None, lambda: self.window_ready()),
            ("details", self.shot_window("details-asym"), lambda: True),
            ("quit", self.app.quit, lambda: True),
        ]

    def show_details(self, backend: object) -> None:
        from app.gui.main_window import CmkListWindow

        self.wizard.close()
        window = CmkListWindow(backend, self.runner, now=self.clock.now)  # type: ignore[arg-type]
        window.resize(1200, 800)
        window.move(40, 40)
        window.show()
        self.window = window

    def window_ready(self) -> bool:
        window = self.window
        if not window.model.totalRows() or self.runner.busy:
            return False
        if window.selected_key() is None:
            window.table.selectRow(0)
            return False
        return True

    def shot_window(self, name: str) -> Callable[[], object]:
        def save() -> None:
            path = self.out / f"{name}{self.suffix}.png"
            self.window.screen().grabWindow(self.window.winId()).save(str(path))
            print(f"saved {path}")

        return save

    def _steps(self) -> list[Step]:
        from app.gui.wizard.flow import PageId

        w, page, ready = self.wizard, self.page, self.next_enabled
        return [
            ("show", w.show, w.isVisible),
            ("fill", self.fill_key_page, ready),
            ("1", self.shot("1-key"), lambda: True),
            (
                "bad tags",
                self.set_tags(
                    ("team", "payments"),
                    ("env", "production"),
                    ("env", "staging"),
                    ("cost=center", "42"),
                ),
                lambda: not ready(),
            ),
            ("1p", self.shot("1-key-tag-problems"), lambda: True),
            ("good tags", self.set_tags(("team", "payments"), ("env", "production")), ready),
            ("next", w.next, self.on(PageId.SECURITY)),
            ("check", lambda: page().acknowledge.setChecked(True), ready),
            ("2", self.shot("2-security"), lambda: True),
            ("next", w.next, self.on(PageId.DOWNLOAD)),
            ("folder", lambda: page().folder.setPath(self.downloads), self.idle),
            ("download", lambda: page().download.click(), self.on(PageId.DOWNLOAD, ready=True)),
            ("api", lambda: page().api.toggle.setChecked(True), lambda: True),
            ("3", self.shot("3-download"), lambda: True),
            ("next", w.next, self.on(PageId.WRAP)),
            ("wrap", lambda: page().wrap.click(), self.on(PageId.WRAP, ready=True)),
            ("4", self.shot("4-wrap"), lambda: True),
            ("next", w.next, self.on(PageId.MATERIAL, ready=True)),
            ("5", self.shot("5-material"), lambda: True),
            ("next", w.next, self.on(PageId.TOKEN)),
            ("expire", lambda: self.clock.advance(24 * 3600 + 60), lambda: True),
            ("finish", self.finish, self.idle),
            ("6f", self.shot("6-token-refused"), lambda: True),
            ("fix", lambda: page().fix.click(), self.on(PageId.DOWNLOAD)),
            ("again", lambda: page().download.click(), self.on(PageId.DOWNLOAD, ready=True)),
            ("next", w.next, self.on(PageId.WRAP)),
            ("plain", lambda: page().plain.setPath(self.downloads / "Plaintext-2.bin"), self.idle),
            ("wrap", lambda: page().wrap.click(), self.on(PageId.WRAP, ready=True)),
            ("next", w.next, self.on(PageId.MATERIAL, ready=True)),
            ("next", w.next, self.on(PageId.TOKEN)),
            ("finish", self.finish, lambda: self.idle() and w.flow.imported is not None),
            ("6", self.shot("6-token"), lambda: True),
            ("quit", self.app.quit, lambda: True),
        ]

    def token_steps(self) -> list[Step]:
        """The token path: the token generates and wraps; a wrong PIN first."""
        from app.gui.wizard.flow import PageId
        from app.material.hsm.discovery import find_modules
        from app.model.importing import WrappingAlgorithm

        module = next(m.path for m in find_modules() if m.path.name == "libsofthsm2.so")
        w, page, ready = self.wizard, self.page, self.next_enabled
        algorithm = WrappingAlgorithm.RSAES_PKCS1_V1_5.value

        def panel():  # type: ignore[no-untyped-def]
            return page().token_panel

        def choose_algorithm() -> None:
            page().algorithm.setCurrentIndex(page().algorithm.findText(algorithm))

        def fill_token(pin: str) -> Callable[[], None]:
            def fill() -> None:
                panel().pin.setText(pin)
                panel().generate.setChecked(True)
                panel().label.setText("payments-2026")

            return fill

        return [
            ("show", w.show, w.isVisible),
            ("fill", self.fill_key_page, ready),
            ("next", w.next, self.on(PageId.SECURITY)),
            ("check", lambda: page().acknowledge.setChecked(True), ready),
            ("next", w.next, self.on(PageId.DOWNLOAD)),
            ("algorithm", choose_algorithm, lambda: True),
            ("folder", lambda: page().folder.setPath(self.downloads), self.idle),
            ("download", lambda: page().download.click(), self.on(PageId.DOWNLOAD, ready=True)),
            ("next", w.next, self.on(PageId.WRAP)),
            ("token", lambda: page().in_token.setChecked(True), lambda: True),
            ("module", lambda: panel().module.setPath(module), lambda: panel().token.count() > 0),
            ("wrong", fill_token("123456"), self.idle),
            (
                "wrap",
                lambda: panel().wrap.click(),
                lambda: self.idle() and bool(page().notice.text()),
            ),
            ("4w", self.shot("4-token-wrong-pin"), lambda: True),
            ("right", fill_token(TOKEN_PIN), self.idle),
            ("wrap", lambda: panel().wrap.click(), self.on(PageId.WRAP, ready=True)),
            ("4", self.shot("4-token"), lambda: True),
            ("quit", self.app.quit, lambda: True),
        ]


if __name__ == "__main__":
    raise SystemExit(main())
