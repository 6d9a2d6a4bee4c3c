"""Choosing the KMS from the list window (issue 5): the Connection menu opens the connection
dialog; connecting puts a new window on the remote KMS, which shows in the title and the
status bar; "Use the local engine" comes back. A KMS that cannot be reached keeps the window
as it was and says why, with the code."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication, QLabel

from app.backends.factory import BackendSettings, RemoteSettings
from app.backends.local import LocalBackend
from app.gui.desktop import Desktop
from tests.server.live import ACCESS_KEY, SECRET_KEY, LiveServer


@pytest.fixture
def desktop(qtbot, runner, tmp_path, monkeypatch) -> Iterator[Desktop]:
    monkeypatch.setenv("KEYFERRY_SECRET_KEY", SECRET_KEY)
    settings = BackendSettings(data_dir=tmp_path / "store", master_key_file=tmp_path / "master.key")
    from app.backends.local import open_local

    session = Desktop(settings, runner)
    session.show(
        open_local(settings.data_dir, master_key_file=settings.master_key_file, background=False)
    )
    yield session
    for window in (session.window,):
        if window is not None and shiboken6.isValid(window):
            window.close()
    qtbot.waitUntil(lambda: not runner.busy)
    runner.shutdown(wait=True)
    session.close()


def _label(window) -> str:
    return window.findChild(QLabel, "connectionLabel").text()


def test_switching_to_a_remote_kms_and_back(
    qtbot, desktop: Desktop, live_server: LiveServer
) -> None:
    local_window = desktop.window
    assert _label(local_window).startswith("Local engine (")
    assert "Local engine" in local_window.windowTitle()
    assert not local_window.use_local_action.isEnabled()
    assert local_window.menus.history_action.isEnabled()
    settings = RemoteSettings(live_server.url, "switchproj", ACCESS_KEY)
    local_window.kmsChosen.emit(settings)
    qtbot.waitUntil(lambda: desktop.window is not local_window, timeout=30_000)
    remote_window = desktop.window
    assert _label(remote_window) == f"Remote KMS {live_server.url} (project switchproj)"
    assert live_server.url in remote_window.windowTitle()
    assert remote_window.use_local_action.isEnabled()
    history = remote_window.menus.history_action  # the cloud's trace service, not ours
    assert not history.isEnabled() and "trace service" in history.toolTip()
    assert not isinstance(desktop.backend, LocalBackend)
    remote_window.use_local_action.trigger()
    qtbot.waitUntil(lambda: desktop.window is not remote_window, timeout=30_000)
    assert isinstance(desktop.backend, LocalBackend)
    assert _label(desktop.window).startswith("Local engine (")


def test_an_unreachable_kms_keeps_the_window_and_says_why(
    qtbot,
    desktop: Desktop,
) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    window = desktop.window
    window.kmsChosen.emit(RemoteSettings(f"http://127.0.0.1:{port}", "p", ACCESS_KEY))
    notice = window.findChild(QLabel, "windowNotice")
    qtbot.waitUntil(lambda: "NET.0001" in notice.text(), timeout=30_000)
    assert desktop.window is window and isinstance(desktop.backend, LocalBackend)


def test_the_connection_menu_opens_the_dialog(qtbot, desktop: Desktop) -> None:
    desktop.window.connect_remote_action.trigger()
    qtbot.waitUntil(
        lambda: any(
            w.objectName() == "connectionDialog" and w.isVisible()
            for w in QApplication.topLevelWidgets()
        )
    )
    dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "connectionDialog")
    dialog.reject()


def test_the_window_shows_before_its_local_store_opens_on_the_runner(
    qtbot, runner, tmp_path
) -> None:
    """keyferry's list window (app.py) is built on a backend whose engine opens with the
    first page of keys, on the task runner: never on the UI thread, and the rows follow."""
    import threading

    from app.backends.local import open_local
    from app.engine import FileMasterKey, LocalKms
    from app.gui.main_window import CmkListWindow

    seeded = LocalKms.open(
        tmp_path / "store",
        master_key_source=FileMasterKey(tmp_path / "master.key"),
        background=False,
        pool_size=0,
    )
    seeded.create_key(project_id="default", key_alias="waiting", origin="external")
    seeded.close()
    opened_on: list[str] = []
    backend = open_local(
        tmp_path / "store", master_key_file=tmp_path / "master.key", background=False, lazily=True
    )
    opener = backend._opener
    assert opener is not None and backend._kms is None

    def recording_opener():  # type: ignore[no-untyped-def]
        opened_on.append(threading.current_thread().name)
        return opener()

    backend._opener = recording_opener
    window = CmkListWindow(backend, runner)
    qtbot.addWidget(window)
    assert window.shown_label.text() == "Opening the key store\u2026"
    window.show()
    assert backend._kms is None or opened_on != [threading.main_thread().name]
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: window.shown_label.text() == "1 key", timeout=10_000)
    assert opened_on and opened_on[0] != threading.main_thread().name
    assert window.windowTitle().endswith(f"({tmp_path / 'store'})")
    window.close()
    qtbot.waitUntil(lambda: not runner.busy)
    backend.close()


def test_a_local_store_that_cannot_open_is_said_in_the_window(qtbot, runner, tmp_path) -> None:
    """The master-key file is damaged: the window still comes up, says why with what to do,
    and its Connection menu still offers another KMS; the file is left as it was. Once the
    user has moved it away, View > Reload opens the store."""
    from app.backends.local import open_local
    from app.gui.main_window import CmkListWindow
    from app.gui.widgets.notice import Notice

    key_file = tmp_path / "master.key"
    key_file.write_bytes(b"not a key")
    key_file.chmod(0o600)
    backend = open_local(
        tmp_path / "store", master_key_file=key_file, background=False, lazily=True
    )
    window = CmkListWindow(backend, runner)
    qtbot.addWidget(window)
    window.show()
    notice = window.findChild(Notice, "windowNotice")
    qtbot.waitUntil(lambda: "cannot open its key store" in notice.text(), timeout=10_000)
    assert str(key_file) in notice.text() and "Reload" in notice.text()
    assert window.model.rowCount() == 0
    assert window.shown_label.text() == "No keys: the store is not open"
    assert window.connect_remote_action.isEnabled()
    for action, button in (
        (window.menus.import_action, window.top_bar.import_button),
        (window.menus.create_action, window.top_bar.create_button),
    ):  # greyed, saying why, in the menu and on the button
        assert not action.isEnabled() and not button.isEnabled()
        assert "not open" in action.toolTip() and button.toolTip() == action.toolTip()
    assert "Reload" in window.status.empty_hint.text()
    assert key_file.read_bytes() == b"not a key"
    key_file.unlink()  # the user moves the damaged file away and reloads
    window.menus.reload_action.trigger()
    qtbot.waitUntil(lambda: window.shown_label.text() == "0 keys", timeout=10_000)
    assert notice.text() == ""
    assert window.menus.import_action.isEnabled() and window.top_bar.import_button.isEnabled()
    assert "Import Key" in window.status.empty_hint.text()  # a first launch: what to do
    window.close()
    qtbot.waitUntil(lambda: not runner.busy)
    backend.close()


def test_in_chinese_the_store_that_cannot_open_is_said_all_in_chinese(
    qtbot, runner, tmp_path, chinese
) -> None:
    """The banner put the English "The master-key file" inside the Chinese sentence."""
    from app.backends.local import open_local
    from app.gui.main_window import CmkListWindow
    from app.gui.widgets.notice import Notice
    from tests.gui.i18n_check import english_words

    key_file = tmp_path / "master.key"
    key_file.write_bytes(b"not a key")
    key_file.chmod(0o600)
    backend = open_local(
        tmp_path / "store", master_key_file=key_file, background=False, lazily=True
    )
    window = CmkListWindow(backend, runner)
    qtbot.addWidget(window)
    window.show()
    notice = window.findChild(Notice, "windowNotice")
    qtbot.waitUntil(lambda: "无法打开" in notice.text(), timeout=10_000)
    assert f"主密钥文件 {key_file} 中没有 Keyferry 主密钥。" in notice.text()
    assert english_words(notice.text(), [str(key_file)]) == [], notice.text()
    window.close()
    qtbot.waitUntil(lambda: not runner.busy)
    backend.close()


def test_a_damaged_store_file_is_said_in_the_window_with_its_code(qtbot, runner, tmp_path) -> None:
    """Not a database at all (found in review: it read 'the list could not be brought up
    to date' and 'Loading keys... (0 so far)' stayed; the CLI printed a traceback)."""
    from app.backends.local import open_local
    from app.gui.main_window import CmkListWindow
    from app.gui.widgets.notice import Notice

    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "keyferry.sqlite3").write_bytes(b"\x17" * 4096)
    backend = open_local(
        tmp_path / "store", master_key_file=tmp_path / "master.key", background=False, lazily=True
    )
    window = CmkListWindow(backend, runner)
    qtbot.addWidget(window)
    window.show()
    notice = window.findChild(Notice, "windowNotice")
    qtbot.waitUntil(lambda: "cannot open its key store" in notice.text(), timeout=10_000)
    assert "KMS.0102" in notice.text() and "damaged" in notice.text()
    assert window.shown_label.text() == "No keys: the store is not open"
    assert (tmp_path / "store" / "keyferry.sqlite3").read_bytes() == b"\x17" * 4096
    window.close()
    qtbot.waitUntil(lambda: not runner.busy)
    backend.close()
