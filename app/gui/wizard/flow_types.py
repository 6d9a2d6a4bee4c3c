"""The Import Key wizard's vocabulary: its pages, the ways of wrapping, what a wrap produced,
and which page fixes which KMS error. ``flow`` holds the state that uses them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, IntEnum
from pathlib import Path

from app.model.errors import KmsError
from app.model.importing import WrappingAlgorithm
from app.model.keys import Tag


class PageId(IntEnum):
    """The wizard's pages, numbered as the console's steps."""

    KEY = 1
    SECURITY = 2
    DOWNLOAD = 3
    WRAP = 4
    MATERIAL = 5
    TOKEN = 6


class WrapMethod(Enum):
    HSM = "hsm"  # the console's Method 1: the user wraps on their HSM
    HERE = "here"  # Method 2, done by Keyferry instead of openssl
    TOKEN = "pkcs11"  # noqa: S105 - Method 1 done by Keyferry, through PKCS#11


class MaterialSource(Enum):
    GENERATE = "generate"
    EXISTING = "existing"


@dataclass(frozen=True)
class KeyChanges:
    """What the Key page now says that the created key does not."""

    alias: str | None = None
    description: str | None = None
    tags_removed: tuple[Tag, ...] = ()
    tags_set: tuple[Tag, ...] = ()

    def __bool__(self) -> bool:
        return (
            self.alias is not None
            or self.description is not None
            or bool(self.tags_removed)
            or bool(self.tags_set)
        )


@dataclass(frozen=True)
class WrapResult:
    """What "Wrap" produced: the encrypted file, where the plaintext is, and its KCV."""

    encrypted: Path
    plaintext: Path
    kcv: str
    wrapping_key: Path
    algorithm: WrappingAlgorithm


#: Where each KMS error sends the user to fix it.
_ERROR_PAGES: dict[str, PageId] = {
    "KMS.1101": PageId.KEY,
    "KMS.1103": PageId.KEY,
    "KMS.1104": PageId.KEY,
    "KMS.0405": PageId.KEY,
    "KMS.0406": PageId.KEY,
    "KMS.0409": PageId.KEY,
    "KMS.0410": PageId.KEY,
    "KMS.0411": PageId.KEY,
    "KMS.0412": PageId.KEY,
    "KMS.0413": PageId.KEY,
    "KMS.2601": PageId.DOWNLOAD,  # the token expired: download new import items
    "KMS.0311": PageId.WRAP,  # did not unwrap: wrong wrapping key or algorithm
    "KMS.2604": PageId.WRAP,  # not 32 bytes
    "KMS.2606": PageId.WRAP,  # not the material imported before
    "KMS.2607": PageId.WRAP,  # not the material of the expected KCV
    "KMS.2603": PageId.TOKEN,
    "KMS.2605": PageId.TOKEN,
    "KMS.2602": PageId.TOKEN,
}


def error_page(error: KmsError) -> PageId | None:
    """The page where the user fixes what ``error`` is about, if any."""
    return _ERROR_PAGES.get(error.code)
