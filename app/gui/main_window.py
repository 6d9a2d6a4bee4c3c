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

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.backends.base import KmsBackend
from app.gui.appearance import restore_geometry, save_geometry
from app.gui.cmk_table_model import (
    CmkFilterProxy,
    CmkTableModel,
    KeyIdRole,
    StateRole,
)
from app.gui.geometry import keep_inside, text_size
from app.gui.key_actions import KeyActions
from app.gui.key_history import KeyHistory, PublicKeys
from app.gui.key_list_sync import KeyListSync
from app.gui.key_operations import KeyOperations
from app.gui.master_key_panel import MasterKeyPanel
from app.gui.messages import error_text, message_text
from app.gui.table_keys import TableKeys
from app.gui.tasks import TaskRunner
from app.gui.widgets.details_pane import DetailsPane
from app.gui.widgets.key_table import fit_columns, make_key_table
from app.gui.widgets.notice import Kind, Notice
from app.gui.widgets.top_bar import TopBar
from app.gui.window_menus import KEY_GROUPS, WindowMenus
from app.gui.window_status import WindowStatus
from app.model.errors import SetupError
from app.model.keys import Cmk

#: Where the window's size, place and splitter are remembered (QSettings).
SETTINGS_GROUP = "listWindow"
#: The window's first size, in average characters and lines of its font.
DEFAULT_SIZE = (150, 42)


class CmkListWindow(QMainWindow):
    """The main window. ``now`` (seconds, UTC) and ``tick_ms`` let tests move time.

    A window works on one backend for its whole life; choosing another KMS (the Connection
    menu) emits ``kmsChosen`` with the remote settings, or None for the local engine, and
    the desktop (app.py) opens that backend and puts a new window in this one's place."""

    #: RemoteSettings of the KMS the user connected to, or None for the local engine.
    kmsChosen = Signal(object)

    def __init__(
        self,
        backend: KmsBackend,
        runner: TaskRunner,
        *,
        now: Callable[[], float] = time.time,
        tick_ms: int = 30_000,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cmkListWindow")
        self.backend, self.runner = backend, runner
        self.now_ms: Callable[[], int] = lambda: int(now() * 1000)
        self.model = CmkTableModel(self.now_ms, self)
        self.proxy = CmkFilterProxy(self.model, self)
        self.sync = KeyListSync(
            backend,
            runner,
            self.model,
            self.proxy,
            now_ms=self.now_ms,
            tick_ms=tick_ms,
            parent=self,
        )
        self.key_actions = KeyActions(self)
        self.operations = KeyOperations(backend, runner, self.sync, self.now_ms, self)
        self._key_id: str | None = None
        self._shown: Cmk | None = None
        self._applying = False
        self._stale_language = False
        self._unopened = False  # the local store failed to open (the last try)
        self._retranslating = QTimer(self, singleShot=True, interval=0)
        self._retranslating.timeout.connect(self._on_retranslating_timeout)
        self._build()
        self._connect()
        self.retranslate()
        restore_geometry(self, SETTINGS_GROUP, text_size(self, *DEFAULT_SIZE))
        splitter = QSettings().value(f"{SETTINGS_GROUP}/splitter", b"")
        if isinstance(splitter, (QByteArray, bytes)):
            self.splitter.restoreState(splitter)
        self.sync.start()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.top_bar = TopBar(central)
        self.search, self.state_filter = self.top_bar.search, self.top_bar.state_filter
        layout.addWidget(self.top_bar)
        self.notice = Notice(central, object_name="windowNotice")
        layout.addWidget(self.notice)
        self.table = make_key_table(central, self.proxy, StateRole)
        self.table.setAccessibleName(self.tr("Keys"))
        self.details = DetailsPane(central)
        self.history = KeyHistory(self.backend, self.runner, self.details, lambda: self._key_id)
        PublicKeys(self.backend, self.runner, self.details)
        self.splitter = QSplitter(Qt.Orientation.Vertical, central)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([460, 300])
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.menus = WindowMenus(self, self.key_actions)
        self.table_keys = TableKeys(self.table, self.key_actions, self.details, KEY_GROUPS)
        self.connect_remote_action = self.menus.connect_remote_action
        self.use_local_action = self.menus.use_local_action
        self.use_local_action.setEnabled(not self.backend.is_local)
        self.menus.set_history_available(self.backend.supports_history)
        self.status = WindowStatus(self, self.table)
        self.shown_label = self.status.shown_label
        self.master_key = MasterKeyPanel(
            self,
            self.backend,
            self.runner,
            layout=layout,
            notice=self.notice,
            menus=self.menus,
            status=self.status,
        )

    def retranslate(self) -> None:
        """Every text of the window in the current language; what was said in the old one
        (a notice, a status message) goes."""
        self._stale_language = False
        self.setWindowTitle(self.tr("Keyferry \u2014 %1").replace("%1", self._kms_name()))
        self.status.show_connection(self._kms_name())
        self.table.setAccessibleName(self.tr("Keys"))
        self.top_bar.retranslate()
        self.menus.retranslate()
        self.master_key.retranslate()
        self.key_actions.retranslate()
        self.model.retranslate()
        self.details.retranslate()
        fit_columns(self.table, only_grow=True)  # the state names may be longer now
        self.notice.clear_text()
        self.statusBar().clearMessage()
        self._shown = None  # shown again, history and all, in the new language
        self._show_selected()
        self._update_counts()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._stale_language = True
            if self.isVisible():  # a closed window is not retranslated (its runner is gone)
                self._retranslating.start()  # once, after all the translators are swapped

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        keep_inside(self)  # its frame too, now that the frame is known
        if self._stale_language:
            self.retranslate()

    def _on_retranslating_timeout(self) -> None:
        if self._stale_language and self.isVisible():
            self.retranslate()

    def _kms_name(self) -> str:
        return message_text(self.backend.label)

    # ------------------------------------------------------------------ wiring

    def _connect(self) -> None:
        acts, ops = self.key_actions.actions, self.operations
        on_key: dict[str, Callable[[Cmk], object]] = {
            "enableAction": ops.enable,
            "disableAction": ops.disable,
            "scheduleDeletionAction": ops.schedule_deletion,
            "cancelDeletionAction": ops.cancel_deletion,
            "editAliasAction": ops.edit_alias,
            "editTagsAction": ops.edit_tags,
            "deleteMaterialAction": lambda cmk: ops.delete_material(cmk, self._recorded_kcv()),
            "reimportAction": ops.import_again,
            "tryItAction": ops.try_it,
        }
        for name, run in on_key.items():
            acts[name].triggered.connect(lambda _checked=False, run=run: self._on_key(run))
        menus = self.menus
        self.top_bar.follow(self.top_bar.import_button, menus.import_action)
        self.top_bar.follow(self.top_bar.create_button, menus.create_action)
        menus.import_action.triggered.connect(lambda: ops.open_wizard())
        menus.create_action.triggered.connect(lambda: ops.create_key())
        menus.search_action.triggered.connect(self._on_search_action_triggered)
        menus.reload_action.triggered.connect(self._on_reload_action_triggered)
        menus.quit_action.triggered.connect(QApplication.closeAllWindows)
        menus.help_action.triggered.connect(self._on_help_action_triggered)
        menus.history_action.triggered.connect(self._on_history_action_triggered)
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
        ops.warned.connect(lambda text: self.notice.show_text(text, Kind.WARNING))
        ops.keyMayExist.connect(self._on_operations_keyMayExist)
        ops.busyChanged.connect(self._update_actions)
        self.proxy.rowsInserted.connect(self._update_shown_count)
        self.proxy.rowsRemoved.connect(self._update_shown_count)

    def _on_key(self, run: Callable[[Cmk], object]) -> None:
        cmk = self.selected_key()
        if cmk is not None:
            self.notice.clear_text()
            run(cmk)

    # --------------------------------------------------------------- selection

    def _recorded_kcv(self) -> str | None:
        """The selected key's KCV from the import record (shown in the details pane)."""
        recorded = self.details.recorded
        return recorded.kcv if recorded is not None else None

    def selected_key(self) -> Cmk | None:
        """The selected key's latest snapshot."""
        return self.model.keyView.keys.get(self._key_id) if self._key_id else None

    def select_key(self, key_id: str) -> bool:
        """Select a key by ID (fetching its row if needed); False if the list lacks it."""
        row = self.model.rowOf(key_id)
        index = (
            self.proxy.mapFromSource(self.model.index(row, 0)) if row is not None else QModelIndex()
        )
        if not index.isValid():
            return False
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
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
        if self._unopened:  # a reload opened the store after all
            self._unopened = False
            self.notice.clear_text()
        self._applying = False
        self._reconcile_selection()
        self._update_counts()

    def _show_selected(self) -> None:
        cmk = self.selected_key()
        if cmk is not self._shown:
            self.details.show_key(cmk, self.now_ms())
            if cmk is not None:
                self.history.load(cmk)
            self._shown = cmk
        self._update_actions()

    def _update_actions(self) -> None:
        cmk = self.selected_key()
        busy = cmk is not None and self.operations.is_busy(cmk.key_id)
        self.key_actions.update_for(cmk, busy=busy)

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

    def _on_reload_action_triggered(self) -> None:
        if self.runner.busy:  # a slow KMS: say so rather than seem to ignore the click
            self.statusBar().showMessage(
                self.tr("Reloading: waiting for the KMS to answer an earlier request\u2026")
            )
            self.runner.idle.connect(
                self.statusBar().clearMessage, Qt.ConnectionType.SingleShotConnection
            )
        self.sync.reload()

    def _on_operations_keyMayExist(self, text: str, alias: str) -> None:
        self.search.setText(alias)  # finds it as soon as the list has it
        self.sync.reload()
        self.notice.show_text(text, Kind.WARNING)

    def _on_operations_succeeded(self, message: str) -> None:
        self.notice.clear_text()
        self.statusBar().showMessage(message, 10_000)

    def _on_sync_failed(self, error: BaseException) -> None:
        # The local store did not open (see app.py): no keyring, a damaged file, ...
        if isinstance(error, SetupError) or not self.backend.is_open:
            self._unopened = True
            self._update_shown_count()
            text = self.tr("Keyferry cannot open its key store. %1 View > Reload tries again.")
            text = self.master_key.failure_text(error, text)
        else:
            text = self.tr("The list of keys could not be brought up to date. %1")
            text = text.replace("%1", error_text(error))
        self.notice.show_text(text, Kind.ERROR)

    def _update_counts(self) -> None:
        self.status.show_counts(self.model.keyView.keys.counts)
        self._update_shown_count()

    def _update_shown_count(self, *_args: object) -> None:
        self.status.show_shown(
            total=len(self.model.keyView.keys),
            matching=self.model.totalRows(),
            loaded=self.model.rowCount(),
            complete=self.sync.complete,
            unopened=self._unopened,
            opening=not self.backend.is_open,
        )
        self.menus.set_store_open(not self._unopened)
        self.master_key.set_store_open(self.backend.is_open and not self._unopened)

    def _on_history_action_triggered(self) -> None:
        from app.gui.dialogs.history import open_history

        aliases = {cmk.key_id: cmk.alias for cmk in self.model.keyView.keys.keys}
        open_history(self, self.backend, self.runner, aliases)

    def _on_help_action_triggered(self) -> None:
        from app.gui.dialogs.window_help import show_window_help

        show_window_help(self)

    def _on_connect_remote_action_triggered(self) -> None:
        from app.gui.dialogs.connection import ConnectionDialog

        # Its own runner: testing a connection never waits behind this KMS's calls.
        runner = TaskRunner()
        dialog = ConnectionDialog(runner, self)
        runner.setParent(dialog)
        dialog.finished.connect(lambda _result: runner.retire())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.connected.connect(self.kmsChosen.emit)
        dialog.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        save_geometry(self, SETTINGS_GROUP)
        QSettings().setValue(f"{SETTINGS_GROUP}/splitter", self.splitter.saveState())
        self.sync.shutdown()
        super().closeEvent(event)
