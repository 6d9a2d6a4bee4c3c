"""Screenshots of the CMK list window in a real X window (Xvfb, the xcb platform), light and
dark palettes, with a handful of realistic keys in every state, and two of its dialogs.

    .venv/bin/python scripts/screenshots_list.py [--out docs/screenshots] [--lang zh_CN]
        [--screen 1024x700 --font-size 14]

Starts ``Xvfb :98 -screen 0 1400x900x24`` itself (and stops it), then runs one child process
per colour scheme. Writes list-light.png, list-dark.png, schedule-deletion-light.png,
try-it-dark.png and cannot-open-light.png (the window on a store whose master-key file is
damaged); with ``--lang zh_CN``, the same in Simplified Chinese with ``-zh_CN`` before
``.png`` (a CJK font such as fonts-wqy-microhei must be installed); with ``--font-size 14``,
``-14pt`` too, on the screen ``--screen`` gives (the window as large as it fits). The store
is a throwaway one under a temporary folder.
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
DISPLAY = ":98"
DAY_S = 86_400
#: The keys' descriptions as a Chinese-speaking team would write them (user data: the
#: program shows it as typed, so the Chinese pictures show Chinese descriptions).
CHINESE_DESCRIPTIONS = {
    "Card data at rest": "静态存储的银行卡数据",
    "Token vault": "令牌库",
    "Closed ledger years": "已结账年度的账本",
    "From the March key ceremony": "来自三月的密钥仪式",
    "Shared with a partner bank": "与合作银行共享",
    "Offline backups": "离线备份",
    "Material not imported yet": "尚未导入密钥材料",
    "Retired reporting service": "已停用的报表服务",
    "Session cookies": "会话 Cookie",
}


def seed(kms: object, chinese: bool = False) -> None:
    """Keys a security team might have: generated and imported, in every state."""
    from app.engine import DEFAULT_PROJECT
    from app.model.keys import Origin, Tag
    from tests.gui.list_window.conftest import import_material

    p, now = DEFAULT_PROJECT, int(kms.clock.now())  # type: ignore[attr-defined]

    def make(alias: str, origin: Origin, description: str = "", **tags: str) -> str:
        return kms.create_key(
            project_id=p,
            key_alias=alias,
            origin=origin,  # type: ignore
            key_description=CHINESE_DESCRIPTIONS.get(description, description)
            if chinese
            else description,
            tags=tuple(Tag(k, v) for k, v in tags.items()),
        ).key_id

    make("payments/card-data", Origin.KMS, "Card data at rest", env="prod", team="payments")
    make("payments/tokens", Origin.KMS, "Token vault", env="prod", team="payments")
    ledger = make("ledger/2019-closed", Origin.KMS, "Closed ledger years", env="archive")
    kms.disable_key(project_id=p, key_id=ledger)  # type: ignore[attr-defined]
    hsm = make(
        "byok/hsm-ceremony-2026",
        Origin.EXTERNAL,
        "From the March key ceremony",
        env="prod",
        source="hsm",
    )
    import_material(kms, hsm, expires_s=None)  # type: ignore[arg-type]
    soon = make(
        "byok/partner-exchange",
        Origin.EXTERNAL,
        "Shared with a partner bank",
        env="prod",
        source="partner",
    )
    import_material(kms, soon, expires_s=now + 3 * DAY_S + 5 * 3600)  # type: ignore[arg-type]
    later = make("byok/backup-2026", Origin.EXTERNAL, "Offline backups", env="dr")
    import_material(kms, later, expires_s=now + 200 * DAY_S)  # type: ignore[arg-type]
    make("byok/awaiting-ceremony", Origin.EXTERNAL, "Material not imported yet", env="staging")
    old = make("legacy/reports", Origin.KMS, "Retired reporting service", env="prod")
    kms.schedule_key_deletion(project_id=p, key_id=old, pending_days=30)  # type: ignore
    make("identity/session", Origin.KMS, "Session cookies", env="prod", team="identity")
    make("search/index", Origin.KMS, "", env="staging", team="search")


def shoot(
    scheme: str,
    out: Path,
    language_code: str = "en",
    font_size: int | None = None,
    screen: tuple[int, int] = (1400, 900),
) -> None:
    """In this process: open the window on a fresh store and save its pictures."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from screenshots_wizard import use_language

    from app.backends.local import LocalBackend
    from app.engine import FileMasterKey, LocalKms
    from app.gui.appearance import dark_palette
    from app.gui.main_window import CmkListWindow
    from app.gui.tasks import TaskRunner
    from tests.benchmarks.list_bench import wait_for

    app = QApplication(["keyferry"])
    app.setStyle("Fusion")
    if font_size:
        font = app.font()
        font.setPointSize(font_size)
        app.setFont(font)
    use_language(language_code)
    # Xvfb has no desktop theme to follow, so the system palette is set as a desktop would.
    app.setPalette(dark_palette() if scheme == "dark" else app.style().standardPalette())
    folder = Path(tempfile.mkdtemp(prefix="keyferry-shots-"))
    kms = LocalKms.open(
        folder / "store",
        master_key_source=FileMasterKey(folder / "master.key"),
        background=False,
        pool_size=0,
    )
    seed(kms, chinese=language_code != "en")
    backend, runner = LocalBackend(kms), TaskRunner()
    window = CmkListWindow(backend, runner)
    window.resize(min(1390, screen[0] - 10), min(880, screen[1] - 20))
    window.show()
    wait_for(lambda: window.sync.complete and not runner.busy, 30_000)
    window.select_key(
        next(k.key_id for k in window.model.keyView.keys.keys if k.alias == "byok/partner-exchange")
    )
    wait_for(lambda: not runner.busy and window.details.history.topLevelItemCount() > 0, 10_000)
    QTest.qWait(300)
    suffix = _suffix(language_code, font_size)
    window.grab().save(str(out / f"list-{scheme}{suffix}.png"))
    shoot_dialog(window, scheme, out, suffix)
    runner.shutdown()
    backend.close()
    kms.close()
    if scheme == "light":
        shoot_cannot_open(folder, out, suffix, screen)


def shoot_cannot_open(folder: Path, out: Path, suffix: str, screen: tuple[int, int]) -> None:
    """The window as keyferry opens it on a store whose master-key file is damaged."""
    from PySide6.QtTest import QTest

    from app.backends.local import open_local
    from app.gui.main_window import CmkListWindow
    from app.gui.tasks import TaskRunner
    from tests.benchmarks.list_bench import wait_for

    key_file = folder / "damaged.key"
    key_file.write_bytes(b"not a key")
    key_file.chmod(0o600)
    backend = open_local(folder / "store", master_key_file=key_file, background=False, lazily=True)
    runner = TaskRunner()
    window = CmkListWindow(backend, runner)
    window.resize(min(1390, screen[0] - 10), min(880, screen[1] - 20))
    window.show()
    wait_for(lambda: bool(window.notice.text()) and not runner.busy, 10_000)
    QTest.qWait(300)
    window.grab().save(str(out / f"cannot-open-light{suffix}.png"))
    window.close()
    runner.shutdown()
    backend.close()


def shoot_dialog(window: object, scheme: str, out: Path, suffix: str = "") -> None:
    """Schedule deletion in the light palette; Try it, after a round trip, in the dark."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QDialog, QLineEdit

    from tests.benchmarks.list_bench import wait_for

    if scheme == "light":
        window.key_actions["scheduleDeletionAction"].trigger()  # type: ignore[attr-defined]
        dialog = window.findChild(QDialog, "scheduleDeletionDialog")  # type: ignore[attr-defined]
    else:
        window.key_actions["tryItAction"].trigger()  # type: ignore[attr-defined]
        dialog = window.findChild(QDialog, "tryItDialog")  # type: ignore[attr-defined]
        QTest.qWait(200)
        dialog.findChild(QLineEdit, "plaintextEdit").setText(
            "中午在老地方见。" if suffix else "Meet at the usual place at noon."
        )
        dialog.ok_button.click()
        wait_for(lambda: bool(dialog.findChild(QLineEdit, "decryptedEdit").text()), 10_000)
    QTest.qWait(300)
    name = "schedule-deletion" if scheme == "light" else "try-it"
    dialog.grab().save(str(out / f"{name}-{scheme}{suffix}.png"))
    dialog.reject()


def _suffix(language_code: str, font_size: int | None) -> str:
    return ("" if language_code == "en" else f"-{language_code}") + (
        f"-{font_size}pt" if font_size else ""
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", choices=["en", "zh_CN"], default="en")
    parser.add_argument("--screen", default="1400x900", help="the virtual screen, WxH")
    parser.add_argument("--font-size", type=int, help="the application font's point size")
    parser.add_argument("--scheme", choices=["light", "dark"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    width, height = (int(n) for n in args.screen.split("x"))
    if args.scheme:
        shoot(args.scheme, args.out, args.lang, args.font_size, (width, height))
        return 0
    xvfb = subprocess.Popen(
        ["Xvfb", DISPLAY, "-screen", "0", f"{args.screen}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(1.0)
        env = dict(os.environ, DISPLAY=DISPLAY, QT_QPA_PLATFORM="xcb")
        for scheme in ("light", "dark"):
            subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--out",
                    str(args.out),
                    "--scheme",
                    scheme,
                    "--lang",
                    args.lang,
                    "--screen",
                    args.screen,
                    *(["--font-size", str(args.font_size)] if args.font_size else []),
                ],
                env=env,
                check=True,
                cwd=ROOT,
            )
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
    suffix = _suffix(args.lang, args.font_size)
    for name in (
        "list-light",
        "list-dark",
        "schedule-deletion-light",
        "try-it-dark",
        "cannot-open-light",
    ):
        print(args.out / f"{name}{suffix}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
