"""The master key from the window: with no Secret Service on the bus, the banner offers to
keep the key in a file; the store then opens, a key can be created, and a new window opens
straight into it. A key file others can read is refused. Key store > Move master key moves
it to a real gnome-keyring and back, every key readable; a move that fails half-way (an
immutable folder: a real refusal, even for root) leaves the store readable."""

from __future__ import annotations

import base64
import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import keyring
import keyring.core
import pytest
import shiboken6
from keyring.backends.SecretService import Keyring as SecretServiceKeyring
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton

from app.backends.factory import BackendSettings, default_data_dir, open_backend
from app.backends.local import LocalBackend
from app.gui.desktop import Desktop
from app.gui.master_key_place import remembered_key_file, with_remembered_master_key
from app.model.keys import Origin
from tests.secret_service import secret_service

pytestmark = pytest.mark.secret_service


#: A session bus that activates no service (the standard one would start gnome-keyring).
BARE_BUS = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir={tmp}</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


@contextmanager
def bare_session_bus(home: Path) -> Iterator[None]:
    """A D-Bus session with no Secret Service on it, nor one it could start; keyring chooses
    its backend there as on such a machine (its "fail" keyring: none is available)."""
    if shutil.which("dbus-daemon") is None:
        raise RuntimeError("dbus-daemon is missing (./dev.sh test installs it)")
    home.mkdir(parents=True, exist_ok=True)
    config = home / "bus.conf"
    config.write_text(BARE_BUS.format(tmp=home))
    bus = subprocess.Popen(
        ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    address = bus.stdout.readline().strip() if bus.stdout else ""
    saved = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
    previous = keyring.get_keyring()
    os.environ["DBUS_SESSION_BUS_ADDRESS"] = address
    try:
        keyring.core.init_backend(limit=lambda backend: backend.__module__.startswith("keyring."))
        assert type(keyring.get_keyring()).__module__ == "keyring.backends.fail"
        yield
    finally:
        keyring.set_keyring(previous)
        if saved is None:
            os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)
        else:
            os.environ["DBUS_SESSION_BUS_ADDRESS"] = saved
        bus.terminate()
        bus.wait(timeout=10)


@pytest.fixture
def places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The default store and configuration folders, in the test's own folder."""
    monkeypatch.setenv("KEYFERRY_DATA_DIR", str(tmp_path / "store"))
    monkeypatch.setenv("KEYFERRY_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("KEYFERRY_MASTER_KEY_FILE", raising=False)
    return tmp_path


@pytest.fixture
def desktops(qtbot, runner) -> Iterator[list[Desktop]]:
    made: list[Desktop] = []
    yield made
    for desktop in made:
        if desktop.window is not None and shiboken6.isValid(desktop.window):
            desktop.window.close()
    qtbot.waitUntil(lambda: not runner.busy, timeout=30_000)
    for desktop in made:
        desktop.close()


def _start(desktops: list[Desktop], runner) -> Desktop:
    """What `keyferry` does: the remembered choice, then a window on a lazily opened store."""
    settings = with_remembered_master_key(BackendSettings(data_dir=default_data_dir()))
    desktop = Desktop(settings, runner)
    desktops.append(desktop)
    desktop.show(open_backend(settings, lazily=True, background=False))
    return desktop


def _top(name: str):
    found = [w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()]
    return found[0] if found else None


def _choose(qtbot, window, path: Path) -> None:
    qtbot.waitUntil(lambda: _top("masterKeyFileDialog") is not None)
    dialog = _top("masterKeyFileDialog")
    assert dialog.parent() is window
    folder = path.parent
    while not folder.is_dir():
        folder = folder.parent
    dialog.setDirectory(str(folder))
    dialog.selectFile(str(path.relative_to(folder)))
    dialog.accept()


def _notice(window) -> str:
    return window.findChild(QLabel, "windowNotice").text()


def _place(window) -> str:
    return window.findChild(QLabel, "masterKeyLabel").text()


def test_no_keyring_banner_keeps_the_key_in_a_new_file(qtbot, runner, places, desktops) -> None:
    with bare_session_bus(places / "home"):
        desktop = _start(desktops, runner)
        window = desktop.window
        qtbot.waitUntil(lambda: bool(_notice(window)), timeout=30_000)
        assert "No system keyring is available" in _notice(window), _notice(window)
        assert "the button below" in _notice(window)
        keep = window.findChild(QPushButton, "keepInFileButton")
        assert keep.isVisible() and window.findChild(QPushButton, "tryAgainButton").isVisible()
        assert keep.text() == "Keep the master key in a &file\u2026"
        keep.click()
        qtbot.waitUntil(lambda: _top("masterKeyFileDialog") is not None)
        proposed = window.findChild(QFileDialog, "masterKeyFileDialog").selectedFiles()
        key_file = places / "config" / "master.key"
        assert proposed == [str(key_file)]
        window.findChild(QFileDialog, "masterKeyFileDialog").accept()
        qtbot.waitUntil(lambda: _top("newKeyFileWarning") is not None)
        warning = _top("newKeyFileWarning")
        assert "Whoever can read" in warning.text() and "keyferry backup" in warning.text()
        assert not key_file.exists(), "nothing is created before the user agrees"
        warning.findChild(QPushButton, "createKeyFileButton").click()
        qtbot.waitUntil(lambda: desktop.window is not window, timeout=30_000)
        window = desktop.window
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
        assert stat.S_IMODE(key_file.parent.stat().st_mode) == 0o700
        assert _place(window) == f"master key: file {key_file}"
        assert remembered_key_file(places / "store") == key_file
        key = desktop.backend.create_key(alias="made-after", origin=Origin.KMS)
        qtbot.waitUntil(lambda: window.select_key(key.key_id), timeout=30_000)
        window.close()
        again = _start(desktops, runner)
        qtbot.waitUntil(lambda: again.window.select_key(key.key_id), timeout=30_000)
        assert _notice(again.window) == "" and isinstance(again.backend, LocalBackend)
        assert again.backend.master_key_file == key_file


def test_a_key_file_others_can_read_is_refused(qtbot, runner, places, desktops) -> None:
    loose = places / "loose.key"
    loose.write_text(base64.b64encode(os.urandom(32)).decode() + "\n")
    loose.chmod(0o644)
    with bare_session_bus(places / "home"):
        desktop = _start(desktops, runner)
        window = desktop.window
        qtbot.waitUntil(lambda: "No system keyring" in _notice(window), timeout=30_000)
        window.findChild(QPushButton, "keepInFileButton").click()
        _choose(qtbot, window, loose)
        qtbot.waitUntil(lambda: "can be read by other users" in _notice(window), timeout=30_000)
    assert "chmod 600" in _notice(window) and desktop.window is window
    assert window.findChild(QPushButton, "keepInFileButton").isVisible()
    assert remembered_key_file(places / "store") is None


def test_moving_to_gnome_keyring_and_back_keeps_every_key(qtbot, runner, places, desktops) -> None:
    key_file = places / "config" / "master.key"
    with secret_service(places / "home"):
        previous = keyring.get_keyring()
        keyring.set_keyring(SecretServiceKeyring())
        try:
            _move_there_and_back(qtbot, runner, places, desktops, key_file)
        finally:
            keyring.set_keyring(previous)


def _move_there_and_back(qtbot, runner, places: Path, desktops, key_file: Path) -> None:
    seeded = open_backend(BackendSettings(data_dir=places / "store", master_key_file=key_file))
    keys = [seeded.create_key(alias=f"k{i}", origin=Origin.KMS).key_id for i in range(3)]
    blobs = {k: seeded.encrypt_data(key_id=k, plain_text=k.encode()) for k in keys}
    seeded.close()
    settings = BackendSettings(data_dir=places / "store", master_key_file=key_file)
    desktop = Desktop(settings, runner)
    desktops.append(desktop)
    window = desktop.show(open_backend(settings, lazily=True, background=False))
    qtbot.waitUntil(lambda: window.select_key(keys[0]), timeout=30_000)
    to_keyring = window.master_key.to_keyring_action
    assert to_keyring.isEnabled() and window.master_key.to_file_action.isEnabled()
    to_keyring.trigger()
    qtbot.waitUntil(lambda: _place(window) == "master key: system keyring", timeout=30_000)
    assert not key_file.exists() and not to_keyring.isEnabled()
    store_id = desktop.backend.kms.store_id
    assert keyring.get_password("keyferry", f"master-key:{store_id}") is not None
    _readable(desktop.backend, blobs)
    # A step that fails: the new file's folder refuses writing; the keyring keeps the key.
    locked = places / "locked"
    locked.mkdir()
    with _immutable(locked):
        _move_to_file(qtbot, window, locked / "master.key")
        qtbot.waitUntil(lambda: "was not moved" in _notice(window), timeout=30_000)
    assert "Cannot create the master-key file" in _notice(window)
    assert _place(window) == "master key: system keyring"
    assert keyring.get_password("keyferry", f"master-key:{store_id}") is not None
    back = places / "back" / "master.key"
    _move_to_file(qtbot, window, back)
    qtbot.waitUntil(lambda: _place(window) == f"master key: file {back}", timeout=30_000)
    assert keyring.get_password("keyferry", f"master-key:{store_id}") is None
    assert stat.S_IMODE(back.stat().st_mode) == 0o600
    _readable(desktop.backend, blobs)
    window.close()
    again = _start(desktops, runner)  # no --master-key-file: the remembered one
    qtbot.waitUntil(lambda: again.window.select_key(keys[2]), timeout=30_000)
    _readable(again.backend, blobs)


def _move_to_file(qtbot, window, path: Path) -> None:
    window.master_key.to_file_action.trigger()
    _choose(qtbot, window, path)
    qtbot.waitUntil(lambda: _top("newKeyFileWarning") is not None)
    _top("newKeyFileWarning").findChild(QPushButton, "createKeyFileButton").click()


def _readable(backend, blobs: dict[str, str]) -> None:
    for key_id, blob in blobs.items():
        assert backend.decrypt_data(cipher_text=blob).plaintext == key_id.encode()


@contextmanager
def _immutable(folder: Path) -> Iterator[None]:
    done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"chattr +i needs an ext2/3/4 file system: {done.stderr.strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_the_key_store_menu_and_about_say_where_the_key_is(qtbot, lw) -> None:
    """The fixture's window has its master key in a file: the status bar and About say so,
    and only the move to the keyring and to another file are offered."""
    window = lw.window
    label = window.findChild(QLabel, "masterKeyLabel")
    qtbot.waitUntil(lambda: window.master_key.to_file_action.isEnabled(), timeout=30_000)
    assert label.text().startswith("master key: file ") and label.text().endswith("master.key")
    titles = [a.menu().objectName() for a in window.menuBar().actions() if a.menu()]
    assert titles.index("keyStoreMenu") == titles.index("connectionMenu") - 1
    assert window.master_key.to_keyring_action.isEnabled()
    assert not window.findChild(QPushButton, "keepInFileButton").isVisible()
    window.menus.about_action.trigger()
    qtbot.waitUntil(lambda: _top("aboutDialog") is not None)
    about = _top("aboutDialog")
    assert about.findChild(QLabel, "aboutNoteLabel").text() == label.text()
    about.close()
