"""The files of a download as the Download page shows them: each with its full path, a line
on when they expire (or why they cannot be used), and Show in folder."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from app.material.import_items import ImportItems


class ImportItemsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: ImportItems | None = None
        self.files = QListWidget(self, objectName="downloadedFilesList")
        self.files.setAccessibleName(self.tr("Downloaded files"))
        self.files.setMaximumHeight(80)
        self.state = QLabel(self, objectName="expiryLabel", wordWrap=True)
        self.show_folder = QPushButton(
            self.tr("&Show in folder"), self, objectName="showInFolderButton"
        )
        self.show_folder.setAccessibleName(self.tr("Show in folder"))
        self.show_folder.setAutoDefault(False)
        self.show_folder.clicked.connect(self._on_show_folder_clicked)
        label = QLabel(self.tr("Files:"), self)
        label.setBuddy(self.files)
        row = QHBoxLayout()
        row.addWidget(self.state, 1)
        row.addWidget(self.show_folder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.files)
        layout.addLayout(row)

    def show_items(self, items: ImportItems | None, state: str) -> None:
        """``items`` (or none yet), and ``state``: when they expire, or why not usable."""
        self._items = items
        self.files.clear()
        for path in items.paths() if items is not None else ():
            self.files.addItem(str(path))
            self.files.item(self.files.count() - 1).setToolTip(str(path))
        self.state.setText(state)
        self.show_folder.setEnabled(items is not None)

    def _on_show_folder_clicked(self) -> None:
        if self._items is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._items.readme.parent)))
