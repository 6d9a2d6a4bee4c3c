"""The openssl command lines of the console guide (Table 2), with the user's real file names,
so a user can do by hand exactly what Keyferry does for them."""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from pathlib import Path

from app.model.importing import MATERIAL_LENGTH, WrappingAlgorithm
from app.model.keys import KeyFamily, KeySpec

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


TEMPORARY_HEX_NAME = "0xPlaintextKeyMaterial.bin"
PKCS1_NAME = "pkcs1.pem"
PKCS8_NAME = "key.der"
WRAPPED_PRIVATE_KEY_NAME = "out_rsa_private_key.der"


def private_key_steps(spec: KeySpec, private_key: Path | str = PKCS1_NAME) -> list[RecipeStep]:
    """The guide's commands that make a private key of ``spec`` (genrsa or genpkey)."""
    argv: tuple[str, ...]
    if spec.family is KeyFamily.RSA:
        argv = ("openssl", "genrsa", "-out", str(private_key), str(spec.rsa_bits))
    else:
        curve = "P-256" if spec.curve == "secp256r1" else "P-384"
        argv = (
            "openssl",
            "genpkey",
            "-algorithm",
            "EC",
            "-pkeyopt",
            f"ec_paramgen_curve:{curve}",
            "-out",
            str(private_key),
        )
    return [RecipeStep(f"Generate a {spec.value} private key", argv)]


def asymmetric_recipe(
    algorithm: WrappingAlgorithm,
    wrapping_key: Path | str,
    private_key: Path | str = PKCS1_NAME,
    out_material: Path | str = ENCRYPTED_NAME,
    out_private_key: Path | str = WRAPPED_PRIVATE_KEY_NAME,
) -> list[RecipeStep]:
    """The console guide's two layers for an existing PEM private key: a temporary AES key
    wrapped like material, and the PKCS#8 DER key wrapped under it with RFC 5649. OpenSSL
    3.0 runs ``enc -id-aes256-wrap-pad`` unpatched (the guide predates it and says to patch)."""
    hex_key, binary_key = TEMPORARY_HEX_NAME, PLAINTEXT_NAME
    return [
        RecipeStep(
            "Generate a temporary 256-bit AES key (hex)",
            ("openssl", "rand", "-out", hex_key, "-hex", str(MATERIAL_LENGTH)),
        ),
        RecipeStep("Turn it into binary", ("sh", "-c", f"xxd -r -ps {hex_key} > {binary_key}")),
        wrap_step(algorithm, wrapping_key, binary_key, out_material),
        RecipeStep(
            "Convert the private key to PKCS#8 DER",
            (
                "openssl",
                "pkcs8",
                "-topk8",
                "-inform",
                "PEM",
                "-in",
                str(private_key),
                "-outform",
                "DER",
                "-nocrypt",
                "-out",
                PKCS8_NAME,
            ),
        ),
        RecipeStep(
            "Wrap the private key under the temporary key (AES key wrap with padding)",
            (
                "sh",
                "-c",
                f"openssl enc -id-aes256-wrap-pad -K $(cat {hex_key}) -iv A65959A6 "
                f"-in {PKCS8_NAME} -out {shlex.quote(str(out_private_key))}",
            ),
        ),
    ]
