"""The store's folder and file, damage, ``keyferry check``, the master-key file's owner and
size, backups' key-derivation settings, files never written through a link, and plain-http
endpoints (app.engine.store_files, check, master_key, backup; app.material.files;
app.backends.profiles, factory; the command line's refusals of dates outside the
calendar, text that is not UTF-8 and data keys read from a file or stdin)."""

from __future__ import annotations

from app.model.catalogue.entry import entry

ENTRIES = (
    entry(
        "store.folder_not_created",
        "The folder {folder} for the key store cannot be created: {reason}.",
    ),
    entry("store.folder_unreadable", "The key store's folder {folder} cannot be read: {reason}."),
    entry(
        "store.folder_not_folder",
        "{folder} is not a folder. Give --data-dir a folder: an existing store, an empty "
        "folder, or a new name.",
    ),
    entry(
        "store.folder_leftovers",
        "{folder} holds what is left of a key store ({name}) but not the store file {store}: "
        "it was moved or deleted. Put it back, or restore a backup ('keyferry restore') into "
        "an empty folder.",
    ),
    entry(
        "store.folder_not_empty",
        "{folder} is not a Keyferry store and is not empty. Give --data-dir an existing store, "
        "an empty folder or a new name; Keyferry will not mix its store into another "
        "folder's files.",
    ),
    entry(
        "store.folder_other_owner",
        "The key store's folder {folder} belongs to another user (uid {uid}), who could "
        "replace the store. Use a folder of your own.",
    ),
    entry(
        "store.folder_open_to_others",
        "Other users can write in the key store's folder {folder} (mode {mode:o}), so they "
        "could replace the store. Keyferry does not change a folder it did not create: if it "
        "is yours, run chmod 700 {folder}, or choose another folder.",
    ),
    entry(
        "store.file_link",
        "The key store {path} is a symbolic link. Keyferry opens only a regular file as its "
        "store: move the store itself into the folder.",
    ),
    entry("store.file_unreadable", "The key store {path} cannot be read: {reason}."),
    entry("store.file_not_regular", "The key store {path} is not a regular file."),
    entry(
        "store.file_empty",
        "The key store is damaged: {path} is empty (0 bytes), so its keys are gone or it was "
        "never written. Restore a backup ('keyferry restore') into an empty folder; if this "
        "store never held keys, delete the empty file.",
    ),
    entry(
        "store.file_not_sqlite",
        "The key store is damaged or is not a Keyferry store: {path} is not a SQLite "
        "database. Nothing was changed; restore a backup ('keyferry restore') into an empty "
        "folder.",
    ),
    entry("store.file_not_created", "The key store {path} cannot be created: {reason}."),
    entry(
        "store.not_keyferry",
        "{path} is a SQLite database but not a Keyferry store. Nothing was changed; give "
        "--data-dir the folder of a Keyferry store, or a new one.",
    ),
    entry("store.none", "There is no key store in {folder}."),
    entry(
        "store.check_failed",
        "The key store is damaged: {count} problem(s) found. Restore a backup ('keyferry "
        "restore') into an empty folder.",
    ),
    entry(
        "master_key.file_other_owner",
        "The master-key file {path} belongs to another user (uid {uid}), so it may not be "
        "your key. Use a master-key file of your own.",
    ),
    entry(
        "master_key.file_too_large",
        "The master-key file {path} is too large to be a Keyferry master key (one is {size} "
        "bytes). It was not read.",
    ),
    entry(
        "backup.scrypt_settings",
        "{path} asks for key-derivation settings Keyferry never writes (scrypt 2^{log_n}, "
        "r={r}, p={p}): it was altered or not made by Keyferry. Nothing was restored.",
    ),
    entry("backup.unreadable", "Cannot read {path}: {reason}."),
    entry("backup.not_regular", "{path} is not a regular file, so it is not a Keyferry backup."),
    entry("what.datakey_hex", "a data key in hex"),
    entry(
        "cli.time_out_of_range",
        "{value!r} is outside the dates Keyferry can work with; give a date and time in the "
        "future, before the year 9999.",
    ),
    entry("cli.datakey_too_long", "The data key on stdin is longer than any data key."),
    entry(
        "cli.not_utf8",
        "The value of {option} is not UTF-8 text (it holds bytes of another encoding). Give "
        "it as UTF-8.",
    ),
    entry("file.symlink", "{path} is a symbolic link; choose a file name to write."),
    entry(
        "endpoint.plain_http",
        "The endpoint must use https:// unless it is on this machine (127.0.0.1, ::1 or "
        "localhost): plain http would send your requests and their signatures unencrypted.",
    ),
    entry(
        "endpoint.plain_http_flag",
        "{problem} To use plain http to it anyway, add --insecure-http.",
    ),
    entry("profile.endpoint_problem", "The profile {name!r}: {problem}"),
    entry(
        "profile.file_not_written",
        "The profiles file {path} could not be written: {reason}. Nothing was saved.",
    ),
)
