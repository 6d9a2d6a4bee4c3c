"""Driving the CMK list window as a user would, by object names: clicking rows, triggering
actions, filling dialogs, and waiting for background work (never by sleeping)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QTableView, QWidget

from app.gui.cmk_table_model import CmkRole, Column
from app.gui.main_window import CmkListWindow
from app.gui.tasks import TaskRunner
from app.model.keys import Cmk

TIMEOUT_MS = 15_000


class ListDriver:
    def __init__(self, qtbot, window: CmkListWindow, runner: TaskRunner) -> None:
        self.qtbot, self.window, self.runner = qtbot, window, runner

    # finding ---------------------------------------------------------------------

    def find(self, kind: type[QWidget], name: str, parent: QWidget | None = None) -> QWidget:
        found = (parent or self.window).findChildren(kind, name)
        assert len(found) == 1, f"expected one {kind.__name__} named {name}, found {len(found)}"
        return found[0]

    def action(self, name: str) -> QAction:
        found = self.window.findChildren(QAction, name)
        assert len(found) == 1, f"expected one action named {name}, found {len(found)}"
        return found[0]

    @property
    def table(self) -> QTableView:
        return self.find(QTableView, "cmkTable")

    def dialog(self, name: str) -> QDialog:
        self.wait(lambda: any(d.isVisible() for d in self.window.findChildren(QDialog, name)))
        return next(d for d in self.window.findChildren(QDialog, name) if d.isVisible())

    def label(self, name: str) -> str:
        return self.find(QLabel, name).text()

    def aliases(self) -> list[str]:
        proxy = self.table.model()
        return [proxy.index(row, Column.ALIAS).data() for row in range(proxy.rowCount())]

    def row(self, alias: str) -> dict[Column, str]:
        proxy = self.table.model()
        for r in range(proxy.rowCount()):
            if proxy.index(r, Column.ALIAS).data() == alias:
                return {c: proxy.index(r, c).data() for c in Column}
        raise AssertionError(f"no row for {alias}; rows: {self.aliases()}")

    def index_of(self, alias: str) -> QModelIndex:
        proxy = self.table.model()
        for r in range(proxy.rowCount()):
            if proxy.index(r, Column.ALIAS).data() == alias:
                return proxy.index(r, Column.ALIAS)
        raise AssertionError(f"no row for {alias}; rows: {self.aliases()}")

    def cmk(self, alias: str) -> Cmk:
        return self.index_of(alias).data(CmkRole)

    # waiting ---------------------------------------------------------------------

    def wait(self, condition, timeout: int = TIMEOUT_MS) -> None:
        self.qtbot.waitUntil(condition, timeout=timeout)

    def settle(self) -> None:
        """No job queued or running, no change notice waiting, the answer shown."""
        sync = self.window.sync
        self.wait(lambda: not self.runner.busy and sync.idle)

    def wait_loaded(self) -> None:
        self.wait(lambda: self.window.sync.complete)
        self.settle()

    # acting ------------------------------------------------------------------------

    def activate(self) -> None:
        """Make the window the active one, so its shortcuts reach it."""
        self.window.activateWindow()
        self.wait(self.window.isActiveWindow)

    def select(self, alias: str) -> None:
        """Click the key's row."""
        index = self.index_of(alias)
        self.table.scrollTo(index)
        rect = self.table.visualRect(index)
        self.qtbot.mouseClick(self.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert self.window.selected_key() is not None
        assert self.window.selected_key().alias == alias

    def trigger(self, name: str) -> None:
        action = self.action(name)
        assert action.isEnabled(), f"{name} is disabled: {action.toolTip()}"
        action.trigger()

    def type(self, edit: QLineEdit, text: str) -> None:
        edit.setFocus()
        edit.selectAll()
        if text:
            self.qtbot.keyClicks(edit, text)
        else:
            self.qtbot.keyClick(edit, Qt.Key.Key_Delete)

    def search(self, text: str) -> None:
        self.type(self.find(QLineEdit, "searchEdit"), text)
        self.settle()

    def filter_state(self, label: str) -> None:
        combo = self.find(QComboBox, "stateFilterCombo")
        combo.setCurrentIndex(combo.findText(label))
        self.settle()

    def click(self, widget: QWidget) -> None:
        assert widget.isEnabled(), f"{widget.objectName()} is disabled"
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def wait_closed(self, dialog: QDialog) -> None:
        """Until the dialog has closed (dialogs delete themselves on close)."""
        self.wait(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
        self.settle()

    def press_ok(self, dialog: QDialog) -> None:
        ok = self.find(QWidget, "okButton", dialog)
        assert ok.isEnabled(), "OK is disabled"
        self.qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        self.settle()
