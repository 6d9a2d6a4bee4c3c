"""Where the window keeps each local store's master key: the choice the user made in the
window (a file, or the system keyring), remembered per store in QSettings, so the next start
opens the store at once; and how that place is said ("master key: file PATH").

A ``--master-key-file`` (or ``KEYFERRY_MASTER_KEY_FILE``) given at start wins over the
remembered choice: what the user typed is what they meant.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, QSettings

from app.backends.base import KmsBackend
from app.backends.factory import BackendSettings
from app.backends.local import LocalBackend
from app.model.errors import SetupError

SETTINGS_GROUP = "masterKeys"
KEYRING = "keyring"
FILE_PREFIX = "file:"


def _settings_key(data_dir: Path) -> str:
    """One QSettings key per store folder (a path has characters QSettings reads as groups)."""
    folder = os.path.abspath(Path(data_dir).expanduser())
    digest = hashlib.sha256(folder.encode("utf-8", "surrogateescape")).hexdigest()
    return f"{SETTINGS_GROUP}/{digest[:24]}"


def remembered_key_file(data_dir: Path) -> Path | None:
    """The master-key file remembered for the store in ``data_dir``; None for the system
    keyring, or when nothing is remembered."""
    value = QSettings().value(_settings_key(data_dir), "")
    if isinstance(value, str) and value.startswith(FILE_PREFIX):
        return Path(value[len(FILE_PREFIX) :])
    return None


def remember(data_dir: Path, key_file: Path | None) -> None:
    """Remember that the store's master key is in ``key_file`` (None: the system keyring).
    Raises ``SetupError`` when the settings cannot be written (a move is then undone)."""
    settings = QSettings()
    value = KEYRING if key_file is None else FILE_PREFIX + os.path.abspath(key_file)
    settings.setValue(_settings_key(data_dir), value)
    settings.sync()
    if settings.status() != QSettings.Status.NoError:
        raise SetupError("master_key.choice_not_saved", path=Path(settings.fileName()))


def with_remembered_master_key(settings: BackendSettings) -> BackendSettings:
    """``settings`` with the remembered master-key file of their local store, unless one
    was given at start."""
    if settings.master_key_file is not None or settings.endpoint or settings.profile:
        return settings
    remembered = remembered_key_file(settings.data_dir)
    return settings if remembered is None else replace(settings, master_key_file=remembered)


def place_text(backend: KmsBackend) -> str:
    """ "master key: file PATH" or "master key: system keyring"; "" for a remote KMS."""
    if not isinstance(backend, LocalBackend):
        return ""
    key_file = backend.master_key_file
    if key_file is None:
        return QCoreApplication.translate("MasterKey", "master key: system keyring")
    return QCoreApplication.translate("MasterKey", "master key: file %1").replace(
        "%1", QDir.toNativeSeparators(str(key_file))
    )
