"""The list window's View > Language and Help menus: the language actions show the choice
and remember a new one; About opens over the window."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMenu, QToolButton

from app.gui import language as lang
from app.gui.window_menus import LANGUAGE_ACTIONS
from tests.gui.list_window.driver import ListDriver


def test_the_language_menu_shows_and_remembers_the_choice(
    lw: ListDriver, compiled_translations
) -> None:
    menu = lw.window.findChild(QMenu, "languageMenu")
    assert [a.objectName() for a in menu.actions()] == list(LANGUAGE_ACTIONS.values())
    assert [a.text() for a in menu.actions()][1:] == ["English", "简体中文"]
    assert lw.action("languageEnglishAction").isChecked()  # the tests' English
    lw.action("languageChineseAction").trigger()
    lw.wait(lambda: lw.action("createKeyAction").text() == "创建密钥(&C)…")
    assert QSettings().value(lang.SETTINGS_KEY) == lang.CHINESE
    assert lw.action("languageChineseAction").isChecked()
    assert not lw.action("languageEnglishAction").isChecked()
    lw.action("languageSystemAction").trigger()
    assert QSettings().value(lang.SETTINGS_KEY) == lang.SYSTEM
    assert lang.language().choice == lang.SYSTEM


def test_help_about_opens_over_the_window(lw: ListDriver) -> None:
    lw.action("aboutAction").trigger()
    dialog = lw.dialog("aboutDialog")
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    dialog.reject()


def test_the_toolbars_overflow_button_has_a_name(lw: ListDriver) -> None:
    more = lw.window.findChild(QToolButton, "qt_toolbar_ext_button")
    assert more is not None and more.accessibleName() == "More key actions"
