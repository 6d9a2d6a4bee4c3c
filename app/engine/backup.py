"""Backing up a store to one file, and restoring it on another machine.

A backup holds the whole database (an online SQLite backup, consistent while the store is in
use), the store's master key and, from version 2, the caller's attachment (the backends put
the import record there), all sealed with AES-256-GCM under a key derived from a
passphrase with scrypt. The database's secrets are already sealed under the master key; the
passphrase protects the master key and hides the key list. Nothing is ever written in
plaintext: the bundle is assembled and sealed in memory.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import struct
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from app.engine.master_key import MasterKeySource
from app.engine.store import Store
from app.model.errors import KmsError, SetupError

MAGIC = b"KEYFERRY-BACKUP\x00"
_VERSION = 2
_LENGTH = struct.Struct(">Q")  # the database's length, before the attachment (version 2)
_HEADER = struct.Struct(">16sHIII16s12s")  # magic, version, log2 n, r, p, salt, nonce
_SCRYPT = (15, 8, 1)
MIN_PASSPHRASE = 8


def _kek(passphrase: str, salt: bytes, log_n: int, r: int, p: int) -> AESGCM:
    key = Scrypt(salt=salt, length=32, n=2**log_n, r=r, p=p).derive(passphrase.encode())
    return AESGCM(key)


def create_backup(
    data_dir: Path,
    source: MasterKeySource,
    out: Path,
    passphrase: str,
    *,
    attachment: bytes = b"",
) -> int:
    """Write a sealed backup of the store in ``data_dir`` (and ``attachment``) to ``out``;
    returns its size."""
    from app.engine.kms import LocalKms  # the store must open with its master key first

    if len(passphrase) < MIN_PASSPHRASE:
        raise SetupError("backup.passphrase_short", length=MIN_PASSPHRASE)
    kms = LocalKms.open(data_dir, master_key_source=source, background=False, pool_size=0)
    try:
        master_key = source.load(kms.store_id)
        assert master_key is not None  # open() just verified it
        snapshot = sqlite3.connect(":memory:")
        kms.store.connection().backup(snapshot)
        database = bytearray(snapshot.serialize())
        snapshot.close()
        # The copy keeps the store's "WAL" marks in its header (file format bytes 18-19),
        # which an in-memory database cannot open: mark it a rollback-journal file.
        database[18:20] = b"\x01\x01"
    finally:
        kms.close()
    log_n, r, p = _SCRYPT
    salt, nonce = os.urandom(16), os.urandom(12)
    header = _HEADER.pack(MAGIC, _VERSION, log_n, r, p, salt, nonce)
    kek = _kek(passphrase, salt, log_n, r, p)
    payload = master_key + _LENGTH.pack(len(database)) + bytes(database) + attachment
    sealed = kek.encrypt(nonce, payload, header)
    _write_new(Path(out), header + sealed)
    return len(header) + len(sealed)


def _write_new(path: Path, data: bytes) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise SetupError("backup.exists", path=path) from None
    except OSError as error:
        raise SetupError("backup.not_created", path=path, reason=error.strerror) from None
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    except OSError as error:
        os.close(fd)
        path.unlink(missing_ok=True)
        raise SetupError("backup.not_written", path=path, reason=error.strerror) from None
    os.close(fd)


def _read(path: Path) -> bytes:
    """The backup's bytes; a path that is not a regular file is refused before reading."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        raise SetupError("backup.unreadable", path=path, reason=error.strerror) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise SetupError("backup.not_regular", path=path)
        with os.fdopen(os.dup(fd), "rb") as handle:
            return handle.read()
    except OSError as error:
        raise SetupError("backup.unreadable", path=path, reason=error.strerror) from None
    finally:
        os.close(fd)


@dataclass(frozen=True)
class Restored:
    store_id: str
    attachment: bytes  # what the backup carried beside the store (empty before version 2)


def restore_backup(
    backup: Path, data_dir: Path, source: MasterKeySource, passphrase: str
) -> Restored:
    """Restore a backup into ``data_dir`` (which must not hold a store yet) and keep its
    master key in ``source``; returns the store's ID and the backup's attachment."""
    blob = _read(Path(backup))
    if len(blob) < _HEADER.size or not blob.startswith(MAGIC):
        raise SetupError("backup.not_backup", path=backup)
    _, version, log_n, r, p, salt, nonce = _HEADER.unpack_from(blob)
    if version not in (1, _VERSION):
        raise SetupError("backup.version", path=backup)
    # The header is authenticated only by the key these parameters derive: until then they
    # are anyone's, so only Keyferry's own are used (others could cost gigabytes and hours).
    if (log_n, r, p) != _SCRYPT:
        raise SetupError("backup.scrypt_settings", path=backup, log_n=log_n, r=r, p=p)
    try:
        plain = _kek(passphrase, salt, log_n, r, p).decrypt(
            nonce, blob[_HEADER.size :], blob[: _HEADER.size]
        )
    except InvalidTag:
        raise SetupError("backup.passphrase_wrong") from None
    master_key, database, attachment = _unpack(version, plain)
    target = Path(data_dir) / Store.DB_NAME
    if target.exists() and target.stat().st_size > 0:
        raise SetupError("backup.folder_in_use", folder=data_dir)
    restored = sqlite3.connect(":memory:")
    restored.deserialize(database)
    store_id = restored.execute("SELECT value FROM meta WHERE name = 'store_id'").fetchone()[0]
    existing = source.load(store_id)
    if existing is not None and existing != master_key:
        raise SetupError("backup.master_key_other", source=source.describe())
    store = Store(Path(data_dir))  # creates the folder 0700 and the file 0600
    try:
        restored.backup(store.connection())
    except sqlite3.Error as error:
        raise KmsError("KMS.0102", "store.not_written", reason=str(error)) from None
    finally:
        store.close()
        restored.close()
    if existing is None:
        source.save(store_id, master_key)
    return Restored(str(store_id), attachment)


def _unpack(version: int, plain: bytes) -> tuple[bytes, bytes, bytes]:
    """Master key, database and attachment of a backup's plaintext."""
    if version == 1:
        return plain[:32], plain[32:], b""
    (length,) = _LENGTH.unpack_from(plain, 32)
    start = 32 + _LENGTH.size
    return plain[:32], plain[start : start + length], plain[start + length :]
