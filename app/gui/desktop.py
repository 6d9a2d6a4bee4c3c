"""The desktop session: the open backend and the list window on it.

Choosing another KMS (the window's Connection menu) opens that backend on a task runner of
its own (it may ask the keyring or the network), then puts a new window on it in the old
one's place; the old runner drops its queued jobs, closes the old backend after the one it
is running, and goes. So the local engine never waits behind a remote KMS that hangs.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject

from app.backends.base import KmsBackend
from app.backends.factory import BackendSettings, RemoteSettings, open_backend, open_remote
from app.backends.local import LocalBackend
from app.gui.main_window import CmkListWindow
from app.gui.messages import error_text
from app.gui.tasks import TaskRunner
from app.gui.widgets.notice import Kind


class Desktop(QObject):
    def __init__(self, settings: BackendSettings, runner: TaskRunner) -> None:
        """``settings`` give the local store the Connection menu's local choice opens."""
        super().__init__()
        self.setObjectName("desktop")
        self._local = replace(settings, endpoint=None, profile=None)
        self._runner = runner
        self.window: CmkListWindow | None = None
        self.backend: KmsBackend | None = None

    @property
    def runner(self) -> TaskRunner:
        """The runner of the current window's backend."""
        return self._runner

    def show(self, backend: KmsBackend, runner: TaskRunner | None = None) -> CmkListWindow:
        """A list window on ``backend`` (with ``runner``, its own, when given), replacing the
        current one; the old backend closes on the old runner, which is then let go."""
        old_window, old_backend, old_runner = self.window, self.backend, self._runner
        self._runner = runner or self._runner
        window = CmkListWindow(backend, self._runner)
        window.kmsChosen.connect(self._on_window_kmsChosen)
        window.master_key.storeOpened.connect(self._on_master_key_storeOpened)
        window.master_key.keyMoved.connect(self._on_master_key_keyMoved)
        if old_window is not None:
            window.setGeometry(old_window.geometry())
        window.show()
        self.window, self.backend = window, backend
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        if old_backend is not None and old_runner is not self._runner:
            old_runner.retire(old_backend.close)
        elif old_backend is not None:
            self._runner.run(old_backend.close, context=self)
        return window

    def close(self) -> None:
        """Close the backend (call after the runner has finished its jobs)."""
        if self.backend is not None:
            self.backend.close()
            self.backend = None

    def _on_master_key_storeOpened(self, backend: KmsBackend, warning: str) -> None:
        """The store opened with the master-key file chosen in the window: that file is
        the local store's from now on (the Connection menu's local choice too)."""
        self._on_master_key_keyMoved(
            backend.master_key_file if isinstance(backend, LocalBackend) else None
        )
        window = self.show(backend)
        if warning:
            window.notice.show_text(warning, Kind.WARNING)

    def _on_master_key_keyMoved(self, key_file: Path | None) -> None:
        self._local = replace(self._local, master_key_file=key_file)

    def _on_window_kmsChosen(self, settings: RemoteSettings | None) -> None:
        window = self.window
        if window is None:
            return
        window.statusBar().showMessage(self.tr("Connecting\u2026"))
        local = self._local

        def open_chosen() -> KmsBackend:
            if settings is None:
                return open_backend(local)
            backend = open_remote(settings)
            try:  # a KMS that does not answer must not replace a working window
                backend.list_keys(limit=1)
            except BaseException:
                backend.close()
                raise
            return backend

        def failed(error: BaseException) -> None:
            if self.window is window:
                window.statusBar().clearMessage()
                window.notice.show_text(error_text(error), Kind.ERROR)

        # A runner of its own: opening the chosen KMS never waits behind calls to this one.
        opener = TaskRunner()

        def opened(backend: KmsBackend) -> None:
            self.show(backend, opener)

        def not_opened(error: BaseException) -> None:
            opener.retire()
            failed(error)

        opener.run(open_chosen, context=self, on_success=opened, on_failure=not_opened)
