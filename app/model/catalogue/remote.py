"""Which KMS a window works on, a remote KMS, its connection settings (app.backends)."""

from __future__ import annotations

from app.model.catalogue.entry import entry

ENTRIES = (
    entry("backend.local", "Local engine ({folder})"),
    entry("backend.remote", "Remote KMS {endpoint} (project {project_id})"),
    entry("backend.remote_profile", "Remote KMS {profile}: {endpoint} (project {project_id})"),
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
    entry(
        "remote.web_page",
        "The KMS, or a gateway or proxy in front of it, answered HTTP {status} with a web page "
        "instead of an API answer.",
    ),
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
    entry("proxy.form", "Enter the HTTPS proxy as http://host:port."),
    entry(
        "proxy.password",
        "Do not put a password in the proxy address: a proxy that needs one is set in the "
        "HTTPS_PROXY environment variable instead.",
    ),
    entry("proxy.port", "The proxy's port is not a number from 0 to 65535."),
    entry("ca_file.unreadable", "The CA bundle {path} cannot be read ({reason})."),
    entry(
        "ca_file.no_pem",
        "The CA bundle {path} holds no PEM certificate (-----BEGIN CERTIFICATE-----).",
    ),
    entry("settings.problems", "{problems}"),
    entry("settings.profile_or_endpoint", "Give either --profile or --endpoint, not both."),
    entry(
        "settings.profile_mix",
        "The profile {profile!r} works with {flag} {saved}; {flag} {given} names another. Save "
        "a profile for it ('keyferry profile save'), or give --endpoint with {flag} instead of "
        "--profile.",
    ),
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
)
