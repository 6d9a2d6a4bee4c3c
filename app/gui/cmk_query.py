"""The list window's keys and queries, in plain Python (no Qt), so they can run on the task
runner's worker and be tested without a screen.

A ``KeySet`` is an immutable snapshot of every key the window knows, in the store's order
(creation time), with what a query needs precomputed: one lower-cased search text per key,
its state, and, filled on first use, the row order for each sort column. ``KeySet.run(query)``
answers a ``KeyQuery`` (search text, state filter, sort) with the positions of the matching
keys in display order; over 100,000 keys that takes milliseconds, and it runs off the UI
thread so the table model only swaps in the answer.

``KeyBook`` holds the latest key set and query. Jobs on the task runner (one at a time) move
it forward (a load, changed keys, the passing of time, a new query) and each returns a
``KeyView`` for the UI to show.
"""

from __future__ import annotations

import gc
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import IntEnum
from functools import cached_property
from itertools import compress, count
from typing import Any

from app.model.keys import Cmk, KeyState

_SEPARATOR = "\x1f"  # between fields of the search text: no needle a user types contains it
# Material expiry sorts soonest first, then material that never expires, then no material.
_NEVER = 1e30
_NO_MATERIAL = float("inf")
_versions = count(1)


class Column(IntEnum):
    """The table's columns, in display order."""

    ALIAS = 0
    KEY_ID = 1
    STATE = 2
    ORIGIN = 3
    KEY_SPEC = 4
    CREATED = 5
    MATERIAL_EXPIRY = 6
    TAGS = 7


def tags_text(cmk: Cmk) -> str:
    """The tags as one line, ``key=value`` in tag order."""
    return ", ".join(f"{t.key}={t.value}" for t in cmk.tags)


def search_text(cmk: Cmk) -> str:
    """What a search looks in: alias, key ID, description, and each tag as key=value (so a
    needle finds a tag key, a tag value, or ``key=value``)."""
    parts = [cmk.alias, cmk.key_id, cmk.description]
    parts.extend(f"{t.key}={t.value}" for t in cmk.tags)
    return _SEPARATOR.join(parts).casefold()


_SORT_KEYS: dict[Column, Callable[[Cmk], object]] = {
    Column.ALIAS: lambda c: c.alias.casefold(),
    Column.KEY_ID: lambda c: c.key_id,
    Column.STATE: lambda c: int(c.state),
    Column.ORIGIN: lambda c: c.origin.value,
    Column.KEY_SPEC: lambda c: c.key_spec.value,
    Column.CREATED: lambda c: c.created_ms,
    Column.MATERIAL_EXPIRY: lambda c: (
        c.material_expires_ms
        if c.material_expires_ms is not None
        else (_NEVER if c.has_material else _NO_MATERIAL)
    ),
    Column.TAGS: lambda c: tags_text(c).casefold(),
}


@dataclass(frozen=True)
class _Search:
    """A search's answer, kept so that the next, narrower one scans only it."""

    needle: str
    state: KeyState | None
    found: list[int]


@dataclass(frozen=True)
class KeyQuery:
    """What the user asked to see: search text, one state or all, and the sort."""

    text: str = ""
    state: KeyState | None = None
    sort_column: Column = Column.CREATED
    descending: bool = False

    @property
    def needle(self) -> str:
        return self.text.strip().casefold()

    def matches(self, haystack: str, state: KeyState) -> bool:
        """The one predicate of the list: ``KeySet.run`` applies it to every key at once,
        the filter proxy row by row to what the view holds."""
        return (self.state is None or state is self.state) and self.needle in haystack


@dataclass(frozen=True, eq=False)
class KeySet:
    """Every key the window knows, settled at ``as_of_ms``, in store (creation) order.

    Make one with ``KeySet.build``, the next with ``with_changes``. Nothing in it changes
    once made, except the caches of sort orders, which any reader may fill.
    """

    keys: tuple[Cmk, ...] = ()
    haystacks: tuple[str, ...] = ()
    states: bytes = b""
    as_of_ms: int = 0
    version: int = field(default_factory=lambda: next(_versions))
    _positions: Mapping[str, int] = field(default_factory=dict, repr=False)
    _orders: dict[tuple[Column, bool], tuple[int, ...]] = field(default_factory=dict, repr=False)
    _rank_cache: dict[tuple[Column, bool], tuple[int, ...]] = field(
        default_factory=dict, repr=False
    )
    _last: list[_Search] = field(default_factory=list, repr=False)  # the last search

    @classmethod
    def build(cls, keys: Iterable[Cmk], now_ms: int) -> KeySet:
        """A key set from snapshots, settled at ``now_ms``: expired material gone, keys past
        their deletion date left out."""
        settled = tuple(k.at(now_ms) for k in keys if not k.deleted_by(now_ms))
        return cls(
            keys=settled,
            haystacks=tuple(map(search_text, settled)),
            states=bytes(k.state for k in settled),
            as_of_ms=now_ms,
            _positions={k.key_id: i for i, k in enumerate(settled)},
        )

    def __len__(self) -> int:
        return len(self.keys)

    def position(self, key_id: str) -> int | None:
        return self._positions.get(key_id)

    def get(self, key_id: str) -> Cmk | None:
        i = self._positions.get(key_id)
        return None if i is None else self.keys[i]

    @cached_property
    def counts(self) -> dict[KeyState, int]:
        """How many keys are in each state."""
        return {KeyState(s): n for s, n in Counter(self.states).items()}

    def with_changes(self, changed: Iterable[Cmk], removed: Iterable[str], now_ms: int) -> KeySet:
        """This set at ``now_ms`` with keys replaced or added (``changed``) and others
        dropped (``removed``); keys that time has changed since are settled too. Changing a
        few keys copies the tuples; it does not remake every search text."""
        updates = {k.key_id: k for k in changed}
        if self.next_due_ms is not None and self.next_due_ms <= now_ms:
            updates.update(
                (k.key_id, k)
                for k in self.keys
                if k.key_id not in updates and (k.deleted_by(now_ms) or k.material_expired(now_ms))
            )
        gone = {i for i in removed if i not in updates}
        gone.update(i for i, k in updates.items() if k.deleted_by(now_ms))
        base = self._without(gone) if gone.intersection(self._positions) else self
        return base._patched({i: k.at(now_ms) for i, k in updates.items() if i not in gone}, now_ms)

    def _without(self, gone: set[str]) -> KeySet:
        """This set less the keys in ``gone``; search texts are kept, not remade."""
        keep = [i for i, k in enumerate(self.keys) if k.key_id not in gone]
        keys = tuple(map(self.keys.__getitem__, keep))
        return KeySet(
            keys=keys,
            haystacks=tuple(map(self.haystacks.__getitem__, keep)),
            states=bytes(map(self.states.__getitem__, keep)),
            as_of_ms=self.as_of_ms,
            _positions={k.key_id: i for i, k in enumerate(keys)},
        )

    def _patched(self, updates: dict[str, Cmk], now_ms: int) -> KeySet:
        keys, hay, states = list(self.keys), list(self.haystacks), bytearray(self.states)
        added = sorted(
            (k for i, k in updates.items() if i not in self._positions),
            key=lambda k: (k.created_ms, k.key_id),
        )
        for key_id, cmk in updates.items():
            i = self._positions.get(key_id)
            if i is not None:
                keys[i], hay[i], states[i] = cmk, search_text(cmk), cmk.state
        positions = self._positions
        if added:
            positions = dict(positions)
            for cmk in added:
                positions[cmk.key_id] = len(keys)
                keys.append(cmk)
                hay.append(search_text(cmk))
                states.append(cmk.state)
        return KeySet(
            keys=tuple(keys),
            haystacks=tuple(hay),
            states=bytes(states),
            as_of_ms=now_ms,
            _positions=positions,
        )

    @cached_property
    def next_due_ms(self) -> int | None:
        """The next moment time changes a key here: material expires or a deletion date
        passes. None when no key waits for time."""
        moments = [k.material_expires_ms for k in self.keys if k.material_expires_ms]
        moments += [
            k.deletion_ms
            for k in self.keys
            if k.deletion_ms and k.state is KeyState.PENDING_DELETION
        ]
        return min(moments, default=None)

    def order(self, column: Column, descending: bool) -> tuple[int, ...]:
        """Positions of every key sorted by ``column``: ascending, ties in creation order;
        descending is exactly the reverse."""
        cached = self._orders.get((column, descending))
        if cached is None:
            if descending:
                cached = tuple(reversed(self.order(column, False)))
            else:
                ranks: list[Any] = list(map(_SORT_KEYS[column], self.keys))
                cached = tuple(sorted(range(len(ranks)), key=ranks.__getitem__))
            self._orders[(column, descending)] = cached
        return cached

    def _ranks(self, column: Column, descending: bool) -> tuple[int, ...]:
        """Each position's place in ``order``: the inverse permutation (sorting a
        permutation by its values inverts it, in C)."""
        cached = self._rank_cache.get((column, descending))
        if cached is None:
            order = self.order(column, descending)
            cached = tuple(sorted(range(len(order)), key=order.__getitem__))
            self._rank_cache[(column, descending)] = cached
        return cached

    def run(self, query: KeyQuery) -> tuple[int, ...]:
        """Positions of the keys matching ``query``, in its order."""
        needle, state = query.needle, query.state
        if not needle and state is None:
            return self.order(query.sort_column, query.descending)
        found = self._matching(needle, state)  # in position order
        if self._in_store_order(query.sort_column):
            return tuple(reversed(found)) if query.descending else tuple(found)
        ranks = self._ranks(query.sort_column, query.descending)
        return tuple(sorted(found, key=ranks.__getitem__))

    def _in_store_order(self, column: Column) -> bool:
        """Whether sorting by ``column`` keeps the store's order (creation time, as the
        engine lists keys), so a search needs no sort: one long C-level sort holds the GIL,
        and the UI thread with it, for tens of milliseconds over 100,000 keys."""
        return column is Column.CREATED and self._created_in_store_order

    @cached_property
    def _created_in_store_order(self) -> bool:
        return self.order(Column.CREATED, False) == tuple(range(len(self.keys)))

    def _matching(self, needle: str, state: KeyState | None) -> list[int]:
        """Positions whose search text holds ``needle`` and whose state is ``state``.
        Typing narrows a search: when the last needle is part of this one, only the last
        answer can match, so only it is scanned."""
        last = self._last[0] if self._last else None
        if last is not None and last.state is state and last.needle in needle:
            hay = self.haystacks
            found = [i for i in last.found if needle in hay[i]]
        else:
            candidates: Iterable[int] = range(len(self.keys))
            if state is not None:
                candidates = compress(candidates, self.states.translate(_STATE_MASKS[state]))
            if needle:
                hay = self.haystacks
                found = [i for i in candidates if needle in hay[i]]
            else:
                found = list(candidates)
        self._last[:] = [_Search(needle, state, found)]
        return found


#: For ``bytes.translate``: a state's byte -> 1 for the wanted state, 0 for any other.
_STATE_MASKS = {s: bytes(int(b == s) for b in range(256)) for s in KeyState}


@contextmanager
def long_lived() -> Iterator[None]:
    """Around making many objects that will live long (every key's snapshot): no cyclic
    collection while they are made, and afterwards they are moved out of the collector's
    sight (``gc.freeze``). Otherwise each full collection rescans them all: pauses of 30 to
    90 ms over 100,000 keys, which hold the GIL and so freeze the UI thread. Snapshots hold
    no reference cycles, so reference counting still frees them when a newer set replaces
    them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


@dataclass(frozen=True)
class KeyView:
    """What the table shows: a key set, a query and its answer (positions in display order)."""

    keys: KeySet
    query: KeyQuery
    rows: tuple[int, ...]


class KeyBook:
    """The latest key set and query. Its methods run on the task runner's worker, one at a
    time, and return the view to show; the UI thread only reads ``keys`` and ``query``."""

    def __init__(self, now_ms: Callable[[], int]) -> None:
        self._now_ms = now_ms
        self._lock = threading.Lock()
        self._keys = KeySet()
        self._query = KeyQuery()
        self.complete = False

    @property
    def keys(self) -> KeySet:
        return self._keys

    @property
    def query(self) -> KeyQuery:
        return self._query

    def ask(self, query: KeyQuery) -> None:
        """Record the latest query; the next ``view()`` answers it."""
        with self._lock:
            self._query = query

    def load(self, keys: Callable[[], Iterable[Cmk]], *, complete: bool = True) -> KeyView:
        """Replace every key with what ``keys()`` returns: a first page (not ``complete``),
        then the whole list."""
        with long_lived():
            fresh = KeySet.build(keys(), self._now_ms())
        with self._lock:
            if complete or not self.complete:
                self._keys = fresh
                self.complete = self.complete or complete
        return self.view()

    def change(self, changed: Iterable[Cmk] = (), removed: Iterable[str] = ()) -> KeyView:
        """Apply changed and removed keys, and whatever time has done since."""
        with self._lock:
            self._keys = self._keys.with_changes(changed, removed, self._now_ms())
        return self.view()

    def view(self) -> KeyView:
        with self._lock:
            keys, query = self._keys, self._query
        keys.next_due_ms, keys.counts  # noqa: B018 - made here, on the worker, not the UI thread
        return KeyView(keys=keys, query=query, rows=keys.run(query))
