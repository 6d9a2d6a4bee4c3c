"""The English sentences that reach the GUI from the layers below it (which never import Qt),
marked for Qt Linguist so ``messages`` can show them in the user's language.

``DEFAULTS`` is every error code's default sentence, exactly as ``app.model.errors.CODES``
has it (a test keeps the two equal). ``SENTENCES`` are the other sentences a user can meet:
the rules' messages, file problems, keyring and connection problems, with ``%1``, ``%2``...
where a name, a path or a number stands in the original; ``messages`` matches the original
against each and puts the names back. A sentence here that the code no longer produces does
no harm; a sentence the code produces that is missing here is shown with the code's
translated default sentence and the English beside it (tests provoke the ones users meet).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

DEFAULTS: dict[str, str] = {
    "KMS.0101": QT_TRANSLATE_NOOP(
        "KmsError", "The key management service failed. Try again later."
    ),
    "KMS.0102": QT_TRANSLATE_NOOP("KmsError", "The key store could not be read or written."),
    "KMS.0201": QT_TRANSLATE_NOOP("KmsError", "The request URL is not valid."),
    "KMS.0202": QT_TRANSLATE_NOOP("KmsError", "The request body is not valid JSON."),
    "KMS.0203": QT_TRANSLATE_NOOP("KmsError", "The request message is too long."),
    "KMS.0204": QT_TRANSLATE_NOOP("KmsError", "A required parameter is missing."),
    "KMS.0205": QT_TRANSLATE_NOOP("KmsError", "The key ID is not valid."),
    "KMS.0206": QT_TRANSLATE_NOOP("KmsError", "The sequence number is not valid."),
    "KMS.0207": QT_TRANSLATE_NOOP("KmsError", "The key does not exist."),
    "KMS.0209": QT_TRANSLATE_NOOP("KmsError", "The key is disabled. Enable it first."),
    "KMS.0210": QT_TRANSLATE_NOOP("KmsError", "The key is pending deletion and cannot be used."),
    "KMS.0308": QT_TRANSLATE_NOOP("KmsError", "A parameter is not valid."),
    "KMS.0309": QT_TRANSLATE_NOOP(
        "KmsError", "This operation needs a key created for imported material."
    ),
    "KMS.0310": QT_TRANSLATE_NOOP("KmsError", "The key is not in the Pending import state."),
    "KMS.0311": QT_TRANSLATE_NOOP(
        "KmsError",
        "The key material could not be unwrapped with the wrapping key of this import token. "
        "Wrap it with the wrapping key and algorithm downloaded with the token.",
    ),
    "KMS.0312": QT_TRANSLATE_NOOP("KmsError", "Keys with imported material cannot be rotated."),
    "KMS.0401": QT_TRANSLATE_NOOP("KmsError", "The tag list cannot be empty."),
    "KMS.0404": QT_TRANSLATE_NOOP("KmsError", "The tag action must be create or delete."),
    "KMS.0405": QT_TRANSLATE_NOOP("KmsError", "The tag value is not valid."),
    "KMS.0406": QT_TRANSLATE_NOOP("KmsError", "The tag key is not valid."),
    "KMS.0409": QT_TRANSLATE_NOOP("KmsError", "A key can have at most 10 tags."),
    "KMS.0410": QT_TRANSLATE_NOOP("KmsError", "A tag value can have at most 43 characters."),
    "KMS.0411": QT_TRANSLATE_NOOP("KmsError", "A tag key must have 1 to 36 characters."),
    "KMS.0412": QT_TRANSLATE_NOOP("KmsError", "The tag list is not valid."),
    "KMS.0413": QT_TRANSLATE_NOOP("KmsError", "A tag key can have only one value on a key."),
    "KMS.1101": QT_TRANSLATE_NOOP("KmsError", "The alias is not valid."),
    "KMS.1103": QT_TRANSLATE_NOOP("KmsError", "The description can have at most 255 characters."),
    "KMS.1104": QT_TRANSLATE_NOOP("KmsError", "A key with this alias already exists."),
    "KMS.1201": QT_TRANSLATE_NOOP("KmsError", "The key is not disabled."),
    "KMS.1301": QT_TRANSLATE_NOOP("KmsError", "The key is not enabled."),
    "KMS.1401": QT_TRANSLATE_NOOP(
        "KmsError", "The pending deletion period must be 7 to 1096 days."
    ),
    "KMS.1402": QT_TRANSLATE_NOOP("KmsError", "The key is already pending deletion."),
    "KMS.1501": QT_TRANSLATE_NOOP("KmsError", "The key is not pending deletion."),
    "KMS.1601": QT_TRANSLATE_NOOP("KmsError", "The limit is not valid."),
    "KMS.1602": QT_TRANSLATE_NOOP("KmsError", "The marker must be a number of 0 or more."),
    "KMS.1901": QT_TRANSLATE_NOOP(
        "KmsError", "The data key length must be 8 to 8192 bits, in whole bytes."
    ),
    "KMS.2101": QT_TRANSLATE_NOOP("KmsError", "The plaintext is not valid."),
    "KMS.2102": QT_TRANSLATE_NOOP("KmsError", "The data key plaintext length is not valid."),
    "KMS.2103": QT_TRANSLATE_NOOP("KmsError", "The data key's SHA-256 digest does not match."),
    "KMS.2201": QT_TRANSLATE_NOOP("KmsError", "The ciphertext is not valid."),
    "KMS.2202": QT_TRANSLATE_NOOP("KmsError", "The data key ciphertext length is not valid."),
    "KMS.2601": QT_TRANSLATE_NOOP(
        "KmsError", "The import token has expired. Download the import items again."
    ),
    "KMS.2602": QT_TRANSLATE_NOOP(
        "KmsError", "The material expiration time must be in the future."
    ),
    "KMS.2603": QT_TRANSLATE_NOOP(
        "KmsError",
        "This import token belongs to another key. Use the token downloaded for this key.",
    ),
    "KMS.2604": QT_TRANSLATE_NOOP(
        "KmsError", "The key material must be exactly 32 bytes (256 bits)."
    ),
    "KMS.2605": QT_TRANSLATE_NOOP(
        "KmsError",
        "The import token could not be verified. Use the token file exactly as downloaded.",
    ),
    "KMS.2606": QT_TRANSLATE_NOOP(
        "KmsError",
        "This key had other material before. Import the same material as the first time.",
    ),
    "KMS.2701": QT_TRANSLATE_NOOP(
        "KmsError", "Key material can be deleted only when the key is Enabled or Disabled."
    ),
    "APIGW.0301": QT_TRANSLATE_NOOP("KmsError", "The request signature could not be verified."),
    "APIGW.0101": QT_TRANSLATE_NOOP("KmsError", "The API does not exist."),
    "APIGW.0102": QT_TRANSLATE_NOOP("KmsError", "This method is not allowed here."),
    "NET.0001": QT_TRANSLATE_NOOP(
        "KmsError",
        "Could not connect to the KMS: the connection was refused. Check the endpoint's host "
        "and port, and that the service is running.",
    ),
    "NET.0002": QT_TRANSLATE_NOOP(
        "KmsError", "The KMS's host name could not be found. Check the endpoint's spelling and DNS."
    ),
    "NET.0003": QT_TRANSLATE_NOOP(
        "KmsError",
        "The KMS did not answer in time. Check the network, a proxy or a firewall between you"
        " and the endpoint, then try again.",
    ),
    "NET.0004": QT_TRANSLATE_NOOP(
        "KmsError",
        "The secure (TLS) connection to the KMS failed: its certificate is not trusted or the"
        " endpoint does not speak https. Use http:// for a local keyferry serve.",
    ),
    "NET.0005": QT_TRANSLATE_NOOP(
        "KmsError", "The connection to the KMS failed. Check the network."
    ),
    "NET.0006": QT_TRANSLATE_NOOP(
        "KmsError", "The KMS's answer could not be understood: a field is missing or malformed."
    ),
}

SENTENCES: tuple[str, ...] = (
    # app.model.rules: shown as the user types
    QT_TRANSLATE_NOOP("Sentence", "Enter an alias."),
    QT_TRANSLATE_NOOP("Sentence", "The alias can have at most 255 characters."),
    QT_TRANSLATE_NOOP(
        "Sentence",
        "The alias can contain only letters, digits, colons (:), slashes (/), underscores (_) "
        "and hyphens (-).",
    ),
    QT_TRANSLATE_NOOP("Sentence", "The alias cannot end with /default: it is reserved."),
    QT_TRANSLATE_NOOP("Sentence", "The description must be text."),
    QT_TRANSLATE_NOOP("Sentence", "A tag key and value must be text."),
    QT_TRANSLATE_NOOP(
        "Sentence", "A tag key cannot contain control characters or any of * < > \\ =."
    ),
    QT_TRANSLATE_NOOP(
        "Sentence", "A tag value cannot contain control characters or any of * < > \\ =."
    ),
    QT_TRANSLATE_NOOP("Sentence", "The tag key %1 appears twice: a key takes one value."),
    QT_TRANSLATE_NOOP("Sentence", "The material expiration time must be a whole number."),
    QT_TRANSLATE_NOOP("Sentence", "The material expiration time must be before the year 10000."),
    QT_TRANSLATE_NOOP("Sentence", "Enter a key ID."),
    # the wizard's flow (app.gui.wizard.flow, no Qt)
    QT_TRANSLATE_NOOP("Sentence", "Choose when the key material expires."),
    QT_TRANSLATE_NOOP("Sentence", "The key is %1: only a key Pending import can receive material."),
    # the engine's refusals with names in them
    QT_TRANSLATE_NOOP("Sentence", "A key with the alias %1 already exists."),
    QT_TRANSLATE_NOOP("Sentence", "The key %1 does not exist."),
    QT_TRANSLATE_NOOP("Sentence", "The key has no tag %1."),
    QT_TRANSLATE_NOOP("Sentence", "The plaintext must be 1 to %1 bytes."),
    QT_TRANSLATE_NOOP("Sentence", "The key store is read-only. Nothing was changed."),
    QT_TRANSLATE_NOOP("Sentence", "The project ID is not valid."),
    # app.material.files: local files that cannot be used
    QT_TRANSLATE_NOOP("Sentence", "%1 is a folder, not %2."),
    QT_TRANSLATE_NOOP("Sentence", "%1 is not a regular file, so it cannot be %2."),
    QT_TRANSLATE_NOOP(
        "Sentence", "%1 is %2, far too large to be %3 (at most %4). It was not read."
    ),
    QT_TRANSLATE_NOOP("Sentence", "%1 does not exist (or was removed while being read)."),
    QT_TRANSLATE_NOOP("Sentence", "You do not have permission to read %1."),
    QT_TRANSLATE_NOOP("Sentence", "%1 could not be read: %2."),
    QT_TRANSLATE_NOOP("Sentence", "%1 grew beyond %2 while being read."),
    QT_TRANSLATE_NOOP("Sentence", "%1 already exists; it was not overwritten."),
    QT_TRANSLATE_NOOP("Sentence", "%1 is not a regular file; choose a file name to write."),
    QT_TRANSLATE_NOOP(
        "Sentence",
        "The disk is full (or your file size limit is reached): there is no space left for it, "
        "so %1 could not be written. Nothing was saved.",
    ),
    QT_TRANSLATE_NOOP("Sentence", "You do not have permission to write %1."),
    QT_TRANSLATE_NOOP("Sentence", "The folder of %1 does not exist."),
    QT_TRANSLATE_NOOP("Sentence", "%1 could not be written: %2."),
    QT_TRANSLATE_NOOP("Sentence", "%1 is not a folder. Choose an existing folder."),
    QT_TRANSLATE_NOOP("Sentence", "%1 is not a README of Keyferry import items."),
    # what a file was expected to be (the %2 of "is a folder, not %2")
    QT_TRANSLATE_NOOP("Sentence", "encrypted key material"),
    QT_TRANSLATE_NOOP("Sentence", "an import token"),
    QT_TRANSLATE_NOOP("Sentence", "a 32-byte key material file"),
    QT_TRANSLATE_NOOP("Sentence", "a wrapping key"),
    QT_TRANSLATE_NOOP("Sentence", "a Keyferry README of import items"),
    # what a file holds (app.material.files.describe)
    QT_TRANSLATE_NOOP("Sentence", "an empty file"),
    QT_TRANSLATE_NOOP("Sentence", "%1 bytes: a PEM text file (%2)"),
    QT_TRANSLATE_NOOP("Sentence", "%1 bytes of hex text (it decodes to %2 bytes)"),
    QT_TRANSLATE_NOOP(
        "Sentence",
        "%1 bytes of Base64 text (it decodes to %2 bytes; an import token looks like this)",
    ),
    QT_TRANSLATE_NOOP("Sentence", "%1 bytes of Base64 text (it decodes to %2 bytes)"),
    QT_TRANSLATE_NOOP("Sentence", "%1 bytes: a DER structure, such as a wrapping key"),
    QT_TRANSLATE_NOOP("Sentence", "%1 bytes of binary data"),
    # app.material.wrap and the wizard's work
    QT_TRANSLATE_NOOP(
        "Sentence", "%1 holds %2; key material must be exactly 32 raw bytes (256 bits)."
    ),
    QT_TRANSLATE_NOOP(
        "Sentence",
        "%1 holds %2; key material must be exactly 32 raw bytes (256 bits). Convert it to raw "
        "bytes first, for example: xxd -r -p IN > OUT.",
    ),
    QT_TRANSLATE_NOOP(
        "Sentence",
        "%1 holds %2; key material must be exactly 32 raw bytes (256 bits). Convert it to raw "
        "bytes first, for example: base64 -d IN > OUT.",
    ),
    QT_TRANSLATE_NOOP("Sentence", "%1 holds a public key, but not an RSA one."),
    QT_TRANSLATE_NOOP(
        "Sentence",
        "%1 is not a wrapping key: it holds %2. Use the wrappingKey_... file downloaded with "
        "the import token.",
    ),
    QT_TRANSLATE_NOOP("Sentence", "Key material must be exactly 32 bytes, not %1."),
    QT_TRANSLATE_NOOP(
        "Sentence",
        "%1 is not an import token: it holds %2. Choose the importToken_... file downloaded for "
        "this key.",
    ),
    # which KMS a window works on (KmsBackend.label)
    QT_TRANSLATE_NOOP("Sentence", "Local engine (%1)"),
    QT_TRANSLATE_NOOP("Sentence", "Remote KMS %1 (project %2)"),
    # a remote KMS (app.backends): the network, its answers, the keyring, the profiles
    QT_TRANSLATE_NOOP("Sentence", "%1 Endpoint: %2."),
    QT_TRANSLATE_NOOP("Sentence", "%1 Endpoint: %2. (%3)"),
    QT_TRANSLATE_NOOP("Sentence", "%1 (request ID %2)"),
    QT_TRANSLATE_NOOP("Sentence", "The KMS answered HTTP %1."),
    QT_TRANSLATE_NOOP(
        "Sentence",
        "The KMS's answer could not be used: %1 is missing or malformed. Is the endpoint a "
        "Huawei-compatible KMS?",
    ),
    QT_TRANSLATE_NOOP(
        "Sentence", "Enter the KMS endpoint, e.g. https://kms.example.com or http://127.0.0.1:8080."
    ),
    QT_TRANSLATE_NOOP(
        "Sentence", "The endpoint must start with https:// (or http:// for a local server)."
    ),
    QT_TRANSLATE_NOOP("Sentence", "The endpoint needs a host name."),
    QT_TRANSLATE_NOOP(
        "Sentence", "Do not put credentials in the endpoint; enter the access key below."
    ),
    QT_TRANSLATE_NOOP(
        "Sentence", "The endpoint is a scheme, a host and a port only, without a path."
    ),
    QT_TRANSLATE_NOOP("Sentence", "The endpoint's port is not a number from 0 to 65535."),
    QT_TRANSLATE_NOOP(
        "Sentence", "Enter the project ID: letters, digits, '_' and '-' (at most 64)."
    ),
    QT_TRANSLATE_NOOP("Sentence", "Enter the access key ID: letters, digits, '.', '_' and '-'."),
    QT_TRANSLATE_NOOP("Sentence", "Enter a profile name of 1 to 64 characters."),
    QT_TRANSLATE_NOOP("Sentence", "%1 cannot be read (%2). Fix or delete it."),
    QT_TRANSLATE_NOOP(
        "Sentence",
        "No system keyring is available to keep the secret key. Run a Secret Service (for "
        "example gnome-keyring, unlocked), or give the secret key for this run in "
        "KEYFERRY_SECRET_KEY.",
    ),
    QT_TRANSLATE_NOOP("Sentence", "The system keyring is locked. Unlock it and try again."),
    QT_TRANSLATE_NOOP(
        "Sentence",
        "The system keyring failed (%1). Try again, or give the secret key for this run in "
        "KEYFERRY_SECRET_KEY.",
    ),
    # the store's master key (app.engine.master_key): why the store cannot open
    QT_TRANSLATE_NOOP(
        "Sentence",
        "No system keyring is available to hold Keyferry's master key. Either run a Secret "
        "Service (for example gnome-keyring, unlocked, with a D-Bus session), or keep the master "
        "key in a file you protect: start Keyferry with --master-key-file PATH (or set "
        "KEYFERRY_MASTER_KEY_FILE); the file is created with mode 0600 if it does not exist.",
    ),
    QT_TRANSLATE_NOOP(
        "Sentence",
        "The system keyring is locked. Unlock it (log in to the desktop session, or unlock "
        "gnome-keyring) and start Keyferry again.",
    ),
    QT_TRANSLATE_NOOP("Sentence", "The system keyring failed (%1). %2"),
    QT_TRANSLATE_NOOP("Sentence", "The master-key file %1 is not a regular file."),
    QT_TRANSLATE_NOOP(
        "Sentence", "The master-key file %1 can be read by other users (mode %2). Run: %3"
    ),
    QT_TRANSLATE_NOOP("Sentence", "Cannot read the master-key file %1: %2."),
    QT_TRANSLATE_NOOP("Sentence", "%1 does not hold a Keyferry master key."),
    QT_TRANSLATE_NOOP("Sentence", "%1 does not hold a Keyferry master key (wrong length)."),
)
