"""Asymmetric keys on the command line: ``sign``, ``validate-signature`` and
``get-public-key``. Signatures are written and read as raw bytes (DER for ECDSA), the form
``openssl pkeyutl`` and ``openssl dgst`` take; ``--json`` prints the API's fields (Base64).

``validate-signature`` exits 0 for a valid signature, 1 for an invalid one, and 4 when the
check could not be made (a refusal or a failure, with its code on stderr), so a script can
tell "forged" from "not checked".
"""

from __future__ import annotations

import argparse
import base64
import sys
from pathlib import Path

from app.cli.common import backend, emit
from app.cli.options import Commands, add_command, key_arg
from app.model.errors import KmsError
from app.model.signing import MessageType, SigningAlgorithm

#: validate-signature's status when it could not check (0 valid, 1 invalid).
NOT_CHECKED = 4
_ALGORITHMS = [a.value for a in SigningAlgorithm]


def register(commands: Commands) -> None:
    sign_parser = key_arg(add_command(commands, "sign", "sign a message or its digest", sign))
    _signing_arguments(sign_parser)
    sign_parser.add_argument("--out", type=Path, required=True, help="receives the signature")
    check = key_arg(
        add_command(
            commands,
            "validate-signature",
            "check a signature (exit 0 valid, 1 invalid, 4 not checked)",
            validate_signature,
        )
    )
    _signing_arguments(check)
    check.add_argument("--signature", type=Path, required=True, help="the signature file")
    public = key_arg(
        add_command(
            commands, "get-public-key", "print an asymmetric key's public key (PEM)", get_public_key
        )
    )
    public.add_argument("--out", type=Path, help="write the PEM here instead")


def _signing_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--algorithm", choices=_ALGORITHMS, required=True)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--message-file", type=Path, help="the message (RAW, up to 4096 bytes)")
    source.add_argument("--digest-file", type=Path, help="its digest (DIGEST, raw bytes)")


def _message(args: argparse.Namespace) -> tuple[bytes, MessageType]:
    from app.material import files

    if args.message_file is not None:
        return files.read_input(args.message_file, "what.data_to_encrypt"), MessageType.RAW
    return files.read_input(args.digest_file, "what.data_to_encrypt"), MessageType.DIGEST


def sign(args: argparse.Namespace) -> int:
    from app.material import files

    message, kind = _message(args)
    algorithm = SigningAlgorithm(args.algorithm)
    with backend(args) as kms:
        signature = kms.sign(
            key_id=args.key_id, message=message, signing_algorithm=algorithm, message_type=kind
        )
    files.write_private(args.out, signature)
    emit(
        args,
        {
            "key_id": args.key_id,
            "signature": base64.b64encode(signature).decode("ascii"),
            "signing_algorithm": algorithm.value,
            "message_type": kind.value,
            "signature_file": str(args.out),
        },
        f"Signature ({len(signature)} bytes, {algorithm.value}) written to {args.out}",
    )
    return 0


def validate_signature(args: argparse.Namespace) -> int:
    from app.material import files

    try:
        message, kind = _message(args)
        signature = files.read_input(args.signature, "what.signature")
        with backend(args) as kms:
            valid = kms.validate_signature(
                key_id=args.key_id,
                message=message,
                signature=signature,
                signing_algorithm=SigningAlgorithm(args.algorithm),
                message_type=kind,
            )
    except KmsError as error:
        print(f"error {error.code}: {error.message}", file=sys.stderr)
        return NOT_CHECKED
    emit(
        args,
        {"key_id": args.key_id, "signature_valid": "true" if valid else "false"},
        "The signature is valid." if valid else "The signature is NOT valid.",
    )
    return 0 if valid else 1


def get_public_key(args: argparse.Namespace) -> int:
    from app.material import files

    with backend(args) as kms:
        pem = kms.get_public_key(key_id=args.key_id)
    if args.out is not None:
        files.write_private(args.out, pem.encode("ascii"))
    if args.json:
        emit(args, {"key_id": args.key_id, "public_key": pem})
    elif args.out is None:
        sys.stdout.write(pem)
    else:
        print(f"Public key written to {args.out}")
    return 0
