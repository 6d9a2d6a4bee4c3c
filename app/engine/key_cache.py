"""Usable keys in memory for the data path.

Without it every encrypt and decrypt would read its key's row and unseal the material. An
entry is valid while nothing at all has been committed to the store since it was read, by
any connection of any process (the change token of ``watch.py``): a key disabled by another
program is never used again after that program's commit. Time changes a key without a
commit (material expires), so the caller checks ``expires_ms`` on every call.

No lock: the entries of one token live in one dict, which a new token replaces whole (one
assignment). An entry goes into the dict that was current before its row was read, so it is
never newer than the token it is filed under; a thread that loses a race fills a dict nobody
reads any more.
"""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes

from app.engine.message_keys import MessageKeys
from app.engine.watch import ChangeWatch
from app.model.keys import Cmk


@dataclass(frozen=True)
class UsableKey:
    """What the data path needs of an Enabled key with material."""

    cipher: MessageKeys
    expires_ms: int | None  # when its material expires; None: never

    def usable_at(self, now_ms: int) -> bool:
        return self.expires_ms is None or now_ms < self.expires_ms


@dataclass(frozen=True)
class UsablePair:
    """What signing, verifying and RSA encryption need of an Enabled asymmetric key: its
    private key, loaded once from the sealed PKCS#8 (an asymmetric key's material never
    expires, so it is usable at any time while the store is unchanged)."""

    cmk: Cmk
    private_key: PrivateKeyTypes

    def usable_at(self, now_ms: int) -> bool:
        return True


class Entries(dict[tuple[str, str], UsableKey | UsablePair]):
    """The usable keys read under one change token, by (project ID, key ID)."""

    __slots__ = ("token",)

    def __init__(self, token: int | None) -> None:
        super().__init__()
        self.token = token


class KeyCache:
    def __init__(self, watch: ChangeWatch) -> None:
        self._watch = watch
        self._entries = Entries(None)

    def current(self) -> Entries:
        """The entries valid now: empty after any commit since the last call. Read the key
        after this call and file it here."""
        token = self._watch.token()
        entries = self._entries
        if entries.token != token:
            entries = self._entries = Entries(token)
        return entries

    def clear(self) -> None:
        """Forget every key (this engine has just committed a change)."""
        self._entries = Entries(None)
