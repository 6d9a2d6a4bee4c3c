"""``hsm-wrap``'s provenance file, ``<out>.pkcs11.json`` beside the encrypted material: which
token key the material came from (module, token label and serial, key label), the token's KCV
(or, for a private key, its public key's SHA-256 fingerprint), the wrapping key file's name
and the algorithm. Nothing secret. ``import-key-material`` reads it, so a command-line import
expects the token's KCV and records the token key as the wizard does.

The file names are what is comparable: the import items are downloaded as
``wrappingKey_<key id>_<time>`` and ``importToken_<key id>_<time>``, so the provenance
belongs to an import whose token file has the suffix of the wrapping key it names.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.material.files import FileProblem, read_input, write_private
from app.material.hsm.values import TokenPrivateWrapResult, TokenSource, TokenWrapResult
from app.model.importing import WrappingAlgorithm
from app.model.kcv import parse_kcv

SUFFIX = ".pkcs11.json"
SCHEMA = 1
_WRAPPING_KEY_PREFIX = "wrappingKey_"
_IMPORT_FILE_PREFIX = "importToken_"


def provenance_path(material: Path) -> Path:
    """Where the provenance of the encrypted material file ``material`` is."""
    return material.with_name(material.name + SUFFIX)


@dataclass(frozen=True)
class Provenance:
    """What a provenance file says. ``kcv`` for an AES key, ``fingerprint`` for a private
    key (either may be None: a token without CMAC, a token that shows no public key)."""

    path: Path
    source: TokenSource
    kcv: str | None
    fingerprint: str | None
    wrapping_key: str  # the file's name
    algorithm: WrappingAlgorithm

    def items_suffix(self) -> str | None:
        """The ``<key id>_<time>`` of the import items, from the wrapping key's name."""
        suffix = self.wrapping_key.removeprefix(_WRAPPING_KEY_PREFIX)
        return suffix if suffix and suffix != self.wrapping_key else None

    def fits_token(self, token: Path) -> bool:
        """Whether the import token file was downloaded with the wrapping key named here."""
        suffix = self.items_suffix()
        return suffix is not None and token.name == _IMPORT_FILE_PREFIX + suffix


def write_provenance(result: TokenWrapResult | TokenPrivateWrapResult) -> Path:
    """Write the provenance beside the encrypted material file (0600); its path."""
    data: dict[str, Any] = {
        "schema": SCHEMA,
        "pkcs11": result.source.as_record(),
        "wrapping_key": result.wrapping_key.name,
        "wrapping_algorithm": result.algorithm.value,
    }
    if isinstance(result, TokenWrapResult):
        material = result.encrypted
        data["kcv"] = result.kcv
    else:
        material = result.encrypted_material
        data["public_key_fingerprint"] = result.fingerprint
        data["key_spec"] = result.spec.value
        data["encrypted_private_key"] = result.encrypted_private_key.name
    data["encrypted_key_material"] = material.name
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return write_private(provenance_path(material), text.encode())


def read_provenance(material: Path) -> Provenance | None:
    """The provenance beside ``material``; None when there is none. A file that is there but
    is not one raises ``FileProblem`` (KMS.0308), naming it."""
    path = provenance_path(material)
    if not path.exists() and not path.is_symlink():
        return None
    raw = read_input(path, "what.pkcs11_provenance")
    try:
        data = json.loads(raw)
        source = TokenSource.from_record(data["pkcs11"])
        kcv = _optional(data.get("kcv"))
        if source is None or (kcv is not None and parse_kcv(kcv) is None):
            raise ValueError("no token key, or a KCV that is not one")
        return Provenance(
            path=path,
            source=source,
            kcv=parse_kcv(kcv) if kcv else None,
            fingerprint=_optional(data.get("public_key_fingerprint")),
            wrapping_key=str(data["wrapping_key"]),
            algorithm=WrappingAlgorithm(data["wrapping_algorithm"]),
        )
    except (ValueError, KeyError, TypeError):  # JSONDecodeError and UnicodeError are ValueError
        raise FileProblem("hsm.provenance_unreadable", path=path) from None


def _optional(value: object) -> str | None:
    return None if value in (None, "") else str(value)
