"""Leaving the wizard after it created a key: the key exists with empty material (Pending
import), as in the console. Cancel asks what to do with it: keep it, to finish later from the
key list (Import material again), or schedule its deletion (the shortest waiting period, 7
days, during which it can still be cancelled); or go back to the wizard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from app.backends.base import KmsBackend
from app.gui.icons import destructive_icon
from app.gui.messages import error_text
from app.gui.tasks import TaskRunner
from app.model.keys import Cmk
from app.model.rules import PENDING_DAYS_MIN


def ask_about_left_key(
    wizard: QWidget,
    key: Cmk,
    backend: KmsBackend,
    runner: TaskRunner,
    *,
    on_left: Callable[[], None],
) -> QMessageBox:
    """Ask (window-modal, no nested event loop); ``on_left`` once the user's choice is done."""
    box = QMessageBox(wizard)
    box.setObjectName("leaveWizardBox")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("LeaveWizard", "Stop importing?"))
    box.setText(
        QCoreApplication.translate(
            "LeaveWizard", "The key %1 exists, with empty key material (Pending import)."
        ).replace("%1", key.alias)
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "LeaveWizard",
            "Keep it to finish later: in the key list, Import material again. Or schedule its "
            "deletion in %1 days (it can be cancelled until then).",
        ).replace("%1", str(PENDING_DAYS_MIN))
    )
    keep = box.addButton(
        QCoreApplication.translate("LeaveWizard", "&Keep the key"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    keep.setObjectName("keepKeyButton")
    delete = box.addButton(
        QCoreApplication.translate("LeaveWizard", "&Schedule its deletion"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    delete.setObjectName("scheduleKeyDeletionButton")
    delete.setIcon(destructive_icon())
    back = box.addButton(
        QCoreApplication.translate("LeaveWizard", "&Back to the wizard"),
        QMessageBox.ButtonRole.RejectRole,
    )
    back.setObjectName("backToWizardButton")
    box.setDefaultButton(back)
    box.setEscapeButton(back)

    def chosen(button: QAbstractButton) -> None:
        if button is keep:
            on_left()
        elif button is delete:
            runner.run(
                lambda: backend.schedule_key_deletion(
                    key_id=key.key_id, pending_days=PENDING_DAYS_MIN
                ),
                context=wizard,
                on_success=lambda _key: on_left(),
                on_failure=lambda error: _failed(wizard, error),
            )

    box.buttonClicked.connect(chosen)
    box.open()
    return box


def _failed(wizard: QWidget, error: BaseException) -> None:
    failure = QMessageBox(wizard)
    failure.setObjectName("leaveWizardFailure")
    failure.setIcon(QMessageBox.Icon.Warning)
    failure.setWindowTitle(QCoreApplication.translate("LeaveWizard", "Stop importing?"))
    failure.setText(
        QCoreApplication.translate(
            "LeaveWizard", "The key's deletion could not be scheduled: %1"
        ).replace("%1", error_text(error))
    )
    failure.open()
