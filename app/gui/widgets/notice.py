"""A notice: one label that shows an error, a warning, a success or a plain note in a style
that reads the same on light and dark palettes. Pages use it for what went wrong and what to
do, and screen readers hear it (its accessible description follows the text).

``ProblemLabel`` is the small red line under a field (or beside a tag row) that says what is
wrong with it. Both pick their colours for the palette they are shown on, and pick again when
the palette changes (the desktop turned dark while Keyferry was open).
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget


class Kind(Enum):
    INFO = ("", "")
    SUCCESS = ("#2e7d32", "rgba(46, 125, 50, 0.12)")
    WARNING = ("#8a5a00", "rgba(230, 160, 0, 0.16)")
    ERROR = ("#c62828", "rgba(198, 40, 40, 0.10)")


#: Text colours for the same kinds on a dark palette (same hues, light enough to read).
_ON_DARK = {Kind.SUCCESS: "#81c784", Kind.WARNING: "#ffb74d", Kind.ERROR: "#ef9a9a"}


def _on_dark(widget: QWidget) -> bool:
    """Whether ``widget`` sits on a dark palette: its parent's (a label's own palette holds
    the background its style sheet gave it), or the application's."""
    parent = widget.parentWidget()
    palette = parent.palette() if parent is not None else QApplication.palette(widget)
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def text_colour(kind: Kind, widget: QWidget) -> str:
    """The text colour of ``kind`` on the palette ``widget`` is shown with ("" for INFO)."""
    colour = kind.value[0]
    return _ON_DARK[kind] if colour and _on_dark(widget) else colour


class _PaletteAware(QLabel):
    """A label whose style sheet depends on the palette: ``_restyle`` runs again when the
    palette it sits on turns from light to dark or back.

    A label with a style sheet no longer hears palette changes itself, so it listens to its
    parent's (an event filter, moved along when the label is re-parented)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._styled_dark: bool | None = None
        self._watched: QWidget | None = None
        self._watch_parent()

    def _watch_parent(self) -> None:
        parent = self.parentWidget()
        if parent is self._watched:
            return
        if self._watched is not None:
            self._watched.removeEventFilter(self)
        self._watched = parent
        if parent is not None:
            parent.installEventFilter(self)

    def _palette_maybe_changed(self) -> None:
        if self._styled_dark is not None and self._styled_dark != _on_dark(self):
            self._apply_style()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._watched and event.type() == QEvent.Type.PaletteChange:
            self._palette_maybe_changed()
        return False

    def _restyle(self) -> None:
        raise NotImplementedError

    def _apply_style(self) -> None:
        self._styled_dark = _on_dark(self)
        self._restyle()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ParentChange:  # a table cell takes its label, say
            self._watch_parent()
            self._palette_maybe_changed()
        elif event.type() == QEvent.Type.PaletteChange:
            self._palette_maybe_changed()


class Notice(_PaletteAware):
    """A word-wrapped, selectable banner; hidden while it has no text."""

    #: A text was shown (a page in a scroll area brings it into view).
    shown = Signal()

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
        self._apply_style()
        self.setText(text)
        self.setAccessibleName(text)
        self.setVisible(bool(text))
        if text:
            self.shown.emit()

    def _restyle(self) -> None:
        style = "padding: 6px 8px; border-radius: 4px;"
        colour = text_colour(self.kind, self)
        if colour:
            style += f" color: {colour}; background: {self.kind.value[1]};"
        self.setStyleSheet(style)

    def clear_text(self) -> None:
        self.show_text("")


class ProblemLabel(_PaletteAware):
    """A word-wrapped line in the error colour, for what is wrong with one field."""

    def __init__(
        self, parent: QWidget | None = None, *, object_name: str = "", padding: str = ""
    ) -> None:
        super().__init__(parent)
        if object_name:
            self.setObjectName(object_name)
        self._padding = padding
        self.kind = Kind.ERROR
        self.setWordWrap(True)
        self._apply_style()

    def set_kind(self, kind: Kind) -> None:
        """ERROR (the default) for what is wrong; WARNING for what is allowed but rarely
        meant."""
        if kind is not self.kind:
            self.kind = kind
            self._apply_style()

    def _restyle(self) -> None:
        padding = f" padding: {self._padding};" if self._padding else ""
        self.setStyleSheet(f"color: {text_colour(self.kind, self)};{padding}")
