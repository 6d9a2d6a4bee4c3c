"""The console's "Download import items": three files written into a folder the user chose.

- ``wrappingKey_<key id>_<time>``: the wrapping public key, DER SubjectPublicKeyInfo (binary),
  usable as ``PublicKey.bin`` in the guide's openssl commands;
- ``importToken_<key id>_<time>``: the import token, as the API's Base64 text;
- ``README_<key id>_<time>.txt``: what they are, for which key, and when they expire.

``<time>`` is the download time, local, as ``YYYYMMDDHHMMSS``. The README also records the
expiry as epoch seconds, so a later session can tell whether earlier downloads still work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.material.files import FileProblem, read_input, write_private
from app.material.recipes import openssl_recipe
from app.model.importing import ImportParameters, WrappingAlgorithm

_EXPIRES_EPOCH = re.compile(r"^Expires \(epoch seconds\):\s*(\d+)\s*$", re.M)
_FIELD = re.compile(
    r"^(Key ID|Key alias|Wrapping algorithm|Wrapping key file|Import token "
    r"file):\s*(.*?)\s*$",
    re.M,
)


@dataclass(frozen=True)
class ImportItems:
    """Where a download put its files, and what they are for."""

    key_id: str
    alias: str
    wrapping_algorithm: WrappingAlgorithm
    wrapping_key: Path
    token: Path
    readme: Path
    expiration_time: int  # epoch seconds

    def expired(self, now_s: float) -> bool:
        return now_s >= self.expiration_time

    def paths(self) -> tuple[Path, Path, Path]:
        return self.wrapping_key, self.token, self.readme


def stamp(when_s: float) -> str:
    return datetime.fromtimestamp(when_s).strftime("%Y%m%d%H%M%S")


def format_time(when_s: float) -> str:
    """Local time with its zone, and UTC: '2026-11-28 17:30:05 CET (2026-11-28 16:30:05 UTC)';
    once where local time is UTC."""
    local = datetime.fromtimestamp(when_s).astimezone()
    utc = datetime.fromtimestamp(when_s, UTC)
    if local.utcoffset() == timedelta(0):
        return f"{utc:%Y-%m-%d %H:%M:%S} UTC"
    return f"{local:%Y-%m-%d %H:%M:%S %Z} ({utc:%Y-%m-%d %H:%M:%S} UTC)"


def write_import_items(
    out_dir: Path | str,
    params: ImportParameters,
    *,
    alias: str,
    now_s: float,
    command: str = "keyferry",
    kms: str = "",
) -> ImportItems:
    """Write the three files; on any failure none of them is left behind. ``command`` is the
    ``keyferry`` command line that reaches the KMS the items came from (``keyferry --profile
    lab``), so the README's import command goes there; ``kms`` names that KMS."""
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise FileProblem("file.not_folder", path=out_dir)
    suffix = f"{params.key_id}_{stamp(now_s)}"
    items = ImportItems(
        key_id=params.key_id,
        alias=alias,
        wrapping_algorithm=params.wrapping_algorithm,
        wrapping_key=out_dir / f"wrappingKey_{suffix}",
        token=out_dir / f"importToken_{suffix}",
        readme=out_dir / f"README_{suffix}.txt",
        expiration_time=params.expiration_time,
    )
    written: list[Path] = []
    try:
        for path, data in (
            (items.wrapping_key, params.public_key_der),
            (items.token, params.import_token.encode("ascii")),
            (items.readme, readme_text(items, now_s, command=command, kms=kms).encode("utf-8")),
        ):
            written.append(write_private(path, data))
    except FileProblem:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return items


def readme_text(
    items: ImportItems, now_s: float, *, command: str = "keyferry", kms: str = ""
) -> str:
    steps = "\n".join(
        f"  {n}. {step.title}:\n     {step.command}"
        for n, step in enumerate(
            openssl_recipe(items.wrapping_algorithm, items.wrapping_key.name), start=1
        )
    )
    return f"""Keyferry import items
=====================

KMS: {kms or "-"}
Key ID: {items.key_id}
Key alias: {items.alias}
Wrapping algorithm: {items.wrapping_algorithm.value}
Wrapping key file: {items.wrapping_key.name}
Import token file: {items.token.name}
Downloaded: {format_time(now_s)}
Expires: {format_time(items.expiration_time)}
Expires (epoch seconds): {items.expiration_time}

The wrapping key and the import token expire 24 hours after the download. After that, download
them again.

The wrapping key is a DER-encoded RSA public key (SubjectPublicKeyInfo): use it where the
console guide says PublicKey.bin. The import token is Base64 text: import it unchanged.

To wrap 32 bytes of key material with openssl (the console guide, Table 2):
{steps}

Then import EncryptedKeyMaterial.bin with the import token into the KMS these items came
from, for example:
  {command} \\
      import-key-material {items.key_id} --material EncryptedKeyMaterial.bin \\
      --token {items.token.name} --never-expires
"""


def read_import_items(readme: Path | str) -> ImportItems:
    """The items an earlier download described, from its README."""
    readme = Path(readme)
    text = read_input(readme, "what.readme").decode("utf-8", "replace")
    fields = dict(_FIELD.findall(text))
    expires = _EXPIRES_EPOCH.search(text)
    try:
        return ImportItems(
            key_id=fields["Key ID"],
            alias=fields.get("Key alias", ""),
            wrapping_algorithm=WrappingAlgorithm(fields["Wrapping algorithm"]),
            wrapping_key=readme.parent / fields["Wrapping key file"],
            token=readme.parent / fields["Import token file"],
            readme=readme,
            expiration_time=int(expires.group(1)) if expires else 0,
        )
    except (KeyError, ValueError):
        raise FileProblem("file.not_readme", path=readme) from None


def find_import_items(folder: Path | str, key_id: str) -> list[ImportItems]:
    """Earlier downloads for ``key_id`` in ``folder``, newest first."""
    found = []
    for readme in sorted(Path(folder).glob(f"README_{key_id}_*.txt"), reverse=True):
        try:
            items = read_import_items(readme)
        except FileProblem:
            continue
        if items.wrapping_key.is_file() and items.token.is_file():
            found.append(items)
    return found
