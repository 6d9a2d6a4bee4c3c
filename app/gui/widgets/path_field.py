"""A file or folder field: a line edit and a Browse button that opens a file dialog without
blocking (``QFileDialog.open()``, no nested event loop). Typing and browsing both end in the
edit, so the edit's text is the one source of the path."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget


class PathMode(Enum):
    FOLDER = "folder"
    OPEN_FILE = "open"
    SAVE_FILE = "save"


class PathField(QWidget):
    """``pathChanged`` follows every change of the text, typed or browsed."""

    pathChanged = Signal(str)

    def __init__(
        self,
        mode: PathMode,
        *,
        edit_name: str,
        accessible_name: str,
        dialog_title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.mode = mode
        self._dialog_title = dialog_title
        self.edit = QLineEdit(self)
        self.edit.setObjectName(edit_name)
        self.edit.setAccessibleName(accessible_name)
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self.pathChanged)
        self.button = QPushButton(self.tr("Br&owse..."), self)
        self.button.setObjectName(edit_name.removesuffix("Edit") + "BrowseButton")
        self.button.setAccessibleName(self.tr("Browse for %1").replace("%1", accessible_name))
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self._on_button_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text).expanduser() if text else None

    def setPath(self, path: Path | str | None) -> None:
        text = "" if path is None else str(path)
        if text != self.edit.text():
            self.edit.setText(text)

    def setMode(self, mode: PathMode, dialog_title: str) -> None:
        self.mode, self._dialog_title = mode, dialog_title

    def _on_button_clicked(self) -> None:
        current = self.path()
        dialog = QFileDialog(self, self._dialog_title)
        dialog.setObjectName("pathDialog")
        if current is not None:
            dialog.setDirectory(str(current if self.mode is PathMode.FOLDER else current.parent))
            if self.mode is not PathMode.FOLDER:
                dialog.selectFile(current.name)
        if self.mode is PathMode.FOLDER:
            dialog.setFileMode(QFileDialog.FileMode.Directory)
            dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        elif self.mode is PathMode.SAVE_FILE:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        else:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.setPath)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
