"""Shell commands to read and copy: each in a fixed-width font, wrapped so the whole command
shows, selectable, with a Copy button, so a user can run by hand exactly what the program
does for them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QWidget

from app.gui.appearance import fixed_font


@dataclass
class _Row:
    title: QLabel
    line: QLabel
    copy: QPushButton


class CommandList(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(0, 1)
        self._rows: list[_Row] = []
        self._font = fixed_font()

    def setCommands(self, commands: list[tuple[str, str]]) -> None:
        """(title, command) pairs, in the order to run them. Rows are reused, so changing a
        file name only changes text."""
        while len(self._rows) < len(commands):
            self._rows.append(self._add_row(len(self._rows)))
        for index, row in enumerate(self._rows):
            shown = index < len(commands)
            for widget in (row.title, row.line, row.copy):
                widget.setVisible(shown)
            if shown:
                title, command = commands[index]
                row.title.setText(title)
                row.line.setText(command)
                row.line.setAccessibleName(title)
                row.copy.setAccessibleName(self.tr("Copy: %1").replace("%1", title))

    def commands(self) -> list[str]:
        return [row.line.text() for row in self._rows if not row.line.isHidden()]

    def _add_row(self, index: int) -> _Row:
        row = _Row(QLabel(self), QLabel(self), QPushButton(self.tr("Copy"), self))
        row.line.setObjectName("commandLine")
        row.line.setTextFormat(Qt.TextFormat.PlainText)
        row.line.setWordWrap(True)  # at the spaces between arguments
        row.line.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        row.line.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        row.line.setFrameShape(QFrame.Shape.StyledPanel)
        row.line.setMargin(3)
        row.line.setFont(self._font)
        row.copy.setObjectName("copyCommandButton")
        row.copy.setAutoDefault(False)
        row.copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(row.line.text()))
        self._grid.addWidget(row.title, 2 * index, 0, 1, 2)
        self._grid.addWidget(row.line, 2 * index + 1, 0)
        self._grid.addWidget(row.copy, 2 * index + 1, 1, Qt.AlignmentFlag.AlignTop)
        return row
