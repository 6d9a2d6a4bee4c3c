"""The list window shows every key as it is: columns, state badges, counts per state,
details with KCV, tags, deletion date and import history; times local with UTC on hover;
search, state filter and sort; object and accessible names; keyboard use."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QWidget,
)

from app.engine import DEFAULT_PROJECT
from app.gui import formatting as fmt
from app.gui.cmk_table_model import Column
from app.gui.language import CHINESE, language
from app.gui.widgets.details_pane import DetailsPane
from app.model.keys import Origin, Tag
from tests.gui.list_window.conftest import Keys
from tests.gui.list_window.driver import ListDriver

ACTIONS = (
    "enableAction",
    "disableAction",
    "scheduleDeletionAction",
    "cancelDeletionAction",
    "editTagsAction",
    "deleteMaterialAction",
    "reimportAction",
    "tryItAction",
    "editAliasAction",
    "importKeyAction",
    "createKeyAction",
)


def test_every_named_part_is_there_with_an_accessible_name(lw: ListDriver) -> None:
    assert lw.window.objectName() == "cmkListWindow"
    for kind, name in [
        (QTableView, "cmkTable"),
        (QLineEdit, "searchEdit"),
        (QComboBox, "stateFilterCombo"),
        (QAbstractButton, "importKeyButton"),
        (QAbstractButton, "createKeyButton"),
        (DetailsPane, "detailsPane"),
    ]:
        widget = lw.find(kind, name)
        assert widget.accessibleName(), name
    for name in ACTIONS:
        assert lw.action(name).text()
    for widget in lw.window.findChildren(QWidget):
        if isinstance(widget, QAbstractButton | QLineEdit | QComboBox) and widget.isVisible():
            assert widget.accessibleName() or widget.text(), widget.objectName()


def test_every_key_with_its_columns_and_the_counts_per_state(lw: ListDriver, keys: Keys) -> None:
    assert sorted(lw.aliases()) == sorted(k.alias for k in keys.all())
    row = lw.row("payments/prod")
    assert row[Column.KEY_ID] == keys.enabled.key_id
    assert row[Column.STATE] == "Enabled"
    assert row[Column.ORIGIN] == "KMS"
    assert row[Column.KEY_SPEC] == "AES_256"
    assert row[Column.CREATED] == fmt.local_time(keys.enabled.created_ms)
    assert row[Column.MATERIAL_EXPIRY] == "Never"
    assert row[Column.TAGS] == "env=prod, team=payments"
    assert lw.row("byok/hsm-2026")[Column.ORIGIN] == "External"
    assert lw.row("byok/hsm-2026")[Column.MATERIAL_EXPIRY].endswith("(in 2 d 0 h)")
    assert lw.row("byok/waiting")[Column.STATE] == "Pending import"
    assert lw.row("byok/waiting")[Column.MATERIAL_EXPIRY] == "\u2014"
    assert lw.row("old/retired")[Column.STATE] == "Pending deletion"
    assert lw.row("ledger/archive")[Column.STATE] == "Disabled"
    counts = lw.label("stateCountsLabel")
    assert "Enabled: 2" in counts and "Disabled: 1" in counts
    assert "Pending deletion: 1" in counts and "Pending import: 1" in counts
    assert lw.label("shownCountLabel") == "5 keys"


def test_times_are_local_with_utc_on_hover(lw: ListDriver, keys: Keys) -> None:
    index = lw.index_of("byok/hsm-2026")
    created = index.siblingAtColumn(Column.CREATED)
    expiry = index.siblingAtColumn(Column.MATERIAL_EXPIRY)
    assert created.data(Qt.ItemDataRole.ToolTipRole) == fmt.utc_time(keys.imported.created_ms)
    assert expiry.data(Qt.ItemDataRole.ToolTipRole) == fmt.utc_time(
        keys.imported.material_expires_ms
    )
    lw.select("byok/hsm-2026")
    label = lw.find(QWidget, "detailsCreatedLabel")
    assert label.text() == fmt.local_time(keys.imported.created_ms)
    assert label.toolTip().endswith(" UTC")


def test_details_show_every_field_kcv_tags_and_import_history(lw: ListDriver, keys: Keys) -> None:
    lw.select("byok/hsm-2026")
    key = keys.imported
    assert lw.label("detailsKeyIdLabel") == key.key_id
    assert lw.label("detailsAliasLabel") == "byok/hsm-2026"
    assert lw.label("detailsStateLabel") == "Enabled"
    assert lw.label("detailsOriginLabel") == "External"
    assert lw.label("detailsKeySpecLabel") == "AES_256"
    assert lw.label("detailsKeyUsageLabel") == "ENCRYPT_DECRYPT"
    assert lw.label("detailsProjectLabel") == "default"
    assert lw.label("detailsKcvLabel") == key.kcv
    assert lw.label("detailsTagsLabel") == "source = hsm"
    assert lw.label("detailsDeletionLabel") == "Not scheduled"
    tree = lw.find(QWidget, "importHistoryTree")
    # The engine's history of a key holds its changes and refusals (reads such as
    # get-parameters-for-import are audited apart, unindexed by key).
    lw.wait(lambda: tree.topLevelItemCount() == 2)
    assert [tree.topLevelItem(i).text(1) for i in range(2)] == ["Create key", "Import key material"]
    assert tree.topLevelItem(1).text(2) == "OK"
    lw.select("old/retired")
    assert lw.label("detailsDeletionLabel") == fmt.local_and_utc(keys.pending_deletion.deletion_ms)
    assert lw.label("detailsKcvLabel") == keys.pending_deletion.kcv
    lw.select("byok/waiting")
    assert lw.label("detailsKcvLabel") == "(no key material)"
    assert lw.label("detailsDescriptionLabel") == "Waiting for the key ceremony"


def test_search_finds_alias_id_description_and_tags(lw: ListDriver, keys: Keys) -> None:
    lw.search("BYOK")
    assert sorted(lw.aliases()) == ["byok/hsm-2026", "byok/waiting"]
    lw.search(keys.disabled.key_id[:13])
    assert lw.aliases() == ["ledger/archive"]
    lw.search("ceremony")
    assert lw.aliases() == ["byok/waiting"]
    lw.search("payments")  # a tag value, and part of the alias
    assert lw.aliases() == ["payments/prod"]
    lw.search("source")  # a tag key
    assert lw.aliases() == ["byok/hsm-2026"]
    lw.search("env=prod")
    assert lw.aliases() == ["payments/prod"]
    lw.search("no such key")
    assert lw.aliases() == []
    assert lw.label("shownCountLabel") == "0 of 5 keys match"
    lw.search("")
    assert len(lw.aliases()) == 5


def test_the_state_filter_alone_and_with_a_search(lw: ListDriver) -> None:
    lw.filter_state("Pending import")
    assert lw.aliases() == ["byok/waiting"]
    lw.filter_state("Enabled")
    assert sorted(lw.aliases()) == ["byok/hsm-2026", "payments/prod"]
    lw.search("byok")
    assert lw.aliases() == ["byok/hsm-2026"]
    lw.filter_state("All states")
    assert sorted(lw.aliases()) == ["byok/hsm-2026", "byok/waiting"]


def test_a_header_click_sorts_and_a_second_click_reverses(lw: ListDriver) -> None:
    header = lw.table.horizontalHeader()
    alias_x = header.sectionViewportPosition(Column.ALIAS) + 10
    lw.qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(alias_x, 5))
    lw.settle()
    first = lw.aliases()
    assert first in (sorted(first), sorted(first, reverse=True))
    lw.qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(alias_x, 5))
    lw.settle()
    assert lw.aliases() == list(reversed(first))
    assert lw.window.proxy.query.sort_column is Column.ALIAS


def test_the_selection_follows_its_key_through_a_new_sort(lw: ListDriver) -> None:
    lw.select("ledger/archive")
    lw.table.sortByColumn(Column.ALIAS, Qt.SortOrder.DescendingOrder)
    lw.settle()
    current = lw.table.selectionModel().currentIndex()
    assert current.siblingAtColumn(Column.ALIAS).data() == "ledger/archive"
    assert lw.window.selected_key().alias == "ledger/archive"


def test_keyboard_find_arrows_and_the_context_menu_actions(lw: ListDriver) -> None:
    lw.window.activateWindow()
    lw.qtbot.keyClick(lw.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = lw.find(QLineEdit, "searchEdit")
    lw.wait(lambda: QApplication.focusWidget() is search)
    lw.qtbot.keyClicks(search, "byok")
    lw.settle()
    assert len(lw.aliases()) == 2
    lw.qtbot.keyClick(search, Qt.Key.Key_Escape)  # clears the search
    lw.settle()
    assert search.text() == "" and len(lw.aliases()) == 5
    lw.table.setFocus()
    lw.qtbot.keyClick(lw.table, Qt.Key.Key_Home)
    lw.qtbot.keyClick(lw.table, Qt.Key.Key_Down)
    assert lw.window.selected_key() is not None
    lw.table.customContextMenuRequested.emit(lw.table.visualRect(lw.table.currentIndex()).center())
    menu = lw.table.findChild(QMenu, "keyContextMenu")
    lw.wait(lambda: menu is not None and menu.isVisible())
    names = {a.objectName() for a in menu.actions()}
    assert {"enableAction", "disableAction", "tryItAction", "scheduleDeletionAction"} <= names
    assert "copyKeyIdAction" in names
    menu.close()


def test_a_search_that_hides_the_selected_key_selects_nothing(lw: ListDriver) -> None:
    lw.select("ledger/archive")
    lw.search("byok")
    assert lw.window.selected_key() is None
    assert lw.find(QWidget, "detailsPlaceholder").isVisible()
    assert not lw.action("enableAction").isEnabled()
    lw.search("")
    lw.select("byok/waiting")
    lw.search("waiting")  # still in the answer: still selected
    assert lw.window.selected_key().alias == "byok/waiting"


def test_keyboard_shortcuts_open_the_dialogs(lw: ListDriver) -> None:
    lw.window.activateWindow()
    lw.select("ledger/archive")
    lw.table.setFocus()
    lw.qtbot.keyClick(lw.table, Qt.Key.Key_F2)
    dialog = lw.dialog("editKeyDialog")
    alias = lw.find(QLineEdit, "aliasEdit", dialog)
    assert dialog.focusWidget() is alias  # the first field takes the keyboard
    lw.qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    lw.wait_closed(dialog)
    lw.activate()  # a desktop does this when a modal dialog closes; offscreen does not
    lw.table.setFocus()
    lw.qtbot.keyClick(lw.table, Qt.Key.Key_Delete)
    dialog = lw.dialog("scheduleDeletionDialog")
    lw.qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    lw.wait_closed(dialog)
    lw.activate()
    lw.qtbot.keyClick(lw.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    lw.settle()
    assert lw.row("ledger/archive")[Column.STATE] == "Enabled"


def test_a_refused_import_is_in_the_history_with_its_code(lw: ListDriver, keys: Keys, kms) -> None:
    from app.engine import DEFAULT_PROJECT
    from app.model.errors import KmsError

    try:
        kms.import_key_material(
            project_id=DEFAULT_PROJECT,
            key_id=keys.pending_import.key_id,
            import_token="not-a-token",
            encrypted_key_material=b"x" * 256,
        )
    except KmsError as error:
        code = error.code
    lw.select("byok/waiting")
    tree = lw.find(QWidget, "importHistoryTree")
    lw.wait(lambda: tree.topLevelItemCount() == 2)
    assert tree.topLevelItem(1).text(1) == "Import key material"
    assert tree.topLevelItem(1).text(2) == f"Refused ({code})"


def test_counts_use_plural_forms_in_both_languages(lw: ListDriver, compiled_translations) -> None:
    lw.search("ceremony")
    assert lw.label("shownCountLabel") == "1 of 5 keys match"
    lw.search("")
    assert lw.label("shownCountLabel") == "5 keys"
    language().apply(CHINESE)
    lw.wait(lambda: lw.label("shownCountLabel") == "5 个密钥")
    lw.search("ceremony")
    assert lw.label("shownCountLabel") == "5 个密钥中有 1 个匹配"


def test_an_empty_list_says_what_to_do(make_window, kms) -> None:
    lw = make_window()
    hint = lw.find(QLabel, "emptyListHint")
    assert hint.isVisible()
    assert "No keys yet." in hint.text()
    assert "Import Key (Ctrl+I)" in hint.text() and "Create Key (Ctrl+N)" in hint.text()
    kms.create_key(project_id=DEFAULT_PROJECT, key_alias="first", origin=Origin.KMS)
    lw.window.menus.reload_action.trigger()
    lw.wait(lambda: lw.aliases() == ["first"])
    assert not hint.isVisible()
    lw.search("nothing like it")
    assert hint.isVisible() and "No key matches" in hint.text()


def test_one_key_is_one_key(make_window, kms) -> None:
    kms.create_key(project_id=DEFAULT_PROJECT, key_alias="only", origin=Origin.KMS)
    lw = make_window()
    assert lw.label("shownCountLabel") == "1 key"


def test_a_right_to_left_tag_key_keeps_key_equals_value_in_order(make_window, kms) -> None:
    """Each side of "key = value" is a bidirectional isolate, so a Hebrew key cannot carry
    the "=" and the value into its right-to-left run."""
    kms.create_key(
        project_id=DEFAULT_PROJECT,
        key_alias="rtl",
        origin=Origin.KMS,
        tags=(Tag("\u05e1\u05d1\u05d9\u05d1\u05d4", "prod"),),
    )
    lw = make_window()
    lw.select("rtl")
    assert lw.label("detailsTagsLabel") == "\u2068\u05e1\u05d1\u05d9\u05d1\u05d4\u2069 = prod"
    assert lw.row("rtl")[Column.TAGS] == "\u2068\u05e1\u05d1\u05d9\u05d1\u05d4\u2069=prod"
