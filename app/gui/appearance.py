"""How Keyferry looks on the desktop: the system's light or dark palette, and windows that
come back where the user left them. (The icon is ``icons.py``'s.)

Qt (6.5 and later) takes the palette and the colour scheme from the desktop: Windows,
macOS, GNOME and KDE hand it a dark palette when the desktop is dark, and a change of scheme
reaches every widget as a palette change (our notices and problem lines restyle themselves
then, see ``widgets/notice.py``). Some desktops only say "dark" (``QStyleHints.colorScheme``)
and leave the palette light; ``follow_color_scheme`` then puts a dark palette in place, and
takes it away again when the desktop turns light.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from app.gui.geometry import available, keep_inside

#: A restored window must show at least this much of itself on some screen.
_VISIBLE = QSize(160, 60)


def fixed_font() -> QFont:
    """The system's fixed-width font at the size of the application's font: commands and API
    text grow with the user's font as the labels around them do."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    size = QGuiApplication.font().pointSizeF()
    if size > 0:
        font.setPointSizeF(size)
    return font


def is_dark(palette: QPalette) -> bool:
    """Whether a palette is dark (light text on a dark window)."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def dark_palette() -> QPalette:
    """A dark palette, as a dark desktop theme hands Qt one."""
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    palette = QPalette()
    colours = {
        role.Window: "#2b2d30",
        role.WindowText: "#dfe1e5",
        role.Base: "#1e1f22",
        role.AlternateBase: "#26282b",
        role.ToolTipBase: "#3c3f41",
        role.ToolTipText: "#dfe1e5",
        role.Text: "#dfe1e5",
        role.Button: "#393b40",
        role.ButtonText: "#dfe1e5",
        role.BrightText: "#ffffff",
        role.Highlight: "#2f65ca",
        role.HighlightedText: "#ffffff",
        role.Link: "#6ea8fe",
        role.PlaceholderText: "#868a91",
        role.Light: "#4a4d52",
        role.Midlight: "#3c3f44",
        role.Mid: "#2f3134",
        role.Dark: "#1b1c1f",
        role.Shadow: "#000000",
    }
    for which, colour in colours.items():
        palette.setColor(which, QColor(colour))
    for which in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, which, QColor("#6f737a"))
    return palette


class SchemeFollower(QObject):
    """Keeps the application's palette as dark or light as the desktop's colour scheme."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("schemeFollower")
        self._app = app
        self._ours = False  # whether the palette in place is the one we set
        app.styleHints().colorSchemeChanged.connect(self.follow)
        self.follow(app.styleHints().colorScheme())

    def follow(self, scheme: Qt.ColorScheme) -> None:
        """Dark scheme, light palette: use a dark one. Light scheme: drop ours."""
        dark = is_dark(self._app.palette())
        if scheme == Qt.ColorScheme.Dark and not dark:
            self._app.setPalette(dark_palette())
            self._ours = True
        elif scheme != Qt.ColorScheme.Dark and self._ours:
            self._app.setPalette(self._app.style().standardPalette())
            self._ours = False


def prepare_application(app: QApplication) -> None:
    """The palette and the language every Keyferry window needs (after the application's
    names are set: the language choice is in QSettings)."""
    from app.gui.language import install_language

    if app.findChild(SchemeFollower) is None:
        SchemeFollower(app)
    install_language(app)


# ------------------------------------------------------------------ window geometry


def _shows_enough(frame: QRect) -> bool:
    """Whether a window's frame shows a usable part of itself on some screen."""
    for screen in QGuiApplication.screens():
        seen = screen.availableGeometry().intersected(frame)
        if seen.width() >= _VISIBLE.width() and seen.height() >= _VISIBLE.height():
            return True
    return False


def restore_geometry(window: QWidget, key: str, default: QSize) -> None:
    """The window's size and place from last time, or ``default`` (at most the screen)
    centred on the primary screen when there is none or it would not show (a screen
    that has gone, a smaller one)."""
    saved = QSettings().value(f"{key}/geometry")
    if (
        isinstance(saved, QByteArray)
        and not saved.isEmpty()
        and window.restoreGeometry(saved)
        and _shows_enough(window.frameGeometry())
    ):
        # Last time's screen may have been larger (or the scale smaller) than now.
        window.resize(window.size().boundedTo(available(window).size()))
        keep_inside(window)
        return
    screen = QGuiApplication.primaryScreen()
    area = screen.availableGeometry() if screen is not None else QRect(0, 0, 1920, 1080)
    size = default.boundedTo(area.size())
    window.resize(size)
    window.move(area.center() - QRect(0, 0, size.width(), size.height()).center())


def save_geometry(window: QWidget, key: str) -> None:
    QSettings().setValue(f"{key}/geometry", window.saveGeometry())
