"""Where a store lives: its folder and its file, checked before SQLite touches them.

A missing folder is created 0700. A folder that exists is never changed (``--data-dir /tmp``
must not take the sticky bit off ``/tmp``): it is used when it holds a store or nothing,
refused when it holds something else, and refused when other users can write it, as ssh
refuses a loose ``~/.ssh``. The store file is opened without following a symbolic link, must
be a regular SQLite file, and a new one appears whole: it is written under a temporary name
beside its place and linked into it, so an empty file is never a store and is refused (it
would otherwise silently become a new, empty store).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.model.errors import KmsError

DB_NAME = "keyferry.sqlite3"
#: A new store's file while its schema is written (left only by a kill at that moment).
NEW_PREFIX = DB_NAME + ".new-"
_SQLITE_MAGIC = b"SQLite format 3\x00"


def store_problem(message_id: str, **arguments: Any) -> KmsError:
    return KmsError("KMS.0102", message_id, **arguments)


def prepare(directory: Path, initialise: Callable[[sqlite3.Connection], None]) -> Path:
    """The checked store file in ``directory``; a missing folder or store is created, its
    schema written by ``initialise`` (in one transaction) before the file takes its name."""
    if not _make_folder(directory):
        check_folder(directory)
    path = directory / DB_NAME
    try:
        os.lstat(path)
    except FileNotFoundError:
        _create(path, initialise)
    except OSError as error:
        raise store_problem("store.file_unreadable", path=path, reason=error.strerror) from None
    check_file(path)
    return path


def _make_folder(directory: Path) -> bool:
    """Create ``directory`` 0700 if it is missing; True when this call created it."""
    try:
        directory.mkdir(mode=0o700)
        return True
    except FileExistsError:
        return False
    except FileNotFoundError:
        pass  # its parent is missing too
    except OSError as error:
        raise store_problem(
            "store.folder_not_created", folder=directory, reason=error.strerror
        ) from None
    try:
        directory.parent.mkdir(parents=True, exist_ok=True)
        directory.mkdir(mode=0o700)
        return True
    except OSError as error:
        raise store_problem(
            "store.folder_not_created", folder=directory, reason=error.strerror
        ) from None


def check_folder(directory: Path) -> None:
    """Refuse a folder that is not one, holds something else than a store, or that other
    users can change. Its mode is never touched."""
    try:
        info = os.stat(directory)
        names = os.listdir(directory) if stat.S_ISDIR(info.st_mode) else []
    except OSError as error:
        raise store_problem(
            "store.folder_unreadable", folder=directory, reason=error.strerror
        ) from None
    if not stat.S_ISDIR(info.st_mode):
        raise store_problem("store.folder_not_folder", folder=directory)
    others = [name for name in names if not name.startswith(NEW_PREFIX)]
    if DB_NAME not in names and any(name.startswith(DB_NAME) for name in others):
        raise store_problem(
            "store.folder_leftovers", folder=directory, name=sorted(others)[0], store=DB_NAME
        )
    if DB_NAME not in names and others:
        raise store_problem("store.folder_not_empty", folder=directory)
    if info.st_uid not in (os.geteuid(), 0):
        raise store_problem("store.folder_other_owner", folder=directory, uid=info.st_uid)
    if info.st_mode & 0o022:
        raise store_problem(
            "store.folder_open_to_others", folder=directory, mode=stat.S_IMODE(info.st_mode)
        )


def check_file(path: Path) -> None:
    """Refuse a store file that is a link, not a regular file, empty or not SQLite; make a
    readable one 0600 (through its descriptor, so never a link's target)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        if os.path.islink(path):
            raise store_problem("store.file_link", path=path) from None
        raise store_problem("store.file_unreadable", path=path, reason=error.strerror) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise store_problem("store.file_not_regular", path=path)
        if info.st_size == 0:
            raise store_problem("store.file_empty", path=path)
        if os.pread(fd, len(_SQLITE_MAGIC), 0) != _SQLITE_MAGIC:
            raise store_problem("store.file_not_sqlite", path=path)
        if info.st_mode & 0o077:
            os.fchmod(fd, 0o600)
    except OSError as error:
        raise store_problem("store.file_unreadable", path=path, reason=error.strerror) from None
    finally:
        os.close(fd)


def _create(path: Path, initialise: Callable[[sqlite3.Connection], None]) -> None:
    """A new store file: written whole under a temporary name, then linked to ``path``
    (if another process linked its own first, that one is the store)."""
    temporary = path.with_name(f"{NEW_PREFIX}{uuid.uuid4().hex}")
    try:
        os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600))
        conn = sqlite3.connect(temporary, isolation_level=None)
        try:
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("BEGIN IMMEDIATE")
            initialise(conn)
            conn.execute("COMMIT")
        finally:
            conn.close()
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass  # another process created the store at the same moment: use theirs
        _sync_folder(path.parent)
    except sqlite3.Error as error:
        raise store_problem("store.file_not_created", path=path, reason=str(error)) from None
    except OSError as error:
        raise store_problem("store.file_not_created", path=path, reason=error.strerror) from None
    finally:
        for leftover in (temporary, temporary.with_name(temporary.name + "-journal")):
            try:
                leftover.unlink()
            except FileNotFoundError:
                pass
            except OSError:
                pass  # a leftover temporary name is harmless: never taken for the store


def _sync_folder(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def has_store_id(directory: Path) -> bool:
    """Whether the store in ``directory`` has been given its ID (and so its master key): a
    folder without a store, or a store whose first open stopped before its master key was
    kept (no keyring), has not. Read-only; a file that cannot be read counts as a store."""
    path = directory / DB_NAME
    if not path.exists():
        return False
    try:
        with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
            row = conn.execute("SELECT 1 FROM meta WHERE name = 'store_id'").fetchone()
    except sqlite3.Error:
        return True  # not ours to judge here: opening it says what is wrong
    return row is not None
