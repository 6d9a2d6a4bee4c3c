"""Starting the desktop program: the Qt application, the backend, the first window.

The list window is shown at once on the local engine, which opens on the task runner with
the first page of keys (it may ask the keyring, and importing and opening it is a good part
of start-up): a store that cannot be opened is said in the window, whose Connection menu
offers another KMS. A remote KMS named on the command line, and the wizard started alone,
are opened before their window; a failure there is a dialog that says what to do. Never a
traceback.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from app.model.errors import KmsError, SetupError

if TYPE_CHECKING:
    from app.backends.factory import BackendSettings


def run_gui(settings: BackendSettings, *, start: str, resume_key_id: str | None = None) -> int:
    """Run the window ``start`` names ("list" or "wizard", which ``resume_key_id`` may give
    a Pending import key to resume) on the KMS ``settings`` name; the exit status."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.backends.factory import open_backend
    from app.gui.appearance import prepare_application
    from app.gui.icons import application_icon
    from app.gui.master_key_place import with_remembered_master_key
    from app.gui.messages import error_text
    from app.gui.tasks import TaskRunner

    running = QApplication.instance()
    app = running if isinstance(running, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Keyferry")
    app.setOrganizationName("Keyferry")
    app.setApplicationDisplayName("Keyferry")
    app.setWindowIcon(application_icon())
    app.setDesktopFileName("io.github.keyferry.Keyferry")  # Wayland: the .desktop, its icon
    prepare_application(app)  # palette, language (after the names: QSettings needs them)
    settings = with_remembered_master_key(settings)
    try:
        backend = open_backend(settings, lazily=start == "list")
    except (SetupError, KmsError) as error:
        QMessageBox.critical(
            None,
            QCoreApplication.translate("Keyferry", "Keyferry cannot open its key store"),
            error_text(error),
        )
        return 2
    runner = TaskRunner()
    if start == "wizard":
        from app.gui.wizard.wizard import ImportKeyWizard

        wizard = ImportKeyWizard(backend, runner, resume_key_id=resume_key_id)
        wizard.show()
        try:
            return app.exec()
        finally:
            runner.shutdown(wait=True)
            backend.close()
    from app.gui.desktop import Desktop

    desktop = Desktop(settings, runner)
    desktop.show(backend)
    try:
        return app.exec()
    finally:
        desktop.runner.shutdown(wait=True)  # the current backend's last jobs finish
        desktop.close()
