"""Encrypting with a key: ``encrypt-data``, ``decrypt-data``, ``create-datakey``,
``decrypt-datakey`` and ``encrypt-datakey``."""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

from app.cli.common import backend, emit
from app.cli.options import Commands, add_command, key_arg
from app.model.errors import KmsError


def register(commands: Commands) -> None:
    enc = key_arg(
        add_command(commands, "encrypt-data", "encrypt a file of up to 4096 bytes", encrypt)
    )
    enc.add_argument("--in", dest="infile", type=Path, required=True)
    enc.add_argument("--out", type=Path, required=True, help="receives the API's cipher_text")
    enc.add_argument("--aad", default="", help="additional authenticated data (text)")
    dec = add_command(commands, "decrypt-data", "decrypt a cipher_text file", decrypt)
    dec.add_argument("--in", dest="infile", type=Path, required=True)
    dec.add_argument("--out", type=Path, required=True)
    dec.add_argument("--aad", default="")
    dk = key_arg(
        add_command(
            commands, "create-datakey", "create a data key (printed as hex)", create_datakey
        )
    )
    dk.add_argument("--length", type=int, default=256, help="bits (default 256)")
    dk.add_argument("--without-plaintext", action="store_true")
    ddk = key_arg(
        add_command(
            commands, "decrypt-datakey", "decrypt a data key's hex cipher_text", decrypt_datakey
        )
    )
    ddk.add_argument("cipher_text", metavar="HEX")
    edk = key_arg(
        add_command(commands, "encrypt-datakey", "encrypt a data key given as hex", encrypt_datakey)
    )
    edk.add_argument("datakey", metavar="HEX")


def encrypt(args: argparse.Namespace) -> int:
    from app.material import files

    plaintext = files.read_input(args.infile, "what.data_to_encrypt", limit=4096)
    with backend(args) as kms:
        cipher_text = kms.encrypt_data(
            key_id=args.key_id,
            plain_text=plaintext,
            additional_authenticated_data=args.aad.encode(),
        )
    files.write_private(args.out, cipher_text.encode("ascii"))
    emit(
        args,
        {"key_id": args.key_id, "cipher_text_file": str(args.out)},
        f"Encrypted {len(plaintext)} bytes into {args.out}",
    )
    return 0


def decrypt(args: argparse.Namespace) -> int:
    from app.material import files

    cipher_text = files.read_input(args.infile, "what.cipher_text_file").decode("ascii", "replace")
    with backend(args) as kms:
        result = kms.decrypt_data(
            cipher_text=cipher_text.strip(), additional_authenticated_data=args.aad.encode()
        )
    files.write_private(args.out, result.plaintext)
    emit(
        args,
        {"key_id": result.key_id, "plain_text_file": str(args.out)},
        f"Decrypted {len(result.plaintext)} bytes with key {result.key_id} into {args.out}",
    )
    return 0


def create_datakey(args: argparse.Namespace) -> int:
    with backend(args) as kms:
        dk = kms.create_datakey(
            key_id=args.key_id,
            datakey_length=args.length,
            with_plaintext=not args.without_plaintext,
        )
    data = {"key_id": dk.key_id, "cipher_text": dk.cipher_text}
    if dk.plaintext is not None:
        data["plain_text"] = dk.plaintext.hex()
    emit(args, data)
    return 0


def decrypt_datakey(args: argparse.Namespace) -> int:
    with backend(args) as kms:
        datakey = kms.decrypt_datakey(key_id=args.key_id, cipher_text=args.cipher_text)
    emit(
        args,
        {
            "data_key": datakey.hex(),
            "datakey_length": str(len(datakey)),
            "datakey_dgst": hashlib.sha256(datakey).hexdigest(),
        },
    )
    return 0


def encrypt_datakey(args: argparse.Namespace) -> int:
    try:
        datakey = bytes.fromhex(args.datakey)
    except ValueError:
        raise KmsError("KMS.2101", "cli.datakey_not_hex") from None
    with backend(args) as kms:
        cipher_text = kms.encrypt_datakey(
            key_id=args.key_id,
            plain_text=datakey + hashlib.sha256(datakey).digest(),
            datakey_plain_length=len(datakey),
        )
    emit(
        args,
        {"key_id": args.key_id, "cipher_text": cipher_text, "datakey_length": str(len(datakey))},
    )
    return 0
