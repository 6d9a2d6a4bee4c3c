"""The state badge: a key's state as a coloured, rounded label with the state's name.

The colour says the state at a glance (green Enabled, grey Disabled, red Pending deletion,
amber Pending import); the name is always written too, so colour is never the only signal.
Fills are dark enough for white text on light and dark palettes alike.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.gui.formatting import state_label
from app.model.keys import KeyState

STATE_COLOURS: dict[KeyState, str] = {
    KeyState.PENDING_ACTIVATION: "#1565c0",
    KeyState.ENABLED: "#2e7d32",
    KeyState.DISABLED: "#5f6368",
    KeyState.PENDING_DELETION: "#c62828",
    KeyState.PENDING_IMPORT: "#a15c00",
}
_PAD_X = 8
_PAD_Y = 2
_MARGIN = 4


def badge_style(state: KeyState) -> str:
    """The same badge as a style sheet, for labels outside the table (the details pane)."""
    return (
        f"background: {STATE_COLOURS[state]}; color: white; border-radius: 8px;"
        f" padding: {_PAD_Y}px {_PAD_X}px; font-weight: 600;"
    )


class StateBadgeDelegate(QStyledItemDelegate):
    """Paints the ``StateRole`` of a cell as a badge."""

    def __init__(self, state_role: int, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._role = state_role

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        state = index.data(self._role)
        if not isinstance(state, KeyState):
            super().paint(painter, option, index)
            return
        # Only the selection: the view has painted the row's (alternate) background, and
        # initStyleOption would ask the model for every role of the cell, which costs.
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawPrimitive(
            QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget
        )
        text = state_label(state)
        font = QFont(option.font)
        font.setBold(True)
        metrics = QFontMetrics(font)
        width = metrics.horizontalAdvance(text) + 2 * _PAD_X
        height = metrics.height() + 2 * _PAD_Y
        rect = option.rect
        badge = QRectF(
            rect.x() + _MARGIN,
            rect.y() + (rect.height() - height) / 2,
            min(width, rect.width() - 2 * _MARGIN),
            height,
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(STATE_COLOURS[state]))
        painter.drawRoundedRect(badge, height / 2, height / 2)
        painter.setPen(QColor("white"))
        painter.setFont(font)
        painter.drawText(
            badge,
            Qt.AlignmentFlag.AlignCenter,
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(badge.width()) - _PAD_X),
        )
        painter.restore()

    @staticmethod
    def widest(font: QFont) -> int:
        """The width a cell needs for the longest state name in the current language."""
        bold = QFont(font)
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        longest = max(metrics.horizontalAdvance(state_label(state)) for state in KeyState)
        return longest + 2 * (_PAD_X + _MARGIN) + 8

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        state = index.data(self._role)
        if not isinstance(state, KeyState):
            return super().sizeHint(option, index)
        font = QFont(option.font)
        font.setBold(True)
        metrics = QFontMetrics(font)
        return QSize(
            metrics.horizontalAdvance(state_label(state)) + 2 * (_PAD_X + _MARGIN) + 8,
            metrics.height() + 2 * _PAD_Y + 6,
        )
