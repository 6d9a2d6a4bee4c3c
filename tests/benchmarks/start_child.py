"""A child for the start-up benchmark: ``list STORE KEYFILE`` starts Keyferry exactly as the
``keyferry`` command does (its main(), the list window on the local engine); ``bare`` starts
a bare QWizard; ``bare-store STORE KEYFILE`` opens the store as Keyferry does (the local
backend) and then shows a bare QWizard: what any program that shows a store's keys must do;
``minimal`` shows the smallest list window plain PySide makes (a main window with a menu, a
search line, a ten-row table and a status bar, no Keyferry code): what Qt itself costs.
Each prints ``shown`` once its window has been shown and the event loop has run (the window is
on screen), then quits. ``list`` then also prints ``rows`` once its table has painted the
store's keys (they load on the task runner, the store opening with them). The parent times
from spawning the process."""

from __future__ import annotations

import sys


def _quit_when_shown(window_class: type, *, quit_app: bool = True) -> None:
    """Print ``shown`` after the window's first show and a turn of the event loop; then quit
    (or leave that to ``_print_rows_when_painted``)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    original = window_class.showEvent

    def show_event(self, event) -> None:  # type: ignore[no-untyped-def]
        original(self, event)

        def done() -> None:
            print("shown", flush=True)
            if quit_app:
                QApplication.instance().quit()

        QTimer.singleShot(0, done)

    window_class.showEvent = show_event


def _minimal() -> int:
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import (
        QApplication,
        QLineEdit,
        QMainWindow,
        QTableView,
        QVBoxLayout,
        QWidget,
    )

    root = QModelIndex()

    class Model(QAbstractTableModel):
        def rowCount(self, parent: QModelIndex | QPersistentModelIndex = root) -> int:
            return 0 if parent.isValid() else 10

        def columnCount(self, parent: QModelIndex | QPersistentModelIndex = root) -> int:
            return 0 if parent.isValid() else 7

        def data(
            self,
            index: QModelIndex | QPersistentModelIndex,
            role: int = Qt.ItemDataRole.DisplayRole,
        ) -> object:
            return (
                f"{index.row()}/{index.column()}" if role == Qt.ItemDataRole.DisplayRole else None
            )

    app = QApplication(sys.argv[:1])
    _quit_when_shown(QMainWindow)
    window = QMainWindow()
    window.setWindowTitle("Keyferry")
    central = QWidget(window)
    layout = QVBoxLayout(central)
    layout.addWidget(QLineEdit(central))
    table = QTableView(central)
    table.setModel(Model(table))
    layout.addWidget(table)
    window.setCentralWidget(central)
    window.menuBar().addMenu("&Key").addAction(QAction("&Import key", window))
    window.statusBar().showMessage("Local engine")
    window.show()
    return app.exec()


def _print_rows_when_painted(window_class: type) -> None:
    """After ``shown``: ``rows`` once the window's table holds keys and has painted them
    (polled each millisecond after the first show), then quit."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    original = window_class.showEvent

    def show_event(self, event) -> None:  # type: ignore[no-untyped-def]
        original(self, event)
        poll = QTimer(self, interval=1)

        def check() -> None:
            if self.model.rowCount() > 0:
                poll.stop()
                self.table.viewport().repaint()  # painted now, rows and all
                print("rows", flush=True)
                QApplication.instance().quit()

        poll.timeout.connect(check)
        QTimer.singleShot(0, poll.start)  # after "shown" (posted first, in the same turn)

    window_class.showEvent = show_event


def main() -> int:
    if sys.argv[1] == "minimal":
        return _minimal()
    if sys.argv[1] in ("bare", "bare-store"):
        from PySide6.QtWidgets import QApplication, QWizard

        app = QApplication(sys.argv[:1])
        backend = None
        if sys.argv[1] == "bare-store":
            from app.backends.local import open_local

            backend = open_local(sys.argv[2], master_key_file=sys.argv[3])
            backend.list_keys(limit=10)
        _quit_when_shown(QWizard)
        wizard = QWizard()
        wizard.setWindowTitle("Keyferry")
        wizard.show()
        try:
            return app.exec()
        finally:
            if backend is not None:
                backend.close()
    from app.cli import main as keyferry
    from app.gui.main_window import CmkListWindow

    _quit_when_shown(CmkListWindow, quit_app=False)
    _print_rows_when_painted(CmkListWindow)
    return keyferry(["--data-dir", sys.argv[2], "--master-key-file", sys.argv[3]])


if __name__ == "__main__":
    sys.exit(main())
