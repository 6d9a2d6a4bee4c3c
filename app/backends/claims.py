"""The claim an importer makes beside an import (``ImportClaim``), built one way for the
wizard and the command line alike: the KCV the import expects and where it came from, the
import items' algorithm and expiry, the key's alias and, for material a PKCS#11 token wrapped,
the token's key (module, token label and serial, key label) under ``pkcs11``, so a later
import again can offer to wrap the same token key."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from app.backends.import_record import ImportClaim, KcvSource
from app.model.importing import WrappingAlgorithm

#: The import record's field that holds a token's provenance (``TokenSource.as_record``).
PKCS11_FIELD = "pkcs11"


class ItemsLike(Protocol):
    """The import items' fields a claim keeps (``ImportItems``)."""

    @property
    def wrapping_algorithm(self) -> WrappingAlgorithm: ...

    @property
    def expiration_time(self) -> int: ...


class TokenKeyLike(Protocol):
    """A token's key as the record keeps it (``TokenSource``)."""

    def as_record(self) -> Mapping[str, str]: ...


def import_claim(
    *,
    kcv: str | None,
    source: KcvSource,
    items: ItemsLike | None,
    alias: str,
    token_key: TokenKeyLike | None = None,
) -> ImportClaim:
    """The claim: ``source`` is recorded only with a KCV; ``token_key`` only for a token."""
    extra: dict[str, Any] = {}
    if token_key is not None:
        extra[PKCS11_FIELD] = dict(token_key.as_record())
    return ImportClaim(
        kcv=kcv,
        kcv_source=source.value if kcv else None,
        wrapping_algorithm=items.wrapping_algorithm if items else None,
        token_expires_s=items.expiration_time if items and items.expiration_time else None,
        alias=alias,
        extra=extra,
    )
