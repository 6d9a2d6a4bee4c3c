"""Keyferry's application icon, from resources/icons through the locator: the PNG sizes
packaging/linux/render_icons.py renders from the SVG, so each screen scale (high DPI
included, up to 512 px) gets a pixel-exact icon."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from app.resources_locator import resource

#: The PNG sizes packaging/linux/render_icons.py renders.
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def application_icon() -> QIcon:
    """The window icon: each PNG at its size."""
    icon = QIcon()
    for size in PNG_SIZES:
        icon.addFile(str(resource(f"icons/keyferry-{size}.png")), QSize(size, size))
    return icon
