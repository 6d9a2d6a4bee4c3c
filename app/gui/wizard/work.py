"""The wizard's work, in plain Python: what its pages hand to the task runner.

Each function blocks (a KMS call, RSA, the disk) and so runs on the runner's worker, never on
the UI thread. Each takes plain, immutable arguments captured when the user clicked, never
the flow object itself, so the UI thread can keep changing the flow while a job runs. They
are tested without Qt. The plaintext key material is held only by ``wrap_here``, in a
``bytearray`` that is wiped before it returns, whether it succeeds or fails. Python cannot
wipe the short-lived immutable copies the libraries make (the random source returns
``bytes``, a file is read as ``bytes``, RSA encryption takes only ``bytes``): they are dropped
at once, never kept.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import shlex
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, auto
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from app.backends.base import KmsBackend
from app.backends.import_record import ImportClaim, import_and_record
from app.backends.outcomes import ChangeMade
from app.gui.wizard.flow_types import KeyChanges, MaterialSource, WrapResult
from app.material import files
from app.material.import_items import ImportItems, find_import_items, write_import_items
from app.material.recipes import ENCRYPTED_NAME, PLAINTEXT_NAME, openssl_recipe
from app.material.wrap import (
    generate_material,
    key_check_value,
    load_plaintext_material,
    load_wrapping_key,
    wrap_material,
)
from app.model.errors import KmsError
from app.model.importing import MATERIAL_LENGTH, ImportParameters, WrappingAlgorithm
from app.model.keys import Cmk, KeySpec, KeyState, KeyUsage, Origin, Tag
from app.model.messages import Message

# ------------------------------------------------------------------------ 2. the key


@dataclass(frozen=True)
class Created:
    """The key the wizard made; ``warning`` when a step after the creation failed (its tags,
    reading it back): the key exists all the same, and the wizard goes on with it."""

    key: Cmk
    warning: KmsError | None = None


def create_key(
    backend: KmsBackend,
    *,
    alias: str,
    description: str,
    tags: tuple[Tag, ...],
    key_spec: KeySpec = KeySpec.AES_256,
    key_usage: KeyUsage = KeyUsage.ENCRYPT_DECRYPT,
) -> Created:
    """The console's "create a CMK whose key material is empty": origin external, state 5,
    of the spec and usage chosen in its Import Key dialog."""
    try:
        return Created(
            backend.create_key(
                alias=alias,
                description=description,
                origin=Origin.EXTERNAL,
                tags=tags,
                key_spec=key_spec,
                key_usage=key_usage,
            )
        )
    except ChangeMade as made:
        fallback = Cmk(
            key_id=made.key_id,
            project_id=backend.project_id,
            alias=alias,
            description=description,
            origin=Origin.EXTERNAL,
            state=KeyState.PENDING_IMPORT,
            created_ms=0,
            key_spec=key_spec,
            key_usage=key_usage,
            reports_kcv=not backend.where.kind == "remote",
        )
        return Created(made.cmk or _read_back(backend, fallback), made)


def _read_back(backend: KmsBackend, asked: Cmk) -> Cmk:
    """A key just made, as the KMS shows it, or as it was ``asked`` for when it cannot be
    read."""
    try:
        return backend.describe_key(key_id=asked.key_id)
    except KmsError:
        return asked


def update_key(
    backend: KmsBackend, *, key_id: str, changes: KeyChanges
) -> tuple[Cmk, KmsError | None]:
    """Apply the user's later edits to the created key, in order, stopping at the first
    refusal; returns the key as it now is, and that refusal (so nothing is done twice)."""
    steps: list[Callable[[], object]] = []
    alias, description = changes.alias, changes.description
    if alias is not None:
        steps.append(lambda: backend.update_key_alias(key_id=key_id, alias=alias))
    if description is not None:
        steps.append(lambda: backend.update_key_description(key_id=key_id, description=description))
    if changes.tags_removed:  # before adding, so ten tags never become eleven on the way
        steps.append(
            lambda: backend.batch_tags(key_id=key_id, action="delete", tags=changes.tags_removed)
        )
    if changes.tags_set:
        steps.append(
            lambda: backend.batch_tags(key_id=key_id, action="create", tags=changes.tags_set)
        )
    refusal = None
    for step in steps:
        try:
            step()
        except KmsError as error:
            refusal = error
            break
    return backend.describe_key(key_id=key_id), refusal


def load_key(backend: KmsBackend, *, key_id: str) -> Cmk:
    return backend.describe_key(key_id=key_id)


# -------------------------------------------------------------------- 3. the download


@dataclass(frozen=True)
class Download:
    """Import items in a folder; ``parameters`` when they were fetched just now."""

    items: ImportItems
    modulus_bytes: int
    parameters: ImportParameters | None = None


def download_items(
    backend: KmsBackend, *, key: Cmk, algorithm: WrappingAlgorithm, folder: Path, now: float
) -> Download:
    """get-parameters-for-import, then the three files of the console's download."""
    if not folder.is_dir():  # before asking the KMS, so no token is issued for nothing
        raise files.FileProblem("file.not_folder", path=folder)
    params = backend.get_parameters_for_import(key_id=key.key_id, wrapping_algorithm=algorithm)
    items = write_import_items(
        folder, params, alias=key.alias, now_s=now, command=backend.command, kms=str(backend.label)
    )
    public_key = serialization.load_der_public_key(params.public_key_der)
    return Download(items, public_key.key_size // 8, params)  # type: ignore[union-attr]


def find_earlier_download(folder: Path, *, key_id: str, now: float) -> Download | None:
    """The newest earlier download for ``key_id`` in ``folder`` that has not expired."""
    if not folder.is_dir():
        return None
    for items in find_import_items(folder, key_id):
        if items.expired(now):
            continue
        try:
            modulus = load_wrapping_key(items.wrapping_key).key_size // 8
        except files.FileProblem:
            continue
        return Download(items, modulus)
    return None


def _english_length(count: int) -> str:
    return f"{count} characters"


def _abbreviate(text: str, length: Callable[[int], str], keep: int = 16) -> str:
    if len(text) <= 2 * keep:
        return text
    return f"{text[:keep]}...{text[-keep:]} ({length(len(text))})"


def api_call(
    key_id: str,
    algorithm: WrappingAlgorithm,
    params: ImportParameters | None,
    length: Callable[[int], str] = _english_length,
) -> tuple[str, str]:
    """The same download as a get-parameters-for-import request and response (JSON); long
    values are abbreviated with their ``length`` ("392 characters", in the user's language)."""
    request = {"key_id": key_id, "wrapping_algorithm": algorithm.value}
    response: dict[str, object]
    if params is None:
        response = {
            "key_id": key_id,
            "public_key": "<Base64 of the DER wrapping key>",
            "import_token": "<Base64 import token>",
            "expiration_time": "<epoch seconds>",
        }
    else:
        response = {
            "key_id": params.key_id,
            "public_key": _abbreviate(base64.b64encode(params.public_key_der).decode(), length),
            "import_token": _abbreviate(params.import_token, length),
            "expiration_time": params.expiration_time,
        }
    return json.dumps(request, indent=4), json.dumps(response, indent=4, ensure_ascii=False)


# ------------------------------------------------------------------------ 4. wrapping


def wrap_commands(
    items: ImportItems, *, plaintext: Path | None, generate: bool
) -> list[tuple[str, str]]:
    """The console's Table 2 for these items as (step, shell line) pairs, "cd", "generate"
    (unless the material exists) and "wrap": files in the download folder by their names,
    others by their full paths."""
    folder = items.wrapping_key.parent
    plain = plaintext or folder / PLAINTEXT_NAME
    plain_arg = plain.name if plain.parent == folder else str(plain)
    generate_step, wrap_step = openssl_recipe(
        items.wrapping_algorithm, items.wrapping_key.name, plain_arg, ENCRYPTED_NAME
    )
    steps = [("cd", shlex.join(["cd", str(folder)]))]
    if generate:
        steps.append(("generate", generate_step.command))
    steps.append(("wrap", wrap_step.command))
    return steps


def wrap_here(
    *,
    wrapping_key: Path,
    algorithm: WrappingAlgorithm,
    source: MaterialSource,
    plaintext: Path,
    random: Callable[[int], bytes] = os.urandom,
) -> WrapResult:
    """Generate (and save, never over an existing file) or load 32 bytes of material, wrap
    them into ``EncryptedKeyMaterial.bin`` beside the wrapping key, and wipe them. When
    generating, either both files are written or neither: a retry starts clean."""
    public_key = load_wrapping_key(wrapping_key)  # first: a bad key file costs nothing
    out = wrapping_key.parent / ENCRYPTED_NAME
    generated = source is MaterialSource.GENERATE
    if generated:
        material = generate_material(random)
        try:
            files.write_private(plaintext, material, overwrite=False)  # type: ignore[arg-type]
        except files.FileProblem:
            material[:] = bytes(len(material))
            raise
    else:
        material = load_plaintext_material(plaintext)
    try:
        kcv = key_check_value(material)
        files.write_private(out, wrap_material(material, public_key, algorithm))
    except BaseException:
        if generated:
            plaintext.unlink(missing_ok=True)
        raise
    finally:
        material[:] = bytes(len(material))
    return WrapResult(
        encrypted=out, plaintext=plaintext, kcv=kcv, wrapping_key=wrapping_key, algorithm=algorithm
    )


def check_plaintext(path: Path) -> None:
    """Raise ``FileProblem`` unless ``path`` holds 32 bytes of material; the bytes read are
    wiped before returning."""
    material = load_plaintext_material(path)
    material[:] = bytes(len(material))


# ------------------------------------------------------------- 5. the encrypted material


class Looks(Enum):
    """What a file chosen as encrypted material looks like instead."""

    RIGHT = auto()
    PLAINTEXT = auto()
    TOKEN = auto()
    WRAPPING_KEY = auto()
    PEM = auto()
    OTHER = auto()


@dataclass(frozen=True)
class EncryptedCheck:
    path: Path
    looks: Looks
    description: Message  # files.describe(): "344 bytes of Base64 text ..."
    data: bytes | None  # the content, when it is the right size

    @property
    def ok(self) -> bool:
        return self.looks is Looks.RIGHT


def check_encrypted_file(path: Path, *, modulus_bytes: int) -> EncryptedCheck:
    """Encrypted material is exactly the wrapping key's modulus long; anything else is
    described. Raises ``FileProblem`` when the file cannot be read at all."""
    data = files.read_input(path, "what.encrypted_material")
    description = files.describe(data)
    if len(data) == modulus_bytes:
        return EncryptedCheck(path, Looks.RIGHT, description, data)
    if len(data) == MATERIAL_LENGTH:
        looks = Looks.PLAINTEXT
    elif data.lstrip().startswith(b"-----BEGIN"):
        looks = Looks.PEM
    elif description.id == "content.base64_token":
        looks = Looks.TOKEN
    elif description.id == "content.der":
        looks = Looks.WRAPPING_KEY
    else:
        looks = Looks.OTHER
    return EncryptedCheck(path, looks, description, None)


# --------------------------------------------------------------------- 6. the import


def read_token(path: Path) -> str:
    """An import token file: the API's Base64 text, as downloaded."""
    data = files.read_input(path, "what.import_token")
    text = data.strip()
    try:
        base64.b64decode(text, validate=True)
        token = text.decode("ascii")
    except (binascii.Error, ValueError):
        token = ""
    if len(token) < 200:
        raise files.FileProblem(
            "token.not_a_token", code="KMS.2605", path=path.name, content=files.describe(data)
        )
    return token


def import_material(
    backend: KmsBackend,
    *,
    key_id: str,
    token_path: Path,
    encrypted: bytes,
    expiration_time: int | None,
    claim: ImportClaim,
) -> Cmk:
    """Import, and keep it in the import record (``claim``: what the wizard knows of it,
    the KCV the import expects included)."""
    return import_and_record(
        backend,
        key_id=key_id,
        import_token=read_token(token_path),
        encrypted_key_material=encrypted,
        expiration_time=expiration_time,
        claim=claim,
    )
