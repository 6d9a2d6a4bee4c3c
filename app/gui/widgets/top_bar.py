"""The row above the key list: Import Key and Create Key, the search field and the state
filter. The window connects them; this widget only builds them and names them, in the
current language (``retranslate`` after a change of language)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.gui import formatting as fmt
from app.gui.geometry import chars
from app.model.keys import KeyState

#: The states the filter offers, after "All states".
FILTER_STATES = (
    KeyState.ENABLED,
    KeyState.DISABLED,
    KeyState.PENDING_DELETION,
    KeyState.PENDING_IMPORT,
)


class TopBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topBar")
        self.import_button = QPushButton(self, objectName="importKeyButton")
        self.create_button = QPushButton(self, objectName="createKeyButton")
        self.search = QLineEdit(self, objectName="searchEdit")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(chars(self.search, 36))
        clear = QAction(self.search)
        clear.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        clear.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        clear.triggered.connect(self.search.clear)
        self.search.addAction(clear)
        self.state_filter = QComboBox(self)
        self.state_filter.setObjectName("stateFilterCombo")
        self.state_filter.addItem("", None)
        for state in FILTER_STATES:
            self.state_filter.addItem("", state)
        self._search_label = QLabel(self)
        self._search_label.setBuddy(self.search)
        self._state_label = QLabel(self)
        self._state_label.setBuddy(self.state_filter)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.import_button, self.create_button):
            row.addWidget(widget)
        row.addStretch(1)
        for widget in (self._search_label, self.search, self._state_label, self.state_filter):
            row.addWidget(widget)
        self.retranslate()

    def follow(self, button: QPushButton, action: QAction) -> None:
        """``button`` does what ``action`` does, and is greyed (saying why) when it is."""
        button.clicked.connect(action.trigger)
        button.setIcon(action.icon())

        def update() -> None:
            button.setEnabled(action.isEnabled())
            button.setToolTip(action.toolTip())

        action.changed.connect(update)
        update()

    def retranslate(self) -> None:
        self.import_button.setText(self.tr("&Import Key\u2026"))
        self.import_button.setAccessibleName(self.tr("Import Key"))
        self.create_button.setText(self.tr("C&reate Key\u2026"))
        self.create_button.setAccessibleName(self.tr("Create Key"))
        self.search.setAccessibleName(self.tr("Search keys"))
        self.search.setPlaceholderText(self.tr("Alias, key ID, description, tag key or value"))
        self.state_filter.setAccessibleName(self.tr("Show keys in state"))
        self.state_filter.setItemText(0, self.tr("All states"))
        for index, state in enumerate(FILTER_STATES, start=1):
            self.state_filter.setItemText(index, fmt.state_label(state))
        self._search_label.setText(self.tr("&Search:"))
        self._state_label.setText(self.tr("S&tate:"))
