"""What the list window says about its list as a whole: the status bar (which KMS, how many
keys are shown, how many are in each state) and, over an empty table, what to do next:
a first launch names Import Key and Create Key, a search that finds nothing says so, and a
store that did not open says how to try again."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QLocale, QObject, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QTableView

from app.gui import formatting as fmt
from app.gui.widgets.elided_label import ElidedLabel
from app.gui.widgets.top_bar import FILTER_STATES
from app.model.keys import KeyState


class WindowStatus(QObject):
    def __init__(self, window: QMainWindow, table: QTableView) -> None:
        super().__init__(window)
        self.counts_label = ElidedLabel(window, object_name="stateCountsLabel")
        self.shown_label = QLabel(window, objectName="shownCountLabel")
        self.connection_label = ElidedLabel(window, object_name="connectionLabel")
        self.master_key_label = ElidedLabel(window, object_name="masterKeyLabel")
        labels = (self.connection_label, self.master_key_label, self.shown_label)
        for label in (*labels, self.counts_label):
            window.statusBar().addPermanentWidget(label)
        self._viewport = table.viewport()
        self.empty_hint = QLabel(self._viewport, objectName="emptyListHint", wordWrap=True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_hint.hide()
        self._viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            self.empty_hint.setGeometry(self._viewport.rect().adjusted(12, 12, -12, -12))
        return False

    def show_connection(self, name: str) -> None:
        self.connection_label.setText(name)
        self.connection_label.setAccessibleName(self.tr("Connected KMS"))

    def show_master_key(self, text: str) -> None:
        """Where the local store's master key is kept ("" for a remote KMS: hidden)."""
        self.master_key_label.setText(text)
        self.master_key_label.setAccessibleName(text)
        self.master_key_label.setVisible(bool(text))

    def show_counts(self, counts: Mapping[KeyState, int]) -> None:
        parts = [
            self.tr("%1: %2")
            .replace("%1", fmt.state_label(state))
            .replace("%2", QLocale().toString(counts.get(state, 0)))
            for state in FILTER_STATES
        ]
        self.counts_label.setText("  \u00b7  ".join(parts))

    def show_shown(
        self,
        *,
        total: int,
        matching: int,
        loaded: int,
        complete: bool,
        unopened: bool,
        opening: bool,
    ) -> None:
        """The shown-keys count, and the hint over the table when it is empty."""
        hint = ""
        if unopened and not total:
            text = self.tr("No keys: the store is not open")
            hint = self.tr("The key store is not open. View > Reload tries again.")
        elif not total and opening:
            text = self.tr("Opening the key store\u2026")  # it may be asking the keyring
        elif not complete:
            text = self.tr("Loading keys\u2026 (%1 so far)").replace(
                "%1", QLocale().toString(total)
            )
        elif matching == total:
            text = self.tr("%Ln key(s)", "", total)
            if not total:
                hint = self.first_steps()
        else:
            text = self.tr("%1 of %Ln key(s) match", "", total).replace(
                "%1", QLocale().toString(matching)
            )
            if not matching:
                hint = self.tr("No key matches the search and the state shown.")
        if complete and loaded < matching:  # the scroll bar measures the loaded rows only
            text += " " + self.tr("(%1 loaded; scrolling loads more)").replace(
                "%1", QLocale().toString(loaded)
            )
        self.shown_label.setText(text)
        self.empty_hint.setText(hint)
        self.empty_hint.setAccessibleName(hint)
        self.empty_hint.setVisible(bool(hint))

    def first_steps(self) -> str:
        return "\n\n".join(
            [
                self.tr("No keys yet."),
                self.tr("Import Key (Ctrl+I): bring your own key material into a new key."),
                self.tr("Create Key (Ctrl+N): a key whose material the KMS generates."),
            ]
        )
