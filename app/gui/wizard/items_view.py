"""The files of a download as the Download page shows them: each with its full path, a line
on when they expire (or why they cannot be used), and Show in folder."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.gui.geometry import lines
from app.material.import_items import ImportItems


class ImportItemsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: ImportItems | None = None
        self.files = QListWidget(self)
        self.files.setObjectName("downloadedFilesList")
        self.files.setAccessibleName(self.tr("Downloaded files"))
        # Three file names (and room for a scroll bar), from the font: no empty band.
        frame = 2 * self.files.frameWidth()
        self.files.setFixedHeight(lines(self.files, 4.5) + frame)
        self.state = QLabel(self, objectName="expiryLabel", wordWrap=True)
        self.show_folder = QPushButton(
            self.tr("&Show in folder"), self, objectName="showInFolderButton"
        )
        self.show_folder.setAccessibleName(self.tr("Show in folder"))
        self.show_folder.setAutoDefault(False)
        self.show_folder.clicked.connect(self._on_show_folder_clicked)
        label = QLabel(self.tr("Files:"), self)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        label.setBuddy(self.files)
        row = QHBoxLayout()
        row.addWidget(self.state, 1)
        row.addWidget(self.show_folder)
        # As tall as it needs: the page's free height goes to the API call below.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
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
