"""View > History: the store's audit log for its owner, every key's changes and refusals,
newest last, with who did it and how it ended, so "who did what to this key, and when" has
an answer without SQL. (The details pane keeps one key's import history.)

The window loads the entries through the task runner and hands them over; the dialog only
shows them, and filters them as the user types (a key ID, an alias, an operation, a who).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.backends.base import KmsBackend
from app.gui import formatting as fmt
from app.gui.geometry import chars, fit_dialog
from app.gui.tasks import TaskRunner
from app.model.audit import AuditEntry
from app.model.messages import tr_noop

#: The newest entries shown (a store's whole log can hold millions of reads and changes).
_SHOWN = 5000
#: The operations people meet, by their API name (others show as the API names them).
_OPERATIONS = {
    "create-key": tr_noop("HistoryDialog", "Create key"),
    "enable-key": tr_noop("HistoryDialog", "Enable"),
    "disable-key": tr_noop("HistoryDialog", "Disable"),
    "schedule-key-deletion": tr_noop("HistoryDialog", "Schedule deletion"),
    "cancel-key-deletion": tr_noop("HistoryDialog", "Cancel deletion"),
    "delete-key": tr_noop("HistoryDialog", "Key deleted"),
    "update-key-alias": tr_noop("HistoryDialog", "Change alias"),
    "update-key-description": tr_noop("HistoryDialog", "Change description"),
    "create-tag": tr_noop("HistoryDialog", "Add tag"),
    "batch-tags": tr_noop("HistoryDialog", "Change tags"),
    "delete-tag": tr_noop("HistoryDialog", "Delete tag"),
    "get-parameters-for-import": tr_noop("HistoryDialog", "Download import items"),
    "import-key-material": tr_noop("HistoryDialog", "Import key material"),
    "delete-imported-key-material": tr_noop("HistoryDialog", "Delete key material"),
    "expire-key-material": tr_noop("HistoryDialog", "Material expired"),
}


def operation_name(operation: str) -> str:
    text = _OPERATIONS.get(operation)
    return QCoreApplication.translate("HistoryDialog", text) if text else operation


class HistoryDialog(QDialog):
    def __init__(self, parent: QWidget | None, aliases: Mapping[str, str]) -> None:
        """``aliases``: key ID -> alias, for the keys the window knows."""
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("History of the key store"))
        self._aliases = aliases
        self.filter = QLineEdit(self, objectName="historyFilterEdit")
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("Key ID, alias, operation or who"))
        self.filter.setAccessibleName(self.tr("Filter the history"))
        self.filter.textChanged.connect(self._on_filter_textChanged)
        label = QLabel(self.tr("&Filter:"), self)
        label.setBuddy(self.filter)
        self.status = QLabel(self.tr("Loading the history\u2026"), self, objectName="historyStatus")
        self.status.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("storeHistoryTree")
        self.tree.setAccessibleName(self.tr("History of the key store"))
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Key"), self.tr("Result")]
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.filter)
        layout.addWidget(self.status)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_dialog(self, chars(self, 120))
        self.resize(self.width(), max(self.height(), self.fontMetrics().lineSpacing() * 30))
        fit_dialog(self, self.width())

    def show_entries(self, entries: list[AuditEntry]) -> None:
        self.tree.clear()
        for entry in entries:
            key = entry.key_id or ""
            alias = self._aliases.get(key, "")
            result = (
                self.tr("OK")
                if entry.result == "ok"
                else self.tr("Refused (%1)").replace("%1", entry.error_code or "?")
            )
            item = QTreeWidgetItem(
                [
                    fmt.local_time(entry.time_ms),
                    entry.actor,
                    operation_name(entry.operation),
                    f"{alias} ({key})" if alias else key,
                    result,
                ]
            )
            item.setToolTip(0, fmt.utc_time(entry.time_ms))
            item.setData(0, Qt.ItemDataRole.UserRole, f"{key} {alias} {entry.operation}")
            self.tree.addTopLevelItem(item)
        for column in range(self.tree.columnCount() - 1):
            self.tree.resizeColumnToContents(column)
        self.tree.scrollToBottom()  # the newest, where the user looks first
        self.status.setText(self.tr("No entries yet.") if not entries else "")
        self.status.setVisible(not entries)
        self._on_filter_textChanged(self.filter.text())

    def show_error(self, text: str) -> None:
        self.status.setText(self.tr("The history could not be read: %1").replace("%1", text))
        self.status.show()

    def _on_filter_textChanged(self, text: str) -> None:
        needle = text.strip().casefold()
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            assert item is not None  # an index below the count
            haystack = " ".join(
                [str(item.data(0, Qt.ItemDataRole.UserRole))]
                + [item.text(column) for column in range(self.tree.columnCount())]
            ).casefold()
            item.setHidden(bool(needle) and needle not in haystack)


def open_history(
    parent: QWidget, backend: KmsBackend, runner: TaskRunner, aliases: Mapping[str, str]
) -> HistoryDialog:
    """The dialog, shown at once, its entries loaded on the runner."""
    from app.gui.messages import error_text

    dialog = HistoryDialog(parent, aliases)
    dialog.open()
    runner.run(
        lambda: backend.history(limit=_SHOWN),
        context=dialog,
        on_success=dialog.show_entries,
        on_failure=lambda error: dialog.show_error(error_text(error)),
    )
    return dialog
