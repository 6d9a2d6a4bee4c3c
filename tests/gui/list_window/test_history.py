"""View > History: the whole store's changes and refusals, with who and when, filtered as the
user types, in both languages; greyed (saying why) where the KMS keeps no log we can read."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QTreeWidget

from tests.gui.i18n_check import assert_all_chinese
from tests.gui.list_window.conftest import Keys
from tests.gui.list_window.driver import ListDriver


def _rows(tree: QTreeWidget, visible_only: bool = False) -> list[list[str]]:
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return [
        [item.text(c) for c in range(tree.columnCount())]
        for item in items
        if not (visible_only and item.isHidden())
    ]


def test_the_store_s_history_says_who_did_what_and_when(lw: ListDriver, keys: Keys) -> None:
    lw.select("payments/prod")
    lw.trigger("disableAction")
    lw.settle()
    lw.action("historyAction").trigger()
    dialog = lw.dialog("historyDialog")
    tree = lw.find(QTreeWidget, "storeHistoryTree", dialog)
    lw.wait(lambda: tree.topLevelItemCount() > 0)
    rows = _rows(tree)
    assert ["Create key", "payments/prod (" + keys.enabled.key_id + ")"] == rows[0][2:4]
    assert rows[-1][2:] == ["Disable", f"payments/prod ({keys.enabled.key_id})", "OK"]
    assert all(row[1].startswith("local:") for row in rows)
    assert any(row[2] == "Import key material" for row in rows)
    lw.type(lw.find(QLineEdit, "historyFilterEdit", dialog), keys.imported.key_id[:8])
    shown = _rows(tree, visible_only=True)
    assert shown and all("byok/hsm-2026" in row[3] for row in shown)
    dialog.reject()


def test_the_history_in_chinese(lw: ListDriver, keys: Keys, chinese) -> None:
    lw.action("historyAction").trigger()
    dialog = lw.dialog("historyDialog")
    tree = lw.find(QTreeWidget, "storeHistoryTree", dialog)
    lw.wait(lambda: tree.topLevelItemCount() > 0)
    assert_all_chinese(dialog, *[k.key_id for k in keys.all()], *[k.alias for k in keys.all()])
    dialog.reject()
