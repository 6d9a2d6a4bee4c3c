"""The master key in the list window: fixing a store that cannot open for want of a keyring
where the user is, and moving the key on request.

When the local store fails for its master key (no keyring, a locked one, a key file refused),
the window's banner gets two buttons: **Keep the master key in a file…** (a save dialog
proposing ``~/.config/keyferry/master.key``; a new file is said in one sentence first, then
created 0600 by the engine; an existing key file is checked as the engine checks it) and
**Try again** (View > Reload). A store that opens with the chosen file is remembered
(``master_key_place``) and handed to the desktop, which puts a new window on it.
**Key store > Move master key to the system keyring / to a file** moves it (see
app/engine/master_key_move.py): nothing moves silently, and a failed step leaves the key
where the store looks for it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFileDialog,
    QHBoxLayout,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QWidget,
)

from app.backends.base import KmsBackend
from app.backends.factory import BackendSettings, open_backend, proposed_master_key_file
from app.backends.local import LocalBackend
from app.gui import master_key_place as place
from app.gui.messages import error_text, message_text
from app.gui.tasks import TaskRunner
from app.gui.widgets.notice import Kind, Notice
from app.gui.window_menus import WindowMenus
from app.gui.window_status import WindowStatus
from app.model.errors import SetupError
from app.model.messages import Message

#: Store failures the master key's place can fix (besides every ``master_key.*`` one).
_FIXABLE = frozenset({"keyring.failed", "store.master_key_missing", "store.master_key_other"})
_NO_KEYRING = frozenset({"master_key.no_keyring", "keyring.failed"})


def fixable(error: BaseException) -> bool:
    """Whether choosing where the master key is kept may let the store open."""
    return isinstance(error, SetupError) and (
        error.message_id.startswith("master_key.") or error.message_id in _FIXABLE
    )


class MasterKeyPanel(QObject):
    """The banner's buttons, the Key store menu and the master key's place in the window."""

    #: A local backend opened on the master-key file the user chose, and a warning ("" if
    #: none) for the window that replaces this one.
    storeOpened = Signal(object, str)
    #: The master key moved: its file, or None for the system keyring.
    keyMoved = Signal(object)
    #: The master key's place changed or a step ended: the status bar says it again.
    changed = Signal()

    def __init__(
        self,
        window: QMainWindow,
        backend: KmsBackend,
        runner: TaskRunner,
        *,
        layout: QBoxLayout,
        notice: Notice,
        menus: WindowMenus,
        status: WindowStatus,
    ) -> None:
        """Its buttons go under the window's notice in ``layout``, its menu before the
        Connection menu, where the key is kept into the status bar and About."""
        super().__init__(window)
        self._window, self._runner, self._menus, self._status = window, runner, menus, status
        self._notice = notice
        self._backend = backend if isinstance(backend, LocalBackend) else None
        self._busy = False
        self.bar = QWidget(window)
        self.bar.setObjectName("masterKeyBar")
        row = QHBoxLayout(self.bar)
        row.setContentsMargins(0, 0, 0, 0)
        self.keep_in_file_button = QPushButton(self.bar, objectName="keepInFileButton")
        self.try_again_button = QPushButton(self.bar, objectName="tryAgainButton")
        row.addWidget(self.keep_in_file_button)
        row.addWidget(self.try_again_button)
        row.addStretch(1)
        layout.insertWidget(layout.indexOf(self._notice) + 1, self.bar)
        self.bar.hide()
        self.menu = QMenu(window, objectName="keyStoreMenu")
        window.menuBar().insertMenu(menus.menus["connection"].menuAction(), self.menu)
        self.to_keyring_action = self.menu.addAction("")
        self.to_keyring_action.setObjectName("moveToKeyringAction")
        self.to_file_action = self.menu.addAction("")
        self.to_file_action.setObjectName("moveToFileAction")
        self.keep_in_file_button.clicked.connect(self._on_keep_in_file_button_clicked)
        self.try_again_button.clicked.connect(menus.reload_action.trigger)
        self.to_keyring_action.triggered.connect(lambda: self._move(None))
        self.to_file_action.triggered.connect(self._on_to_file_action_triggered)
        self.changed.connect(self._show_place)
        self.set_store_open(False)

    # ------------------------------------------------------------------ the window's calls

    def retranslate(self) -> None:
        self.keep_in_file_button.setText(self.tr("Keep the master key in a &file\u2026"))
        self.try_again_button.setText(self.tr("&Try again"))
        self.menu.setTitle(self.tr("Key &store"))
        self.to_keyring_action.setText(self.tr("Move master key to the system &keyring"))
        self.to_file_action.setText(self.tr("Move master key to a &file\u2026"))
        self._show_place()

    def _show_place(self) -> None:
        self._menus.about_note = place.place_text(self._backend) if self._backend else ""
        self._status.show_master_key(self._menus.about_note)

    def failure_text(self, error: BaseException, template: str) -> str:
        """What the banner says of a store that did not open (``template``'s %1 is the
        reason), with the buttons when the master key's place may fix it."""
        self.bar.setVisible(self._backend is not None and fixable(error))
        if isinstance(error, SetupError) and error.message_id in _NO_KEYRING:
            return self.tr("Keyferry cannot open its key store. %1").replace(
                "%1", message_text(Message("master_key.no_keyring_window"))
            )
        return template.replace("%1", error_text(error))

    def set_store_open(self, is_open: bool) -> None:
        """The store opened (the banner's buttons go) or not; the menu follows."""
        if is_open:
            self.bar.hide()
        local = self._backend is not None and not self._busy
        in_file = self._backend is not None and self._backend.master_key_file is not None
        self.to_keyring_action.setEnabled(local and is_open and in_file)
        self.to_file_action.setEnabled(local and is_open)

    # ------------------------------------------------------------------ choosing a file

    def _file_dialog(self, title: str, on_chosen: Callable[[str], object]) -> None:
        assert self._backend is not None
        proposed = proposed_master_key_file(self._backend.directory)
        dialog = QFileDialog(self._window, title)
        dialog.setObjectName("masterKeyFileDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)  # a key file is fine
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # a hidden file shows
        folder = proposed.parent
        while not folder.is_dir() and folder != folder.parent:
            folder = folder.parent  # the dialog cannot show a folder that does not exist yet
        dialog.setDirectory(str(folder))
        dialog.selectFile(str(proposed.relative_to(folder)))
        dialog.fileSelected.connect(on_chosen)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _on_keep_in_file_button_clicked(self) -> None:
        self._file_dialog(self.tr("Keep the master key in a file"), self._on_open_file_chosen)

    def _on_open_file_chosen(self, text: str) -> None:
        self._after_warning(Path(text), self._open_with)

    def _after_warning(self, key_file: Path, then: Callable[[Path], object]) -> None:
        """``then(key_file)``, after the one sentence a new key file deserves."""
        if key_file.exists():
            then(key_file)
            return
        box = QMessageBox(self._window)
        box.setObjectName("newKeyFileWarning")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("A new master-key file"))
        box.setText(
            self.tr(
                "Whoever can read %1 can open this key store: keep it private, and back it "
                "up with the store (keyferry backup)."
            ).replace("%1", str(key_file))
        )
        create = box.addButton(self.tr("&Create the file"), QMessageBox.ButtonRole.AcceptRole)
        create.setObjectName("createKeyFileButton")
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(lambda button: then(key_file) if button is create else None)
        box.finished.connect(box.deleteLater)
        box.open()

    def _open_with(self, key_file: Path) -> None:
        """Open the store with its master key in ``key_file``, off the UI thread."""
        assert self._backend is not None
        settings = BackendSettings(data_dir=self._backend.directory, master_key_file=key_file)
        settings = replace(settings, project_id=self._backend.project_id)
        self._set_busy(True)
        self._window.statusBar().showMessage(self.tr("Opening the key store\u2026"))
        self._runner.run(
            lambda: open_backend(settings, lazily=False),
            context=self,
            on_success=lambda backend: self._on_opened(backend, key_file),
            on_failure=self._on_failed,
        )

    def _on_opened(self, backend: KmsBackend, key_file: Path) -> None:
        assert self._backend is not None
        self._set_busy(False)
        warning = ""
        try:
            place.remember(self._backend.directory, key_file)
        except SetupError as error:
            warning = error_text(error)
        self.storeOpened.emit(backend, warning)

    def _on_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self._window.statusBar().clearMessage()
        self._notice.show_text(
            self.tr("The master key was not taken from that file. %1").replace(
                "%1", error_text(error)
            ),
            Kind.ERROR,
        )

    # ------------------------------------------------------------------ moving

    def _on_to_file_action_triggered(self) -> None:
        self._file_dialog(
            self.tr("Move the master key to a file"),
            lambda text: self._after_warning(Path(text), self._move),
        )

    def _move(self, key_file: Path | None) -> None:
        backend = self._backend
        assert backend is not None
        self._set_busy(True)
        self._notice.clear_text()
        self._runner.run(
            lambda: backend.move_master_key(
                key_file, switch=lambda: place.remember(backend.directory, key_file)
            ),
            context=self,
            on_success=lambda warning: self._on_moved(key_file, warning),
            on_failure=self._on_move_failed,
        )

    def _on_moved(self, key_file: Path | None, warning: Message | None) -> None:
        self._set_busy(False)
        self.keyMoved.emit(key_file)
        if warning is not None:
            self._notice.show_text(message_text(warning), Kind.WARNING)
        where = place.place_text(self._backend) if self._backend else ""
        self._window.statusBar().showMessage(
            self.tr("The master key moved; %1.").replace("%1", where), 10_000
        )

    def _on_move_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self._notice.show_text(
            self.tr("The master key was not moved; it is where it was. %1").replace(
                "%1", error_text(error)
            ),
            Kind.ERROR,
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.keep_in_file_button.setEnabled(not busy)
        self.try_again_button.setEnabled(not busy)
        self.set_store_open(self._backend is not None and self._backend.is_open)
        if not busy:
            self.changed.emit()
