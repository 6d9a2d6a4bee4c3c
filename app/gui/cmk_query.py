"""The list window's keys and queries, in plain Python (no Qt), so they can run on the task
runner's worker and be tested without a screen.

A ``KeySet`` is an immutable snapshot of every key the window knows, in the store's order
(creation time), with what a query needs precomputed: one lower-cased search text per key,
its state, the counts per state and the next moment time changes a key. Any thread may read
it. A ``KeySearch`` answers a ``KeyQuery`` (search text, state filter, sort) over one key set
with the positions of the matching keys in display order, remembering sort orders and the
last answer so that the next keystroke is quick; it is mutable and belongs to one thread.

``KeyBook`` holds the latest key set and query. Jobs on the task runner (one worker, one job
at a time) move it forward (a load, changed keys, the passing of time, a new query) and each
returns a ``KeyView`` for the UI to show; the book's ``KeySearch`` is only touched by them.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import IntEnum
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
    KEY_USAGE = 5
    CREATED = 6
    MATERIAL_EXPIRY = 7
    TAGS = 8


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
    Column.KEY_USAGE: lambda c: c.key_usage.value,
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
    Make one with ``KeySet.build``, the next with ``with_changes``; nothing in it changes."""

    keys: tuple[Cmk, ...] = ()
    haystacks: tuple[str, ...] = ()
    states: bytes = b""
    as_of_ms: int = 0
    #: How many keys are in each state.
    counts: Mapping[KeyState, int] = field(default_factory=dict)
    #: The next moment time changes a key here (material expires or a deletion date
    #: passes); None when no key waits for time.
    next_due_ms: int | None = None
    version: int = field(default_factory=lambda: next(_versions))
    _positions: Mapping[str, int] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, keys: Iterable[Cmk], now_ms: int) -> KeySet:
        """A key set from snapshots, settled at ``now_ms``: expired material gone, keys past
        their deletion date left out."""
        settled = tuple(k.at(now_ms) for k in keys if not k.deleted_by(now_ms))
        return _made(settled, tuple(map(search_text, settled)), now_ms, None)

    def __len__(self) -> int:
        return len(self.keys)

    def position(self, key_id: str) -> int | None:
        return self._positions.get(key_id)

    def get(self, key_id: str) -> Cmk | None:
        i = self._positions.get(key_id)
        return None if i is None else self.keys[i]

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
        keys, hay, positions = self.keys, self.haystacks, self._positions
        if gone.intersection(positions):
            keep = [i for i, k in enumerate(keys) if k.key_id not in gone]
            keys, hay = tuple(map(keys.__getitem__, keep)), tuple(map(hay.__getitem__, keep))
            positions = {k.key_id: i for i, k in enumerate(keys)}
        fresh = {i: k.at(now_ms) for i, k in updates.items() if i not in gone}
        return _patched(keys, hay, positions, fresh, now_ms)


def _made(
    keys: tuple[Cmk, ...],
    haystacks: tuple[str, ...],
    now_ms: int,
    positions: Mapping[str, int] | None,
) -> KeySet:
    states = bytes(k.state for k in keys)
    if positions is None:
        positions = {k.key_id: i for i, k in enumerate(keys)}
    return KeySet(
        keys=keys,
        haystacks=haystacks,
        states=states,
        as_of_ms=now_ms,
        counts={KeyState(s): n for s, n in Counter(states).items()},
        next_due_ms=_next_due_ms(keys),
        _positions=positions,
    )


def _patched(
    keys: tuple[Cmk, ...],
    haystacks: tuple[str, ...],
    positions: Mapping[str, int],
    updates: dict[str, Cmk],
    now_ms: int,
) -> KeySet:
    """``keys`` with ``updates`` replacing theirs in place and the new ones appended in
    creation order; only the changed keys' search texts are made."""
    out, hay = list(keys), list(haystacks)
    added = sorted(
        (k for i, k in updates.items() if i not in positions),
        key=lambda k: (k.created_ms, k.key_id),
    )
    for key_id, cmk in updates.items():
        i = positions.get(key_id)
        if i is not None:
            out[i], hay[i] = cmk, search_text(cmk)
    out.extend(added)
    hay.extend(map(search_text, added))
    if added:
        positions = {**positions, **{k.key_id: len(keys) + n for n, k in enumerate(added)}}
    return _made(tuple(out), tuple(hay), now_ms, positions)


def _next_due_ms(keys: Iterable[Cmk]) -> int | None:
    moments = [
        moment
        for k in keys
        for moment in (
            k.material_expires_ms,
            k.deletion_ms if k.state is KeyState.PENDING_DELETION else None,
        )
        if moment
    ]
    return min(moments, default=None)


class KeySearch:
    """Answers queries over one key set. Sort orders are made on first use and kept, and a
    search narrowed by typing scans only the last answer. Not thread-safe: it belongs to the
    thread that runs it (``KeyBook``'s worker)."""

    def __init__(self, keys: KeySet) -> None:
        self.keys = keys
        self._orders: dict[tuple[Column, bool], tuple[int, ...]] = {}
        self._ranks: dict[tuple[Column, bool], tuple[int, ...]] = {}
        self._last: _Search | None = None
        self._store_ordered: bool | None = None

    def run(self, query: KeyQuery) -> tuple[int, ...]:
        """Positions of the keys matching ``query``, in its order."""
        needle, state = query.needle, query.state
        if not needle and state is None:
            return self.order(query.sort_column, query.descending)
        found = self._matching(needle, state)  # in position order
        if self._in_store_order(query.sort_column):
            return tuple(reversed(found)) if query.descending else tuple(found)
        ranks = self._rank(query.sort_column, query.descending)
        return tuple(sorted(found, key=ranks.__getitem__))

    def order(self, column: Column, descending: bool) -> tuple[int, ...]:
        """Positions of every key sorted by ``column``: ascending, ties in creation order;
        descending is exactly the reverse."""
        cached = self._orders.get((column, descending))
        if cached is None:
            if descending:
                cached = tuple(reversed(self.order(column, False)))
            else:
                ranks: list[Any] = list(map(_SORT_KEYS[column], self.keys.keys))
                cached = tuple(sorted(range(len(ranks)), key=ranks.__getitem__))
            self._orders[(column, descending)] = cached
        return cached

    def _rank(self, column: Column, descending: bool) -> tuple[int, ...]:
        """Each position's place in ``order``: the inverse permutation (sorting a
        permutation by its values inverts it, in C)."""
        cached = self._ranks.get((column, descending))
        if cached is None:
            order = self.order(column, descending)
            cached = tuple(sorted(range(len(order)), key=order.__getitem__))
            self._ranks[(column, descending)] = cached
        return cached

    def _in_store_order(self, column: Column) -> bool:
        """Whether sorting by ``column`` keeps the store's order (creation time, as the
        engine lists keys), so a search needs no sort: one long C-level sort holds the GIL,
        and the UI thread with it."""
        if column is not Column.CREATED:
            return False
        if self._store_ordered is None:
            in_order = self.order(Column.CREATED, False) == tuple(range(len(self.keys)))
            self._store_ordered = in_order
        return self._store_ordered

    def _matching(self, needle: str, state: KeyState | None) -> list[int]:
        """Positions whose search text holds ``needle`` and whose state is ``state``.
        Typing narrows a search: when the last needle is part of this one, only the last
        answer can match, so only it is scanned."""
        last, hay = self._last, self.keys.haystacks
        if last is not None and last.state is state and last.needle in needle:
            found = [i for i in last.found if needle in hay[i]]
        else:
            candidates: Iterable[int] = range(len(self.keys))
            if state is not None:
                candidates = compress(candidates, self.keys.states.translate(_STATE_MASKS[state]))
            found = [i for i in candidates if needle in hay[i]] if needle else list(candidates)
        self._last = _Search(needle, state, found)
        return found


#: For ``bytes.translate``: a state's byte -> 1 for the wanted state, 0 for any other.
_STATE_MASKS = {s: bytes(int(b == s) for b in range(256)) for s in KeyState}


@dataclass(frozen=True)
class KeyView:
    """What the table shows: a key set, a query and its answer (positions in display order)."""

    keys: KeySet
    query: KeyQuery
    rows: tuple[int, ...]


class KeyBook:
    """The latest key set and query. ``load``, ``change`` and ``view`` run on the task
    runner's worker, one at a time, and return the view to show; the UI thread only calls
    ``ask`` and reads ``keys`` and ``query``."""

    def __init__(self, now_ms: Callable[[], int]) -> None:
        self._now_ms = now_ms
        self._lock = threading.Lock()
        self._keys = KeySet()
        self._query = KeyQuery()
        self._search = KeySearch(self._keys)  # the worker's alone
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
        if self._search.keys is not keys:
            self._search = KeySearch(keys)
        return KeyView(keys=keys, query=query, rows=self._search.run(query))
