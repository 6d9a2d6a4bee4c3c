"""In Simplified Chinese, nothing a user sees in the list window is left in English: its
menus, toolbar, headers, cells, status bar, details and history, after switching language
live from View > Language (and back), each state's refusals, and its dialogs."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QLineEdit, QWidget

from app.gui.language import CHINESE, ENGLISH, language
from app.gui.window_menus import LANGUAGE_ACTIONS
from tests.gui.i18n_check import USER_DATA, assert_all_chinese, untranslated
from tests.gui.list_window.conftest import Keys
from tests.gui.list_window.driver import ListDriver


def switch_language(lw: ListDriver, choice: str) -> None:
    """Through View > Language, as a user does; the window retranslates itself."""
    lw.action(LANGUAGE_ACTIONS[choice]).trigger()
    expected = "密钥(&K)" if choice == CHINESE else "&Key"
    lw.wait(lambda: lw.window.menus.menus["key"].title() == expected)


def test_the_list_window_switches_to_chinese_live_and_back(
    lw: ListDriver, keys: Keys, compiled_translations
) -> None:
    lw.select("byok/hsm-2026")
    lw.wait(lambda: lw.window.details.history.topLevelItemCount() > 0)
    assert lw.row("byok/hsm-2026")[1] == keys.imported.key_id
    switch_language(lw, CHINESE)
    assert language().current == CHINESE
    lw.wait(lambda: lw.window.details.history.topLevelItemCount() > 0)
    assert lw.row("payments/prod")[2] == "已启用"
    assert lw.label("detailsStateLabel") == "已启用"
    assert "已启用：2" in lw.label("stateCountsLabel")
    assert lw.window.windowTitle().startswith("Keyferry — 本地引擎（")
    assert_all_chinese(
        lw.window, keys.imported.kcv or "", str(lw.window.backend.kms.store.directory)
    )
    switch_language(lw, ENGLISH)
    assert lw.row("payments/prod")[2] == "Enabled"
    assert lw.label("detailsStateLabel") == "Enabled"


def test_each_state_and_a_pending_deletion_in_chinese(lw: ListDriver, keys: Keys, chinese) -> None:
    lw.window.retranslate()
    states = {lw.row(k.alias)[2] for k in keys.all()}
    assert states == {"已启用", "已禁用", "计划删除", "待导入"}
    lw.select("old/retired")
    assert_all_chinese(lw.window, str(lw.window.backend.kms.store.directory))
    lw.select("byok/waiting")  # no material: every action refused, each tooltip says why
    assert_all_chinese(lw.window, str(lw.window.backend.kms.store.directory))
    lw.select("payments/prod")
    lw.trigger("disableAction")  # a success in the status bar
    lw.settle()
    assert lw.window.statusBar().currentMessage() == "已禁用密钥 payments/prod。"
    assert_all_chinese(lw.window, str(lw.window.backend.kms.store.directory))


@pytest.mark.parametrize(
    ("action", "dialog", "alias"),
    [
        ("scheduleDeletionAction", "scheduleDeletionDialog", "payments/prod"),
        ("tryItAction", "tryItDialog", "payments/prod"),
        ("editTagsAction", "editTagsDialog", "payments/prod"),
        ("editAliasAction", "editKeyDialog", "payments/prod"),
        ("deleteMaterialAction", "deleteMaterialDialog", "byok/hsm-2026"),
        ("createKeyAction", "createKeyDialog", "payments/prod"),
    ],
)
def test_the_key_dialogs_are_in_chinese(
    lw: ListDriver, keys: Keys, chinese, action: str, dialog: str, alias: str
) -> None:
    lw.window.retranslate()
    lw.select(alias)
    lw.action(action).trigger()
    shown = lw.dialog(dialog)
    assert_all_chinese(shown, keys.imported.kcv or "")
    shown.reject()


def test_a_refusal_in_a_dialog_is_in_chinese(lw: ListDriver, keys: Keys, chinese) -> None:
    lw.select("payments/prod")
    lw.action("editAliasAction").trigger()
    dialog = lw.dialog("editKeyDialog")
    lw.type(lw.find(QLineEdit, "aliasEdit", dialog), "ledger/archive")  # taken
    lw.press_ok(dialog)
    lw.wait(lambda: lw.find(QWidget, "dialogNotice", dialog).isVisible())
    notice = lw.find(QWidget, "dialogNotice", dialog).text()
    assert notice.startswith("KMS.1104：") or notice.startswith("KMS.1104: ")
    assert "已存在" in notice
    assert_all_chinese(dialog)


def test_the_connection_and_about_dialogs_are_in_chinese(lw: ListDriver, chinese) -> None:
    lw.window.retranslate()
    lw.action("connectRemoteAction").trigger()
    connection = lw.dialog("connectionDialog")
    lw.type(lw.find(QLineEdit, "endpointEdit", connection), "ftp://x")
    lw.type(lw.find(QLineEdit, "projectIdEdit", connection), "p1")
    lw.type(lw.find(QLineEdit, "accessKeyIdEdit", connection), "AK1")
    assert "终端节点必须以" in lw.label("problemLabel")
    assert_all_chinese(connection, "p1", "AK1", "ftp")
    connection.reject()
    lw.action("aboutAction").trigger()
    about = lw.dialog("aboutDialog")
    assert isinstance(about, QDialog)
    assert_all_chinese(about)
    about.reject()


def test_in_english_the_same_walk_sees_every_part_of_the_window(lw: ListDriver) -> None:
    """The control: without a translation the walk reports English from each part it
    claims to cover, so a pass in Chinese means something."""
    lw.select("payments/prod")
    lw.window.statusBar().showMessage("Key payments/prod saved.")
    found = "\n".join(untranslated(lw.window, USER_DATA))
    for part in (
        "menu bar: 'Connect to a &remote KMS…'",
        "toolbar 'keyToolBar'",
        "'Material expiry'",
        "Label 'stateCountsLabel'",  # an ElidedLabel
        "status bar",
        "QLabel 'detailsStateLabel'",
        "QTreeWidget 'importHistoryTree'",
        "QPushButton 'importKeyButton'",
        "QLineEdit 'searchEdit'",
        "QComboBox 'stateFilterCombo'",
        "window actions",
    ):
        assert part in found, part
