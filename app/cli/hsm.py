"""The user's HSM through PKCS#11: ``hsm-list`` (modules, a module's tokens, a token's AES keys
with the KCV each computes and its RSA and EC private keys with their public key's
fingerprint) and ``hsm-wrap`` (the token wraps its key, generated first if asked, with a
downloaded wrapping key; the encrypted material file and the token's KCV; or, with
``--private-key-label``, both files of an asymmetric import: ``hsm_private``).

The PIN comes from ``--pin-file``, ``KEYFERRY_HSM_PIN`` or a prompt without echo; never from
the command line itself. python-pkcs11 and the material layer are imported in the handlers.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.common import emit
from app.cli.errors import CliFailure
from app.cli.options import Commands, add_command
from app.model.importing import WrappingAlgorithm
from app.model.keys import IMPORTABLE_SPECS

if TYPE_CHECKING:
    from app.material.hsm.pin import Pin
    from app.material.hsm.values import TokenKey, TokenPrivateKey

ALGORITHMS = [a.value for a in WrappingAlgorithm]
_PIN_FILE_HELP = "read the token's user PIN from the first line of this file (else "
_PIN_FILE_HELP += "$KEYFERRY_HSM_PIN, else a prompt without echo)"


def register(commands: Commands) -> None:
    listing = add_command(
        commands,
        "hsm-list",
        "list PKCS#11 modules; with --module, its tokens; with --token too, its AES keys",
        hsm_list,
    )
    listing.add_argument("--module", help="a PKCS#11 module: its path, or its p11-kit name")
    listing.add_argument(
        "--token", metavar="LABEL", help="list this token's AES and private keys (logs in)"
    )
    listing.add_argument("--pin-file", type=Path, metavar="F", help=_PIN_FILE_HELP)
    wrap = add_command(
        commands,
        "hsm-wrap",
        "wrap a token's AES key (or, for an RSA or EC key, its private key) with a "
        "downloaded wrapping key, in the token",
        hsm_wrap,
    )
    wrap.add_argument("--module", required=True, help="a PKCS#11 module: path or p11-kit name")
    wrap.add_argument("--token", required=True, metavar="LABEL", help="the token's label")
    which = wrap.add_mutually_exclusive_group(required=True)
    which.add_argument("--key-label", metavar="LABEL", help="the AES key's label")
    which.add_argument(
        "--private-key-label",
        metavar="LABEL",
        help="the RSA or EC private key's label: both files of an asymmetric import",
    )
    wrap.add_argument(
        "--generate",
        action="store_true",
        help="generate the key in the token first (AES-256, or a key pair of --key-spec; "
        "sensitive and extractable)",
    )
    wrap.add_argument(
        "--key-spec",
        choices=[s.value for s in IMPORTABLE_SPECS if s.is_asymmetric],
        help="the private key's spec: generated with --generate, else checked",
    )
    wrap.add_argument("--wrapping-key", type=Path, required=True, help="the wrappingKey_ file")
    wrap.add_argument("--algorithm", choices=ALGORITHMS, required=True)
    wrap.add_argument(
        "--out",
        type=Path,
        required=True,
        help="the encrypted material file; beside it, <out>.pkcs11.json (0600, nothing "
        "secret) names the token key and its KCV, for import-key-material to expect and record",
    )
    wrap.add_argument(
        "--out-private-key",
        type=Path,
        metavar="FILE",
        help="with --private-key-label: the encrypted private key file (out_rsa_private_key.der)",
    )
    wrap.add_argument("--pin-file", type=Path, metavar="F", help=_PIN_FILE_HELP)


def read_pin(args: argparse.Namespace, token: str) -> Pin:
    """The PIN from ``--pin-file``, ``KEYFERRY_HSM_PIN`` or the terminal, in that order."""
    from app.material.hsm.pin import PIN_ENV, Pin

    if args.pin_file is not None:
        return Pin.from_file(args.pin_file)
    from_env = Pin.from_env()
    if from_env is not None:
        return from_env
    if not sys.stdin.isatty():
        raise CliFailure(
            f"No PIN for the token {token}: give --pin-file F, set {PIN_ENV}, or run in a "
            "terminal to be asked for it."
        )
    import getpass

    return Pin(getpass.getpass(f"User PIN of the token {token}: "))


def hsm_list(args: argparse.Namespace) -> int:
    from app.material.hsm.discovery import find_modules, resolve_module

    if args.module is None:
        if args.token is not None:
            raise CliFailure("--token needs --module: the module the token is in.")
        modules = find_modules()
        emit(
            args,
            {"modules": [_module_json(m.name, m.path, m.registered_by) for m in modules]},
            "\n".join(f"{m.name:<20} {m.path}" for m in modules)
            or "No PKCS#11 module is installed. Give your HSM's with --module PATH.",
        )
        return 0
    from app.material.hsm.module import Module

    module = Module.load(resolve_module(args.module))
    if args.token is None:
        tokens = module.tokens()
        emit(
            args,
            {
                "module": str(module.path),
                "description": module.description,
                "tokens": [_token_json(t) for t in tokens],
            },
            "\n".join(t.describe() for t in tokens) or "The module has no token.",
        )
        return 0
    token = module.token(args.token)
    with module.session(token.label, read_pin(args, token.label)) as session:
        keys = session.keys()
        private_keys = session.private_keys().keys()
    lines = [_key_line(k) for k in keys] or [f"The token {token.label} has no AES key."]
    lines += [private_key_line(k) for k in private_keys] or [
        f"The token {token.label} has no RSA or EC private key."
    ]
    emit(
        args,
        {
            "module": str(module.path),
            "token": _token_json(token),
            "keys": [_key_json(k) for k in keys],
            "private_keys": [private_key_json(k) for k in private_keys],
        },
        "\n".join(lines),
    )
    return 0


def hsm_wrap(args: argparse.Namespace) -> int:
    from app.material.hsm.discovery import resolve_module
    from app.material.hsm.provenance import write_provenance
    from app.material.hsm.wrap_file import wrap_to_file

    if args.private_key_label is not None:
        from app.cli.hsm_private import hsm_wrap_private

        return hsm_wrap_private(args)
    if args.key_spec is not None or args.out_private_key is not None:
        raise CliFailure(
            "--key-spec and --out-private-key go with --private-key-label (an RSA or EC "
            "key's private key); an AES key is wrapped with --key-label alone."
        )

    algorithm = WrappingAlgorithm(args.algorithm)
    result = wrap_to_file(
        module=resolve_module(args.module),
        token_label=args.token,
        pin=read_pin(args, args.token),
        key_label=args.key_label,
        generate=args.generate,
        wrapping_key=args.wrapping_key,
        algorithm=algorithm,
        out=args.out,
    )
    provenance = write_provenance(result)
    key = result.key
    data: dict[str, Any] = {
        "kcv": key.kcv,
        "key_label": key.label,
        "token": result.source.token_label,
        "token_serial": result.source.token_serial,
        "module": str(result.source.module),
        "wrapping_algorithm": algorithm.value,
        "encrypted_key_material": str(result.encrypted),
        "generated": result.generated,
        "legacy_check_value": key.legacy_check_value,
        "provenance_file": str(provenance),
    }
    check = (
        f"KCV (computed in the token): {key.kcv}\n"
        f"Import it with --expect-kcv {key.kcv}: the KMS must find the same material."
        if key.kcv
        else f"The token cannot compute this key's KCV (AES-CMAC). Its legacy check value "
        f"(CKA_CHECK_VALUE, a different number) is {key.legacy_check_value or '-'}."
    )
    emit(
        args,
        data,
        f"Wrote {result.encrypted} ({result.encrypted.stat().st_size} bytes): the key "
        f"{key.label} of the token {result.source.token_label}, wrapped in the token with "
        f"{algorithm.value}{' (generated just now)' if result.generated else ''}.\n{check}\n"
        f"Provenance (for import-key-material): {provenance}",
    )
    return 0


def _module_json(name: str, path: Path, registered_by: Path | None) -> dict[str, Any]:
    return {"name": name, "path": str(path), "registered_by": registered_by and str(registered_by)}


def _token_json(token: Any) -> dict[str, Any]:
    return {
        "label": token.label,
        "serial": token.serial,
        "manufacturer": token.manufacturer,
        "model": token.model,
    }


def _key_json(key: TokenKey) -> dict[str, Any]:
    return {
        "label": key.label,
        "id": key.key_id,
        "bits": key.bits,
        "extractable": key.extractable,
        "sensitive": key.sensitive,
        "wrappable": key.wrappable,
        "kcv": key.kcv,
        "legacy_check_value": key.legacy_check_value,
    }


def private_key_json(key: TokenPrivateKey) -> dict[str, Any]:
    return {
        "label": key.label,
        "id": key.key_id,
        "key_type": key.family,
        "size": key.size,
        "key_spec": key.spec.value if key.spec else None,
        "extractable": key.extractable,
        "sensitive": key.sensitive,
        "wrappable": key.wrappable,
        "public_key_fingerprint": key.fingerprint,
    }


def private_key_line(key: TokenPrivateKey) -> str:
    spec = key.spec.value if key.spec else f"{key.family} {key.size}, not importable"
    usable = "" if key.wrappable else ", cannot be wrapped for import"
    return f"{key.label:<24} private key {spec}{usable}, SHA-256 {key.fingerprint or '-'}"


def _key_line(key: TokenKey) -> str:
    check = f"KCV {key.kcv}" if key.kcv else f"legacy check value {key.legacy_check_value or '-'}"
    usable = "" if key.importable else ", cannot be wrapped for import"
    return f"{key.label:<24} {key.bits}-bit, {check}{usable}"
