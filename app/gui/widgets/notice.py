"""A notice: one label that shows an error, a warning, a success or a plain note in a style
that reads the same on light and dark palettes. Pages use it for what went wrong and what to
do, and screen readers hear it (its accessible description follows the text)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget


class Kind(Enum):
    INFO = ("", "")
    SUCCESS = ("#2e7d32", "rgba(46, 125, 50, 0.12)")
    WARNING = ("#8a5a00", "rgba(230, 160, 0, 0.16)")
    ERROR = ("#c62828", "rgba(198, 40, 40, 0.10)")


#: Text colours for the same kinds on a dark palette (same hues, light enough to read).
_ON_DARK = {Kind.SUCCESS: "#81c784", Kind.WARNING: "#ffb74d", Kind.ERROR: "#ef9a9a"}

#: The colour of inline problem text (under a field, beside a tag row).
ERROR_TEXT_STYLE = f"color: {Kind.ERROR.value[0]};"


class Notice(QLabel):
    """A word-wrapped, selectable banner; hidden while it has no text."""

    def __init__(self, parent: QWidget | None = None, *, object_name: str = "") -> None:
        super().__init__(parent)
        if object_name:
            self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = Kind.INFO
        self.hide()

    def show_text(self, text: str, kind: Kind = Kind.INFO) -> None:
        self.kind = kind
        colour, background = kind.value
        if colour and self.palette().color(QPalette.ColorRole.Window).lightness() < 128:
            colour = _ON_DARK[kind]  # the dark text colours vanish on a dark palette
        style = "padding: 6px 8px; border-radius: 4px;"
        if colour:
            style += f" color: {colour}; background: {background};"
        self.setStyleSheet(style)
        self.setText(text)
        self.setAccessibleName(text)
        self.setVisible(bool(text))

    def clear_text(self) -> None:
        self.show_text("")
