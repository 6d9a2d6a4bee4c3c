"""``keyferry wrap --private-key | --generate-private-key``: the two layers of an asymmetric
import (a new temporary AES key wrapped with the wrapping key, the PKCS#8 private key wrapped
under it with RFC 5649), both files written, and the public key's SHA-256 fingerprint
printed: the proof to compare with the key once imported (``describe-key``)."""

from __future__ import annotations

import argparse
import os

from app.cli.common import backend, emit
from app.model.errors import KmsError
from app.model.importing import WrappingAlgorithm
from app.model.keys import IMPORTABLE_SPECS, KeySpec


def wrap_private(args: argparse.Namespace) -> int:
    from cryptography.hazmat.primitives import serialization

    from app.material import asymmetric, files
    from app.material.wrap import load_wrapping_key

    if args.out_private_key is None:
        raise KmsError("KMS.0308", "cli.private_key_out")
    algorithm = WrappingAlgorithm(args.algorithm)
    public_key = load_wrapping_key(args.wrapping_key)
    spec = _spec(args)
    if args.generate_private_key is not None:
        if spec is None:
            raise KmsError("KMS.0308", "cli.spec_needed")
        key = asymmetric.generate_private_key(spec)
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        files.write_private(args.generate_private_key, pem, overwrite=False)
    else:
        passphrase = os.environ.get("KEYFERRY_PASSPHRASE")
        key = asymmetric.load_private_key(
            args.private_key, None if passphrase is None else passphrase.encode()
        )
        spec = spec or _spec_of(key)
    wrapped = asymmetric.wrap_private_key(key, spec, public_key, algorithm)
    asymmetric.write_wrapped(wrapped, args.out, args.out_private_key)
    emit(
        args,
        {
            "encrypted_key_material_file": str(args.out),
            "encrypted_privatekey_file": str(args.out_private_key),
            "key_spec": spec.value,
            "public_key_fingerprint": wrapped.fingerprint,
            "wrapping_algorithm": algorithm.value,
        },
        f"Wrapped temporary key written to {args.out}\n"
        f"Wrapped private key written to {args.out_private_key}\n"
        f"Key spec: {spec.value}\n"
        f"Public key SHA-256: {wrapped.fingerprint}",
    )
    return 0


def _spec(args: argparse.Namespace) -> KeySpec | None:
    if args.key_spec:
        return KeySpec(args.key_spec)
    if args.key:
        with backend(args) as kms:
            return kms.describe_key(key_id=args.key).key_spec
    return None


def _spec_of(key: object) -> KeySpec:
    """The one asymmetric spec a private key fits (KMS.2609 when none does)."""
    from app.model.private_keys import check_fits, fits

    for spec in IMPORTABLE_SPECS:
        if spec.is_asymmetric and fits(key, spec):  # type: ignore[arg-type]
            return spec
    check_fits(key, KeySpec.RSA_2048)  # type: ignore[arg-type]
    raise AssertionError("check_fits refused the key")
