"""The wizard's work for an asymmetric key (RSA or EC), in plain Python: what the Wrap and
Import key material pages hand to the task runner for such a key.

As in ``work``, each function blocks and runs on the runner's worker, takes plain values, and
is tested without Qt. A private key (generated, or read from the user's file) and its
passphrase live only inside ``wrap_private_key_here``; ``app.material.asymmetric`` wipes the
PKCS#8 bytes and the temporary AES key once both layers are wrapped.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, auto
from pathlib import Path

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes

from app.backends.base import KmsBackend
from app.backends.import_record import ImportClaim, import_and_record
from app.gui.wizard.flow_asym import AsymWrapResult, PrivateKeySource
from app.gui.wizard.work import read_token
from app.material import files
from app.material.asymmetric import (
    generate_private_key,
    load_private_key,
    needs_passphrase,
    wrap_private_key,
    write_wrapped,
)
from app.material.import_items import ImportItems
from app.material.recipes import (
    ENCRYPTED_NAME,
    WRAPPED_PRIVATE_KEY_NAME,
    asymmetric_recipe,
    private_key_steps,
)
from app.material.wrap import load_wrapping_key
from app.model.importing import WrappingAlgorithm
from app.model.keys import Cmk, KeyFamily, KeySpec
from app.model.messages import Message
from app.model.private_keys import PRIVATE_KEY_MAX_BYTES, describe_key, fits, key_fingerprint

# ------------------------------------------------------------------------ 4. wrapping

#: The kinds of the recipe's steps, in order (the page titles each in the user's language).
RECIPE_KINDS = ("rand", "xxd", "wrap", "pkcs8", "wrap_key")


def is_pem(path: Path) -> bool:
    """Whether a private key file is PEM text (else DER), for ``-inform``."""
    try:
        with path.open("rb") as file:
            return file.read(64).lstrip().startswith(b"-----BEGIN")
    except OSError:
        return True


def wrap_commands(
    items: ImportItems, spec: KeySpec, *, private_key: Path | None, generate: bool
) -> list[tuple[str, str]]:
    """The console guide's commands for an asymmetric key, as (kind, shell line): "cd",
    "genkey" (when generating), the five of ``RECIPE_KINDS``, then "fingerprint", the
    command that prints the proof. Files in the download folder by their names."""
    folder = items.wrapping_key.parent
    key = private_key or folder / "pkcs1.pem"
    key_arg = key.name if key.parent == folder else str(key)
    inform = "PEM" if generate or is_pem(key) else "DER"
    steps = [("cd", shlex.join(["cd", str(folder)]))]
    if generate:
        steps += [("genkey", step.command) for step in private_key_steps(spec, key_arg)]
    recipe = asymmetric_recipe(
        items.wrapping_algorithm,
        items.wrapping_key.name,
        key_arg,
        ENCRYPTED_NAME,
        WRAPPED_PRIVATE_KEY_NAME,
    )
    for kind, step in zip(RECIPE_KINDS, recipe, strict=True):
        argv = list(step.argv)
        if kind == "pkcs8":
            argv[argv.index("-inform") + 1] = inform
        steps.append((kind, shlex.join(argv) if argv[0] != "sh" else argv[2]))
    fingerprint = shlex.join(
        ["openssl", "pkey", "-inform", inform, "-in", key_arg, "-pubout", "-outform", "DER"]
    )
    steps.append(("fingerprint", f"{fingerprint} | openssl dgst -sha256"))
    return steps


@dataclass(frozen=True)
class PrivateKeyCheck:
    """A private key file as chosen on the Wrap page: encrypted (its passphrase is asked
    for), or what key it holds and whether that fits the key's spec."""

    path: Path
    encrypted: bool
    found: Message | None = None
    fits: bool = False


def check_private_key_file(path: Path, spec: KeySpec) -> PrivateKeyCheck:
    """Recognise the user's private key file (raises ``FileProblem`` when it is none)."""
    if needs_passphrase(path):
        return PrivateKeyCheck(path, encrypted=True)
    key = load_private_key(path)
    return PrivateKeyCheck(path, encrypted=False, found=describe_key(key), fits=fits(key, spec))


def wrap_private_key_here(
    *,
    wrapping_key: Path,
    algorithm: WrappingAlgorithm,
    spec: KeySpec,
    source: PrivateKeySource,
    private_key: Path,
    passphrase: bytearray | None = None,
) -> AsymWrapResult:
    """Generate a private key of ``spec`` (saved as PKCS#8 PEM, 0600, never over an existing
    file) or read the user's, wrap it in both layers, and write ``EncryptedKeyMaterial.bin``
    and ``out_rsa_private_key.der`` beside the wrapping key. When generating, either every
    file is written or none: a retry starts clean. ``passphrase`` is wiped."""
    try:
        public_key = load_wrapping_key(wrapping_key)  # first: a bad key file costs nothing
        generated = source is PrivateKeySource.GENERATE
        key = _generated(spec, private_key) if generated else _loaded(private_key, passphrase)
    finally:
        if passphrase is not None:
            passphrase[:] = bytes(len(passphrase))
    folder = wrapping_key.parent
    try:
        wrapped = wrap_private_key(key, spec, public_key, algorithm)
        material, encrypted_key = write_wrapped(
            wrapped, folder / ENCRYPTED_NAME, folder / WRAPPED_PRIVATE_KEY_NAME
        )
    except BaseException:
        if generated:
            private_key.unlink(missing_ok=True)
        raise
    return AsymWrapResult(
        encrypted_material=material,
        encrypted_private_key=encrypted_key,
        private_key=private_key,
        fingerprint=wrapped.fingerprint,
        spec=spec,
        wrapping_key=wrapping_key,
        algorithm=algorithm,
    )


def _generated(spec: KeySpec, path: Path) -> PrivateKeyTypes:
    key = generate_private_key(spec)
    pem = bytearray(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    try:
        files.write_private(path, bytes(pem), overwrite=False)
    finally:
        pem[:] = bytes(len(pem))
    return key


def _loaded(path: Path, passphrase: bytearray | None) -> PrivateKeyTypes:
    return load_private_key(path, bytes(passphrase) if passphrase else None)


# ---------------------------------------------------------- 5. the encrypted private key


class Looks(Enum):
    """What a file chosen as the encrypted private key looks like instead."""

    RIGHT = auto()
    SAME_AS_MATERIAL = auto()
    PEM = auto()
    PRIVATE_KEY = auto()  # the private key itself, not wrapped
    PUBLIC_KEY = auto()  # the wrapping key, or another public key
    TOKEN = auto()
    SIZE = auto()  # not a multiple of 8 bytes, or under 16
    OTHER_SPEC = auto()  # a size no wrapped key of this spec has


@dataclass(frozen=True)
class PrivateKeyFileCheck:
    path: Path
    looks: Looks
    description: Message  # files.describe(): "1,232 bytes of binary data"
    data: bytes | None  # the content, when it can be a wrapped private key of the spec
    size: tuple[int, int] = (0, 0)  # what a wrapped key of the spec measures

    @property
    def ok(self) -> bool:
        return self.looks is Looks.RIGHT


def wrapped_size(spec: KeySpec) -> tuple[int, int]:
    """The sizes an RFC 5649 wrap of a PKCS#8 key of ``spec`` can have, generously: the
    PKCS#8 form is about 4.5 bytes per modulus byte for RSA; 67 to 185 bytes for EC."""
    if spec.family is KeyFamily.RSA and spec.rsa_bits:
        modulus = spec.rsa_bits // 8
        return 4 * modulus, 6 * modulus
    if spec.curve == "secp256r1":
        return 48, 176
    return 64, 232


def check_encrypted_private_key_file(
    path: Path, *, spec: KeySpec, material: Path | None
) -> PrivateKeyFileCheck:
    """The encrypted private key is binary RFC 5649 output of a size a key of ``spec``
    has; anything else is recognised and described. Raises ``FileProblem`` when the file
    cannot be read at all."""
    data = files.read_input(path, "what.encrypted_private_key", limit=PRIVATE_KEY_MAX_BYTES + 16)
    description, size = files.describe(data), wrapped_size(spec)
    looks = _looks(path, data, material, size)
    return PrivateKeyFileCheck(
        path, looks, description, data if looks is Looks.RIGHT else None, size
    )


def _looks(path: Path, data: bytes, material: Path | None, size: tuple[int, int]) -> Looks:
    if material is not None and path == material:
        return Looks.SAME_AS_MATERIAL
    if data.lstrip().startswith(b"-----BEGIN"):
        return Looks.PEM
    if _parses(lambda d: serialization.load_der_private_key(d, password=None), data):
        return Looks.PRIVATE_KEY
    if _parses(serialization.load_der_public_key, data):
        return Looks.PUBLIC_KEY
    if files.describe(data).id == "content.base64_token":
        return Looks.TOKEN
    if len(data) < 16 or len(data) % 8:
        return Looks.SIZE
    if not size[0] <= len(data) <= size[1]:
        return Looks.OTHER_SPEC
    return Looks.RIGHT


def _parses(load: Callable[[bytes], object], data: bytes) -> bool:
    try:
        load(data)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        return False
    return True


# ---------------------------------------------------------------------- the key's proof


def public_key_fingerprint(backend: KmsBackend, *, key_id: str) -> tuple[str, str]:
    """The key's public key as PEM, and its SHA-256 fingerprint (from the PEM, which is
    what a KMS that reports no fingerprint gives)."""
    pem = backend.get_public_key(key_id=key_id)
    public = serialization.load_pem_public_key(pem.encode("ascii"))
    return pem, key_fingerprint(public)


# --------------------------------------------------------------------- 6. the import


def import_private_key(
    backend: KmsBackend,
    *,
    key_id: str,
    token_path: Path,
    encrypted: bytes,
    encrypted_privatekey: bytes,
    claim: ImportClaim,
) -> Cmk:
    """Import both files (no expiry: an asymmetric key's material cannot expire), and keep
    the import in the import record."""
    return import_and_record(
        backend,
        key_id=key_id,
        import_token=read_token(token_path),
        encrypted_key_material=encrypted,
        encrypted_privatekey=encrypted_privatekey,
        expiration_time=None,
        claim=claim,
    )
