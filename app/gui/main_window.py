"""The CMK list window: every key, its state and details, and what one can do to it.

The window wires parts that each do one thing: the table model and filter proxy
(``cmk_table_model``), the job that keeps them in step with the backend and with time
(``key_list_sync``), the actions and which states allow them (``key_actions``), what each
action does (``key_operations``, dialogs in ``dialogs/``) and the details pane. It holds
the selection by key ID, so the selected key stays selected while rows change around it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.backends.base import KmsBackend
from app.backends.local import LocalBackend
from app.gui import formatting as fmt
from app.gui.cmk_table_model import (
    CmkFilterProxy,
    CmkTableModel,
    Column,
    KeyIdRole,
    StateRole,
)
from app.gui.dialogs.base import error_text
from app.gui.key_actions import KeyActions
from app.gui.key_list_sync import KeyListSync
from app.gui.key_operations import KeyOperations
from app.gui.tasks import TaskRunner
from app.gui.widgets.details_pane import DetailsPane
from app.gui.widgets.notice import Kind, Notice
from app.gui.widgets.state_badge import StateBadgeDelegate
from app.model.audit import AuditEntry
from app.model.keys import Cmk, KeyState

_WIDTHS = {Column.ALIAS: 210, Column.KEY_ID: 290, Column.STATE: 140, Column.ORIGIN: 75,
           Column.KEY_SPEC: 80, Column.CREATED: 130, Column.MATERIAL_EXPIRY: 220}
_FILTER_STATES = (KeyState.ENABLED, KeyState.DISABLED, KeyState.PENDING_DELETION,
                  KeyState.PENDING_IMPORT)


class CmkListWindow(QMainWindow):
    """The main window. ``now`` (seconds, UTC) and ``tick_ms`` let tests move time.

    A window works on one backend for its whole life; choosing another KMS (the Connection
    menu) emits ``kmsChosen`` with the remote settings, or None for the local engine, and
    the desktop (app.py) opens that backend and puts a new window in this one's place."""

    #: RemoteSettings of the KMS the user connected to, or None for the local engine.
    kmsChosen = Signal(object)

    def __init__(self, backend: KmsBackend, runner: TaskRunner, *,
                 now: Callable[[], float] = time.time, tick_ms: int = 30_000,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cmkListWindow")
        self.setWindowTitle(self.tr("Keyferry \u2014 %1").replace("%1", backend.label))
        self.backend, self.runner = backend, runner
        self.now_ms: Callable[[], int] = lambda: int(now() * 1000)
        self.model = CmkTableModel(self.now_ms, self)
        self.proxy = CmkFilterProxy(self.model, self)
        self.sync = KeyListSync(backend, runner, self.model, self.proxy, now_ms=self.now_ms,
                                tick_ms=tick_ms, parent=self)
        self.key_actions = KeyActions(self)
        self.operations = KeyOperations(backend, runner, self.sync, self.now_ms, self)
        self._key_id: str | None = None
        self._shown: Cmk | None = None
        self._applying = False
        self._build()
        self._connect()
        self.resize(1360, 820)
        self.sync.start()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addLayout(self._top_row(central))
        self.notice = Notice(central, object_name="windowNotice")
        layout.addWidget(self.notice)
        self.table = self._make_table(central)
        self.details = DetailsPane(central)
        splitter = QSplitter(Qt.Orientation.Vertical, central)
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([460, 300])
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self._make_menus_and_toolbar()
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("stateCountsLabel")
        self.shown_label = QLabel(self)
        self.shown_label.setObjectName("shownCountLabel")
        self.connection_label = QLabel(self.backend.label, self)
        self.connection_label.setObjectName("connectionLabel")
        self.connection_label.setAccessibleName(self.tr("Connected KMS"))
        self.statusBar().addPermanentWidget(self.connection_label)
        self.statusBar().addPermanentWidget(self.shown_label)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.shown_label.setText(self.tr("Loading keys\u2026"))

    def _top_row(self, parent: QWidget) -> QHBoxLayout:
        self.import_button = _button(parent, "importKeyButton", self.tr("&Import Key\u2026"),
                                     self.tr("Import Key"))
        self.create_button = _button(parent, "createKeyButton", self.tr("Create &Key\u2026"),
                                     self.tr("Create Key"))
        self.search = QLineEdit(parent)
        self.search.setObjectName("searchEdit")
        self.search.setAccessibleName(self.tr("Search keys"))
        self.search.setPlaceholderText(self.tr("Alias, key ID, description, tag key or value"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(320)
        clear = QAction(self.search)
        clear.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        clear.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        clear.triggered.connect(self.search.clear)
        self.search.addAction(clear)
        self.state_filter = QComboBox(parent)
        self.state_filter.setObjectName("stateFilterCombo")
        self.state_filter.setAccessibleName(self.tr("Show keys in state"))
        self.state_filter.addItem(self.tr("All states"), None)
        for state in _FILTER_STATES:
            self.state_filter.addItem(fmt.state_label(state), state)
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addWidget(self.create_button)
        row.addStretch(1)
        row.addWidget(_buddy(parent, self.tr("&Search:"), self.search))
        row.addWidget(self.search)
        row.addWidget(_buddy(parent, self.tr("S&tate:"), self.state_filter))
        row.addWidget(self.state_filter)
        return row

    def _make_table(self, parent: QWidget) -> QTableView:
        table = QTableView(parent)
        table.setObjectName("cmkTable")
        table.setAccessibleName(self.tr("Keys"))
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.setItemDelegateForColumn(Column.STATE, StateBadgeDelegate(StateRole, table))
        rows = table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 12)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in _WIDTHS.items():
            header.resizeSection(column, width)
        header.setSortIndicator(Column.CREATED, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        return table

    def _make_menus_and_toolbar(self) -> None:
        acts = self.key_actions.actions
        self.import_action = _action(self, "importKeyAction", self.tr("&Import Key\u2026"),
                                     "Ctrl+I")
        self.create_action = _action(self, "createKeyAction", self.tr("&Create Key\u2026"),
                                     "Ctrl+N")
        self.search_action = _action(self, "focusSearchAction", self.tr("&Find"),
                                     QKeySequence.StandardKey.Find)
        self.reload_action = _action(self, "reloadAction", self.tr("&Reload"),
                                     QKeySequence.StandardKey.Refresh)
        groups = [["enableAction", "disableAction"], ["editAliasAction", "editTagsAction"],
                  ["scheduleDeletionAction", "cancelDeletionAction"],
                  ["deleteMaterialAction", "reimportAction"], ["tryItAction"]]
        keys = self.menuBar().addMenu(self.tr("&Key"))
        keys.addActions([self.import_action, self.create_action])
        toolbar = QToolBar(self.tr("Key actions"), self)
        toolbar.setObjectName("keyToolBar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for group in groups:
            keys.addSeparator()
            toolbar.addSeparator()
            for name in group:
                keys.addAction(acts[name])
                toolbar.addAction(acts[name])
                self.table.addAction(acts[name])
        view = self.menuBar().addMenu(self.tr("&View"))
        view.addActions([self.search_action, self.reload_action])
        self._make_connection_menu()
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)

    def _make_connection_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Connection"))
        menu.setObjectName("connectionMenu")
        self.connect_remote_action = _action(self, "connectRemoteAction",
                                             self.tr("Connect to a &remote KMS\u2026"), "")
        self.use_local_action = _action(self, "useLocalAction",
                                        self.tr("Use the &local engine"), "")
        self.use_local_action.setEnabled(not isinstance(self.backend, LocalBackend))
        menu.addActions([self.connect_remote_action, self.use_local_action])

    # ------------------------------------------------------------------ wiring

    def _connect(self) -> None:
        acts, ops = self.key_actions.actions, self.operations
        on_key: dict[str, Callable[[Cmk], object]] = {
            "enableAction": ops.enable, "disableAction": ops.disable,
            "scheduleDeletionAction": ops.schedule_deletion,
            "cancelDeletionAction": ops.cancel_deletion, "editAliasAction": ops.edit_alias,
            "editTagsAction": ops.edit_tags, "deleteMaterialAction": ops.delete_material,
            "reimportAction": lambda cmk: ops.open_wizard(cmk.key_id),
            "tryItAction": ops.try_it,
        }
        for name, run in on_key.items():
            acts[name].triggered.connect(lambda _checked=False, run=run: self._on_key(run))
        self.import_button.clicked.connect(self.import_action.trigger)
        self.create_button.clicked.connect(self.create_action.trigger)
        self.import_action.triggered.connect(lambda: ops.open_wizard())
        self.create_action.triggered.connect(lambda: ops.create_key())
        self.search_action.triggered.connect(self._on_search_action_triggered)
        self.reload_action.triggered.connect(self.sync.reload)
        self.connect_remote_action.triggered.connect(self._on_connect_remote_action_triggered)
        self.use_local_action.triggered.connect(lambda: self.kmsChosen.emit(None))
        self.search.textChanged.connect(self._on_search_textChanged)
        self.state_filter.currentIndexChanged.connect(self._on_state_filter_currentIndexChanged)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selectionChanged)
        self.sync.viewAboutToBeShown.connect(self._on_sync_viewAboutToBeShown)
        self.sync.viewShown.connect(self._on_sync_viewShown)
        self.sync.failed.connect(self._on_sync_failed)
        ops.keyChanged.connect(self._on_operations_keyChanged)
        ops.succeeded.connect(self._on_operations_succeeded)
        ops.failed.connect(lambda text: self.notice.show_text(text, Kind.ERROR))
        ops.busyChanged.connect(self._update_actions)
        self.proxy.rowsInserted.connect(self._update_shown_count)
        self.proxy.rowsRemoved.connect(self._update_shown_count)

    def _on_key(self, run: Callable[[Cmk], object]) -> None:
        cmk = self.selected_key()
        if cmk is not None:
            self.notice.clear_text()
            run(cmk)

    # --------------------------------------------------------------- selection

    def selected_key(self) -> Cmk | None:
        """The selected key's latest snapshot."""
        return self.model.keyView.keys.get(self._key_id) if self._key_id else None

    def select_key(self, key_id: str) -> bool:
        """Select a key by ID (fetching its row if needed); False if the list lacks it."""
        row = self.model.rowOf(key_id)
        index = (self.proxy.mapFromSource(self.model.index(row, 0)) if row is not None
                 else QModelIndex())
        if not index.isValid():
            return False
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        return True

    @contextmanager
    def _model_driven(self) -> Iterator[None]:
        """Selection changes inside are Qt's doing (a removed row's neighbour, a reset), not
        the user's: they are ignored, and the selection then follows its key."""
        self._applying = True
        try:
            yield
        finally:
            self._applying = False
        self._reconcile_selection()

    def _on_table_selectionChanged(self, *_args: object) -> None:
        if self._applying:
            return
        rows = self.table.selectionModel().selectedRows()
        self._key_id = rows[0].data(KeyIdRole) if rows else None
        self._show_selected()

    def _reconcile_selection(self) -> None:
        """Select the selected key's row again, or nothing if it has left the list (deleted,
        or not in the current answer)."""
        rows = self.table.selectionModel().selectedRows()
        shown = rows[0].data(KeyIdRole) if rows else None
        if self._key_id != shown and (self._key_id is None or not self.select_key(self._key_id)):
            self._key_id = None
            self.table.selectionModel().clearSelection()
        self._show_selected()

    def _on_sync_viewShown(self) -> None:
        self._applying = False
        self._reconcile_selection()
        self._update_counts()

    def _show_selected(self) -> None:
        cmk = self.selected_key()
        if cmk is not self._shown:
            self.details.show_key(cmk, self.now_ms())
            if cmk is not None:
                self._load_history(cmk)
            self._shown = cmk
        self._update_actions()

    def _update_actions(self) -> None:
        cmk = self.selected_key()
        busy = cmk is not None and self.operations.is_busy(cmk.key_id)
        self.key_actions.update_for(cmk, busy=busy)

    def _load_history(self, cmk: Cmk) -> None:
        if not self.backend.supports_history:
            self.details.show_history(None, status=self.tr(
                "This KMS does not keep a history of its keys."))
            return
        self.details.show_history(None, status=self.tr("Loading the history\u2026"))
        self.runner.run(lambda: self.backend.history(key_id=cmk.key_id), context=self.details,
                        on_success=lambda entries: self._on_history(cmk.key_id, entries),
                        on_failure=lambda error: self._on_history(cmk.key_id, None, error))

    def _on_history(self, key_id: str, entries: list[AuditEntry] | None,
                    error: BaseException | None = None) -> None:
        if key_id != self._key_id:
            return
        status = "" if error is None else self.tr("The history could not be read: %1").replace(
            "%1", str(error))
        self.details.show_history(entries, status=status)

    # ------------------------------------------------------------------ reacting

    def _on_search_action_triggered(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _on_search_textChanged(self, text: str) -> None:
        with self._model_driven():
            self.proxy.setSearchText(text)

    def _on_state_filter_currentIndexChanged(self, index: int) -> None:
        with self._model_driven():
            self.proxy.setStateFilter(self.state_filter.itemData(index))

    def _on_sync_viewAboutToBeShown(self) -> None:
        self._applying = True

    def _on_operations_keyChanged(self, cmk: Cmk) -> None:
        self._key_id = cmk.key_id  # a created or imported key becomes the selection

    def _on_operations_succeeded(self, message: str) -> None:
        self.notice.clear_text()
        self.statusBar().showMessage(message, 10_000)

    def _on_sync_failed(self, error: BaseException) -> None:
        self.notice.show_text(self.tr("The list of keys could not be brought up to date. %1")
                              .replace("%1", error_text(error)), Kind.ERROR)

    def _update_counts(self) -> None:
        counts = self.model.keyView.keys.counts
        parts = [self.tr("%1: %2").replace("%1", fmt.state_label(s)).replace(
            "%2", f"{counts.get(s, 0):,}") for s in _FILTER_STATES]
        self.counts_label.setText("  \u00b7  ".join(parts))
        self._update_shown_count()

    def _update_shown_count(self, *_args: object) -> None:
        total, matching = len(self.model.keyView.keys), self.model.totalRows()
        if not self.sync.complete:
            text = self.tr("Loading keys\u2026 (%1 so far)").replace("%1", f"{total:,}")
        elif matching == total:
            text = self.tr("%1 keys").replace("%1", f"{total:,}")
        else:
            text = self.tr("%1 of %2 keys match").replace("%1", f"{matching:,}").replace(
                "%2", f"{total:,}")
        self.shown_label.setText(text)

    def _on_connect_remote_action_triggered(self) -> None:
        from app.gui.dialogs.connection import ConnectionDialog

        dialog = ConnectionDialog(self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.connected.connect(self.kmsChosen.emit)
        dialog.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.sync.shutdown()
        super().closeEvent(event)


def _button(parent: QWidget, name: str, text: str, accessible: str) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    return button


def _buddy(parent: QWidget, text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    return label


def _action(parent: QWidget, name: str, text: str,
            shortcut: str | QKeySequence.StandardKey) -> QAction:
    action = QAction(text, parent)
    action.setObjectName(name)
    action.setShortcut(QKeySequence(shortcut))
    return action

