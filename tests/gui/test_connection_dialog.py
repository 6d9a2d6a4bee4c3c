"""The connection dialog on its own, with pytest-qt, against ``keyferry serve``: typed
problems disable the buttons, "Test connection" answers without freezing the window, a
refusal or a dead endpoint shows its code and keeps what was typed, and "Connect" stores the
secret only in the keyring and clears its field."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.backends.factory import RemoteSettings
from app.backends.profiles import Profile, ProfileStore, RemoteSecrets
from app.gui.dialogs.connection import ConnectionDialog
from app.gui.tasks import TaskRunner
from tests.helpers import MemoryKeyring
from tests.server.live import ACCESS_KEY, SECRET_KEY, LiveServer


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.shutdown(wait=True)


@pytest.fixture
def profiles(tmp_path: Path) -> ProfileStore:
    return ProfileStore(tmp_path / "config")


@pytest.fixture
def dialog(
    qtbot: QtBot, runner: TaskRunner, profiles: ProfileStore, memory_keyring: MemoryKeyring
) -> ConnectionDialog:
    widget = ConnectionDialog(runner, profiles=profiles, secrets=RemoteSecrets())
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _fill(
    qtbot: QtBot,
    dialog: ConnectionDialog,
    endpoint: str,
    secret: str = SECRET_KEY,
    project: str = "guiproj",
) -> None:
    for edit, text in (
        (dialog.endpointEdit, endpoint),
        (dialog.projectEdit, project),
        (dialog.accessKeyEdit, ACCESS_KEY),
        (dialog.secretEdit, secret),
    ):
        edit.clear()
        qtbot.keyClicks(edit, text)


def _press(qtbot: QtBot, dialog: ConnectionDialog, button_name: str) -> str:
    """Click a button and wait for the worker's answer; the status it shows."""
    button = dialog.findChild(type(dialog.testButton), button_name)
    with qtbot.waitSignal(dialog._runner.idle, timeout=30_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert not button.isEnabled()  # busy: no second click meanwhile
    return dialog.statusLabel.text()


def test_typed_problems_are_shown_and_block_the_buttons(
    qtbot: QtBot, dialog: ConnectionDialog
) -> None:
    assert not dialog.testButton.isEnabled() and not dialog.connectButton.isEnabled()
    _fill(qtbot, dialog, "ftp://kms.example.com")
    assert "https://" in dialog.problemLabel.text()
    assert not dialog.testButton.isEnabled()
    dialog.endpointEdit.setText("https://kms.example.com")
    assert dialog.problemLabel.text() == ""
    assert dialog.testButton.isEnabled() and dialog.connectButton.isEnabled()
    assert dialog.secretEdit.echoMode() == dialog.secretEdit.EchoMode.Password


def test_testing_a_good_connection(
    qtbot: QtBot,
    dialog: ConnectionDialog,
    live_server: LiveServer,
    profiles: ProfileStore,
    memory_keyring: MemoryKeyring,
) -> None:
    _fill(qtbot, dialog, live_server.url)
    status = _press(qtbot, dialog, "testButton")
    assert status == "Connected: project guiproj holds 0 keys."
    assert dialog.isVisible() and dialog.secretEdit.text() == SECRET_KEY  # not used up yet
    assert memory_keyring.entries == {} and profiles.all() == {}  # a test saves nothing


def test_a_wrong_secret_shows_the_kms_answer_and_keeps_the_fields(
    qtbot: QtBot, dialog: ConnectionDialog, live_server: LiveServer
) -> None:
    _fill(qtbot, dialog, live_server.url, secret="wrong-secret-0123456789")
    status = _press(qtbot, dialog, "connectButton")
    assert status.startswith("APIGW.0301: The signature does not match")
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.endpointEdit.text() == live_server.url
    assert dialog.secretEdit.text() == "wrong-secret-0123456789"


def test_a_dead_endpoint_is_a_clear_message(qtbot: QtBot, dialog: ConnectionDialog) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    _fill(qtbot, dialog, f"http://127.0.0.1:{port}")
    status = _press(qtbot, dialog, "testButton")
    assert status.startswith("NET.0001: Could not connect to the KMS")
    assert dialog.testButton.isEnabled()  # usable again


def test_connect_keeps_the_secret_only_in_the_keyring(
    qtbot: QtBot,
    dialog: ConnectionDialog,
    live_server: LiveServer,
    profiles: ProfileStore,
    memory_keyring: MemoryKeyring,
) -> None:
    _fill(qtbot, dialog, live_server.url)
    qtbot.keyClicks(dialog.nameEdit, "local serve")
    with qtbot.waitSignal(dialog.connected, timeout=30_000) as connected:
        qtbot.mouseClick(dialog.connectButton, Qt.MouseButton.LeftButton)
    expected = RemoteSettings(live_server.url, "guiproj", ACCESS_KEY, profile="local serve")
    assert connected.args == [expected] and dialog.settings() == expected
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.secretEdit.text() == ""
    assert memory_keyring.entries == {("keyferry", f"remote:secret-key:{ACCESS_KEY}"): SECRET_KEY}
    assert profiles.get("local serve") == Profile(
        "local serve", live_server.url, "guiproj", ACCESS_KEY
    )
    assert SECRET_KEY not in profiles.path.read_text()
    assert json.loads(profiles.path.read_text())["version"] == 1


def test_a_saved_profile_connects_with_the_keyrings_secret(
    qtbot: QtBot,
    runner: TaskRunner,
    live_server: LiveServer,
    profiles: ProfileStore,
    memory_keyring: MemoryKeyring,
) -> None:
    profiles.save(Profile("lab", live_server.url, "labproj", ACCESS_KEY))
    RemoteSecrets().set(ACCESS_KEY, SECRET_KEY)
    dialog = ConnectionDialog(runner, profiles=profiles, secrets=RemoteSecrets())
    qtbot.addWidget(dialog)
    index = dialog.profileCombo.findText("lab")
    dialog.profileCombo.setCurrentIndex(index)
    dialog.profileCombo.activated.emit(index)
    assert (dialog.endpointEdit.text(), dialog.projectEdit.text()) == (live_server.url, "labproj")
    assert dialog.secretEdit.text() == ""
    assert _press(qtbot, dialog, "testButton").startswith("Connected: project labproj")


def test_cancel_clears_the_secret(qtbot: QtBot, dialog: ConnectionDialog) -> None:
    _fill(qtbot, dialog, "https://kms.example.com")
    qtbot.mouseClick(
        dialog.findChild(type(dialog.testButton), "cancelButton"), Qt.MouseButton.LeftButton
    )
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.secretEdit.text() == "" and dialog.settings() is None


def test_without_any_secret_the_dialog_asks_for_one(
    qtbot: QtBot, dialog: ConnectionDialog, live_server: LiveServer
) -> None:
    _fill(qtbot, dialog, live_server.url, secret="")
    assert _press(qtbot, dialog, "testButton") == "Enter the secret key of this access key."


def test_widgets_have_names_for_tests_and_screen_readers(dialog: ConnectionDialog) -> None:
    for edit in (
        dialog.endpointEdit,
        dialog.projectEdit,
        dialog.accessKeyEdit,
        dialog.secretEdit,
        dialog.nameEdit,
        dialog.profileCombo,
    ):
        assert edit.objectName() and edit.accessibleName()
