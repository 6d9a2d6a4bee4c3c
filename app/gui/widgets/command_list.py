"""Shell commands to read and copy: each on a read-only line in a fixed-width font with a
Copy button, so a user can run by hand exactly what the program does for them."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QWidget


class CommandList(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(0, 1)
        self._lines: list[QLineEdit] = []

    def setCommands(self, commands: list[tuple[str, str]]) -> None:
        """(title, command) pairs, in the order to run them."""
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self._lines = []
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        for number, (title, command) in enumerate(commands):
            label = QLabel(title, self)
            line = QLineEdit(command, self)
            line.setObjectName("commandLine")
            line.setReadOnly(True)
            line.setFont(mono)
            line.setCursorPosition(0)
            line.setAccessibleName(title)
            self._lines.append(line)
            label.setBuddy(line)
            copy = QPushButton(self.tr("Copy"), self)
            copy.setObjectName("copyCommandButton")
            copy.setAccessibleName(self.tr("Copy: %1").replace("%1", title))
            copy.setAutoDefault(False)
            copy.clicked.connect(lambda _=False, text=command: self._copy(text))
            self._grid.addWidget(label, 2 * number, 0, 1, 2)
            self._grid.addWidget(line, 2 * number + 1, 0)
            self._grid.addWidget(copy, 2 * number + 1, 1)

    def commands(self) -> list[str]:
        return [line.text() for line in self._lines]

    def _copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
