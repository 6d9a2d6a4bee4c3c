"""The key table from the keyboard and the mouse: Enter or a double-click opens the row (the
key's most useful step: Import material again for a key waiting for material, else its
details), Ctrl+C copies the key ID, Delete offers Schedule deletion (the action's own
shortcut), and the context menu shows why a greyed action is greyed.

The table keeps Tab for moving on (``make_key_table`` turns off tab-key navigation in cells),
so the details, their Copy key ID button and the history are reachable with Tab.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu, QTableView

from app.gui.key_actions import KeyActions
from app.gui.widgets.details_pane import DetailsPane
from app.model.keys import Cmk, KeyState


class TableKeys(QObject):
    def __init__(
        self,
        table: QTableView,
        actions: KeyActions,
        details: DetailsPane,
        groups: tuple[tuple[str, ...], ...],
    ) -> None:
        super().__init__(table)
        self._table, self._actions, self._details, self._groups = table, actions, details, groups
        self.copy_action = QAction(table)
        self.copy_action.setObjectName("copyKeyIdAction")
        self.copy_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_action.triggered.connect(self._on_copy_action_triggered)
        table.addAction(self.copy_action)
        table.activated.connect(self._on_table_activated)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._on_table_customContextMenuRequested)

    def _key(self) -> Cmk | None:
        return self._details.cmk

    def _on_copy_action_triggered(self) -> None:
        cmk = self._key()
        if cmk is not None:
            QGuiApplication.clipboard().setText(cmk.key_id)

    def _on_table_activated(self, _index: QModelIndex) -> None:
        cmk = self._key()
        reimport = self._actions["reimportAction"]
        if cmk is not None and cmk.state is KeyState.PENDING_IMPORT and reimport.isEnabled():
            reimport.trigger()
        elif cmk is not None:
            self._details.show_and_focus()

    def _on_table_customContextMenuRequested(self, position: QPoint) -> None:
        menu = QMenu(self._table)
        menu.setObjectName("keyContextMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.setToolTipsVisible(True)  # a greyed action says why here too
        menu.addAction(self.copy_action)
        for group in self._groups:
            menu.addSeparator()
            menu.addActions([self._actions[name] for name in group])
        menu.popup(self._table.viewport().mapToGlobal(position))
