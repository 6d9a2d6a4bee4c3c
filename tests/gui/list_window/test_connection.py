"""Choosing the KMS from the list window (issue 5): the Connection menu opens the connection
dialog; connecting puts a new window on the remote KMS, which shows in the title and the
status bar; "Use the local engine" comes back. A KMS that cannot be reached keeps the window
as it was and says why, with the code."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication, QLabel

from app.backends.factory import RemoteSettings
from app.backends.local import LocalBackend
from app.gui.desktop import Desktop
from tests.server.live import ACCESS_KEY, SECRET_KEY, LiveServer


@pytest.fixture
def desktop(qtbot, runner, tmp_path, monkeypatch) -> Iterator[Desktop]:
    monkeypatch.setenv("KEYFERRY_SECRET_KEY", SECRET_KEY)
    args = argparse.Namespace(data_dir=tmp_path / "store",
                              master_key_file=tmp_path / "master.key", project=None)
    from app.backends.local import open_local

    session = Desktop(args, runner)
    session.show(open_local(args.data_dir, master_key_file=args.master_key_file,
                            background=False))
    yield session
    for window in (session.window,):
        if window is not None and shiboken6.isValid(window):
            window.close()
    qtbot.waitUntil(lambda: not runner.busy)
    runner.shutdown(wait=True)
    session.close()


def _label(window) -> str:
    return window.findChild(QLabel, "connectionLabel").text()


def test_switching_to_a_remote_kms_and_back(qtbot, desktop: Desktop,
                                            live_server: LiveServer) -> None:
    local_window = desktop.window
    assert _label(local_window).startswith("Local engine (")
    assert "Local engine" in local_window.windowTitle()
    assert not local_window.use_local_action.isEnabled()
    settings = RemoteSettings(live_server.url, "switchproj", ACCESS_KEY)
    local_window.kmsChosen.emit(settings)
    qtbot.waitUntil(lambda: desktop.window is not local_window, timeout=30_000)
    remote_window = desktop.window
    assert _label(remote_window) == f"Remote KMS {live_server.url} (project switchproj)"
    assert live_server.url in remote_window.windowTitle()
    assert remote_window.use_local_action.isEnabled()
    assert not isinstance(desktop.backend, LocalBackend)
    remote_window.use_local_action.trigger()
    qtbot.waitUntil(lambda: desktop.window is not remote_window, timeout=30_000)
    assert isinstance(desktop.backend, LocalBackend)
    assert _label(desktop.window).startswith("Local engine (")


def test_an_unreachable_kms_keeps_the_window_and_says_why(qtbot, desktop: Desktop,
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
    qtbot.waitUntil(lambda: any(w.objectName() == "connectionDialog" and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if w.objectName() == "connectionDialog")
    dialog.reject()
