"""The openssl command lines of the console guide (Table 2), with the user's real file names,
so a user can do by hand exactly what Keyferry does for them."""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from pathlib import Path

from app.model.importing import MATERIAL_LENGTH, WrappingAlgorithm

PLAINTEXT_NAME = "PlaintextKeyMaterial.bin"
ENCRYPTED_NAME = "EncryptedKeyMaterial.bin"


@dataclass(frozen=True)
class RecipeStep:
    title: str
    argv: tuple[str, ...]

    @property
    def command(self) -> str:
        """The command as one line a shell runs unchanged."""
        return shlex.join(self.argv)


def generate_step(plaintext: Path | str = PLAINTEXT_NAME) -> RecipeStep:
    return RecipeStep(
        "Generate 256-bit key material",
        ("openssl", "rand", "-out", str(plaintext), str(MATERIAL_LENGTH)),
    )


def wrap_step(
    algorithm: WrappingAlgorithm,
    wrapping_key: Path | str,
    plaintext: Path | str = PLAINTEXT_NAME,
    out: Path | str = ENCRYPTED_NAME,
) -> RecipeStep:
    return RecipeStep(
        f"Wrap it with the wrapping key ({algorithm.value})",
        tuple(algorithm.openssl_wrap_argv(str(plaintext), str(wrapping_key), str(out))),
    )


def openssl_recipe(
    algorithm: WrappingAlgorithm,
    wrapping_key: Path | str,
    plaintext: Path | str = PLAINTEXT_NAME,
    out: Path | str = ENCRYPTED_NAME,
) -> list[RecipeStep]:
    """Table 2 for ``algorithm``: generate material, then wrap it."""
    return [generate_step(plaintext), wrap_step(algorithm, wrapping_key, plaintext, out)]
