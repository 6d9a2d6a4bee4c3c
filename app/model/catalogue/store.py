"""The key store, its backups and its master key (app.engine.store, kms, backup, master_key)."""

from __future__ import annotations

from app.model.catalogue.entry import entry

ENTRIES = (
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
        "The key store is damaged or is not a Keyferry store. Nothing was changed; 'keyferry "
        "check' says what is damaged. Restore a backup ('keyferry restore') into an empty "
        "folder.",
    ),
    entry(
        "store.newer",
        "The key store was written by a newer Keyferry (schema {version}). Upgrade Keyferry "
        "to open it.",
    ),
    entry(
        "store.exists_already",
        "{folder} holds a key store already; nothing was changed. 'keyferry init' creates a "
        "new one (choose another --data-dir).",
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
    entry(
        "master_key.choice_not_saved",
        "Where the master key is kept could not be remembered in {path}; nothing was moved.",
    ),
    entry("master_key.file_not_removed", "Cannot remove the master-key file {path}: {reason}."),
    entry(
        "master_key.no_keyring_window",
        "No system keyring is available to hold Keyferry's master key. Keep it in a file "
        "instead (the button below), or start a Secret Service (for example gnome-keyring, "
        "unlocked, with a D-Bus session) and try again.",
    ),
    entry(
        "master_key.no_keyring_new_store",
        "No system keyring is available to hold Keyferry's master key. Keep it in a file "
        "instead: run '{init}' to create the store with its master key in that file (0600), "
        "then give the same --master-key-file (or set KEYFERRY_MASTER_KEY_FILE) to every "
        "command, as in '{command}'. Or run a Secret Service (for example gnome-keyring, "
        "unlocked, with a D-Bus session).",
    ),
    entry(
        "master_key.no_keyring_existing_store",
        "No system keyring is available, and the store in {folder} already has a master key, "
        "kept in a keyring or in a file. If it is in a file, name it, as in '{command}'. "
        "Otherwise run the Secret Service the store was made with (for example "
        "gnome-keyring, unlocked, with a D-Bus session).",
    ),
    entry(
        "master_key.move_source_unusable",
        "The master key in {source} does not open this store, so it was not moved. Nothing "
        "was changed.",
    ),
    entry(
        "master_key.move_target_other",
        "There is already a different master key for this store in {target}. Nothing was moved.",
    ),
    entry(
        "master_key.move_not_read_back",
        "The master key written to {target} did not read back the same, so it was removed "
        "again; the master key stays in {source}.",
    ),
    entry(
        "master_key.move_old_copy_left",
        "The master key is now in {target}, but its old copy in {source} could not be "
        "removed: {reason} Remove it yourself: it opens this store.",
    ),
)
