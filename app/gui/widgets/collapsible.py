"""A collapsible panel: a toggle button with an arrow, and read-only text shown below it when
open. Used for details most users skip, such as the API call behind a page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QToolButton, QVBoxLayout, QWidget

from app.gui.appearance import fixed_font
from app.gui.formatting import without_mnemonic


class CollapsiblePanel(QWidget):
    def __init__(self, title: str, *, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QToolButton(self)
        self.toggle.setObjectName(object_name + "Toggle")
        self.toggle.setText(title)
        self.toggle.setAccessibleName(without_mnemonic(title))
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.toggled.connect(self._on_toggle_toggled)
        self.content = QPlainTextEdit(self)
        self.content.setObjectName(object_name + "Text")
        self.content.setAccessibleName(without_mnemonic(title))
        self.content.setReadOnly(True)
        self.content.setFont(fixed_font())
        self.content.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.content.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle)
        layout.addWidget(self.content)

    def setText(self, text: str) -> None:
        self.content.setPlainText(text)

    def _on_toggle_toggled(self, open_: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        self.content.setVisible(open_)
