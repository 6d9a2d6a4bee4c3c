"""What the list window's dialogs share: a form, a notice for errors, OK and Cancel, and the
busy state while the dialog's operation runs on the task runner.

A dialog never calls the KMS itself. OK emits ``submitted``; the window runs the operation
and then calls ``finish()`` (success) or ``show_error()`` (failure, with the KMS code, the
user's input left as it was so they can fix it and try again). Dialogs open with ``open()``:
window-modal, no nested event loop.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.formatting import without_mnemonic
from app.gui.geometry import chars, fit_dialog, grow_dialog
from app.gui.icons import destructive_icon
from app.gui.messages import error_sentence, error_text
from app.gui.widgets.notice import Kind, Notice, ProblemLabel
from app.model.errors import KmsError

__all__ = ["KeyDialog", "error_text", "problem_label", "show_problem"]


def problem_label(parent: QWidget, name: str) -> QLabel:
    """The small red line under a field that says what is wrong with it."""
    label = ProblemLabel(parent, object_name=name)
    label.hide()
    return label


def show_problem(label: QLabel, problem: KmsError | None) -> None:
    label.setText(error_sentence(problem) if problem else "")
    label.setAccessibleName(label.text())
    label.setVisible(problem is not None)


class KeyDialog(QDialog):
    """A dialog for one operation on the KMS. Subclasses fill ``form`` and call
    ``set_ready`` as their input becomes valid or invalid."""

    #: OK was pressed with valid input; the window runs the operation.
    submitted = Signal()
    #: The width the dialog opens at, in average characters of its font.
    width_chars: ClassVar[int] = 68

    def __init__(
        self,
        parent: QWidget | None,
        *,
        name: str,
        title: str,
        ok_text: str,
        destructive: bool = False,
    ) -> None:
        """``destructive``: OK confirms a step that deletes something; its button shows a
        delete icon, never the style's green OK."""
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        #: The widget the keyboard starts in (set by each dialog).
        self.first_field: QWidget | None = None
        self.busy = False
        self._ready = True
        self.intro = QLabel(self)
        self.intro.setObjectName("introLabel")
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.notice = Notice(self, object_name="dialogNotice")
        self.notice.shown.connect(self._on_notice_shown)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("okButton")
        self.ok_button.setText(ok_text)
        if destructive:
            self.ok_button.setIcon(destructive_icon())
        self.ok_button.setAccessibleName(without_mnemonic(ok_text))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancelButton")
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.notice)
        layout.addWidget(self.buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.first_field is not None:
            self.first_field.setFocus(Qt.FocusReason.OtherFocusReason)
        fit_dialog(self, chars(self, self.width_chars))

    def _on_notice_shown(self) -> None:
        # A message that appears after the dialog opened takes room from the form otherwise.
        if self.isVisible():
            grow_dialog(self)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def set_ready(self, ready: bool) -> None:
        """Whether the input is valid (OK is enabled only then, and not while busy)."""
        self._ready = ready
        self.ok_button.setEnabled(ready and not self.busy)

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        for child in self.findChildren(QWidget):
            if child.property("lockWhileBusy"):
                child.setEnabled(not busy)
        self.ok_button.setEnabled(self._ready and not busy)
        if busy:
            self.notice.show_text(self.tr("Working\u2026"), Kind.INFO)

    def lock_while_busy(self, *widgets: QWidget) -> None:
        for widget in widgets:
            widget.setProperty("lockWhileBusy", True)

    def show_error(self, error: BaseException) -> None:
        self.set_busy(False)
        self.notice.show_text(error_text(error), Kind.ERROR)

    def finish(self) -> None:
        self.set_busy(False)
        self.accept()

    def _on_buttons_accepted(self) -> None:
        if self._ready and not self.busy:
            self.notice.clear_text()
            self.submitted.emit()

    def reject(self) -> None:
        # Cancel while the operation runs would hide its outcome; the window still applies
        # the result, but the user should see whether it worked.
        if not self.busy:
            super().reject()
