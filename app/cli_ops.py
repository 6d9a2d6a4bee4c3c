"""What each ``keyferry`` subcommand does: open a backend, call one operation, print it.
(The window and the wizard are started by ``cli.py`` itself, without loading this.)"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Any

from app.cli_errors import CliFailure
from app.material import files
from app.material.import_items import format_time
from app.model.api_format import key_details, tags_json
from app.model.errors import KmsError
from app.model.importing import WrappingAlgorithm
from app.model.keys import Cmk, KeyState, Origin, Tag

if TYPE_CHECKING:
    from app.backends.base import KmsBackend

Handler = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, Handler] = {}


def command(name: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        COMMANDS[name] = handler
        return handler

    return register


@contextmanager
def backend(args: argparse.Namespace) -> Iterator[KmsBackend]:
    from app.backends.factory import open_backend

    opened = open_backend(args, background=False)
    try:
        yield opened
    finally:
        opened.close()


def emit(args: argparse.Namespace, data: dict[str, Any], human: str | None = None) -> None:
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(human if human is not None else _table(data))


def _table(data: dict[str, Any]) -> str:
    width = max((len(k) for k in data), default=0)
    return "\n".join(f"{k:<{width}}  {v}" for k, v in data.items())


def _key_json(cmk: Cmk) -> dict[str, Any]:
    data: dict[str, Any] = key_details(cmk)
    data["kcv"] = cmk.kcv or ""
    data["tags"] = tags_json(cmk.tags)
    return data


def _key_human(cmk: Cmk) -> str:
    rows = {
        "Alias": cmk.alias,
        "Key ID": cmk.key_id,
        "State": cmk.state.label,
        "Origin": cmk.origin.label,
        "Key spec": cmk.key_spec.value,
        "Description": cmk.description or "-",
        "Created": format_time(cmk.created_ms / 1000),
        "Material expires": "never"
        if cmk.material_expires_ms is None or not cmk.kcv
        else format_time(cmk.material_expires_ms / 1000),
        "KCV": cmk.kcv or "- (no material)",
        "Tags": ", ".join(f"{t.key}={t.value}" for t in cmk.tags) or "-",
    }
    if cmk.deletion_ms is not None:
        rows["Deletion date"] = format_time(cmk.deletion_ms / 1000)
    return _table(rows)


def _emit_key(args: argparse.Namespace, cmk: Cmk) -> int:
    emit(args, _key_json(cmk), _key_human(cmk))
    return 0


def _tag(text: str) -> Tag:
    key, sep, value = text.partition("=")
    if not sep:
        raise CliFailure(f"{text!r} is not KEY=VALUE.")
    return Tag(key, value)


# ------------------------------------------------------------------------------ keys


@command("create-key")
def _create_key(args: argparse.Namespace) -> int:
    with backend(args) as kms:
        cmk = kms.create_key(
            alias=args.alias,
            description=args.description,
            origin=Origin(args.origin),
            tags=[_tag(t) for t in args.tag],
        )
    return _emit_key(args, cmk)


@command("describe-key")
def _describe_key(args: argparse.Namespace) -> int:
    with backend(args) as kms:
        return _emit_key(args, kms.describe_key(key_id=args.key_id))


@command("list-keys")
def _list_keys(args: argparse.Namespace) -> int:
    with backend(args) as kms:
        page = kms.list_keys(
            limit=args.limit,
            marker=args.marker,
            key_state=KeyState(args.state) if args.state else None,
        )
    if args.json:
        emit(
            args,
            {
                "keys": [k.key_id for k in page.keys],
                "key_details": [_key_json(k) for k in page.keys],
                "next_marker": page.next_marker or "",
                "truncated": "true" if page.truncated else "false",
                "total": page.total,
            },
        )
        return 0
    for k in page.keys:
        print(f"{k.key_id}  {k.state.label:<17} {k.origin.label:<8} {k.alias}")
    more = f"; more after marker {page.next_marker}" if page.truncated else ""
    print(f"{len(page.keys)} of {page.total} keys{more}", file=sys.stderr)
    return 0


@command("update-key-alias")
def _update_alias(args: argparse.Namespace) -> int:
    with backend(args) as kms:
        return _emit_key(args, kms.update_key_alias(key_id=args.key_id, alias=args.alias))


@command("update-key-description")
def _update_description(args: argparse.Namespace) -> int:
    with backend(args) as kms:
        return _emit_key(
            args, kms.update_key_description(key_id=args.key_id, description=args.description)
        )


# ---------------------------------------------------------------------------- import


@command("get-parameters-for-import")
def _get_parameters(args: argparse.Namespace) -> int:
    import time

    from app.material.import_items import write_import_items

    with backend(args) as kms:
        cmk = kms.describe_key(key_id=args.key_id)
        if not args.out_dir.is_dir():
            raise KmsError("KMS.0308", f"{args.out_dir} is not a folder.")
        params = kms.get_parameters_for_import(
            key_id=args.key_id, wrapping_algorithm=WrappingAlgorithm(args.wrapping_algorithm)
        )
    items = write_import_items(args.out_dir, params, alias=cmk.alias, now_s=time.time())
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


@command("wrap")
def _wrap(args: argparse.Namespace) -> int:
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


@command("kcv")
def _kcv(args: argparse.Namespace) -> int:
    from app.material.wrap import key_check_value, load_plaintext_material

    material = load_plaintext_material(args.material)
    try:
        kcv = key_check_value(material)
    finally:
        material[:] = bytes(len(material))
    emit(args, {"kcv": kcv}, kcv)
    return 0


def _expiry(args: argparse.Namespace) -> int | None:
    if args.never_expires:
        return None
    try:
        when = datetime.fromisoformat(args.expires_at)
    except ValueError:
        raise KmsError(
            "KMS.2602", f"{args.expires_at!r} is not an ISO 8601 date and time."
        ) from None
    if when.tzinfo is None:
        when = when.astimezone()
    return int(when.timestamp())


@command("import-key-material")
def _import(args: argparse.Namespace) -> int:
    expires = _expiry(args)
    token = files.read_input(args.token, "an import token").decode("ascii", "replace").strip()
    material = files.read_input(args.material, "encrypted key material")
    with backend(args) as kms:
        cmk = kms.import_key_material(
            key_id=args.key_id,
            import_token=token,
            encrypted_key_material=material,
            expiration_time=expires,
        )
    if not args.json:
        print(f"Key {cmk.alias} imported successfully.")
    return _emit_key(args, cmk)


@command("delete-imported-key-material")
def _delete_material(args: argparse.Namespace) -> int:
    with backend(args) as kms:
        return _emit_key(args, kms.delete_imported_key_material(key_id=args.key_id))


# ------------------------------------------------------------------------- lifecycle


def _simple(name: str, method: str) -> None:
    def run(args: argparse.Namespace) -> int:
        with backend(args) as kms:
            return _emit_key(args, getattr(kms, method)(key_id=args.key_id))

    COMMANDS[name] = run


_simple("enable-key", "enable_key")
_simple("disable-key", "disable_key")
_simple("cancel-key-deletion", "cancel_key_deletion")


@command("schedule-key-deletion")
def _schedule(args: argparse.Namespace) -> int:
    with backend(args) as kms:
        return _emit_key(
            args, kms.schedule_key_deletion(key_id=args.key_id, pending_days=args.pending_days)
        )


# ------------------------------------------------------------------------------ tags


@command("create-tag")
def _create_tag(args: argparse.Namespace) -> int:
    with backend(args) as kms:
        return _emit_key(args, kms.create_tag(key_id=args.key_id, tag=_tag(args.tag)))


@command("batch-create-tags")
def _batch_create(args: argparse.Namespace) -> int:
    with backend(args) as kms:
        return _emit_key(
            args,
            kms.batch_tags(key_id=args.key_id, action="create", tags=[_tag(t) for t in args.tags]),
        )


@command("batch-delete-tags")
def _batch_delete(args: argparse.Namespace) -> int:
    with backend(args) as kms:
        return _emit_key(
            args,
            kms.batch_tags(
                key_id=args.key_id, action="delete", tags=[Tag(k, "") for k in args.tags]
            ),
        )


@command("show-tags")
def _show_tags(args: argparse.Namespace) -> int:
    with backend(args) as kms:
        tags = kms.show_tags(key_id=args.key_id)
    emit(
        args,
        {"tags": tags_json(tags), "existTagsNum": len(tags)},
        "\n".join(f"{t.key}={t.value}" for t in tags) or "(no tags)",
    )
    return 0


@command("delete-tag")
def _delete_tag(args: argparse.Namespace) -> int:
    with backend(args) as kms:
        return _emit_key(args, kms.delete_tag(key_id=args.key_id, tag_key=args.tag_key))


# ------------------------------------------------------------------------------ data


@command("encrypt-data")
def _encrypt(args: argparse.Namespace) -> int:
    plaintext = files.read_input(args.infile, "data to encrypt", limit=4096)
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


@command("decrypt-data")
def _decrypt(args: argparse.Namespace) -> int:
    cipher_text = files.read_input(args.infile, "a cipher_text file").decode("ascii", "replace")
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


@command("create-datakey")
def _create_datakey(args: argparse.Namespace) -> int:
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


@command("decrypt-datakey")
def _decrypt_datakey(args: argparse.Namespace) -> int:
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


@command("encrypt-datakey")
def _encrypt_datakey(args: argparse.Namespace) -> int:
    try:
        datakey = bytes.fromhex(args.datakey)
    except ValueError:
        raise KmsError("KMS.2101", "The data key must be hex.") from None
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


# ----------------------------------------------------------------------------- store


def _passphrase(confirm: bool) -> str:
    import getpass
    import os

    from_env = os.environ.get("KEYFERRY_BACKUP_PASSPHRASE")
    if from_env is not None or not sys.stdin.isatty():
        if not from_env:
            raise CliFailure(
                "No terminal to ask for the passphrase: set KEYFERRY_BACKUP_PASSPHRASE."
            )
        return from_env
    phrase = getpass.getpass("Backup passphrase: ")
    if confirm and getpass.getpass("Repeat it: ") != phrase:
        raise CliFailure("The two passphrases differ.")
    return phrase


@command("backup")
def _backup(args: argparse.Namespace) -> int:
    from app.backends.local import backup_store

    size = backup_store(
        args.data_dir, args.out, _passphrase(confirm=True), master_key_file=args.master_key_file
    )
    emit(
        args,
        {"backup_file": str(args.out), "size": size},
        f"Backup written to {args.out} ({size} bytes). Keep the passphrase: without it the "
        "backup cannot be opened.",
    )
    return 0


@command("restore")
def _restore(args: argparse.Namespace) -> int:
    from app.backends.local import restore_store

    store_id = restore_store(
        args.source, args.data_dir, _passphrase(confirm=False), master_key_file=args.master_key_file
    )
    emit(
        args,
        {"store_id": store_id, "data_dir": str(args.data_dir)},
        f"Restored store {store_id} into {args.data_dir}.",
    )
    return 0
