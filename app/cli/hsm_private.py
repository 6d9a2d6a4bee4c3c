"""``keyferry hsm-wrap --private-key-label``: the token wraps its RSA or EC private key (a pair
generated first with ``--generate --key-spec``) in the console's two layers, writes
``--out`` and ``--out-private-key`` (0600) and prints the public key's SHA-256 fingerprint,
the proof to compare with the key once imported (``describe-key``). The private key never
leaves the token in plaintext."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.common import emit
from app.cli.errors import CliFailure
from app.cli.hsm import read_pin
from app.model.importing import WrappingAlgorithm
from app.model.keys import KeySpec


def hsm_wrap_private(args: argparse.Namespace) -> int:
    from app.material.hsm.discovery import resolve_module
    from app.material.hsm.provenance import write_provenance
    from app.material.hsm.wrap_file import wrap_private_to_files

    if args.out_private_key is None:
        raise CliFailure(
            "--private-key-label needs --out-private-key FILE: an RSA or EC key is imported "
            "from two files (the console names them EncryptedKeyMaterial.bin and "
            "out_rsa_private_key.der)."
        )
    if args.generate and args.key_spec is None:
        raise CliFailure("--generate with --private-key-label needs --key-spec: the pair's spec.")
    algorithm = WrappingAlgorithm(args.algorithm)
    result = wrap_private_to_files(
        module=resolve_module(args.module),
        token_label=args.token,
        pin=read_pin(args, args.token),
        key_label=args.private_key_label,
        spec=KeySpec(args.key_spec) if args.key_spec else None,
        generate=args.generate,
        wrapping_key=args.wrapping_key,
        algorithm=algorithm,
        out=args.out,
        out_private_key=args.out_private_key,
    )
    provenance = write_provenance(result)
    data: dict[str, Any] = {
        "public_key_fingerprint": result.fingerprint,
        "key_label": result.key.label,
        "key_spec": result.spec.value,
        "token": result.source.token_label,
        "token_serial": result.source.token_serial,
        "module": str(result.source.module),
        "wrapping_algorithm": algorithm.value,
        "encrypted_key_material_file": str(result.encrypted_material),
        "encrypted_privatekey_file": str(result.encrypted_private_key),
        "generated": result.generated,
        "provenance_file": str(provenance),
    }
    generated = " (generated just now)" if result.generated else ""
    emit(
        args,
        data,
        f"Wrapped temporary key written to {result.encrypted_material}\n"
        f"Wrapped private key written to {result.encrypted_private_key}\n"
        f"The private key {result.key.label}{generated} ({result.spec.value}) of the token "
        f"{result.source.token_label}, wrapped in the token with {algorithm.value} and RFC 5649.\n"
        f"Public key SHA-256: {result.fingerprint or '- (the token shows no public key)'}\n"
        f"Provenance (for import-key-material): {provenance}",
    )
    return 0
