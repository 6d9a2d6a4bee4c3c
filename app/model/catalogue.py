"""Every sentence the layers below the GUI say, by message id: the one table.

Each ``entry(id, english)`` is a template with named arguments (``{path}``, ``{alias!r}``);
``app.model.messages.Message`` fills it, the GUI translates it by its id (Qt Linguist finds
each entry by the name ``entry`` and takes the id for its context). How to add one:
``app.model.errors``.
"""

from __future__ import annotations

from typing import Final


def entry(id: str, english: str) -> tuple[str, str]:
    return id, english


def _table(*entries: tuple[str, str]) -> dict[str, str]:
    table = dict(entries)
    if len(table) != len(entries):
        raise ValueError("a message id is in the catalogue twice")
    return table


MESSAGES: Final[dict[str, str]] = _table(
    # --- the API's error codes: a code's default sentence has the code for its id
    entry("KMS.0101", "The key management service failed. Try again later."),
    entry("KMS.0102", "The key store could not be read or written."),
    entry("KMS.0201", "The request URL is not valid."),
    entry("KMS.0202", "The request body is not valid JSON."),
    entry("KMS.0203", "The request message is too long."),
    entry("KMS.0204", "A required parameter is missing."),
    entry("KMS.0205", "The key ID is not valid."),
    entry("KMS.0206", "The sequence number is not valid."),
    entry("KMS.0207", "The key does not exist."),
    entry("KMS.0209", "The key is disabled. Enable it first."),
    entry("KMS.0210", "The key is pending deletion and cannot be used."),
    entry("KMS.0308", "A parameter is not valid."),
    entry("KMS.0309", "This operation needs a key created for imported material."),
    entry("KMS.0310", "The key is not in the Pending import state."),
    entry(
        "KMS.0311",
        "The key material could not be unwrapped with the wrapping key of this import token. "
        "Wrap it with the wrapping key and algorithm downloaded with the token.",
    ),
    entry("KMS.0312", "Keys with imported material cannot be rotated."),
    entry("KMS.0401", "The tag list cannot be empty."),
    entry("KMS.0404", "The tag action must be create or delete."),
    entry("KMS.0405", "The tag value is not valid."),
    entry("KMS.0406", "The tag key is not valid."),
    entry("KMS.0409", "A key can have at most 10 tags."),
    entry("KMS.0410", "A tag value can have at most 43 characters."),
    entry("KMS.0411", "A tag key must have 1 to 36 characters."),
    entry("KMS.0412", "The tag list is not valid."),
    entry("KMS.0413", "A tag key can have only one value on a key."),
    entry("KMS.1101", "The alias is not valid."),
    entry("KMS.1103", "The description can have at most 255 characters."),
    entry("KMS.1104", "A key with this alias already exists."),
    entry("KMS.1201", "The key is not disabled."),
    entry("KMS.1301", "The key is not enabled."),
    entry("KMS.1401", "The pending deletion period must be 7 to 1096 days."),
    entry("KMS.1402", "The key is already pending deletion."),
    entry("KMS.1501", "The key is not pending deletion."),
    entry("KMS.1601", "The limit is not valid."),
    entry("KMS.1602", "The marker must be a number of 0 or more."),
    entry("KMS.1901", "The data key length must be 8 to 8192 bits, in whole bytes."),
    entry("KMS.2101", "The plaintext is not valid."),
    entry("KMS.2102", "The data key plaintext length is not valid."),
    entry("KMS.2103", "The data key's SHA-256 digest does not match."),
    entry("KMS.2201", "The ciphertext is not valid."),
    entry("KMS.2202", "The data key ciphertext length is not valid."),
    entry("KMS.2601", "The import token has expired. Download the import items again."),
    entry("KMS.2602", "The material expiration time must be in the future."),
    entry(
        "KMS.2603",
        "This import token belongs to another key. Use the token downloaded for this key.",
    ),
    entry("KMS.2604", "The key material must be exactly 32 bytes (256 bits)."),
    entry(
        "KMS.2605",
        "The import token could not be verified. Use the token file exactly as downloaded.",
    ),
    entry(
        "KMS.2606",
        "This key had other material before. Import the same material as the first time.",
    ),
    entry("KMS.2701", "Key material can be deleted only when the key is Enabled or Disabled."),
    entry("APIGW.0301", "The request signature could not be verified."),
    entry("APIGW.0101", "The API does not exist."),
    entry("APIGW.0102", "This method is not allowed here."),
    entry(
        "NET.0001",
        "Could not connect to the KMS: the connection was refused. Check the endpoint's host "
        "and port, and that the service is running.",
    ),
    entry(
        "NET.0002", "The KMS's host name could not be found. Check the endpoint's spelling and DNS."
    ),
    entry(
        "NET.0003",
        "The KMS did not answer in time. Check the network, a proxy or a firewall between you"
        " and the endpoint, then try again.",
    ),
    entry(
        "NET.0004",
        "The secure (TLS) connection to the KMS failed: its certificate is not trusted or the"
        " endpoint does not speak https. Use http:// for a local keyferry serve.",
    ),
    entry("NET.0005", "The connection to the KMS failed. Check the network."),
    entry("NET.0006", "The KMS's answer could not be understood: a field is missing or malformed."),
    # --- the model's rules (app.model.rules), shown as the user types
    entry("alias.empty", "Enter an alias."),
    entry("alias.too_long", "The alias can have at most 255 characters."),
    entry(
        "alias.characters",
        "The alias can contain only letters, digits, colons (:), slashes (/), underscores (_) "
        "and hyphens (-).",
    ),
    entry("alias.reserved", "The alias cannot end with /default: it is reserved."),
    entry("description.not_text", "The description must be text."),
    entry("tag.not_text", "A tag key and value must be text."),
    entry(
        "tag.key_characters",
        "A tag key cannot contain control characters or any of * < > \\ =.",
    ),
    entry(
        "tag.value_characters",
        "A tag value cannot contain control characters or any of * < > \\ =.",
    ),
    entry("tag.key_twice", "The tag key {tag_key!r} appears twice: a key takes one value."),
    entry("expiry.not_whole", "The material expiration time must be a whole number."),
    entry("expiry.too_late", "The material expiration time must be before the year 10000."),
    entry("expiry.unchosen", "Choose when the key material expires."),
    entry("key_id.empty", "Enter a key ID."),
    # --- the engine's refusals (app.engine)
    entry("project.invalid", "The project ID is not valid."),
    entry("key.not_found", "The key {key_id} does not exist."),
    entry("key.alias_taken", "A key with the alias {alias!r} already exists."),
    entry("key.no_tag", "The key has no tag {tag_key!r}."),
    entry("key.enable_state", "The key is {state}: only a Disabled key can be enabled."),
    entry("key.disable_state", "The key is {state}: only an Enabled key can be disabled."),
    entry(
        "key.pending_import",
        "The key is Pending import: import its key material before using it.",
    ),
    entry(
        "key.material_unopenable",
        "The key's material does not open with this store's master key. The store or its "
        "master key has been replaced or damaged.",
    ),
    entry("param.not_valid", "{value!r} is not a valid {name}."),
    entry("param.key_state", "{value!r} is not a key state (1 to 5)."),
    entry("data.plaintext_size", "The plaintext must be 1 to {limit} bytes."),
    entry("data.datakey_other_key", "This data key was encrypted under another key."),
    entry(
        "data.datakey_cipher_length",
        "datakey_cipher_length must be the data key's length in bytes.",
    ),
    entry(
        "data.datakey_plain_length",
        "plain_text must be the data key followed by its 32-byte SHA-256 digest, and "
        "datakey_plain_length the data key's length in bytes.",
    ),
    entry(
        "data.does_not_decrypt",
        "The ciphertext does not decrypt: it was changed, or the additional authenticated "
        "data differs from the one used to encrypt.",
    ),
    entry("data.datakey_spec", "{spec!r} is not a data key spec (AES_256 or AES_128)."),
    entry(
        "import.unwrapped_length",
        "The unwrapped key material is {length} bytes; it must be exactly {expected} bytes "
        "(256 bits). Check the plaintext, and that it was wrapped with {algorithm}, the "
        "algorithm of this token.",
    ),
    entry(
        "import.delete_state",
        "The key is {state}: key material can be deleted only when the key is Enabled or Disabled.",
    ),
    entry("import.algorithm", "{value!r} is not a wrapping algorithm. Use one of {names}."),
    entry(
        "import.kms_origin",
        "This key's material was generated by KMS; material can be imported only into a key "
        "created for imported material (origin external).",
    ),
    entry(
        "import.state",
        "The key is {state}: material can be imported only while it is Pending import. "
        "Delete its material first to import again.",
    ),
    entry(
        "import.not_pending",
        "The key is {state}: only a key Pending import can receive material.",
    ),
    entry("import.not_base64", "The encrypted key material is not valid Base64."),
    entry("import.not_text", "The encrypted key material must be Base64 text."),
    # --- the key store (app.engine.store, kms, backup)
    entry("store.read_only", "The key store is read-only. Nothing was changed."),
    entry(
        "store.disk_full",
        "The disk holding the key store is full. Nothing was changed; free some space and "
        "try again.",
    ),
    entry(
        "store.io",
        "The key store could not be written (the disk may be full or failing). Nothing was "
        "changed; free some space and try again.",
    ),
    entry(
        "store.busy",
        "The key store stayed busy with another program for too long. Nothing was changed; "
        "try again.",
    ),
    entry(
        "store.damaged",
        "The key store is damaged or is not a Keyferry store. Nothing was changed; restore a "
        "backup ('keyferry restore') into an empty folder.",
    ),
    entry(
        "store.newer",
        "The key store was written by a newer Keyferry (schema {version}). Upgrade Keyferry "
        "to open it.",
    ),
    entry("store.not_written", "The store could not be written: {reason}."),
    entry(
        "store.master_key_missing",
        "The master key of the store in {folder} is not in {source}. Without it the keys in "
        "this store cannot be used. Restore the keyring (or the master-key file) you used "
        "with this store, or start Keyferry with --master-key-file pointing at it. Keyferry "
        "will not create a new master key for a store that already has one.",
    ),
    entry(
        "store.master_key_other",
        "The master key in {source} does not belong to the store in {folder}. Use the master "
        "key this store was created with.",
    ),
    entry("backup.passphrase_short", "Choose a passphrase of at least {length} characters."),
    entry("backup.exists", "{path} already exists; choose a new file for the backup."),
    entry("backup.not_created", "Cannot create {path}: {reason}."),
    entry("backup.not_written", "Cannot write {path}: {reason}. Nothing was saved."),
    entry("backup.not_backup", "{path} is not a Keyferry backup."),
    entry("backup.version", "{path} was written by another version of Keyferry."),
    entry("backup.passphrase_wrong", "The passphrase is wrong, or the backup file is damaged."),
    entry(
        "backup.folder_in_use",
        "{folder} already holds a key store. Restore into an empty folder (--data-dir).",
    ),
    entry(
        "backup.master_key_other",
        "{source} already holds a different master key for this store.",
    ),
    # --- the store's master key (app.engine.master_key)
    entry(
        "master_key.no_keyring",
        "No system keyring is available to hold Keyferry's master key. Either run a Secret "
        "Service (for example gnome-keyring, unlocked, with a D-Bus session), or keep the "
        "master key in a file you protect: start Keyferry with --master-key-file PATH (or set "
        "KEYFERRY_MASTER_KEY_FILE); the file is created with mode 0600 if it does not exist.",
    ),
    entry(
        "master_key.keyring_locked",
        "The system keyring is locked. Unlock it (log in to the desktop session, or unlock "
        "gnome-keyring) and start Keyferry again.",
    ),
    entry(
        "master_key.keyring_refused",
        "The system keyring refused access ({kind}: {reason}). Unlock it and try again. {help}",
    ),
    entry("keyring.failed", "The system keyring failed ({kind}). {help}"),
    entry("master_key.file_unreadable", "Cannot read the master-key file {path}: {reason}."),
    entry("master_key.file_not_regular", "The master-key file {path} is not a regular file."),
    entry(
        "master_key.file_open_to_others",
        "The master-key file {path} can be read by other users (mode {mode:o}). Run: chmod "
        "600 {path}",
    ),
    entry("master_key.file_exists", "The master-key file {path} already exists."),
    entry("master_key.file_not_created", "Cannot create the master-key file {path}: {reason}."),
    entry("master_key.file_not_written", "Cannot write the master-key file {path}: {reason}."),
    entry("master_key.not_a_key", "{where} does not hold a Keyferry master key."),
    entry("master_key.wrong_length", "{where} does not hold a Keyferry master key (wrong length)."),
    entry("master_key.keyring_entry", "The keyring entry"),
    entry("master_key.the_file", "The master-key file {path}"),
    entry("master_key.in_keyring", "the system keyring ({backend})"),
    entry("master_key.in_file", "the master-key file {path}"),
    # --- the user's files (app.material)
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
    # --- which KMS a window works on, and a remote KMS (app.backends)
    entry("backend.local", "Local engine ({folder})"),
    entry("backend.remote", "Remote KMS {endpoint} (project {project_id})"),
    entry("local.closed", "This connection to the local store is closed."),
    entry("local.cipher_not_base64", "The ciphertext is not valid Base64."),
    entry("local.datakey_not_hex", "The data key ciphertext is not valid hex."),
    entry(
        "remote.credentials_missing",
        "The endpoint, project ID, access key ID and secret key are all needed to connect to "
        "a remote KMS.",
    ),
    entry("remote.not_utf8", "{what} must be UTF-8 text for this KMS's API."),
    entry("remote.the_plaintext", "The plaintext"),
    entry("remote.the_aad", "The additional authenticated data"),
    entry(
        "remote.answer_unusable",
        "The KMS's answer could not be used: {field} is missing or malformed. Is the endpoint "
        "a Huawei-compatible KMS?",
    ),
    entry("remote.http_status", "The KMS answered HTTP {status}."),
    entry("remote.request_id", "{problem} (request ID {request_id})"),
    entry("net.endpoint", "{problem} Endpoint: {endpoint}."),
    entry("net.endpoint_detail", "{problem} Endpoint: {endpoint}. ({detail})"),
    # connection settings and profiles (app.backends.profiles, factory)
    entry(
        "endpoint.empty",
        "Enter the KMS endpoint, e.g. https://kms.example.com or http://127.0.0.1:8080.",
    ),
    entry(
        "endpoint.scheme",
        "The endpoint must start with https:// (or http:// for a local server).",
    ),
    entry("endpoint.no_host", "The endpoint needs a host name."),
    entry(
        "endpoint.credentials",
        "Do not put credentials in the endpoint; enter the access key below.",
    ),
    entry(
        "endpoint.path",
        "The endpoint is a scheme, a host and a port only, without a path.",
    ),
    entry("endpoint.port", "The endpoint's port is not a number from 0 to 65535."),
    entry(
        "project.characters",
        "Enter the project ID: letters, digits, '_' and '-' (at most 64).",
    ),
    entry("access_key.characters", "Enter the access key ID: letters, digits, '.', '_' and '-'."),
    entry("profile.name", "Enter a profile name of 1 to 64 characters."),
    entry(
        "profile.file_unreadable",
        "The profiles file {path} cannot be read ({reason}). Fix or delete it.",
    ),
    entry(
        "profile.unknown",
        "There is no connection profile {name!r} (saved: {known}). Save one with 'keyferry "
        "profile save' or the connection dialog.",
    ),
    entry("profile.none_yet", "none yet"),
    entry("settings.problems", "{problems}"),
    entry("settings.profile_or_endpoint", "Give either --profile or --endpoint, not both."),
    entry(
        "settings.no_project",
        "--endpoint needs --project-id: the project of your keys on that KMS.",
    ),
    entry(
        "settings.no_access_key",
        "--endpoint needs an access key ID: --access-key-id or ${env}.",
    ),
    entry(
        "settings.no_secret_key",
        "No secret key for the access key {access_key_id}: set ${env}, or save it in the "
        "keyring with 'keyferry profile save' or the connection dialog.",
    ),
    entry(
        "secret_key.no_keyring",
        "No system keyring is available to keep the secret key. Run a Secret Service (for "
        "example gnome-keyring, unlocked), or give the secret key for this run in "
        "KEYFERRY_SECRET_KEY.",
    ),
    entry("secret_key.none_typed", "Enter the secret key of this access key."),
    entry("secret_key.keyring_locked", "The system keyring is locked. Unlock it and try again."),
    entry(
        "secret_key.keyring_failed",
        "The system keyring failed ({kind}). Try again, or give the secret key for this run "
        "in KEYFERRY_SECRET_KEY.",
    ),
    # --- the REST server (app.server): for its clients, in the API's words
    entry("server.detail", "{detail}"),
    entry("server.not_valid", "The request is not valid."),
    entry(
        "server.no_api",
        "The API does not exist: check the method and the path (/v1.0/{{project_id}}/kms/...).",
    ),
    entry("server.too_large", "The request body is larger than {limit} KiB."),
    entry("server.not_object", "The request body must be a JSON object."),
    entry("server.sequence", "sequence must be a string of at most {limit} characters."),
    entry("server.missing", "The parameter {name} is missing."),
    entry("server.not_a_string", "The parameter {name} must be a string."),
    entry("server.not_an_object", "The parameter {name} must be an object."),
    entry("server.not_a_list", "The parameter {name} must be a list of objects."),
    entry("server.not_whole", "The parameter {name} must be a whole number."),
    entry("server.out_of_range", "The parameter {name} is out of range."),
    entry("server.not_a_time", "{name} must be a time in seconds between 1970 and the year 9999."),
    entry(
        "server.algorithm",
        "encryption_algorithm must be {algorithm} for these symmetric keys.",
    ),
    entry(
        "server.datakey_aad",
        "additional_authenticated_data is not supported for data keys here; leave it out.",
    ),
    entry("server.not_hex", "{name} must be hex."),
    entry("server.cipher_text", "cipher_text must be the Base64 that encrypt-data returned."),
    entry("server.other_key", "This ciphertext was encrypted under another key."),
    entry(
        "server.symmetric_only",
        "Only symmetric key material can be imported here; encrypted_privatekey is not supported.",
    ),
    entry(
        "server.access_key_characters",
        "The access key ID may hold only letters, digits, '.', '_' and '-' (at most 128).",
    ),
    entry(
        "server.secret_key_length",
        "The secret key must have at least {length} characters and no surrounding spaces.",
    ),
    entry(
        "server.pair_from_environment",
        "Set both {access_env} and {secret_env}, or neither (then the keyring keeps a "
        "generated pair).",
    ),
    entry(
        "server.no_access_key",
        "The server has no access key yet: 'keyferry serve' or 'keyferry server-credentials' "
        "makes one.",
    ),
    entry(
        "server.no_keyring",
        "No system keyring is available to keep the server's access key. Set {access_env} and "
        "{secret_env} (a secret of at least {length} characters), or run a Secret Service (for "
        "example gnome-keyring, unlocked, with a D-Bus session).",
    ),
    entry(
        "server.keyring_locked",
        "The system keyring is locked. Unlock it and start again, or set {access_env} and "
        "{secret_env}.",
    ),
    # --- the command line (app.cli)
    entry("cli.not_folder", "{path} is not a folder."),
    entry(
        "cli.no_parent_folder",
        "{path} does not exist, nor does the folder it would be made in ({parent}); nothing "
        "was created.",
    ),
    entry("cli.folder_not_created", "The folder {path} could not be created: {reason}."),
    entry("cli.not_a_time", "{value!r} is not an ISO 8601 date and time."),
    entry("cli.datakey_not_hex", "The data key must be hex."),
)
