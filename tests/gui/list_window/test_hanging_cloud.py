"""A remote KMS that hangs holds up nothing else: switching to the local engine, and testing
another connection, do not wait behind its abandoned calls (each backend has a runner of its
own); Reload says that it is waiting."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication

from app.backends.factory import BackendSettings, RemoteSettings
from app.backends.local import LocalBackend, open_local
from app.gui.desktop import Desktop
from tests.server.fault_proxy import Fault, FaultProxy, fault_proxy
from tests.server.live import ACCESS_KEY, SECRET_KEY

#: Longer than any test here waits, shorter than the backend's read timeout.
HANG_S = 25.0


@pytest.fixture
def proxy(live_server) -> Iterator[FaultProxy]:
    with fault_proxy(live_server.url) as running:
        yield running


@pytest.fixture
def desktop(qtbot, runner, tmp_path, monkeypatch) -> Iterator[Desktop]:
    monkeypatch.setenv("KEYFERRY_SECRET_KEY", SECRET_KEY)
    settings = BackendSettings(data_dir=tmp_path / "store", master_key_file=tmp_path / "master.key")
    session = Desktop(settings, runner)
    session.show(
        open_local(settings.data_dir, master_key_file=settings.master_key_file, background=False)
    )
    yield session
    window = session.window
    if window is not None and shiboken6.isValid(window):
        window.close()
    qtbot.waitUntil(lambda: not session.runner.busy, timeout=30_000)
    session.runner.shutdown(wait=True)
    session.close()


def _hanging_remote(qtbot, desktop: Desktop, proxy: FaultProxy):
    """The desktop on the proxied KMS, whose every list-keys after the first hangs."""
    proxy.add(
        Fault("list-keys", "delay", times=1), Fault("list-keys", "delay", delay_s=HANG_S, times=0)
    )
    local = desktop.window
    local.kmsChosen.emit(RemoteSettings(proxy.url, "hangproj", ACCESS_KEY))
    qtbot.waitUntil(lambda: desktop.window is not local, timeout=30_000)
    return desktop.window


def test_the_local_engine_does_not_wait_behind_a_hanging_kms(
    qtbot, desktop: Desktop, proxy: FaultProxy
) -> None:
    remote = _hanging_remote(qtbot, desktop, proxy)
    remote.menus.reload_action.trigger()
    assert remote.statusBar().currentMessage().startswith("Reloading: waiting for the KMS")
    remote.use_local_action.trigger()
    qtbot.waitUntil(lambda: desktop.window is not remote, timeout=20_000)
    local = desktop.window
    qtbot.waitUntil(lambda: local.sync.complete, timeout=20_000)
    assert isinstance(desktop.backend, LocalBackend)
    assert len(proxy.seen("list-keys")) == 1, "the hanging calls have not even answered yet"


def test_testing_a_connection_does_not_wait_behind_a_hanging_kms(
    qtbot, desktop: Desktop, proxy: FaultProxy, live_server
) -> None:
    from PySide6.QtWidgets import QLabel

    remote = _hanging_remote(qtbot, desktop, proxy)
    remote.connect_remote_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "connectionDialog")
    dialog.endpointEdit.setText(live_server.url)
    dialog.projectEdit.setText("another")
    dialog.accessKeyEdit.setText(ACCESS_KEY)
    dialog.secretEdit.setText(SECRET_KEY)
    dialog.testButton.click()
    status = dialog.findChild(QLabel, "statusLabel")
    qtbot.waitUntil(lambda: status.text().startswith("Connected: project another"), timeout=20_000)
    assert len(proxy.seen("list-keys")) == 1
    dialog.reject()
