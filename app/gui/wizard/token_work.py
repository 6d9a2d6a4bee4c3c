"""The wizard's token work, in plain Python: what the Wrap page hands to the task runner on
the token path. Each call may take seconds (an HSM on the network) and so runs on the
runner's worker; each takes plain values captured at the click, and the PIN only as a
``Pin``, which shows itself nowhere."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.material.hsm.discovery import ModuleInfo, find_modules
from app.material.hsm.pin import Pin, remember_pin, remembered_pin
from app.material.hsm.values import (
    TokenInfo,
    TokenKey,
    TokenPrivateKey,
    TokenPrivateWrapResult,
    TokenWrapResult,
)
from app.material.recipes import ENCRYPTED_NAME, WRAPPED_PRIVATE_KEY_NAME
from app.model.importing import WrappingAlgorithm
from app.model.keys import KeySpec


def installed_modules() -> list[ModuleInfo]:
    return find_modules()


@dataclass(frozen=True)
class ModuleTokens:
    """A module's tokens, and whether a PIN is remembered for each (by serial)."""

    module: Path
    description: str
    tokens: tuple[TokenInfo, ...]
    remembered: frozenset[str]


def find_tokens(module: Path, *, refresh: bool = False) -> ModuleTokens:
    from app.material.hsm.module import Module  # python-pkcs11 loads on the token path only

    loaded = Module.load(module)
    if refresh:
        loaded.reload()
    tokens = tuple(loaded.tokens())
    remembered = frozenset(t.serial for t in tokens if remembered_pin(module, t.serial))
    return ModuleTokens(module, loaded.description, tokens, remembered)


def token_pin(module: Path, token: TokenInfo, typed: Pin) -> Pin:
    """The typed PIN, or the one remembered in the keyring when none was typed."""
    return typed if typed else (remembered_pin(module, token.serial) or typed)


def token_keys(module: Path, token: TokenInfo, pin: Pin) -> list[TokenKey]:
    from app.material.hsm.module import Module

    with Module.load(module).session(token.label, token_pin(module, token, pin)) as session:
        return session.keys()


@dataclass(frozen=True)
class TokenWrapRequest:
    module: Path
    token: TokenInfo
    key_label: str
    generate: bool
    wrapping_key: Path
    algorithm: WrappingAlgorithm
    expect_kcv: str | None
    remember: bool


def wrap_in_token(request: TokenWrapRequest, pin: Pin) -> TokenWrapResult:
    """The token wraps its key into EncryptedKeyMaterial.bin beside the wrapping key."""
    from app.material.hsm.wrap_file import wrap_to_file

    pin = token_pin(request.module, request.token, pin)
    result = wrap_to_file(
        module=request.module,
        token_label=request.token.label,
        pin=pin,
        key_label=request.key_label,
        generate=request.generate,
        wrapping_key=request.wrapping_key,
        algorithm=request.algorithm,
        out=request.wrapping_key.parent / ENCRYPTED_NAME,
        expect_kcv=request.expect_kcv,
    )
    if request.remember:
        remember_pin(request.module, request.token.serial, pin)
    return result


# ------------------------------------------------------- an RSA or EC key's private key


def token_private_keys(module: Path, token: TokenInfo, pin: Pin) -> list[TokenPrivateKey]:
    from app.material.hsm.module import Module

    with Module.load(module).session(token.label, token_pin(module, token, pin)) as session:
        return session.private_keys().keys()


@dataclass(frozen=True)
class TokenPrivateWrapRequest:
    module: Path
    token: TokenInfo
    key_label: str
    generate: bool
    spec: KeySpec
    wrapping_key: Path
    algorithm: WrappingAlgorithm
    remember: bool


def wrap_private_in_token(request: TokenPrivateWrapRequest, pin: Pin) -> TokenPrivateWrapResult:
    """The token wraps its private key in both layers: EncryptedKeyMaterial.bin and
    out_rsa_private_key.der beside the wrapping key."""
    from app.material.hsm.wrap_file import wrap_private_to_files

    pin = token_pin(request.module, request.token, pin)
    folder = request.wrapping_key.parent
    result = wrap_private_to_files(
        module=request.module,
        token_label=request.token.label,
        pin=pin,
        key_label=request.key_label,
        spec=request.spec,
        generate=request.generate,
        wrapping_key=request.wrapping_key,
        algorithm=request.algorithm,
        out=folder / ENCRYPTED_NAME,
        out_private_key=folder / WRAPPED_PRIVATE_KEY_NAME,
    )
    if request.remember:
        remember_pin(request.module, request.token.serial, pin)
    return result
