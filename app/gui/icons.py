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


#: Each action's icon: its name in the desktop's icon theme (the freedesktop naming spec, or
#: a name themes commonly have), and the file bundled for desktops whose theme lacks it.
ACTION_ICONS: dict[str, tuple[str, str]] = {
    "importKeyAction": ("document-import", "import"),
    "createKeyAction": ("document-new", "new"),
    "enableAction": ("media-playback-start", "enable"),
    "disableAction": ("media-playback-pause", "disable"),
    "scheduleDeletionAction": ("edit-delete", "delete"),
    "cancelDeletionAction": ("edit-undo", "undo"),
    "editAliasAction": ("document-properties", "edit"),
    "editTagsAction": ("tag", "tag"),
    "deleteMaterialAction": ("edit-clear", "clear"),
    "reimportAction": ("document-import", "import"),
    "tryItAction": ("system-run", "try"),
}


def action_icon(name: str) -> QIcon:
    """The icon of the action ``name`` (an object name of ``ACTION_ICONS``): the theme's,
    else Keyferry's own."""
    theme_name, bundled = ACTION_ICONS[name]
    return QIcon.fromTheme(theme_name, QIcon(str(resource(f"icons/actions/{bundled}.svg"))))


def destructive_icon() -> QIcon:
    """For the button that confirms a destructive step (never the style's green OK)."""
    return action_icon("scheduleDeletionAction")
