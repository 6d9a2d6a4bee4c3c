"""Importing key material: ``get-parameters-for-import``, ``wrap``, ``import-key-material``,
``delete-imported-key-material`` and ``kcv`` (with ``--key-id``, checked against the import
record: ``record.py``)."""

from __future__ import annotations

import argparse
import contextlib
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.common import backend, emit, emit_key, key_json
from app.cli.options import Commands, add_command, key_arg
from app.model.errors import KmsError
from app.model.importing import WrappingAlgorithm
from app.model.keys import IMPORTABLE_SPECS

if TYPE_CHECKING:
    from app.backends.claims import TokenKeyLike
    from app.backends.import_record import ImportClaim, KcvSource

ALGORITHMS = [a.value for a in WrappingAlgorithm]
ASYMMETRIC_SPECS = [s.value for s in IMPORTABLE_SPECS if s.is_asymmetric]


def register(commands: Commands) -> None:
    params = key_arg(
        add_command(
            commands,
            "get-parameters-for-import",
            "download the wrapping key, import token and README into a folder",
            get_parameters,
        )
    )
    params.add_argument("--wrapping-algorithm", choices=ALGORITHMS, default=ALGORITHMS[0])
    params.add_argument(
        "--out-dir", type=Path, required=True, help="a folder (a new one is created, 0700)"
    )
    wrap_parser = add_command(
        commands, "wrap", "wrap 32 bytes of key material with a wrapping key", wrap
    )
    wrap_parser.add_argument("--wrapping-key", type=Path, required=True)
    wrap_parser.add_argument("--algorithm", choices=ALGORITHMS, required=True)
    source = wrap_parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--material", type=Path, help="a file of exactly 32 raw bytes")
    source.add_argument(
        "--generate",
        type=Path,
        metavar="FILE",
        help="generate 32 random bytes and save the plaintext here (0600)",
    )
    source.add_argument(
        "--private-key",
        type=Path,
        metavar="KEY.pem|KEY.der",
        help="an asymmetric key's private key (PEM or DER; $KEYFERRY_PASSPHRASE opens an "
        "encrypted one): wrapped under a new temporary key",
    )
    source.add_argument(
        "--generate-private-key",
        type=Path,
        metavar="FILE",
        help="make a private key of the key's spec, save it here (PEM, 0600) and wrap it",
    )
    wrap_parser.add_argument(
        "--out", type=Path, required=True, help="the encrypted material (EncryptedKeyMaterial.bin)"
    )
    wrap_parser.add_argument(
        "--out-private-key", type=Path, help="the wrapped private key (out_rsa_private_key.der)"
    )
    spec = wrap_parser.add_mutually_exclusive_group()
    spec.add_argument("--key-spec", choices=ASYMMETRIC_SPECS, help="the key's spec")
    spec.add_argument("--key", metavar="KEY_ID", help="take the spec from this key")
    _add_import(commands)
    key_arg(
        add_command(
            commands,
            "delete-imported-key-material",
            "delete a key's imported material (the key goes to Pending import)",
            delete_material,
        )
    )
    kcv_parser = add_command(
        commands,
        "kcv",
        "print the key check value of a plaintext material file; with --key-id, check it "
        "against the import record (exit 1 when it is not the key's recorded material)",
        kcv,
    )
    kcv_parser.add_argument("--material", type=Path, required=True)
    kcv_parser.add_argument(
        "--key-id",
        metavar="KEY",
        help="the key (ID or alias) whose recorded material the file should be",
    )


def _add_import(commands: Commands) -> None:
    parser = key_arg(
        add_command(commands, "import-key-material", "import wrapped key material", import_material)
    )
    parser.add_argument(
        "--material",
        type=Path,
        required=True,
        help="the encrypted material file (EncryptedKeyMaterial.bin)",
    )
    parser.add_argument("--token", type=Path, required=True, help="the importToken_... file")
    parser.add_argument(
        "--private-key",
        type=Path,
        help="for an asymmetric key: the wrapped private key (out_rsa_private_key.der); "
        "--material is then the wrapped temporary key, and no expiry applies",
    )
    parser.add_argument(
        "--expect-kcv",
        metavar="HEX",
        help="the key check value the material must have (6 hex digits, as wrap, kcv or "
        "your HSM print it): other material is refused (KMS.2607) and the key stays Pending "
        "import. A remote KMS cannot check it; the command then says so",
    )
    parser.add_argument(
        "--no-provenance",
        action="store_true",
        help="ignore hsm-wrap's provenance file beside --material (<material>.pkcs11.json), "
        "which otherwise gives the token's KCV to expect and is recorded with the import",
    )
    expiry = parser.add_mutually_exclusive_group()
    expiry.add_argument("--never-expires", action="store_true")
    expiry.add_argument(
        "--expires-at",
        metavar="ISO8601",
        help="when the material expires, e.g. 2027-01-31T18:00 (local time "
        "unless it has an offset)",
    )


def _make_out_dir(out_dir: Path) -> bool:
    """Whether ``out_dir`` was created now (0700, as the wizard's Download does); a folder
    that exists is used as it is."""
    from app.material.files import FileProblem

    if out_dir.is_dir():
        return False
    if out_dir.exists() or out_dir.is_symlink():
        raise FileProblem("cli.not_folder", path=out_dir)
    try:
        out_dir.mkdir(mode=0o700)
        out_dir.chmod(0o700)  # whatever the umask
    except FileNotFoundError:
        raise FileProblem("cli.no_parent_folder", path=out_dir, parent=out_dir.parent) from None
    except OSError as error:
        raise FileProblem("cli.folder_not_created", path=out_dir, reason=error.strerror) from None
    return True


def get_parameters(args: argparse.Namespace) -> int:
    import time

    from app.material.import_items import format_time, write_import_items

    with backend(args) as kms:
        cmk = kms.describe_key(key_id=args.key_id)
        created = _make_out_dir(args.out_dir)  # before asking: no token issued for nothing
        try:
            params = kms.get_parameters_for_import(
                key_id=args.key_id, wrapping_algorithm=WrappingAlgorithm(args.wrapping_algorithm)
            )
            items = write_import_items(
                args.out_dir,
                params,
                alias=cmk.alias,
                now_s=time.time(),
                command=kms.command,
                kms=str(kms.label),
            )
        except BaseException:
            if created:  # a refusal leaves no new empty folder behind
                with contextlib.suppress(OSError):
                    args.out_dir.rmdir()
            raise
    emit(
        args,
        {
            "key_id": params.key_id,
            "wrapping_algorithm": params.wrapping_algorithm.value,
            "expiration_time": params.expiration_time,
            "wrapping_key_file": str(items.wrapping_key),
            "import_token_file": str(items.token),
            "readme_file": str(items.readme),
        },
        "\n".join(
            [
                f"Wrapping key:  {items.wrapping_key}",
                f"Import token:  {items.token}",
                f"README:        {items.readme}",
                f"They expire:   {format_time(params.expiration_time)}",
            ]
        ),
    )
    return 0


def wrap(args: argparse.Namespace) -> int:
    if args.private_key is not None or args.generate_private_key is not None:
        from app.cli.wrap_private import wrap_private

        return wrap_private(args)
    from app.material import files
    from app.material.wrap import (
        generate_material,
        key_check_value,
        load_plaintext_material,
        load_wrapping_key,
        wrap_material,
    )

    algorithm = WrappingAlgorithm(args.algorithm)
    public_key = load_wrapping_key(args.wrapping_key)
    if args.generate:
        material = generate_material()
        files.write_private(args.generate, bytes(material), overwrite=False)
    else:
        material = load_plaintext_material(args.material)
    try:
        kcv = key_check_value(material)
        files.write_private(args.out, wrap_material(material, public_key, algorithm))
    finally:
        material[:] = bytes(len(material))
    if algorithm.deprecated:
        print(
            "warning: RSAES_OAEP_SHA_1 is no longer secure; prefer RSAES_OAEP_SHA_256.",
            file=sys.stderr,
        )
    emit(
        args,
        {
            "encrypted_key_material_file": str(args.out),
            "kcv": kcv,
            "wrapping_algorithm": algorithm.value,
        },
        f"Wrapped key material written to {args.out}\nKCV: {kcv}",
    )
    return 0


def kcv(args: argparse.Namespace) -> int:
    from app.material.wrap import key_check_value, load_plaintext_material

    material = load_plaintext_material(args.material)
    try:
        value = key_check_value(material)
    finally:
        material[:] = bytes(len(material))
    if args.key_id:
        from app.cli.record import check_against_record

        return check_against_record(args, value)
    emit(args, {"kcv": value}, value)
    return 0


def _expiry(args: argparse.Namespace) -> int | None:
    if args.private_key is not None:
        if args.never_expires or args.expires_at:
            raise KmsError("KMS.0308", "cli.asym_expiry")
        return None
    if not args.never_expires and not args.expires_at:
        raise KmsError("KMS.0308", "cli.expiry_needed")
    if args.never_expires:
        return None
    try:
        when = datetime.fromisoformat(args.expires_at)
    except ValueError:
        raise KmsError("KMS.2602", "cli.not_a_time", value=args.expires_at) from None
    try:
        if when.tzinfo is None:
            when = when.astimezone()  # local time, whose offset may leave the calendar
        return int(when.timestamp())
    except (OverflowError, ValueError, OSError):
        raise KmsError("KMS.2602", "cli.time_out_of_range", value=args.expires_at) from None


def _claim(
    token_path: Path,
    expected: str | None,
    source: KcvSource | None = None,
    token_key: TokenKeyLike | None = None,
) -> ImportClaim:
    """What the import record keeps beside a command-line import: the KCV expected (typed
    by the user, or the token's from ``hsm-wrap``'s provenance file with ``token_key``), and
    the token's algorithm, expiry and alias from the README downloaded with it when it is
    beside the token."""
    from app.backends.claims import import_claim
    from app.backends.import_record import KcvSource
    from app.material.files import FileProblem
    from app.material.import_items import ImportItems, read_import_items

    readme = token_path.parent / token_path.name.replace("importToken_", "README_", 1)
    items: ImportItems | None
    try:
        items = read_import_items(readme.with_name(readme.name + ".txt"))
    except (FileProblem, OSError):
        items = None
    return import_claim(
        kcv=expected,
        source=source or KcvSource.TYPED,
        items=items,
        alias=items.alias if items else "",
        token_key=token_key,
    )


def import_material(args: argparse.Namespace) -> int:
    from app.backends.import_record import KcvSource, import_and_record
    from app.cli.provenance import expected_material, tell
    from app.material import files
    from app.model import rules

    expires = _expiry(args)
    typed = None if args.expect_kcv is None else rules.check_expected_kcv(args.expect_kcv)
    wanted = expected_material(args, typed)
    expected, provenance = wanted.kcv, wanted.provenance
    source = KcvSource.PKCS11 if provenance is not None else KcvSource.TYPED
    token = files.read_input(args.token, "what.import_token").decode("ascii", "replace").strip()
    material = files.read_input(args.material, "what.encrypted_material")
    private = None
    if args.private_key is not None:
        from app.material.asymmetric import load_encrypted_private_key

        private = load_encrypted_private_key(args.private_key)
    with backend(args) as kms:
        cmk = import_and_record(
            kms,
            key_id=args.key_id,
            import_token=token,
            encrypted_key_material=material,
            expiration_time=expires,
            claim=_claim(args.token, expected, source, provenance.source if provenance else None),
            encrypted_privatekey=private,
        )
        verified = expected is not None and kms.verifies_kcv
    tell(wanted, cmk.public_key_fingerprint)
    if expected is not None and not verified:  # never let a script believe a check happened
        print(
            "warning: this KMS reports no key check value, so it could not verify that the "
            f"imported material has the KCV {expected}.",
            file=sys.stderr,
        )
    if expected is None and not cmk.reports_kcv:
        print(
            "note: this KMS reports no key check value and none was given (--expect-kcv), so "
            "the import record holds no KCV for this import.",
            file=sys.stderr,
        )
    if args.json and expected is not None:
        emit(args, {**key_json(cmk, kms), "expected_kcv": expected, "kcv_verified": verified})
        return 0
    if not args.json:
        print(f"Key {cmk.alias} imported successfully.")
        if verified:
            print(f"The KMS checked that its KCV is {expected}, as expected.")
    return emit_key(args, cmk, kms)


def delete_material(args: argparse.Namespace) -> int:
    with backend(args) as kms:
        return emit_key(args, kms.delete_imported_key_material(key_id=args.key_id), kms)
