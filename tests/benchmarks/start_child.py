"""A child for the start-up benchmark: ``list STORE KEYFILE`` starts Keyferry exactly as the
``keyferry`` command does (its main(), the list window on the local engine); ``bare`` starts
a bare QWizard; ``bare-store STORE KEYFILE`` opens the store as Keyferry does (the local
backend) and then shows a bare QWizard: what any program that shows a store's keys must do.
Each prints ``shown`` once its window has been shown and the event loop has run (the window is
on screen), then quits. The parent times from spawning the process."""

from __future__ import annotations

import sys


def _quit_when_shown(window_class: type) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    original = window_class.showEvent

    def show_event(self, event) -> None:  # type: ignore[no-untyped-def]
        original(self, event)

        def done() -> None:
            print("shown", flush=True)
            QApplication.instance().quit()

        QTimer.singleShot(0, done)

    window_class.showEvent = show_event


def main() -> int:
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

    _quit_when_shown(CmkListWindow)
    return keyferry(["--data-dir", sys.argv[2], "--master-key-file", sys.argv[3]])


if __name__ == "__main__":
    sys.exit(main())
