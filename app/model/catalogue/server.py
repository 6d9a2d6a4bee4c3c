"""The REST server (app.server), for its clients in the API's words, and the command line."""

from __future__ import annotations

from app.model.catalogue.entry import entry

ENTRIES = (
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
        "server.datakey_aad",
        "additional_authenticated_data is not supported for data keys here; leave it out.",
    ),
    entry("server.not_hex", "{name} must be hex."),
    entry("server.cipher_text", "cipher_text must be the Base64 that encrypt-data returned."),
    entry("server.other_key", "This ciphertext was encrypted under another key."),
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
    entry(
        "server.compressed",
        "The request body must not be compressed (Content-Encoding is not supported).",
    ),
    entry("server.body_late", "The request body did not arrive within {seconds} seconds."),
    entry("server.body_malformed", "The request body is malformed (its chunks or length)."),
    entry("server.body_cut_short", "The request body was cut short."),
    entry("server.name_not_unicode", "A parameter name is not valid Unicode text."),
    entry(
        "server.not_unicode",
        "The parameter {name} holds text that is not valid Unicode (a lone surrogate such as "
        "\\ud800).",
    ),
    entry("server.unknown_host", "Cannot listen on {host}: {reason}. Check --host."),
    entry(
        "server.port_in_use",
        "Cannot listen on {host} port {port}: {reason}; another program listens there; "
        "choose another --port (0: any free port).",
    ),
    entry(
        "server.cannot_listen",
        "Cannot listen on {host} port {port}: {reason}; check --host and --port.",
    ),
    entry("cli.not_folder", "{path} is not a folder."),
    entry(
        "cli.no_parent_folder",
        "{path} does not exist, nor does the folder it would be made in ({parent}); nothing "
        "was created.",
    ),
    entry("cli.folder_not_created", "The folder {path} could not be created: {reason}."),
    entry("cli.not_a_time", "{value!r} is not an ISO 8601 date and time."),
    entry("cli.since_out_of_range", "{value!r} is outside the dates Keyferry can work with."),
    entry(
        "cli.no_audit_log",
        "This KMS keeps no audit log Keyferry can read; a cloud KMS records its operations "
        "in its own trace service (Huawei Cloud: Cloud Trace Service).",
    ),
    entry("cli.datakey_not_hex", "The data key must be hex."),
)
