"""One run of the self-test, in order: Qt offscreen, the resources, keyring's backends, a
temporary store; the wizard walked on the event loop; then the key checked through the
backend. It stops at the first failure and always closes what it opened."""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

import PySide6
import shiboken6
from PySide6.QtCore import QtMsgType, qInstallMessageHandler, qVersion
from PySide6.QtWidgets import QApplication

from app import __version__
from app.backends.base import KmsBackend
from app.backends.local import open_local
from app.gui.self_test import asym_check, checks, token_check
from app.gui.self_test.import_walk import ImportWalk
from app.gui.self_test.report import Report, StepFailed, run_step
from app.gui.self_test.walk import Walk
from app.gui.tasks import TaskRunner
from app.gui.wizard.wizard import ImportKeyWizard

#: Qt's offscreen platform says this whenever a wizard is shown; it means nothing here.
_HARMLESS_QT = ("propagateSizeHints",)


class _ErrorLog(logging.StreamHandler):  # type: ignore[type-arg]
    """Shows the program's own error records on stderr, and keeps them: any is a failure."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)
        self.setLevel(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)
        super().emit(record)


class SelfTest:
    """The steps, over one temporary ``folder`` (see ``app.gui.self_test.sandbox``)."""

    def __init__(self, folder: Path, *, timeout_s: float) -> None:
        self.folder = folder
        self.timeout_s = timeout_s
        self.report = Report()
        self.app: QApplication | None = None
        self.backend: KmsBackend | None = None
        self.walk: ImportWalk | None = None
        self.rsa_id = ""  # the RSA_2048 key the asymmetric steps import and sign with
        self.errors = _ErrorLog()

    def run(self) -> int:
        self.report.heading(
            f"Keyferry {__version__} self-test: the import flow, offscreen, "
            f"on a temporary store in {self.folder}"
        )
        app_log = logging.getLogger("app")
        app_log.addHandler(self.errors)
        try:
            self._run_steps()
        finally:
            app_log.removeHandler(self.errors)
            if self.backend is not None:
                self.backend.close()
        return self.report.close()

    def _run_steps(self) -> None:
        before = [
            ("Qt", self._start_qt),
            ("resources", checks.resources_place),
            ("security text", checks.security_text),
            ("icon", checks.icon),
            ("translations", checks.translations),
            ("keyring backends", checks.keyring_backends),
            ("temporary store", self._open_store),
        ]
        if not all(run_step(self.report, name, check) for name, check in before):
            return
        self._walk_the_wizard()
        if not self.report.passed or self.walk is None or self.walk.imported is None:
            return
        backend, key_id = self.backend, self.walk.imported.key_id
        plaintext = self.walk.plaintext_file
        assert backend is not None
        after = [
            ("key Enabled", lambda: checks.key_enabled(backend, key_id, plaintext)),
            ("encrypt and decrypt", lambda: checks.encrypt_decrypt(backend, key_id)),
            ("RSA_2048: wrap and import", lambda: self._import_rsa(backend)),
            ("RSA_2048: sign and verify", lambda: asym_check.sign_verify(backend, self.rsa_id)),
        ]
        if not all(run_step(self.report, name, check) for name, check in after):
            return
        found = token_check.softhsm()
        if isinstance(found, str):
            self.report.skipped("token path (PKCS#11)", found)
        else:
            module, util = found
            check = lambda: token_check.token_path(backend, self.folder, module, util)  # noqa: E731
            if not run_step(self.report, "token path (PKCS#11)", check):
                return
        run_step(self.report, "no errors logged", self._no_errors_logged)

    def _start_qt(self) -> str:
        self.app = QApplication.instance() or QApplication(sys.argv[:1])  # type: ignore[assignment]
        assert self.app is not None
        self.app.setApplicationName("Keyferry")
        self.app.setOrganizationName("Keyferry")
        qInstallMessageHandler(_on_qt_message)
        platform = self.app.platformName()
        if platform != "offscreen":
            raise StepFailed(f"Qt started on the platform {platform!r}, not offscreen")
        return f"Qt {qVersion()}, PySide6 {PySide6.__version__}, platform {platform}"

    def _open_store(self) -> str:
        store, key_file = self.folder / "store", self.folder / "master.key"
        self.backend = open_local(store, master_key_file=key_file)
        return f"{store}, master key in {key_file.name} (not the keyring)"

    def _import_rsa(self, backend: KmsBackend) -> str:
        self.rsa_id, line = asym_check.import_rsa(backend)
        return line

    def _walk_the_wizard(self) -> None:
        assert self.app is not None and self.backend is not None
        downloads = self.folder / "downloads"
        downloads.mkdir()
        runner = TaskRunner()
        wizard = ImportKeyWizard(self.backend, runner)
        self.walk = ImportWalk(
            wizard, runner, folder=downloads, alias=time.strftime("self-test-%Y%m%d%H%M%S")
        )
        walk = Walk(
            self.walk.steps(),
            self.report,
            timeout_s=self.timeout_s,
            describe_state=self.walk.describe_state,
            wake_on=[runner.idle, wizard.currentIdChanged],
        )
        walk.finished.connect(self.app.quit)
        wizard.show()
        walk.start()
        try:
            self.app.exec()
        finally:
            wizard.hide()
            runner.shutdown(wait=True)  # a job still running finishes before the store closes
            shiboken6.delete(wizard)
            shiboken6.delete(walk)

    def _no_errors_logged(self) -> str:
        if self.errors.records:
            first = self.errors.records[0]
            raise StepFailed(
                f"the program logged {len(self.errors.records)} error(s), the "
                f"first: {first.name}: {first.getMessage()}"
            )
        return "none"


def _on_qt_message(kind: QtMsgType, _context: object, message: str) -> None:
    """Qt's own warnings go to stderr, except the offscreen platform's known noise."""
    if kind == QtMsgType.QtDebugMsg or any(noise in message for noise in _HARMLESS_QT):
        return
    print(f"qt: {message}", file=sys.stderr, flush=True)
