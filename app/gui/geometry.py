"""Sizes from the user's font and screen, never from pixel constants.

A width is a number of average characters of the widget's own font, a height a number of
its lines, so a 14 pt font or a 2x scale grows them with the text they hold. A window
opens at the size it would like, but never larger than the free area of the screen it is
on (``availableGeometry``: without the panels), and inside it.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: What a window leaves free around it on a screen it would otherwise fill: its frame.
_FRAME_MARGIN = 2


def chars(widget: QWidget, count: float) -> int:
    """The width of ``count`` average characters of ``widget``'s font."""
    return round(widget.fontMetrics().averageCharWidth() * count)


def lines(widget: QWidget, count: float) -> int:
    """The height of ``count`` lines of ``widget``'s font."""
    return round(widget.fontMetrics().lineSpacing() * count)


def text_size(widget: QWidget, width_chars: float, height_lines: float) -> QSize:
    return QSize(chars(widget, width_chars), lines(widget, height_lines))


def available(widget: QWidget) -> QRect:
    """The free area of the screen ``widget`` is on (or will open on)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(window: QWidget, preferred: QSize) -> None:
    """Resize ``window`` to ``preferred`` (at least its own size hint), within the free area
    of its screen, and keep its minimum size inside that area too; then move it inside."""
    area = available(window)
    room = QSize(
        max(1, area.width() - 2 * _FRAME_MARGIN), max(1, area.height() - 2 * _FRAME_MARGIN)
    )
    window.setMinimumSize(window.minimumSize().boundedTo(room))
    wanted = preferred.expandedTo(window.sizeHint()).boundedTo(room)
    window.resize(wanted)
    keep_inside(window, area)


def keep_inside(window: QWidget, area: QRect | None = None) -> None:
    """Make all of a top-level ``window``, its frame included, lie on the free area of its
    screen: smaller if it must be, then moved."""
    area = area or available(window)
    decoration = window.frameGeometry().size() - window.geometry().size()
    room = (area.size() - decoration).expandedTo(QSize(1, 1))
    if window.width() > room.width() or window.height() > room.height():
        window.setMinimumSize(window.minimumSize().boundedTo(room))
        window.resize(window.size().boundedTo(room))
    frame = window.frameGeometry()
    x = min(max(frame.x(), area.left()), max(area.left(), area.right() + 1 - frame.width()))
    y = min(max(frame.y(), area.top()), max(area.top(), area.bottom() + 1 - frame.height()))
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)


def fit_dialog(dialog: QWidget, width: int) -> None:
    """``dialog`` ``width`` wide (at least what its content needs, at most the screen) and
    as tall as its content is at that width (wrapped labels measured at the real width: no
    gap, no overlap), then moved inside the screen."""
    area = available(dialog)
    room = QSize(area.width() - 2 * _FRAME_MARGIN, area.height() - 2 * _FRAME_MARGIN)
    width = min(max(width, dialog.minimumSizeHint().width()), room.width())
    layout = dialog.layout()
    if layout is not None and layout.hasHeightForWidth():
        height = layout.totalHeightForWidth(width)
    else:
        height = dialog.sizeHint().height()
    dialog.setMinimumSize(dialog.minimumSize().boundedTo(room))
    dialog.resize(width, min(max(height, dialog.minimumSizeHint().height()), room.height()))
    keep_inside(dialog, area)


def grow_dialog(dialog: QWidget) -> None:
    """Make ``dialog`` as tall as its content now is at its width, if that is taller (a
    message that appeared); never shorter, so a size the user chose stays."""
    layout = dialog.layout()
    if layout is not None and layout.hasHeightForWidth():
        needed = layout.totalHeightForWidth(dialog.width())
    else:
        needed = dialog.sizeHint().height()
    needed = max(needed, dialog.minimumSizeHint().height())
    if needed > dialog.height():
        dialog.resize(dialog.width(), needed)
        keep_inside(dialog)  # still within the screen, moved up if need be
