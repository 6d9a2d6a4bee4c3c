"""The selected key's history in the details pane: the audit log where the KMS keeps one
Keyferry can read (the local engine), else Keyferry's import record of the key (which gives
the KCV such a KMS does not report, too). Both are read through the window's task runner,
and an answer for a key no longer selected is dropped. ``PublicKeys`` fetches an RSA or EC
key's public key the same way, for "Copy public key (PEM)"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication

from app.backends.base import KmsBackend
from app.backends.import_record import ImportEntry
from app.gui.messages import error_text
from app.gui.tasks import TaskRunner
from app.gui.widgets.details_pane import DetailsPane
from app.model.audit import AuditEntry
from app.model.keys import Cmk


class KeyHistory(QObject):
    """Loads into ``details`` the history of the key ``selected()`` names."""

    def __init__(
        self,
        backend: KmsBackend,
        runner: TaskRunner,
        details: DetailsPane,
        selected: Callable[[], str | None],
    ) -> None:
        super().__init__(details)
        self._backend, self._runner, self._details = backend, runner, details
        self._selected = selected

    def load(self, cmk: Cmk) -> None:
        if not self._backend.supports_history:
            self._load_record(cmk)
            return
        self._details.show_history(None, status=self.tr("Loading the history\u2026"))
        self._runner.run(
            lambda: self._backend.history(key_id=cmk.key_id),
            context=self._details,
            on_success=lambda entries: self._on_history(cmk.key_id, entries),
            on_failure=lambda error: self._on_history(cmk.key_id, None, error),
        )

    def _load_record(self, cmk: Cmk) -> None:
        from app.backends.import_record import ImportRecord

        where, key_id = self._backend.where, cmk.key_id
        self._details.show_history(None, status=self.tr("Loading the import record\u2026"))
        self._runner.run(
            lambda: ImportRecord().entries(key_id=key_id, kms=where),
            context=self._details,
            on_success=lambda entries: self._on_record(key_id, entries),
            on_failure=lambda error: self._on_history(key_id, None, error),
        )

    def _on_record(self, key_id: str, entries: list[ImportEntry]) -> None:
        if key_id == self._selected():
            self._details.show_record(entries)

    def _on_history(
        self, key_id: str, entries: list[AuditEntry] | None, error: BaseException | None = None
    ) -> None:
        if key_id != self._selected():
            return
        status = (
            ""
            if error is None
            else self.tr("The history could not be read: %1").replace("%1", error_text(error))
        )
        self._details.show_history(entries, status=status)


class PublicKeys(QObject):
    """Fetches the public key ``details`` asks for, puts its PEM on the clipboard and shows
    its fingerprint (computed from the PEM, for a KMS that reports none)."""

    def __init__(self, backend: KmsBackend, runner: TaskRunner, details: DetailsPane) -> None:
        super().__init__(details)
        self._backend, self._runner, self._details = backend, runner, details
        details.publicKeyRequested.connect(self._on_details_publicKeyRequested)

    def _on_details_publicKeyRequested(self, key_id: str) -> None:
        from app.gui.wizard.work_asym import public_key_fingerprint

        backend = self._backend
        self._runner.run(
            lambda: public_key_fingerprint(backend, key_id=key_id),
            context=self._details,
            on_success=lambda found: self._on_fetched(key_id, *found),
            on_failure=lambda error: self._details.show_public_key_failure(
                key_id, error_text(error)
            ),
        )

    def _on_fetched(self, key_id: str, pem: str, fingerprint: str) -> None:
        QGuiApplication.clipboard().setText(pem)
        self._details.show_public_key(key_id, fingerprint)
