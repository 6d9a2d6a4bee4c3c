"""``import-key-material`` and ``hsm-wrap``'s provenance file (``<material>.pkcs11.json``):
when the file beside ``--material`` names the wrapping key downloaded with ``--token``, the
import expects the token's KCV and records the token key (``kcv_source: pkcs11`` and the
``pkcs11`` field, as the wizard's token path does), so the list window later offers to wrap
the same token key again. ``--no-provenance`` leaves the file unread."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.model.errors import KmsError

if TYPE_CHECKING:
    from app.material.hsm.provenance import Provenance


@dataclass(frozen=True)
class Expected:
    """What the import expects, and the token key the material came from (None: typed)."""

    kcv: str | None
    provenance: Provenance | None = None

    @property
    def fingerprint(self) -> str | None:
        return self.provenance.fingerprint if self.provenance else None


def expected_material(args: argparse.Namespace, typed: str | None) -> Expected:
    """The KCV to expect: the token's from the provenance file that fits this import, or
    ``typed`` (``--expect-kcv``); both given and different is refused, naming both."""
    from app.material.hsm.provenance import read_provenance

    if args.no_provenance:
        return Expected(typed)
    found = read_provenance(args.material)
    if found is None:
        return Expected(typed)
    private = found.source.key_class == "private_key"
    if not found.fits_token(args.token) or private != (args.private_key is not None):
        print(
            f"note: {found.path} is not used: it is the token's wrap for the import items of "
            f"{found.wrapping_key}, and this import is of {args.token.name}.",
            file=sys.stderr,
        )
        return Expected(typed)
    if typed is not None and found.kcv is not None and typed != found.kcv:
        raise KmsError(
            "KMS.0308", "hsm.provenance_kcv_differs", typed=typed, token=found.kcv, path=found.path
        )
    return Expected(found.kcv or typed, found)


def tell(wanted: Expected, fingerprint: str | None) -> None:
    """Say on stderr (stdout stays the command's result) that the provenance was used, and
    for a private key whether the imported public key is the token's."""
    found = wanted.provenance
    if found is None:
        return
    print(
        f"note: the token key {found.source.key_label} of the token {found.source.token_label} "
        f"is recorded as this material's source ({found.path}).",
        file=sys.stderr,
    )
    if found.fingerprint and fingerprint and found.fingerprint != fingerprint:
        print(
            f"warning: the imported public key's SHA-256 is {fingerprint}, but the token's key "
            f"has {found.fingerprint}.",
            file=sys.stderr,
        )
