"""The list window from the keyboard: unique mnemonics in every menu (both languages), Alt+K
opens the Key menu, Tab leaves the table and reaches the details and the buttons, and the
keys of Help > Keyferry Help do what it says."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QMessageBox, QWidget

from app.gui.language import CHINESE, language
from app.gui.wizard.flow_types import PageId
from app.gui.wizard.wizard import ImportKeyWizard
from tests.gui.list_window.conftest import Keys
from tests.gui.list_window.driver import ListDriver

_MNEMONIC = re.compile(r"&(?!&)(.)")


def _mnemonic(text: str) -> str | None:
    found = _MNEMONIC.search(text)
    return found.group(1).upper() if found else None


def _menus(lw: ListDriver) -> list[QMenu]:
    return [action.menu() for action in lw.window.menuBar().actions() if action.menu()]


@pytest.mark.parametrize("chinese_too", [False, True])
def test_each_menu_s_mnemonics_are_unique(lw: ListDriver, chinese_too: bool, request) -> None:
    if chinese_too:
        request.getfixturevalue("compiled_translations")
        language().apply(CHINESE)
    menus = _menus(lw)
    titles = [_mnemonic(menu.title()) for menu in menus]
    assert None not in titles and len(set(titles)) == len(titles), titles
    submenus = [sub for menu in menus for sub in menu.findChildren(QMenu)]
    for menu in [*menus, *submenus]:
        # (a language's own name, "English" or "简体中文", has none: it reads the same to all)
        letters = [_mnemonic(a.text()) for a in menu.actions() if not a.isSeparator()]
        letters = [letter for letter in letters if letter]
        assert len(set(letters)) == len(letters), (menu.objectName(), letters)


def _window_mnemonics(lw: ListDriver) -> list[str]:
    """The Alt+letter of the menu bar and of every visible button and label of the window."""
    texts = [menu.title() for menu in _menus(lw)]
    for widget in lw.window.findChildren(QWidget):
        if widget.isVisible() and hasattr(widget, "text") and widget.objectName():
            text = widget.text()
            if isinstance(text, str):
                texts.append(text)
    return [letter for letter in map(_mnemonic, texts) if letter]


def test_alt_k_opens_the_key_menu_and_no_button_takes_it(lw: ListDriver) -> None:
    letters = _window_mnemonics(lw)
    assert letters.count("K") == 1
    lw.activate()
    lw.qtbot.keyClick(lw.window, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    key_menu = lw.window.menus.menus["key"]
    lw.wait(key_menu.isVisible)
    key_menu.hide()


def test_greyed_actions_say_why_in_menus_too(lw: ListDriver) -> None:
    lw.select("byok/waiting")  # no material: Enable is greyed
    assert lw.window.menus.menus["key"].toolTipsVisible()
    assert "import material first" in lw.action("enableAction").toolTip()
    table = lw.table
    table.customContextMenuRequested.emit(table.visualRect(lw.index_of("byok/waiting")).center())
    menu = table.findChild(QMenu, "keyContextMenu")
    lw.wait(lambda: menu is not None and menu.isVisible())
    assert menu.toolTipsVisible()
    assert lw.action("enableAction") in menu.actions()
    menu.close()


def test_tab_leaves_the_table_for_the_details_and_comes_round(lw: ListDriver) -> None:
    lw.select("payments/prod")
    lw.activate()
    lw.table.setFocus()
    seen = []
    for _ in range(12):
        lw.qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget().objectName())
        if seen[-1] == "cmkTable":
            break
    assert seen[0] != "cmkTable", "Tab moved between cells instead of leaving the table"
    for name in ("copyKeyIdButton", "importHistoryTree", "importKeyButton"):
        assert name in seen, seen


def test_enter_opens_the_key(lw: ListDriver, keys: Keys) -> None:
    lw.select("payments/prod")
    lw.activate()
    lw.table.setFocus()
    lw.qtbot.keyClick(lw.table, Qt.Key.Key_Return)
    lw.wait(lambda: QApplication.focusWidget() is lw.find(QWidget, "copyKeyIdButton"))
    lw.select("byok/waiting")  # waiting for material: Enter imports it
    lw.qtbot.keyClick(lw.table, Qt.Key.Key_Return)
    lw.wait(lambda: bool(lw.window.findChildren(ImportKeyWizard)))
    wizard = lw.window.findChildren(ImportKeyWizard)[0]
    assert wizard.flow.resume_key_id == keys.pending_import.key_id
    lw.wait(lambda: wizard.currentId() == PageId.DOWNLOAD)
    wizard.reject()


def test_double_click_opens_the_key(lw: ListDriver) -> None:
    index = lw.index_of("ledger/archive")
    rect = lw.table.visualRect(index)
    # As the system delivers one: a press and release, then the double-click.
    lw.qtbot.mouseClick(lw.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    lw.qtbot.mouseDClick(lw.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    lw.wait(lambda: QApplication.focusWidget() is lw.find(QWidget, "copyKeyIdButton"))
    assert lw.window.selected_key().alias == "ledger/archive"


def test_ctrl_c_copies_the_key_id_and_delete_offers_deletion(lw: ListDriver, keys: Keys) -> None:
    lw.select("payments/prod")
    lw.activate()
    lw.table.setFocus()
    QGuiApplication.clipboard().clear()
    lw.qtbot.keyClick(lw.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == keys.enabled.key_id
    lw.qtbot.keyClick(lw.table, Qt.Key.Key_Delete)
    dialog = lw.dialog("scheduleDeletionDialog")
    dialog.reject()


def test_f1_opens_help_and_ctrl_q_quits(lw: ListDriver) -> None:
    lw.activate()
    lw.qtbot.keyClick(lw.window, Qt.Key.Key_F1)
    lw.wait(lambda: any(b.isVisible() for b in lw.window.findChildren(QMessageBox)))
    box = next(b for b in lw.window.findChildren(QMessageBox) if b.isVisible())
    assert "Ctrl+Q" in box.text() and "Enter" in box.text()
    box.reject()
    lw.activate()
    lw.qtbot.keyClick(lw.window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    lw.wait(lambda: not lw.window.isVisible())


def test_no_dialog_is_left_open(lw: ListDriver) -> None:
    assert not [d for d in lw.window.findChildren(QDialog) if d.isVisible()]
