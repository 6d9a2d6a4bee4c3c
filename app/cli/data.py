"""Encrypting with a key: ``encrypt-data``, ``decrypt-data``, ``create-datakey``,
``decrypt-datakey`` and ``encrypt-datakey``."""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from app.cli.common import backend, emit
from app.cli.errors import CliFailure
from app.cli.options import Commands, add_command, key_arg
from app.model.errors import KmsError
from app.model.signing import EncryptionAlgorithm

_ENCRYPTION = [a.value for a in EncryptionAlgorithm]
_ENCRYPTION_HELP = "SYMMETRIC_DEFAULT for AES keys, RSAES_OAEP_SHA_256 for RSA keys (the default)"


def _algorithm(args: argparse.Namespace) -> EncryptionAlgorithm | None:
    value = args.encryption_algorithm
    return EncryptionAlgorithm(value) if value else None


#: The longest data key (8192 bits) in hex, with room for line ends and spaces.
MAX_DATAKEY_HEX = 4096


def register(commands: Commands) -> None:
    enc = key_arg(
        add_command(commands, "encrypt-data", "encrypt a file of up to 4096 bytes", encrypt)
    )
    enc.add_argument("--in", dest="infile", type=Path, required=True)
    enc.add_argument("--out", type=Path, required=True, help="receives the API's cipher_text")
    enc.add_argument("--aad", default="", help="additional authenticated data (text)")
    enc.add_argument("--encryption-algorithm", choices=_ENCRYPTION, help=_ENCRYPTION_HELP)
    dec = add_command(commands, "decrypt-data", "decrypt a cipher_text file", decrypt)
    dec.add_argument("--in", dest="infile", type=Path, required=True)
    dec.add_argument("--out", type=Path, required=True)
    dec.add_argument("--aad", default="")
    dec.add_argument("--encryption-algorithm", choices=_ENCRYPTION, help=_ENCRYPTION_HELP)
    dec.add_argument("--key", metavar="KEY_ID", help="the RSA key (an RSA ciphertext names none)")
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
        add_command(
            commands,
            "encrypt-datakey",
            "encrypt a data key read as hex from a file or stdin (never the command line, "
            "which other users can read)",
            encrypt_datakey,
        )
    )
    edk.add_argument(
        "--in",
        dest="infile",
        type=Path,
        metavar="FILE",
        required=True,
        help="the file holding the data key as hex text, or - to read it from stdin",
    )
    # The data key once followed the key ID: caught here so it is refused without being
    # echoed, as argparse's "unrecognized arguments" would.
    edk.add_argument("datakey_on_argv", nargs="?", help=argparse.SUPPRESS)


def encrypt(args: argparse.Namespace) -> int:
    from app.material import files

    plaintext = files.read_input(args.infile, "what.data_to_encrypt", limit=4096)
    with backend(args) as kms:
        cipher_text = kms.encrypt_data(
            key_id=args.key_id,
            plain_text=plaintext,
            additional_authenticated_data=args.aad.encode(),
            encryption_algorithm=_algorithm(args),
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
            cipher_text=cipher_text.strip(),
            additional_authenticated_data=args.aad.encode(),
            key_id=args.key,
            encryption_algorithm=_algorithm(args),
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
    if args.datakey_on_argv is not None:
        raise CliFailure(
            "encrypt-datakey does not take the data key on the command line (other users can "
            "read it there): give it as hex in a file with --in FILE, or on stdin with --in -."
        )
    datakey = _read_datakey(args.infile)
    try:
        with backend(args) as kms:
            cipher_text = kms.encrypt_datakey(
                key_id=args.key_id,
                plain_text=bytes(datakey) + hashlib.sha256(datakey).digest(),
                datakey_plain_length=len(datakey),
            )
        length = len(datakey)
    finally:
        datakey[:] = bytes(len(datakey))
    emit(args, {"key_id": args.key_id, "cipher_text": cipher_text, "datakey_length": str(length)})
    return 0


def _read_datakey(source: Path) -> bytearray:
    """The data key from the hex text in ``source`` (``-``: stdin), in a buffer to wipe."""
    from app.material import files

    if str(source) == "-":
        text = bytearray(sys.stdin.buffer.read(MAX_DATAKEY_HEX + 1))
        if len(text) > MAX_DATAKEY_HEX:
            raise KmsError("KMS.2101", "cli.datakey_too_long")
    else:
        text = bytearray(files.read_input(source, "what.datakey_hex", limit=MAX_DATAKEY_HEX))
    try:
        return bytearray.fromhex(text.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        raise KmsError("KMS.2101", "cli.datakey_not_hex") from None
    finally:
        text[:] = bytes(len(text))
