"""Moving a store's master key from where it is kept to another source (a file to the
system keyring, or back), on the user's request only.

The steps are ordered so that a failure at any of them leaves a readable key where the
program looks for it: the key is read from its source and checked against the store; written
to the target and read back from it; then ``switch`` records the target as the key's place
(the window remembers it); only then is the old copy deleted. A failure before the switch
removes what this move wrote and leaves the source as it was; a failure to delete the old
copy afterwards is reported, and the store opens from the target.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Callable

from app.engine.kms import LocalKms, master_key_fits
from app.engine.master_key import MasterKeySource
from app.model.errors import SetupError
from app.model.messages import Message

log = logging.getLogger(__name__)


def move_master_key(
    kms: LocalKms,
    *,
    target: MasterKeySource,
    switch: Callable[[], None] = lambda: None,
    keep_source: bool = False,
) -> Message | None:
    """Move the master key of the open store ``kms`` to ``target``; ``keep_source`` leaves
    the old copy (another store shares it). Returns a warning when the old copy could not be
    deleted, else None. Raises ``SetupError``, with the key still where it was."""
    source = kms.master_key_source
    assert source is not None, "an engine opened with LocalKms.open knows its key's source"
    store_id = kms.store_id
    row = kms.store.connection().execute("SELECT value FROM meta WHERE name = 'verifier'")
    verifier = str(row.fetchone()[0])
    key = source.load(store_id)
    if key is None or not master_key_fits(key, store_id, verifier):
        raise SetupError("master_key.move_source_unusable", source=source.describe())
    held = target.load(store_id)
    if held is not None and not hmac.compare_digest(held, key):
        raise SetupError("master_key.move_target_other", target=target.describe())
    _copy(key, store_id, source, target, switch, wrote=held is None)
    kms.master_key_source = target
    if keep_source:
        return None
    return _forget(key, store_id, source, target)


def _copy(
    key: bytes,
    store_id: str,
    source: MasterKeySource,
    target: MasterKeySource,
    switch: Callable[[], None],
    *,
    wrote: bool,
) -> None:
    """Write ``key`` to ``target`` (unless it holds it already), read it back, switch."""
    try:
        if wrote:
            target.save(store_id, key)
        back = target.load(store_id)
        if back is None or not hmac.compare_digest(back, key):
            raise SetupError(
                "master_key.move_not_read_back",
                target=target.describe(),
                source=source.describe(),
            )
        switch()
    except BaseException:
        if wrote:
            _undo(store_id, target)
        raise


def _undo(store_id: str, target: MasterKeySource) -> None:
    try:
        target.forget(store_id)
    except SetupError:  # the source still holds the key; a stray copy is all that is left
        log.warning("a master key copied for a move that failed could not be removed")


def _forget(
    key: bytes, store_id: str, source: MasterKeySource, target: MasterKeySource
) -> Message | None:
    """Delete the old copy, unless it has changed since it was read (then it is not ours)."""
    try:
        now = source.load(store_id)
        if now is not None and hmac.compare_digest(now, key):
            source.forget(store_id)
    except SetupError as error:
        return Message(
            "master_key.move_old_copy_left",
            target=target.describe(),
            source=source.describe(),
            reason=error.sentence,
        )
    return None
