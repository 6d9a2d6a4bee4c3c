"""The data path's usable keys (app/engine/key_cache.py) are valid only under the change
token they were read under: any commit, by any connection, empties the cache."""

from __future__ import annotations

import os
from pathlib import Path

from app.engine.key_cache import KeyCache, UsableKey
from app.engine.message_keys import MessageKeys
from app.engine.store import Store


def test_entries_are_dropped_by_any_commit_of_any_connection(tmp_path: Path) -> None:
    store = Store(tmp_path / "s")
    try:
        cache = KeyCache(store.change_watch())
        entries = cache.current()
        entries[("p", "k")] = UsableKey(MessageKeys(os.urandom(32)), None)
        assert cache.current().get(("p", "k")) is not None
        with store.write() as conn:  # another connection of this process
            conn.execute("INSERT INTO meta VALUES ('probe', '1')")
        assert cache.current().get(("p", "k")) is None
        entries[("p", "k")] = UsableKey(MessageKeys(os.urandom(32)), None)  # a late filer
        assert cache.current().get(("p", "k")) is None, "filed under a replaced token"
    finally:
        store.close()


def test_expiry_is_the_callers_to_check() -> None:
    usable = UsableKey(MessageKeys(os.urandom(32)), expires_ms=1000)
    assert usable.usable_at(999) and not usable.usable_at(1000)
    assert UsableKey(MessageKeys(os.urandom(32)), None).usable_at(2**62)
