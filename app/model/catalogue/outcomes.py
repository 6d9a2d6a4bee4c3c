"""A change whose answer was lost, and the import record (app.backends.outcomes, huawei,
remote_calls, import_record). ``{cause}`` is the code of the error that lost the answer;
``{check}`` a ``keyferry`` command line, never translated."""

from __future__ import annotations

from app.model.catalogue.entry import entry

ENTRIES = (
    entry(
        "outcome.unknown",
        "The answer to {what} was lost ({cause}), and the key could not be read afterwards "
        "({unreadable}). Whether the change was made is unknown. Check the key before you try "
        "again: {check}",
    ),
    entry(
        "outcome.not_made",
        "The answer to {what} was lost ({cause}); the key, read afterwards, shows the change "
        "was not made ({state}). Nothing changed: you can try again.",
    ),
    entry(
        "outcome.not_read_back",
        "The change was made, but reading the key back failed ({cause}). Reload to see it as "
        "it is now.",
    ),
    entry(
        "outcome.create_unknown",
        "The answer to create-key was lost ({cause}), and the keys could not be listed "
        "afterwards ({unreadable}). Whether the key {alias} was created is unknown. Check "
        "before you create it again: {check} (look for the alias {alias}).",
    ),
    entry(
        "outcome.create_not_made",
        "The answer to create-key was lost ({cause}); no key has the alias {alias}, so it was "
        "not created. You can try again.",
    ),
    entry(
        "outcome.alias_existed",
        "A key with the alias {alias} already existed (ID {existing_id}), so no key was created. "
        "Choose another alias.",
    ),
    entry(
        "outcome.tags_not_set",
        "The key {alias} was created (ID {created_id}), but its tags were not set ({cause}). Add "
        "them with Edit tags, or: {check}",
    ),
    entry("remote.retry_after", "{problem} The KMS asks to wait {seconds} s before trying again."),
    entry("remote.words", "{words}"),
    entry(
        "record.not_written",
        "The import record {path} cannot be written ({reason}). Keyferry records every "
        "import as proof of which material went into which key, and imports nothing without "
        "it: free some space or fix the folder's permissions, or set KEYFERRY_CONFIG_DIR to a "
        "writable folder.",
    ),
    entry("record.unreadable", "The import record {path} cannot be read ({reason})."),
    entry(
        "record.holds_material",
        "{problem} The key holds material with KCV {kcv}, imported on {when} (Keyferry's "
        "import record).",
    ),
)
