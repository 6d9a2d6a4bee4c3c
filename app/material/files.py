"""Reading and writing the user's files safely.

Input files are checked by size before a byte is read (a 2 GB file is refused, not loaded),
and every way a file can be wrong becomes a sentence that says what the file looks like.
Output files are created 0600 and fsynced; a write that fails (disk full) leaves no partial
file behind. Secrets are never written anywhere but the file the user chose.
"""

from __future__ import annotations

import base64
import binascii
import errno
import os
import stat
import string
from pathlib import Path

from app.model.errors import KmsError

#: No input file of ours is larger than this; anything larger is refused by its size.
MAX_INPUT_BYTES = 64 * 1024
_HEX = frozenset(string.hexdigits)
_B64 = frozenset(string.ascii_letters + string.digits + "+/=")


class FileProblem(KmsError):
    """A local file cannot be used. ``KMS.0308`` (invalid parameter) unless a more precise
    code applies, such as ``KMS.2604`` for material of the wrong size."""

    def __init__(self, message: str, code: str = "KMS.0308") -> None:
        super().__init__(code, message)


def read_input(path: Path | str, what: str, *, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of a small input file, or a ``FileProblem`` saying why not."""
    path = Path(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise FileProblem(f"{path} is a folder, not {what}.")
        if not stat.S_ISREG(info.st_mode):
            raise FileProblem(f"{path} is not a regular file, so it cannot be {what}.")
        if info.st_size > limit:
            raise FileProblem(
                f"{path} is {_size(info.st_size)}, far too large to be {what} "
                f"(at most {_size(limit)}). It was not read."
            )
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileProblem:
        raise
    except FileNotFoundError:
        raise FileProblem(f"{path} does not exist (or was removed while being read).") from None
    except PermissionError:
        raise FileProblem(f"You do not have permission to read {path}.") from None
    except IsADirectoryError:
        raise FileProblem(f"{path} is a folder, not {what}.") from None
    except OSError as error:
        raise FileProblem(f"{path} could not be read: {error.strerror}.") from None
    if len(data) > limit:
        raise FileProblem(f"{path} grew beyond {_size(limit)} while being read.")
    return data


def write_private(path: Path | str, data: bytes, *, overwrite: bool = True) -> Path:
    """Write ``data`` to ``path`` with mode 0600, synced to disk; nothing is left on failure."""
    path = Path(path)
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if overwrite else os.O_EXCL)
    try:
        fd = os.open(path, flags, 0o600)
    except FileExistsError:
        raise FileProblem(f"{path} already exists; it was not overwritten.") from None
    except OSError as error:
        raise FileProblem(_write_failure(path, error)) from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):  # a device or a pipe: never chmod or unlink it
        os.close(fd)
        raise FileProblem(f"{path} is not a regular file; choose a file name to write.")
    try:
        os.fchmod(fd, 0o600)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    except OSError as error:
        os.close(fd)
        path.unlink(missing_ok=True)
        raise FileProblem(_write_failure(path, error)) from None
    os.close(fd)
    return path


def describe(data: bytes) -> str:
    """What a file's content looks like, for messages: "32 bytes of hex text" and so on."""
    if not data:
        return "an empty file"
    size = f"{len(data)} bytes"
    text = data.strip()
    if text.startswith(b"-----BEGIN"):
        label = text.split(b"\n", 1)[0].decode("ascii", "replace")
        return f"{size}: a PEM text file ({label})"
    if text and set(text.decode("latin-1")) <= _HEX and len(text) % 2 == 0:
        return f"{size} of hex text (it decodes to {len(text) // 2} bytes)"
    if text and set(text.decode("latin-1")) <= _B64 and len(text) % 4 == 0:
        try:
            decoded = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            decoded = b""
        if decoded:
            if len(text) >= 1000:
                return (
                    f"{size} of Base64 text (it decodes to {len(decoded)} bytes; an "
                    "import token looks like this)"
                )
            return f"{size} of Base64 text (it decodes to {len(decoded)} bytes)"
    if data[:1] == b"\x30" and 200 <= len(data) <= 600:
        return f"{size}: a DER structure, such as a wrapping key"
    return f"{size} of binary data"


def _size(n: int) -> str:
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return f"{n} bytes"


def _write_failure(path: Path, error: OSError) -> str:
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return (
            f"The disk is full (or your file size limit is reached): there is no space "
            f"left for it, so {path} could not be written. Nothing was saved."
        )
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"You do not have permission to write {path}."
    if error.errno == errno.ENOENT:
        return f"The folder of {path} does not exist."
    return f"{path} could not be written: {error.strerror}."
