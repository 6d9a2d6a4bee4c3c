"""Where a store's master key lives: the OS keyring (default) or an explicit file.

The master key is 32 random bytes that seal every secret of one store. A store records a
verifier (a value sealed under its master key), so a wrong or replaced master key is caught
when the store opens, and a store that already holds sealed secrets never gets a fresh master
key silently: that would make every key in it unreadable.
"""

from __future__ import annotations

import base64
import binascii
import os
import stat
from pathlib import Path
from typing import Protocol

from app.model.errors import SetupError

KEYRING_SERVICE = "keyferry"

NO_KEYRING_HELP = (
    "No system keyring is available to hold Keyferry's master key. Either run a Secret "
    "Service (for example gnome-keyring, unlocked, with a D-Bus session), or keep the master "
    "key in a file you protect: start Keyferry with --master-key-file PATH (or set "
    "KEYFERRY_MASTER_KEY_FILE); the file is created with mode 0600 if it does not exist."
)


class MasterKeySource(Protocol):
    def describe(self) -> str:
        """Where the key is kept, for messages."""
        ...

    def load(self, store_id: str) -> bytes | None:
        """The store's master key, or None if this source holds none for it."""
        ...

    def save(self, store_id: str, key: bytes) -> None:
        """Keep a new master key for a new store."""
        ...


class KeyringMasterKey:
    """The master key as a keyring entry (service ``keyferry``, one entry per store)."""

    def __init__(self, service: str = KEYRING_SERVICE) -> None:
        self.service = service

    def describe(self) -> str:
        import keyring

        return f"the system keyring ({type(keyring.get_keyring()).__name__})"

    @staticmethod
    def account(store_id: str) -> str:
        return f"master-key:{store_id}"

    def load(self, store_id: str) -> bytes | None:
        text = self._call("get_password", self.service, self.account(store_id))
        if text is None:
            return None
        return _decode(text, "The keyring entry")

    def save(self, store_id: str, key: bytes) -> None:
        self._call(
            "set_password", self.service, self.account(store_id), base64.b64encode(key).decode()
        )

    @staticmethod
    def _call(name: str, *args: str) -> str | None:
        import keyring
        import keyring.errors

        try:
            result: str | None = getattr(keyring, name)(*args)
        except keyring.errors.NoKeyringError:
            raise SetupError(NO_KEYRING_HELP) from None
        except keyring.errors.KeyringLocked:
            raise SetupError(
                "The system keyring is locked. Unlock it (log in to the desktop session, or "
                "unlock gnome-keyring) and start Keyferry again."
            ) from None
        except keyring.errors.KeyringError as error:
            raise SetupError(
                f"The system keyring refused access ({type(error).__name__}: {error}). "
                "Unlock it and try again. " + NO_KEYRING_HELP
            ) from None
        except Exception as error:  # a D-Bus failure inside a backend
            raise SetupError(
                f"The system keyring failed ({type(error).__name__}). " + NO_KEYRING_HELP
            ) from None
        # Some backends (keyring's "fail" backend) only fail on use; treat as no keyring.
        return result


class FileMasterKey:
    """The master key in a file of its own: Base64 text, mode 0600, refused if others can
    read it (as ssh refuses a private key)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path).expanduser()

    def describe(self) -> str:
        return f"the master-key file {self.path}"

    def load(self, store_id: str) -> bytes | None:
        try:
            info = self.path.stat()
        except FileNotFoundError:
            return None
        except OSError as error:
            raise SetupError(
                f"Cannot read the master-key file {self.path}: {error.strerror}."
            ) from None
        if not stat.S_ISREG(info.st_mode):
            raise SetupError(f"The master-key file {self.path} is not a regular file.")
        if info.st_mode & 0o077:
            raise SetupError(
                f"The master-key file {self.path} can be read by other users "
                f"(mode {stat.S_IMODE(info.st_mode):o}). Run: chmod 600 {self.path}"
            )
        try:
            text = self.path.read_text(encoding="ascii")
        except (OSError, UnicodeDecodeError) as error:
            raise SetupError(f"Cannot read the master-key file {self.path}: {error}.") from None
        return _decode(text, f"The master-key file {self.path}")

    def save(self, store_id: str, key: bytes) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            raise SetupError(f"The master-key file {self.path} already exists.") from None
        except OSError as error:
            raise SetupError(
                f"Cannot create the master-key file {self.path}: {error.strerror}."
            ) from None
        try:
            os.write(fd, base64.b64encode(key) + b"\n")
            os.fsync(fd)
        except OSError as error:
            os.close(fd)
            self.path.unlink(missing_ok=True)
            raise SetupError(
                f"Cannot write the master-key file {self.path}: {error.strerror}."
            ) from None
        os.close(fd)


def _decode(text: str, where: str) -> bytes:
    try:
        key = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise SetupError(f"{where} does not hold a Keyferry master key.") from None
    if len(key) != 32:
        raise SetupError(f"{where} does not hold a Keyferry master key (wrong length).")
    return key
