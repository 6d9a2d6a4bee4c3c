"""The wizard's state for an asymmetric key (RSA or EC), in plain Python (no Qt).

An asymmetric import is two files: the temporary AES key wrapped with the wrapping key
(``EncryptedKeyMaterial.bin``, as symmetric material) and the PKCS#8 private key wrapped under
that temporary key with RFC 5649 (``out_rsa_private_key.der``). ``ImportFlow.asym`` holds
what the Wrap page chose and made and what the Import key material page checked; the proof
to compare is the public key's SHA-256 fingerprint, the KCV's counterpart. No private key,
passphrase or temporary key is ever kept here: only paths, the wrapped bytes to send and the
public fingerprint.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from app.material.hsm.values import TokenPrivateWrapResult
from app.material.import_items import ImportItems
from app.model.importing import WrappingAlgorithm
from app.model.keys import KeySpec

#: Where a generated private key is saved (PKCS#8 PEM, 0600) unless the user says otherwise.
GENERATED_PRIVATE_KEY_NAME = "PrivateKey.pem"


class PrivateKeySource(Enum):
    GENERATE = "generate"
    EXISTING = "existing"


@dataclass(frozen=True)
class AsymWrapResult:
    """What "Wrap" produced for an asymmetric key: both files, the private key they hold
    (the user's file, or where the generated one was saved) and its public fingerprint."""

    encrypted_material: Path
    encrypted_private_key: Path
    private_key: Path
    fingerprint: str
    spec: KeySpec
    wrapping_key: Path
    algorithm: WrappingAlgorithm


@dataclass
class AsymmetricWrap:
    """Pages 4 and 5 of an asymmetric import."""

    source: PrivateKeySource = PrivateKeySource.GENERATE
    private_key_path: Path | None = None
    wrapped: AsymWrapResult | None = None
    encrypted_private_key_path: Path | None = None
    encrypted_private_key: bytes | None = field(default=None, repr=False)
    #: What a PKCS#11 token wrapped (its private key, in the token): both files and the key.
    token_wrapped: TokenPrivateWrapResult | None = None

    def current(self, items: ImportItems | None, spec: KeySpec) -> bool:
        """Whether what was wrapped here fits the current import items, spec and key file."""
        wrapped = self.wrapped
        return (
            wrapped is not None
            and items is not None
            and wrapped.wrapping_key == items.wrapping_key
            and wrapped.algorithm is items.wrapping_algorithm
            and wrapped.spec == spec
            and wrapped.private_key == self.private_key_path
        )

    def token_current(self, items: ImportItems | None, spec: KeySpec) -> bool:
        """Whether what the token wrapped fits the current import items and spec."""
        done = self.token_wrapped
        return (
            done is not None
            and items is not None
            and done.wrapping_key == items.wrapping_key
            and done.algorithm is items.wrapping_algorithm
            and done.spec == spec
        )

    def wrapped_in_token(self, result: TokenPrivateWrapResult) -> None:
        self.token_wrapped = result
        self.encrypted_private_key_path = result.encrypted_private_key
        self.encrypted_private_key = None  # checked again on the next page

    def token_files(self, encrypted_material: Path | None) -> TokenPrivateWrapResult | None:
        """The token's wrap when both files chosen for the import are the ones it wrote."""
        done = self.token_wrapped
        if done is None or encrypted_material != done.encrypted_material:
            return None
        return done if self.encrypted_private_key_path == done.encrypted_private_key else None

    def default_private_key_path(self, items: ImportItems | None) -> Path | None:
        """Where a generated private key is saved unless the user says otherwise."""
        if self.source is PrivateKeySource.EXISTING or items is None:
            return None
        return items.wrapping_key.parent / GENERATED_PRIVATE_KEY_NAME

    def wrapped_here(self, result: AsymWrapResult) -> None:
        self.wrapped = result
        self.encrypted_private_key_path = result.encrypted_private_key
        self.encrypted_private_key = None  # checked again on the next page

    def prefill(
        self, items: ImportItems | None, spec: KeySpec, here: bool, *, token: bool = False
    ) -> Path | None:
        if here and self.current(items, spec):
            assert self.wrapped is not None
            return self.wrapped.encrypted_private_key
        if token and self.token_current(items, spec):
            assert self.token_wrapped is not None
            return self.token_wrapped.encrypted_private_key
        return self.encrypted_private_key_path

    def checked(self, path: Path, data: bytes | None) -> None:
        self.encrypted_private_key_path, self.encrypted_private_key = path, data

    def expected_fingerprint(
        self, encrypted_material: Path | None, *, token: bool = False
    ) -> str | None:
        """The fingerprint the imported key must show: the one wrapped here (or in the token,
        ``token``), when both chosen files are the ones written so."""
        if token:
            done = self.token_files(encrypted_material)
            return done.fingerprint if done is not None else None
        wrapped = self.wrapped
        if wrapped is None or encrypted_material != wrapped.encrypted_material:
            return None
        if self.encrypted_private_key_path != wrapped.encrypted_private_key:
            return None
        return wrapped.fingerprint
