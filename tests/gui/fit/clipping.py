"""What "fits" means, as a check: a window lies on the free area of its screen, and every
label, field and button in it is shown whole. A widget is clipped when it is smaller than
it needs to be (its minimum size hint; a wrapped label, the height its width needs), or
when part of it lies outside a parent, except inside a scroll area, whose viewport clips
on purpose (the user scrolls)."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

CHECKED = (
    QLabel,
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QPlainTextEdit,
    QTextEdit,
    QAbstractSpinBox,
)
_SLACK = 1  # pixels of rounding at fractional scales


def describe(widget: QWidget) -> str:
    name = widget.objectName() or type(widget).__name__
    text = widget.text() if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)) else ""
    return f"{name} {text[:40]!r}" if text else name


def _needed_height(widget: QWidget) -> int:
    if widget.hasHeightForWidth():
        return widget.heightForWidth(widget.width())
    return widget.minimumSizeHint().height()


def _squeezed(widget: QWidget) -> str | None:
    if isinstance(widget, QAbstractScrollArea):  # it scrolls its own content
        return None
    need_w = widget.minimumSizeHint().width()
    if isinstance(widget, QLabel) and widget.wordWrap():
        need_w = 0  # a wrapped label needs height, not width
    need_h = _needed_height(widget)
    if widget.width() + _SLACK < need_w or widget.height() + _SLACK < need_h:
        return f"{widget.width()}x{widget.height()} < needed {need_w}x{need_h}"
    return None


def _is_viewport(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    return isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget


def _outside(widget: QWidget, window: QWidget) -> str | None:
    rect = QRect(0, 0, widget.width(), widget.height())
    child: QWidget = widget
    parent = widget.parentWidget()
    while parent is not None:
        rect = rect.translated(child.pos())
        if _is_viewport(parent):
            return None  # the scroll area shows the rest
        if not parent.rect().adjusted(-_SLACK, -_SLACK, _SLACK, _SLACK).contains(rect):
            return f"outside {describe(parent)} ({rect} not in {parent.rect()})"
        if parent is window:
            return None
        child, parent = parent, parent.parentWidget()
    return None


def clipped(window: QWidget) -> list[str]:
    """Every way ``window`` does not fit, as sentences ([] when it fits)."""
    problems = []
    area = window.screen().availableGeometry()
    if not area.contains(window.frameGeometry()):
        problems.append(f"window {window.frameGeometry()} is not inside the screen's {area}")
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, CHECKED) or not widget.isVisibleTo(window):
            continue
        if isinstance(widget.parentWidget(), (QLineEdit, QAbstractSpinBox, QComboBox)):
            continue  # a part of Qt's own widget (a clear button, a spin box's editor)
        for problem in (_squeezed(widget), _outside(widget, window)):
            if problem:
                problems.append(f"{describe(widget)}: {problem}")
    return problems
