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
from app.model.messages import Message

KEYRING_SERVICE = "keyferry"
#: A master-key file: 32 bytes in Base64 and a newline.
KEY_FILE_BYTES = 45
#: What is read of a master-key file at most (room for spaces a hand edit added).
MAX_KEY_FILE_BYTES = 1024

NO_KEYRING_HELP = Message("master_key.no_keyring")


class MasterKeySource(Protocol):
    def describe(self) -> Message:
        """Where the key is kept, for messages ("the system keyring (...)")."""
        ...

    def load(self, store_id: str) -> bytes | None:
        """The store's master key, or None if this source holds none for it."""
        ...

    def save(self, store_id: str, key: bytes) -> None:
        """Keep a new master key for a new store."""
        ...

    def forget(self, store_id: str) -> None:
        """Delete the store's master key from this source (after a move elsewhere)."""
        ...

    def key_file(self) -> Path | None:
        """The file that holds the key, or None for the system keyring."""
        ...


class KeyringMasterKey:
    """The master key as a keyring entry (service ``keyferry``, one entry per store)."""

    def __init__(self, service: str = KEYRING_SERVICE) -> None:
        self.service = service

    def describe(self) -> Message:
        import keyring

        return Message("master_key.in_keyring", backend=type(keyring.get_keyring()).__name__)

    @staticmethod
    def account(store_id: str) -> str:
        return f"master-key:{store_id}"

    def load(self, store_id: str) -> bytes | None:
        text = self._call("get_password", self.service, self.account(store_id))
        if text is None:
            return None
        return _decode(text, Message("master_key.keyring_entry"))

    def save(self, store_id: str, key: bytes) -> None:
        self._call(
            "set_password", self.service, self.account(store_id), base64.b64encode(key).decode()
        )

    def forget(self, store_id: str) -> None:
        if self._call("get_password", self.service, self.account(store_id)) is not None:
            self._call("delete_password", self.service, self.account(store_id))

    def key_file(self) -> Path | None:
        return None

    @staticmethod
    def _call(name: str, *args: str) -> str | None:
        import keyring
        import keyring.errors

        try:
            result: str | None = getattr(keyring, name)(*args)
        except keyring.errors.NoKeyringError:
            raise SetupError(NO_KEYRING_HELP.id) from None
        except keyring.errors.KeyringLocked:
            raise SetupError("master_key.keyring_locked") from None
        except keyring.errors.KeyringError as error:
            raise SetupError(
                "master_key.keyring_refused",
                kind=type(error).__name__,
                reason=str(error),
                help=NO_KEYRING_HELP,
            ) from None
        except Exception as error:  # a D-Bus failure inside a backend
            raise SetupError(
                "keyring.failed", kind=type(error).__name__, help=NO_KEYRING_HELP
            ) from None
        # Some backends (keyring's "fail" backend) only fail on use; treat as no keyring.
        return result


class FileMasterKey:
    """The master key in a file of its own: Base64 text, mode 0600, refused if others can
    read it (as ssh refuses a private key)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path).expanduser()

    def describe(self) -> Message:
        return Message("master_key.in_file", path=self.path)

    def load(self, store_id: str) -> bytes | None:
        try:
            # Non-blocking, so a FIFO in its place cannot hang the open.
            fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        except FileNotFoundError:
            return None
        except OSError as error:
            raise SetupError(
                "master_key.file_unreadable", path=self.path, reason=error.strerror
            ) from None
        try:
            self._check(os.fstat(fd))
            data = os.read(fd, MAX_KEY_FILE_BYTES + 1)
        except OSError as error:
            raise SetupError(
                "master_key.file_unreadable", path=self.path, reason=error.strerror
            ) from None
        finally:
            os.close(fd)
        where = Message("master_key.the_file", path=self.path)
        if len(data) > MAX_KEY_FILE_BYTES:
            raise SetupError("master_key.file_too_large", path=self.path, size=KEY_FILE_BYTES)
        try:
            text = data.decode("ascii")
        except UnicodeDecodeError:
            raise SetupError("master_key.not_a_key", where=where) from None
        return _decode(text, where)

    def _check(self, info: os.stat_result) -> None:
        """Refuse what is not a regular file of the user's that only the user can read."""
        if not stat.S_ISREG(info.st_mode):
            raise SetupError("master_key.file_not_regular", path=self.path)
        if info.st_uid != os.geteuid():
            # Even root does not adopt a key another user could have planted.
            raise SetupError("master_key.file_other_owner", path=self.path, uid=info.st_uid)
        if info.st_mode & 0o077:
            raise SetupError(
                "master_key.file_open_to_others",
                path=self.path,
                mode=stat.S_IMODE(info.st_mode),
            )

    def key_file(self) -> Path | None:
        return self.path

    def forget(self, store_id: str) -> None:
        try:
            self.path.unlink(missing_ok=True)
        except OSError as error:
            raise SetupError(
                "master_key.file_not_removed", path=self.path, reason=error.strerror
            ) from None

    def save(self, store_id: str, key: bytes) -> None:
        """A new file, 0600; the folders it needs are created 0700 (only its owner may list
        or change them)."""
        try:
            _make_private_folders(self.path.parent)
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            raise SetupError("master_key.file_exists", path=self.path) from None
        except OSError as error:
            raise SetupError(
                "master_key.file_not_created", path=self.path, reason=error.strerror
            ) from None
        try:
            os.write(fd, base64.b64encode(key) + b"\n")
            os.fsync(fd)
        except OSError as error:
            os.close(fd)
            self.path.unlink(missing_ok=True)
            raise SetupError(
                "master_key.file_not_written", path=self.path, reason=error.strerror
            ) from None
        os.close(fd)


def _make_private_folders(folder: Path) -> None:
    """Create ``folder`` and its missing parents, each 0700."""
    missing = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir(mode=0o700, exist_ok=True)  # exist_ok: another process made it first


def _decode(text: str, where: Message) -> bytes:
    try:
        key = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise SetupError("master_key.not_a_key", where=where) from None
    if len(key) != 32:
        raise SetupError("master_key.wrong_length", where=where)
    return key
