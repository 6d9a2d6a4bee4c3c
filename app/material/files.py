"""Reading and writing the user's files safely.

Input files are checked by size before a byte is read (a 2 GB file is refused, not loaded),
and every way a file can be wrong becomes a sentence that says what the file looks like.
Output files are created 0600 and fsynced, never through a link and never into a pipe or
device; a write that fails (disk full) leaves no partial file behind, and a file being
replaced keeps its old content until the new one is complete (the new content is written
beside it, in the same folder, under a hidden name, then renamed over it). Secrets are never
written anywhere but the folder of the file the user chose.
"""

from __future__ import annotations

import base64
import binascii
import errno
import os
import secrets
import stat
import string
from pathlib import Path

from app.model.errors import KmsError
from app.model.messages import ByteCount, Message

#: No input file of ours is larger than this; anything larger is refused by its size.
MAX_INPUT_BYTES = 64 * 1024
_HEX = frozenset(string.hexdigits)
_B64 = frozenset(string.ascii_letters + string.digits + "+/=")


class FileProblem(KmsError):
    """A local file cannot be used. ``KMS.0308`` (invalid parameter) unless a more precise
    code applies, such as ``KMS.2604`` for material of the wrong size."""

    def __init__(self, message_id: str, /, *, code: str = "KMS.0308", **arguments: object):
        # ``arguments`` never holds http_status or remote: those names are reserved (Message).
        super().__init__(code, message_id, **arguments)  # type: ignore[arg-type]


def read_input(path: Path | str, what: str, *, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of a small input file, or a ``FileProblem`` saying why not. ``what`` is
    the id of the phrase that says what the file should be (``what.import_token``)."""
    path, expected = Path(path), Message(what)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise FileProblem("file.folder", path=path, what=expected)
        if not stat.S_ISREG(info.st_mode):
            raise FileProblem("file.not_regular", path=path, what=expected)
        if info.st_size > limit:
            raise FileProblem(
                "file.too_large",
                path=path,
                size=ByteCount(info.st_size),
                what=expected,
                limit=ByteCount(limit),
            )
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileProblem:
        raise
    except FileNotFoundError:
        raise FileProblem("file.missing", path=path) from None
    except PermissionError:
        raise FileProblem("file.no_read_permission", path=path) from None
    except IsADirectoryError:
        raise FileProblem("file.folder", path=path, what=expected) from None
    except OSError as error:
        raise FileProblem("file.unreadable", path=path, reason=error.strerror) from None
    if len(data) > limit:
        raise FileProblem("file.grew", path=path, limit=ByteCount(limit))
    return data


def write_private(path: Path | str, data: bytes, *, overwrite: bool = True) -> Path:
    """Write ``data`` to ``path`` with mode 0600, synced to disk; nothing is left on failure.

    ``path`` must be a new name or a regular file: a link, a pipe or a device is refused, not
    opened (a pipe would block forever). An existing file keeps its old content until the new
    content is complete: it is written beside it, then renamed over it."""
    path = Path(path)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise _write_failure(path, error) from None
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            raise FileProblem("file.symlink", path=path)
        if not stat.S_ISREG(info.st_mode):
            raise FileProblem("file.not_writable_kind", path=path)
        if not overwrite:
            raise FileProblem("file.exists", path=path)
    if info is None or not overwrite:
        _write_new(path, data)
    else:
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
        _write_new(temporary, data, shown=path)
        try:
            os.replace(temporary, path)
        except OSError as error:
            temporary.unlink(missing_ok=True)
            raise _write_failure(path, error) from None
    return path


def _write_new(path: Path, data: bytes, *, shown: Path | None = None) -> None:
    """Create ``path`` (never an existing name, never through a link) and write it whole;
    on failure it is removed. Messages name ``shown``, the file the user chose."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        fd = os.open(path, flags, 0o600)
    except FileExistsError:
        raise FileProblem("file.exists", path=shown or path) from None
    except OSError as error:
        raise _write_failure(shown or path, error) from None
    try:
        os.fchmod(fd, 0o600)  # whatever the umask
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    except OSError as error:
        os.close(fd)
        path.unlink(missing_ok=True)
        raise _write_failure(shown or path, error) from None
    os.close(fd)


def describe(data: bytes) -> Message:
    """What a file's content looks like, for messages: "32 bytes of hex text" and so on."""
    if not data:
        return Message("content.empty")
    size = len(data)
    text = data.strip()
    if text.startswith(b"-----BEGIN"):
        label = text.split(b"\n", 1)[0].decode("ascii", "replace")
        return Message("content.pem", size=size, label=label)
    if text and set(text.decode("latin-1")) <= _HEX and len(text) % 2 == 0:
        return Message("content.hex", size=size, decoded=len(text) // 2)
    if text and set(text.decode("latin-1")) <= _B64 and len(text) % 4 == 0:
        try:
            decoded = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            decoded = b""
        if decoded:
            kind = "content.base64_token" if len(text) >= 1000 else "content.base64"
            return Message(kind, size=size, decoded=len(decoded))
    if data[:1] == b"\x30" and 200 <= len(data) <= 600:
        return Message("content.der", size=size)
    return Message("content.binary", size=size)


def _write_failure(path: Path, error: OSError) -> FileProblem:
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return FileProblem("file.disk_full", path=path)
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return FileProblem("file.no_write_permission", path=path)
    if error.errno == errno.ENOENT:
        return FileProblem("file.no_folder", path=path)
    return FileProblem("file.unwritable", path=path, reason=error.strerror)
