"""The user's files (app.material): what is wrong with one, what it should be, what it holds."""

from __future__ import annotations

from app.model.catalogue.entry import entry

ENTRIES = (
    entry("file.folder", "{path} is a folder, not {what}."),
    entry("file.not_regular", "{path} is not a regular file, so it cannot be {what}."),
    entry(
        "file.too_large",
        "{path} is {size}, far too large to be {what} (at most {limit}). It was not read.",
    ),
    entry("file.missing", "{path} does not exist (or was removed while being read)."),
    entry("file.no_read_permission", "You do not have permission to read {path}."),
    entry("file.unreadable", "{path} could not be read: {reason}."),
    entry("file.grew", "{path} grew beyond {limit} while being read."),
    entry("file.exists", "{path} already exists; it was not overwritten."),
    entry("file.not_writable_kind", "{path} is not a regular file; choose a file name to write."),
    entry(
        "file.disk_full",
        "The disk is full (or your file size limit is reached): there is no space left for "
        "it, so {path} could not be written. Nothing was saved.",
    ),
    entry("file.no_write_permission", "You do not have permission to write {path}."),
    entry("file.no_folder", "The folder of {path} does not exist."),
    entry("file.unwritable", "{path} could not be written: {reason}."),
    entry("file.not_folder", "{path} is not a folder. Choose an existing folder."),
    entry("file.not_readme", "{path} is not a README of Keyferry import items."),
    # what a file was expected to be (the {what} above)
    entry("what.encrypted_material", "encrypted key material"),
    entry("what.import_token", "an import token"),
    entry("what.material_file", "a 32-byte key material file"),
    entry("what.wrapping_key", "a wrapping key"),
    entry("what.readme", "a Keyferry README of import items"),
    entry("what.data_to_encrypt", "data to encrypt"),
    entry("what.cipher_text_file", "a cipher_text file"),
    # what a file holds (app.material.files.describe)
    entry("content.empty", "an empty file"),
    entry("content.pem", "{size} bytes: a PEM text file ({label})"),
    entry("content.hex", "{size} bytes of hex text (it decodes to {decoded} bytes)"),
    entry(
        "content.base64_token",
        "{size} bytes of Base64 text (it decodes to {decoded} bytes; an import token looks "
        "like this)",
    ),
    entry("content.base64", "{size} bytes of Base64 text (it decodes to {decoded} bytes)"),
    entry("content.der", "{size} bytes: a DER structure, such as a wrapping key"),
    entry("content.binary", "{size} bytes of binary data"),
    entry(
        "material.wrong_size",
        "{path} holds {content}; key material must be exactly {expected} raw bytes (256 bits).",
    ),
    entry(
        "material.wrong_size_hex",
        "{path} holds {content}; key material must be exactly {expected} raw bytes (256 bits)."
        " Convert it to raw bytes first, for example: xxd -r -p IN > OUT.",
    ),
    entry(
        "material.wrong_size_base64",
        "{path} holds {content}; key material must be exactly {expected} raw bytes (256 bits)."
        " Convert it to raw bytes first, for example: base64 -d IN > OUT.",
    ),
    entry("material.length", "Key material must be exactly {expected} bytes, not {length}."),
    entry("wrapping_key.not_rsa", "{path} holds a public key, but not an RSA one."),
    entry(
        "wrapping_key.not_a_key",
        "{path} is not a wrapping key: it holds {content}. Use the wrappingKey_... file "
        "downloaded with the import token.",
    ),
    entry(
        "token.not_a_token",
        "{path} is not an import token: it holds {content}. Choose the importToken_... file "
        "downloaded for this key.",
    ),
)
