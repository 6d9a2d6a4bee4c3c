"""The token panel for an RSA or EC key: the token's private keys of the key's spec, a key pair
generated in the token, and the wrap of the private key for import made in the token (both
files, and the public key's fingerprint to compare). In the panel's translation context:
these are ``TokenWrapPanel``'s texts, kept apart to keep the panel short."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.gui.formatting import fill
from app.gui.messages import message_text
from app.material.hsm.values import TokenPrivateKey, TokenPrivateWrapResult
from app.model.keys import KeySpec


def fitting(keys: list[TokenPrivateKey], spec: KeySpec) -> tuple[list[TokenPrivateKey], int]:
    """The keys of ``spec``, and how many others the token holds."""
    fit = [key for key in keys if key.fits(spec)]
    return fit, len(keys) - len(fit)


def key_text(key: TokenPrivateKey) -> str:
    """A private key in the key list: its label, spec, fingerprint (shortened) and whether
    the token will wrap it."""
    fingerprint = key.fingerprint[:16] + "\u2026" if key.fingerprint else "-"
    spec = key.spec.value if key.spec else message_text(key.describe())
    usable = (
        "" if key.wrappable else QCoreApplication.translate("TokenWrapPanel", ", cannot be wrapped")
    )
    return fill(
        QCoreApplication.translate("TokenWrapPanel", "%1 (%2, SHA-256 %3%4)"),
        key.label,
        spec,
        fingerprint,
        usable,
    )


def generate_text(spec: KeySpec) -> str:
    return fill(
        QCoreApplication.translate("TokenWrapPanel", "Generate a new %1 key pair in the token"),
        spec.value,
    )


def note(spec: KeySpec, *, generate: bool, others: int) -> str:
    if generate:
        return QCoreApplication.translate(
            "TokenWrapPanel",
            "A private key must be extractable to be wrapped. Keyferry generates the pair in "
            "the token with the private key sensitive and extractable: the token can wrap it, "
            "nobody can read it.",
        )
    text = fill(
        QCoreApplication.translate(
            "TokenWrapPanel",
            "The token wraps the private key in the console's two layers itself (a temporary "
            "AES key of its own, then RFC 5649): the private key never leaves it. Log in to "
            "list its %1 private keys.",
        ),
        spec.value,
    )
    if others:
        text += " " + fill(
            QCoreApplication.translate(
                "TokenWrapPanel", "It holds %1 private keys of another spec, not listed."
            ),
            others,
        )
    return text


def wrote_text(result: TokenPrivateWrapResult) -> str:
    return fill(
        QCoreApplication.translate(
            "TokenWrapPanel", "The token wrote %1 and %2. Public key SHA-256 fingerprint: %3."
        ),
        str(result.encrypted_material),
        str(result.encrypted_private_key),
        result.fingerprint or "-",
    )
