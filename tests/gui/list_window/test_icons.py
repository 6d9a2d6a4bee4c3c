"""The main actions have icons (the desktop theme's, else Keyferry's own), the toolbar shows
them beside their text, and a button that confirms a deletion never wears the style's green
OK."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QPushButton, QToolBar, QToolButton

from app.gui.icons import ACTION_ICONS, action_icon
from app.resources_locator import resource
from tests.gui.list_window.driver import ListDriver


def test_every_bundled_action_icon_draws() -> None:
    for _theme_name, bundled in set(ACTION_ICONS.values()):
        icon = QIcon(str(resource(f"icons/actions/{bundled}.svg")))
        image = icon.pixmap(16, 16).toImage()
        assert not image.isNull(), bundled
        assert any(image.pixelColor(x, y).alpha() for x in range(16) for y in range(16)), bundled


def test_the_toolbar_and_the_top_buttons_show_icons(lw: ListDriver) -> None:
    toolbar = lw.window.findChild(QToolBar, "keyToolBar")
    for button in toolbar.findChildren(QToolButton):
        action = button.defaultAction()
        if action is not None and action.objectName() in ACTION_ICONS:
            assert not button.icon().isNull(), action.objectName()
    for name in ("importKeyButton", "createKeyButton"):
        assert not lw.find(QPushButton, name).icon().isNull()


def test_destructive_dialogs_confirm_with_a_delete_icon(lw: ListDriver) -> None:
    delete = action_icon("scheduleDeletionAction").pixmap(16, 16).toImage()
    lw.select("payments/prod")
    lw.trigger("scheduleDeletionAction")
    dialog = lw.dialog("scheduleDeletionDialog")
    assert dialog.ok_button.icon().pixmap(16, 16).toImage() == delete
    dialog.reject()
    lw.wait_closed(dialog)
    lw.select("byok/hsm-2026")
    lw.trigger("deleteMaterialAction")
    dialog = lw.dialog("deleteMaterialDialog")
    assert dialog.ok_button.icon().pixmap(16, 16).toImage() == delete
    dialog.reject()
